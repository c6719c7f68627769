#include <EGL/egl.h>

#include <cstring>

#include "config/settings.hpp"
#include "diagnostics/object_counts.hpp"
#include "glx/api.hpp"
#include "glx/context_attribs.hpp"
#include "glx/copy_context.hpp"
#include "glx/errors.hpp"
#include "glx/extensions.hpp"
#include "glx/frame_output.hpp"
#include "glx/internal.hpp"
#include "glx/registry.hpp"
#include "glx/xid.hpp"
#include "log/log.hpp"
#include "symbols/real.hpp"

// Last include: poisons every interposed name in the code below.
#include "symbols/poison.hpp"

namespace eglrun::glx {

namespace {
Context* from_handle(GLXContext c) { return reinterpret_cast<Context*>(c); }
GLXContext to_handle(Context* c) { return reinterpret_cast<GLXContext>(c); }
}  // namespace

bool es_profiles_supported() {
  // eglrun's own GL calls are ES-safe (drawable/gl_state.hpp); what remains is whether EGL offers ES.
  static const bool supported = [] {
    std::string error;
    const auto* b = egl::backend(&error);
    if (b == nullptr) return false;
    const char* apis = eglQueryString(b->display, EGL_CLIENT_APIS);
    return apis != nullptr && std::strstr(apis, "OpenGL_ES") != nullptr;
  }();
  return supported;
}

void sweep_framebuffers(Context& ctx, bool all) {
  bool any = false;
  for (auto& [serial, fb] : ctx.framebuffers) any |= all || !fb->drawable_alive();
  if (!any) return;
  std::string error;
  const auto* b = egl::backend(&error);
  if (b == nullptr) return;
  const bool is_current_here = current_context() == &ctx;
  EGLContext old_ctx = eglGetCurrentContext();
  EGLSurface old_draw = eglGetCurrentSurface(EGL_DRAW), old_read = eglGetCurrentSurface(EGL_READ);
  EGLDisplay old_dpy = eglGetCurrentDisplay();
  if (!is_current_here && !eglMakeCurrent(b->display, EGL_NO_SURFACE, EGL_NO_SURFACE, ctx.egl)) return;
  real::resolve_gl();
  for (auto it = ctx.framebuffers.begin(); it != ctx.framebuffers.end();) {
    auto& fb = it->second;
    if ((all || !fb->drawable_alive()) && fb.get() != ctx.draw_fb && fb.get() != ctx.read_fb) {
      fb->destroy();
      it = ctx.framebuffers.erase(it);
    } else {
      ++it;
    }
  }
  if (!is_current_here) {
    if (old_ctx != EGL_NO_CONTEXT)
      eglMakeCurrent(old_dpy, old_draw, old_read, old_ctx);
    else
      eglMakeCurrent(b->display, EGL_NO_SURFACE, EGL_NO_SURFACE, EGL_NO_CONTEXT);
  }
}

void destroy_now(Context* ctx) {
  std::string error;
  const auto* b = egl::backend(&error);
  forget_context(*ctx);  // frames read back in it may still be on their way to a window
  // A context that shares objects would leave our FBOs behind in the share group: delete them first.
  sweep_framebuffers(*ctx, true);
  ctx->framebuffers.clear();
  if (b && eglDestroyContext(b->display, ctx->egl))
    diagnostics::count_released(diagnostics::Object::EglContext);
  log::debug("context {:p} destroyed", static_cast<void*>(ctx));
  delete ctx;
}

namespace {

FloatRenderTypes advertised_float_types() {
  const std::string& ext = extension_string();  // each name is followed by a space
  return {ext.find("GLX_ARB_fbconfig_float ") != std::string::npos,
          ext.find("GLX_EXT_fbconfig_packed_float ") != std::string::npos};
}

GLXContext create_common(Display* dpy, const FBConfigDesc* config, const ContextAttribs& attribs,
                         GLXContext share, int request) {
  auto& reg = Registry::instance();
  std::lock_guard lock(reg.mutex);
  Context* share_ctx = from_handle(share);
  if (share_ctx != nullptr && !reg.is_context(share_ctx)) {
    raise_glx_error(dpy, kGLXBadContext, false, request, 0);
    return nullptr;
  }
  std::string error;
  const auto* b = egl::backend(&error);
  if (b == nullptr) {
    log::error("cannot create an OpenGL context: {}", error);
    raise_core_error(dpy, BadAlloc, request);
    return nullptr;
  }
  if (config::settings().require_gpu && b->device.software) {
    if (log::first_time("require-gpu-refused"))
      log::error(
          "GPU rendering is required (EGLRUN_REQUIRE_GPU=1 / --require-gpu) but device egl{} is a software "
          "renderer; refusing to create an OpenGL context. Run `eglrun --doctor` to see why no GPU is "
          "usable.",
          b->device.index);
    raise_core_error(dpy, BadAlloc, request);
    return nullptr;
  }
  if ((attribs.request.robust_access || attribs.request.lose_context_on_reset) && !b->has_robustness) {
    raise_core_error(dpy, BadMatch, request);
    return nullptr;
  }
  EGLint egl_error = EGL_SUCCESS;
  EGLContext egl_ctx =
      egl::create_context(*b, attribs.request, share_ctx ? share_ctx->egl : EGL_NO_CONTEXT, &egl_error);
  if (egl_ctx == EGL_NO_CONTEXT) {
    log::debug("eglCreateContext for OpenGL {}.{} failed: {}", attribs.request.major, attribs.request.minor,
               egl::egl_error_name(egl_error));
    raise_core_error(dpy, egl_error == EGL_BAD_ALLOC ? BadAlloc : BadMatch, request);
    return nullptr;
  }
  auto* ctx = new Context;
  ctx->dpy = dpy;
  ctx->screen = config->screen;
  ctx->config = config;
  ctx->egl = egl_ctx;
  ctx->id = alloc_xid(dpy);
  ctx->render_type = attribs.render_type;
  ctx->request = attribs.request;
  ctx->share_id = share_ctx ? share_ctx->id : 0;
  if (share_ctx) ctx->lists = share_ctx->lists;
  ctx->is_es = attribs.request.es_profile;
  reg.add_context(ctx);
  log::debug("context {:p} created (OpenGL{} {}.{}, config 0x{:x})", static_cast<void*>(ctx),
             ctx->is_es ? " ES" : "", attribs.request.major, attribs.request.minor, config->fbconfig_id);
  return to_handle(ctx);
}

// The config behind a GLXFBConfig handle, or nullptr after raising GLXBadFBConfig.
const FBConfigDesc* config_or_error(Display* dpy, GLXFBConfig config, int request) {
  const FBConfigDesc* c = nullptr;
  {
    auto& reg = Registry::instance();
    std::lock_guard lock(reg.mutex);
    c = reg.validate_config(dpy, config);
  }
  if (c == nullptr) raise_glx_error(dpy, kGLXBadFBConfig, false, request, 0);
  return c;
}

}  // namespace
}  // namespace eglrun::glx

