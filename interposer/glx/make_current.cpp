#include <EGL/egl.h>

#include <cstring>

#include "diagnostics/fallback.hpp"
#include "drawable/gl_state.hpp"
#include "gl/default_framebuffer.hpp"
#include "gl/opaque_alpha.hpp"
#include "gl/preserve.hpp"
#include "glx/api.hpp"
#include "glx/errors.hpp"
#include "glx/frame_output.hpp"
#include "glx/internal.hpp"
#include "glx/quiet_x.hpp"
#include "glx/registry.hpp"
#include "log/log.hpp"
#include "symbols/real.hpp"

// Last include: poisons every interposed name in the code below.
#include "symbols/poison.hpp"

namespace eglrun::glx {

using namespace eglrun::real;
using drawable::Drawable;
using drawable::Framebuffer;

namespace {

Context* from_handle(GLXContext c) { return reinterpret_cast<Context*>(c); }

bool has_gl_extension(const char* name) {
  GLint n = 0;
  glGetIntegerv_fn(GL_NUM_EXTENSIONS, &n);
  for (GLint i = 0; i < n; ++i) {
    const char* e = reinterpret_cast<const char*>(glGetStringi_fn(GL_EXTENSIONS, static_cast<GLuint>(i)));
    if (e && std::strcmp(e, name) == 0) return true;
  }
  return false;
}

// An X window the application renders to directly (GLX 1.2 style) becomes a drawable on first use.
std::shared_ptr<Drawable> lookup_or_adopt(Registry& reg, Display* dpy, XID handle, const Context& ctx) {
  if (auto d = reg.find_drawable(dpy, handle)) return d;
  XWindowAttributes attr{};
  if (!quiet::get_window_attributes(dpy, handle, &attr)) return nullptr;
  auto d = std::make_shared<Drawable>(dpy, handle, handle, drawable::Kind::Window, ctx.config, attr.width,
                                      attr.height);
  // Rendering uses the context's config; GLX_FBCONFIG_ID reports the window's own, as Mesa does:
  // the first config (in glXGetFBConfigs order) of the window's visual.
  if (const ScreenState* s = attr.visual ? reg.screen(dpy, ctx.screen) : nullptr) {
    for (const auto& c : s->configs) {
      if (c.visual_id == static_cast<int>(attr.visual->visualid)) {
        d->reported_config = &c;
        break;
      }
    }
  }
  reg.display(dpy).drawables[handle] = d;
  log::debug("window 0x{:x} adopted as a GLX drawable ({}x{})", handle, attr.width, attr.height);
  return d;
}

Framebuffer* framebuffer_for(Context& ctx, const std::shared_ptr<Drawable>& d) {
  auto& slot = ctx.framebuffers[d->serial];
  if (!slot) slot = std::make_unique<Framebuffer>(d, ctx.has_flip_y);
  return slot.get();
}

GLuint bound(GLenum pname) {
  GLint v = 0;
  glGetIntegerv_fn(pname, &v);
  return static_cast<GLuint>(v);
}

bool is_stand_in(const Context& ctx, GLuint fbo) {
  if (fbo == 0) return true;
  for (const auto& [serial, fb] : ctx.framebuffers)
    if (fb && fb->fbo() == fbo) return true;
  return false;
}

// Leaves `ctx` (current in this thread): implicit flush, front-buffer contents shown, unbound.
void release(Context* ctx) {
  if (ctx == nullptr) return;
  gl::settle_all_preserves(*ctx);  // its back buffers stay defined for whoever draws them next
  // GLX_ARB_context_flush_control: GLX_CONTEXT_RELEASE_BEHAVIOR_NONE_ARB contexts are released unflushed.
  if (!ctx->request.flush_none) glFlush_fn();
  show_front_buffer(*ctx);
  ctx->current = false;
  ctx->draw_fb = ctx->read_fb = nullptr;
  ctx->draw_handle = ctx->read_handle = 0;
  ctx->current_dpy = nullptr;
  set_current_context(nullptr);
  drawable::set_current_is_es(false);
  gl::clear_alpha_hold();
}

void finish_release(Context* ctx, const egl::Backend* b) {
  if (ctx && ctx->destroy_pending) destroy_now(ctx);
}

bool first_make_current_in_process() {
  static std::atomic<bool> done{false};
  return !done.exchange(true);
}

}  // namespace
}  // namespace eglrun::glx