namespace eglrun::glx::api {

GLXContext create_context(Display* dpy, XVisualInfo* vis, GLXContext share, Bool direct) {
  if (dpy == nullptr) return nullptr;
  const FBConfigDesc* c = config_of_visual(dpy, vis);
  if (c == nullptr) {
    raise_core_error(dpy, BadValue, kX_GLXCreateContext, vis ? vis->visualid : 0);
    return nullptr;
  }
  return create_common(dpy, c, ContextAttribs{}, share, kX_GLXCreateContext);
}

GLXContext create_new_context(Display* dpy, GLXFBConfig config, int render_type, GLXContext share,
                              Bool direct) {
  if (dpy == nullptr) return nullptr;
  const FBConfigDesc* c = config_or_error(dpy, config, kX_GLXCreateNewContext);
  if (c == nullptr) return nullptr;
  if (render_type == GLX_COLOR_INDEX_TYPE || !valid_render_type(render_type, advertised_float_types())) {
    raise_core_error(dpy, BadValue, kX_GLXCreateNewContext, static_cast<XID>(render_type));
    return nullptr;
  }
  // Float configs back float contexts only, and float contexts need float configs.
  if (!config_supports_render_type(c->render_type, render_type)) {
    raise_core_error(dpy, BadMatch, kX_GLXCreateNewContext);
    return nullptr;
  }
  ContextAttribs a;
  a.render_type = render_type;
  return create_common(dpy, c, a, share, kX_GLXCreateNewContext);
}

GLXContext create_context_attribs(Display* dpy, GLXFBConfig config, GLXContext share, Bool direct,
                                  const int* attribs) {
  if (dpy == nullptr) return nullptr;
  const FBConfigDesc* c = config_or_error(dpy, config, kX_GLXCreateContextAttribsARB);
  if (c == nullptr) return nullptr;
  ContextAttribs a;
  auto err = parse_context_attribs(attribs, es_profiles_supported(), &a, advertised_float_types());
  if (err.kind != ContextAttribsError::kNone) {
    log::debug("glXCreateContextAttribsARB: {}", err.message);
    if (err.kind == ContextAttribsError::kBadProfile)
      raise_glx_error(dpy, kGLXBadProfileARB, false, kX_GLXCreateContextAttribsARB, 0);
    else
      raise_core_error(dpy, err.kind == ContextAttribsError::kBadValue ? BadValue : BadMatch,
                       kX_GLXCreateContextAttribsARB);
    return nullptr;
  }
  if (!a.render_type_given) a.render_type = default_render_type(c->render_type);
  if (!config_supports_render_type(c->render_type, a.render_type)) {
    raise_core_error(dpy, BadMatch, kX_GLXCreateContextAttribsARB);
    return nullptr;
  }
  return create_common(dpy, c, a, share, kX_GLXCreateContextAttribsARB);
}

void destroy_context(Display* dpy, GLXContext handle) {
  auto& reg = Registry::instance();
  std::lock_guard lock(reg.mutex);
  Context* ctx = from_handle(handle);
  // Destroying again a context already destroyed but still current in this thread changes nothing.
  if (ctx != nullptr && ctx == current_context() && ctx->destroy_pending) return;
  if (ctx == nullptr || !reg.is_context(ctx)) {
    raise_glx_error(dpy, kGLXBadContext, false, kX_GLXDestroyContext, 0);
    return;
  }
  reg.remove_context(ctx);
  if (ctx->current.load()) {
    ctx->destroy_pending = true;  // GLX: destroyed once no thread has it current
    return;
  }
  destroy_now(ctx);
}

Bool is_direct(Display* dpy, GLXContext handle) {
  auto& reg = Registry::instance();
  std::lock_guard lock(reg.mutex);
  Context* ctx = from_handle(handle);
  if (ctx == nullptr || !reg.is_context(ctx)) {
    raise_glx_error(dpy, kGLXBadContext, false, kX_GLXIsDirect, 0);
    return False;
  }
  return True;  // every eglrun context renders directly on the EGL device
}

void copy_context(Display* dpy, GLXContext src, GLXContext dst, unsigned long mask) {
  auto& reg = Registry::instance();
  std::lock_guard lock(reg.mutex);
  Context* s = from_handle(src);
  Context* d = from_handle(dst);
  // The calling thread's context stays valid for it after glXDestroyContext (GLX 1.4 3.3.7).
  auto valid = [&reg](Context* c) { return c != nullptr && (reg.is_context(c) || c == current_context()); };
  if (!valid(s) || !valid(d)) {
    raise_glx_error(dpy, kGLXBadContext, false, kX_GLXCopyContext, 0);
    return;
  }
  if (s->screen != d->screen || s->is_es || d->is_es) {
    // Not the same screen (GLX 1.4), or an OpenGL ES context: eglrun copies desktop GL state only.
    raise_core_error(dpy, BadMatch, kX_GLXCopyContext);
    return;
  }
  if (d->current.load()) {
    raise_core_error(dpy, BadAccess, kX_GLXCopyContext);
    return;
  }
  const bool src_here = s == current_context();
  if (s->current.load() && !src_here) {
    // EGL makes a context current in one thread at a time: its state cannot be read from here.
    if (log::first_time("copy-context-src-elsewhere"))
      log::warn(
          "glXCopyContext: the source context is current in another thread; nothing copied (BadAccess)");
    raise_core_error(dpy, BadAccess, kX_GLXCopyContext);
    return;
  }
  std::string error;
  const auto* b = egl::backend(&error);
  if (b == nullptr) {
    raise_core_error(dpy, BadAlloc, kX_GLXCopyContext);
    return;
  }
  EGLContext old_ctx = eglGetCurrentContext();
  EGLSurface old_draw = eglGetCurrentSurface(EGL_DRAW), old_read = eglGetCurrentSurface(EGL_READ);
  EGLDisplay old_dpy = eglGetCurrentDisplay();
  auto restore = [&] {
    if (old_ctx != EGL_NO_CONTEXT)
      eglMakeCurrent(old_dpy, old_draw, old_read, old_ctx);
    else
      eglMakeCurrent(b->display, EGL_NO_SURFACE, EGL_NO_SURFACE, EGL_NO_CONTEXT);
  };
  auto legacy = [](const Context& c) {
    return !c.request.core_profile && !(c.request.forward_compatible && c.request.major >= 3);
  };
  // Neither context is current in another thread, and the registry lock keeps it so.
  if (!src_here && !eglMakeCurrent(b->display, EGL_NO_SURFACE, EGL_NO_SURFACE, s->egl)) {
    log::error("glXCopyContext: cannot make the source context current: {}",
               egl::egl_error_name(eglGetError()));
    raise_core_error(dpy, BadAlloc, kX_GLXCopyContext);
    return;
  }
  real::resolve_gl();
  if (src_here) {
    real::glFlush_fn();  // GLX: an implicit glFlush when the source is current in the calling thread
    show_front_buffer(*s);
  }
  auto share_root = [&reg](const Context* c) {
    XID id = c->id;
    for (const Context* p = c; p != nullptr && p->share_id != 0; p = reg.find_context_by_id(p->share_id))
      id = p->share_id;
    return id;
  };
  const bool shared = s == d || share_root(s) == share_root(d);
  auto src_api = copy::query_current_api(legacy(*s));
  src_api.shares_objects = shared;
  const copy::Snapshot snapshot = copy::capture(src_api, static_cast<GLbitfield>(mask), s->has_pack_invert);
  if (!eglMakeCurrent(b->display, EGL_NO_SURFACE, EGL_NO_SURFACE, d->egl)) {
    log::error("glXCopyContext: cannot make the destination context current: {}",
               egl::egl_error_name(eglGetError()));
    restore();
    raise_core_error(dpy, BadAlloc, kX_GLXCopyContext);
    return;
  }
  auto dst_api = copy::query_current_api(legacy(*d));
  dst_api.shares_objects = shared;
  GLint list_mode = 0;
  if (dst_api.legacy) real::glGetIntegerv_fn(GL_LIST_MODE, &list_mode);
  int count = 0;
  if (list_mode != 0) {
    // Released while compiling a display list: our calls would be compiled into it.
    log::warn("glXCopyContext: the destination context is compiling a display list; nothing copied");
  } else {
    count = copy::apply(dst_api, static_cast<GLbitfield>(mask), snapshot);
  }
  restore();
  // Framebuffer 0's draw buffers are eglrun's state: given to the destination's stand-in at its
  // next make-current (gl::carry_buffer_selection).
  if ((mask & GL_COLOR_BUFFER_BIT) != 0 && list_mode == 0) {
    // The copied real mask has alpha held off if the source held it (gl/opaque_alpha.hpp): the
    // application's mask goes along, and the destination re-applies it at its next make-current.
    d->alpha_held = s->alpha_held;
    if (s->alpha_held) d->color_mask = s->color_mask;
    d->fb0_draw_buffers = s->fb0_draw_buffers;
    d->fb0_draw_count = s->fb0_draw_count;
    if (d->fb0_draw_count == 0 && d->ever_current) {
      d->fb0_draw_buffers.fill(GL_NONE);
      d->fb0_draw_buffers[0] = s->config->doublebuffer ? GL_BACK : GL_FRONT;
      d->fb0_draw_count = 1;
    }
  }
  log::debug("glXCopyContext {:p} -> {:p} mask 0x{:x}: {} of {} state items set", static_cast<void*>(s),
             static_cast<void*>(d), mask, count, snapshot.size());
}

int query_context(Display* dpy, GLXContext handle, int attribute, int* value) {
  auto& reg = Registry::instance();
  std::lock_guard lock(reg.mutex);
  Context* ctx = from_handle(handle);
  if (ctx == nullptr || !reg.is_context(ctx)) return GLX_BAD_CONTEXT;
  if (value == nullptr) return GLX_BAD_VALUE;
  switch (attribute) {
    case GLX_FBCONFIG_ID:
      *value = ctx->config->fbconfig_id;
      return Success;
    case GLX_RENDER_TYPE:
      *value = ctx->render_type;
      return Success;
    case GLX_SCREEN:
      *value = ctx->screen;
      return Success;
    case GLX_SHARE_CONTEXT_EXT:
      *value = static_cast<int>(ctx->share_id);
      return Success;
    case GLX_VISUAL_ID_EXT:
      *value = ctx->config->visual_id;
      return Success;
    default:
      return GLX_BAD_ATTRIBUTE;
  }
}

GLXContextID get_context_id(GLXContext handle) {
  auto& reg = Registry::instance();
  std::lock_guard lock(reg.mutex);
  Context* ctx = from_handle(handle);
  return ctx != nullptr && reg.is_context(ctx) ? ctx->id : 0;
}

GLXContext import_context(Display* dpy, GLXContextID id) {
  auto& reg = Registry::instance();
  std::lock_guard lock(reg.mutex);
  // GLX_EXT_import_context shares only indirect (server-side) contexts, and every eglrun context is
  // direct: like Mesa for a direct context, NULL without an error; an unknown ID is GLXBadContext.
  // (A forked child finds the parent's contexts in its copy of the registry: also direct, also NULL.)
  if (id == 0 || reg.find_context_by_id(id) == nullptr) raise_glx_error(dpy, kGLXBadContext, false, 0, id);
  return nullptr;
}

void free_context(Display* dpy, GLXContext handle) {
  // Nothing can have been imported (see import_context): there is no client-side copy to free.
}

}  // namespace eglrun::glx::api