namespace eglrun::glx::api {

Bool make_current(Display* dpy, GLXDrawable draw, GLXDrawable read, GLXContext handle, int request) {
  auto& reg = Registry::instance();
  std::lock_guard lock(reg.mutex);
  Context* prev = current_context();
  Context* ctx = from_handle(handle);
  std::string error;
  const egl::Backend* b = egl::backend(&error);

  if (ctx == nullptr) {
    if (draw != None || read != None) {
      raise_core_error(dpy, BadMatch, request);
      return False;
    }
    if (prev) {
      release(prev);
      if (b) eglMakeCurrent(b->display, EGL_NO_SURFACE, EGL_NO_SURFACE, EGL_NO_CONTEXT);
      finish_release(prev, b);
    }
    return True;
  }
  // A context destroyed while current in this thread stays usable by it until released (GLX 1.4 3.3.7).
  const bool destroyed_but_current_here = ctx == prev && ctx->destroy_pending;
  if (!reg.is_context(ctx) && !destroyed_but_current_here) {
    raise_glx_error(dpy, kGLXBadContext, false, request, 0);
    return False;
  }
  if (ctx->current.load() && ctx->owner != std::this_thread::get_id()) {
    raise_core_error(dpy, BadAccess, request);
    return False;
  }
  if ((draw == None) != (read == None)) {
    raise_core_error(dpy, BadMatch, request);
    return False;
  }
  if (b == nullptr) {
    log::error("{}", error);
    raise_core_error(dpy, BadAlloc, request);
    return False;
  }
  if (prev == ctx && ctx->draw_handle == draw && ctx->read_handle == read && ctx->current_dpy == dpy)
    return True;

  std::shared_ptr<Drawable> draw_d, read_d;
  if (draw != None) {
    draw_d = lookup_or_adopt(reg, dpy, draw, *ctx);
    read_d = read == draw ? draw_d : lookup_or_adopt(reg, dpy, read, *ctx);
    if (!draw_d || !read_d) {
      raise_glx_error(dpy, kGLXBadDrawable, false, request, draw_d ? read : draw);
      return False;
    }
  } else if (ctx->request.major < 3) {
    // Only OpenGL 3.0+ contexts may be current without a default framebuffer (GLX_ARB_create_context).
    raise_core_error(dpy, BadMatch, request);
    return False;
  }

  // What the application had bound, to tell "framebuffer 0" from its own FBOs after the switch.
  GLuint old_draw_fbo = 0, old_read_fbo = 0;
  if (prev == ctx) {
    old_draw_fbo = ctx->draw_fb ? ctx->draw_fb->fbo() : 0;
    old_read_fbo = ctx->read_fb ? ctx->read_fb->fbo() : 0;
  }
  bool was_default_draw =
      !ctx->ever_current || (prev == ctx && bound(GL_DRAW_FRAMEBUFFER_BINDING) == old_draw_fbo);
  bool was_default_read =
      !ctx->ever_current || (prev == ctx && bound(GL_READ_FRAMEBUFFER_BINDING) == old_read_fbo);

  if (prev && prev != ctx) {
    release(prev);
  } else if (prev == ctx && ctx->draw_fb) {
    gl::settle_all_preserves(*ctx);
    glFlush_fn();
    show_front_buffer(*ctx);
  }
  if (!eglMakeCurrent(b->display, EGL_NO_SURFACE, EGL_NO_SURFACE, ctx->egl)) {
    EGLint e = eglGetError();
    log::error("eglMakeCurrent failed: {}", egl::egl_error_name(e));
    if (prev && prev != ctx) finish_release(prev, b);
    raise_core_error(dpy, e == EGL_BAD_ACCESS ? BadAccess : BadAlloc, request);
    return False;
  }
  if (prev && prev != ctx) finish_release(prev, b);
  resolve_gl();
  set_current_context(ctx);
  drawable::set_current_is_es(ctx->is_es);
  ctx->current = true;
  ctx->owner = std::this_thread::get_id();
  ctx->current_dpy = dpy;
  ctx->draw_handle = draw;
  ctx->read_handle = read;

  if (prev != ctx && ctx->ever_current) {
    // Made current again after a release: its bindings are as it left them, framebuffer 0 when one
    // of its stand-ins (which the application never sees) or nothing is bound.
    was_default_draw = is_stand_in(*ctx, bound(GL_DRAW_FRAMEBUFFER_BINDING));
    was_default_read = is_stand_in(*ctx, bound(GL_READ_FRAMEBUFFER_BINDING));
  }
  const bool first_time = !ctx->ever_current;
  if (first_time) {
    ctx->has_pack_invert = !ctx->is_es && has_gl_extension("GL_MESA_pack_invert");
    ctx->has_flip_y = has_gl_extension("GL_MESA_framebuffer_flip_y");
    if (first_make_current_in_process()) {
      const char* renderer = reinterpret_cast<const char*>(glGetString_fn(GL_RENDERER));
      if (!diagnostics::check_renderer_at_first_make_current(renderer ? renderer : "")) {
        release(ctx);
        eglMakeCurrent(b->display, EGL_NO_SURFACE, EGL_NO_SURFACE, EGL_NO_CONTEXT);
        raise_core_error(dpy, BadAlloc, request);
        return False;
      }
    }
  }
  if (draw_d) {
    ctx->draw_fb = framebuffer_for(*ctx, draw_d);
    ctx->read_fb = read_d == draw_d ? ctx->draw_fb : framebuffer_for(*ctx, read_d);
    ctx->draw_fb->sync(b->display, ctx->egl);
    if (ctx->read_fb != ctx->draw_fb) ctx->read_fb->sync(b->display, ctx->egl);
    if (was_default_draw) glBindFramebuffer_fn(GL_DRAW_FRAMEBUFFER, ctx->draw_fb->fbo());
    if (was_default_read) glBindFramebuffer_fn(GL_READ_FRAMEBUFFER, ctx->read_fb->fbo());
    // Framebuffer 0's draw buffer selection is context state: it follows the context here.
    gl::carry_buffer_selection(*ctx);
    if (first_time) {
      // GLX: the first binding sets the viewport and scissor box to the drawable's size.
      glViewport_fn(0, 0, draw_d->width(), draw_d->height());
      glScissor_fn(0, 0, draw_d->width(), draw_d->height());
    }
  } else {
    ctx->draw_fb = ctx->read_fb = nullptr;
    if (was_default_draw) glBindFramebuffer_fn(GL_FRAMEBUFFER, 0);
  }
  // Alpha writes held off exactly while an opaque stand-in is drawn to (gl/opaque_alpha.hpp); forced,
  // as glXCopyContext may have set this context's mask while it was not current.
  gl::update_alpha_hold(true);
  ctx->ever_current = true;
  sweep_framebuffers(*ctx, false);
  return True;
}

GLXContext get_current_context() { return reinterpret_cast<GLXContext>(current_context()); }
Display* get_current_display() {
  Context* c = current_context();
  return c ? c->current_dpy : nullptr;
}
GLXDrawable get_current_drawable() {
  Context* c = current_context();
  return c ? c->draw_handle : None;
}
GLXDrawable get_current_read_drawable() {
  Context* c = current_context();
  return c ? c->read_handle : None;
}

}  // namespace eglrun::glx::api
