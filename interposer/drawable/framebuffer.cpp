#include "drawable/framebuffer.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <cstring>
#include <mutex>

#include "diagnostics/object_counts.hpp"
#include "drawable/buffer_mapping.hpp"
#include "drawable/gl_state.hpp"
#include "drawable/image_storage.hpp"
#include "egl/backend.hpp"
#include "glx/fbconfig.hpp"
#include "log/log.hpp"
#include "symbols/real.hpp"

// Last include: poisons every interposed name in the code below.
#include "symbols/poison.hpp"

namespace eglrun::drawable {

using namespace eglrun::real;
using diagnostics::count_created;
using diagnostics::count_released;
using diagnostics::Object;

namespace {

constexpr GLenum kFramebufferFlipYMesa = 0x8BBB;  // GL_FRAMEBUFFER_FLIP_Y_MESA

// Draws into one colour attachment only. Not glDrawBuffer (OpenGL ES has only the plural), and with
// the attachment at its own index, as OpenGL ES requires of glDrawBuffers on a framebuffer object.
void draw_to_attachment(GLenum point) {
  GLenum list[2] = {GL_NONE, GL_NONE};
  const int index = point == kFrontAttachment ? 1 : 0;
  list[index] = point;
  glDrawBuffers_fn(index + 1, list);
}

std::atomic<uint64_t> g_preserve_copied{0}, g_preserve_skipped{0};

// With the object report (EGLRUN_OBJECT_REPORT): how often the deferred preserve copy was needed.
__attribute__((destructor)) void report_preserve_counts() {
  const char* v = std::getenv("EGLRUN_OBJECT_REPORT");
  if (v == nullptr || v[0] == '\0' || std::strcmp(v, "0") == 0) return;
  // One write to fd 2: library destructors run after stdio and the logger may be gone.
  const std::string line = fmt::format("[eglrun] back-buffer preserve copies: {} made, {} skipped\n",
                                       g_preserve_copied.load(), g_preserve_skipped.load());
  ssize_t ignored = ::write(STDERR_FILENO, line.data(), line.size());
  (void)ignored;
}

}  // namespace

Framebuffer::PreserveCounts Framebuffer::preserve_counts() {
  return {g_preserve_copied.load(), g_preserve_skipped.load()};
}

bool Framebuffer::sync(EGLDisplay display, EGLContext current) {
  Drawable& d = *drawable_;
  std::lock_guard lock(d.mutex);
  if (!d.ensure_storage(display, current)) return false;
  opaque_alpha_ = d.config->samples == 0 && d.opaque_alpha();
  if (fbo_ != 0 && generation_ == d.generation()) {
    follow_back();
    return true;
  }

  const auto* cfg = d.config;
  ScopedFramebufferBindings saved;
  GLint old_rb = 0;
  glGetIntegerv_fn(GL_RENDERBUFFER_BINDING, &old_rb);
  const bool first = fbo_ == 0;
  if (first) {
    glGenFramebuffers_fn(1, &fbo_);
    count_created(Object::GlFramebuffer);
    samples_ = cfg->samples;
    draw_memo.fill({});
    draw_memo[0] = {d.double_buffered ? GLenum(GL_BACK) : GLenum(GL_FRONT), GLint(kBackAttachment)};
    read_memo = draw_memo[0];
  }
  const int w = d.storage_width(), h = d.storage_height();
  const bool resized = w != attached_w_ || h != attached_h_;

  glBindFramebuffer_fn(GL_FRAMEBUFFER, fbo_);
  if (first && flip_y_) glFramebufferParameteri_fn(GL_FRAMEBUFFER, kFramebufferFlipYMesa, GL_TRUE);
  if (samples_ > 0 && resolve_fbo_ == 0) {
    glGenFramebuffers_fn(1, &resolve_fbo_);
    count_created(Object::GlFramebuffer);
    // Resolved frames keep the top-down rows, so the presenter reads a swap-chain image one way.
    if (flip_y_) {
      glBindFramebuffer_fn(GL_FRAMEBUFFER, resolve_fbo_);
      glFramebufferParameteri_fn(GL_FRAMEBUFFER, kFramebufferFlipYMesa, GL_TRUE);
      glBindFramebuffer_fn(GL_FRAMEBUFFER, fbo_);
    }
  }
  for (int i = 0; i < 2; ++i) {
    const GLenum point = i == 0 ? kBackAttachment : kFrontAttachment;
    if (i == 0 && d.swap_chain()) {
      attach_chain_back(resized);
      continue;
    }
    EGLImageKHR image = d.image(static_cast<Buffer>(i));
    if (image == EGL_NO_IMAGE_KHR) {
      if (color_[i] != 0) {
        glFramebufferRenderbuffer_fn(GL_FRAMEBUFFER, point, GL_RENDERBUFFER, 0);
        glDeleteRenderbuffers_fn(1, &color_[i]);
        count_released(Object::GlRenderbuffer);
        color_[i] = 0;
      }
      continue;
    }
    GLuint& target = samples_ > 0 ? resolve_color_[i] : color_[i];
    if (target == 0) {
      glGenRenderbuffers_fn(1, &target);
      count_created(Object::GlRenderbuffer);
    }
    glBindRenderbuffer_fn(GL_RENDERBUFFER, target);
    glEGLImageTargetRenderbufferStorageOES_fn(GL_RENDERBUFFER, image);
    if (samples_ > 0) {
      glBindFramebuffer_fn(GL_FRAMEBUFFER, resolve_fbo_);
      glFramebufferRenderbuffer_fn(GL_FRAMEBUFFER, point, GL_RENDERBUFFER, target);
      glBindFramebuffer_fn(GL_FRAMEBUFFER, fbo_);
      if (color_[i] == 0 || resized) {
        if (color_[i] == 0) {
          glGenRenderbuffers_fn(1, &color_[i]);
          count_created(Object::GlRenderbuffer);
        }
        glBindRenderbuffer_fn(GL_RENDERBUFFER, color_[i]);
        glRenderbufferStorageMultisample_fn(GL_RENDERBUFFER, samples_, cfg->color_format, w, h);
      }
    }
    glFramebufferRenderbuffer_fn(GL_FRAMEBUFFER, point, GL_RENDERBUFFER, color_[i]);
  }
  const GLenum dfmt = depth_storage_format(*cfg);
  // Single-sampled: the drawable's depth/stencil, shared with every context drawing to it. EGLImages
  // cannot hold multisampled buffers, so a multisampled one stays this context's own.
  EGLImageKHR shared_depth =
      dfmt != 0 && samples_ == 0 ? d.depth_image(display, current, dfmt) : EGL_NO_IMAGE_KHR;
  if (dfmt != 0 && samples_ == 0 && shared_depth == EGL_NO_IMAGE_KHR) {
    static std::once_flag once;
    std::call_once(once, [&] {
      log::debug(
          "the EGL driver cannot share depth/stencil buffers as EGLImages ({}): each context keeps its own",
          egl::egl_error_name(eglGetError()));
    });
  }
  if (shared_depth != EGL_NO_IMAGE_KHR && shared_depth != depth_source_) {
    GLint old_tex = 0;
    glGetIntegerv_fn(GL_TEXTURE_BINDING_2D, &old_tex);
    if (depth_texture_ == 0) {
      glGenTextures_fn(1, &depth_texture_);
      count_created(Object::GlTexture);
    }
    glBindTexture_fn(GL_TEXTURE_2D, depth_texture_);
    glEGLImageTargetTexture2DOES_fn(GL_TEXTURE_2D, shared_depth);
    glBindTexture_fn(GL_TEXTURE_2D, static_cast<GLuint>(old_tex));
    glFramebufferTexture2D_fn(GL_FRAMEBUFFER, depth_attachment_point(dfmt), GL_TEXTURE_2D, depth_texture_, 0);
    depth_source_ = shared_depth;
  } else if (shared_depth == EGL_NO_IMAGE_KHR && dfmt != 0 && (depth_stencil_ == 0 || resized)) {
    if (depth_stencil_ == 0) {
      glGenRenderbuffers_fn(1, &depth_stencil_);
      count_created(Object::GlRenderbuffer);
    }
    glBindRenderbuffer_fn(GL_RENDERBUFFER, depth_stencil_);
    if (samples_ > 0)
      glRenderbufferStorageMultisample_fn(GL_RENDERBUFFER, samples_, dfmt, w, h);
    else
      glRenderbufferStorage_fn(GL_RENDERBUFFER, dfmt, w, h);
    glFramebufferRenderbuffer_fn(GL_FRAMEBUFFER, depth_attachment_point(dfmt), GL_RENDERBUFFER,
                                 depth_stencil_);
  }
  GLenum status = glCheckFramebufferStatus_fn(GL_FRAMEBUFFER);
  glBindRenderbuffer_fn(GL_RENDERBUFFER, static_cast<GLuint>(old_rb));
  attached_w_ = w;
  attached_h_ = h;
  generation_ = d.generation();
  if (status != GL_FRAMEBUFFER_COMPLETE) {
    log::error("the framebuffer standing in for drawable 0x{:x} is incomplete (status 0x{:x})", d.handle,
               status);
    return false;
  }
  return true;
}

void Framebuffer::attach_chain_back(bool resized) {
  // fbo_ is bound to GL_FRAMEBUFFER.
  SwapChain& chain = *drawable_->swap_chain();
  const GLuint image_rb = chain_view_.renderbuffer(chain, chain.back_index());
  if (samples_ > 0) {
    glBindFramebuffer_fn(GL_FRAMEBUFFER, resolve_fbo_);
    glFramebufferRenderbuffer_fn(GL_FRAMEBUFFER, kBackAttachment, GL_RENDERBUFFER, image_rb);
    glBindFramebuffer_fn(GL_FRAMEBUFFER, fbo_);
    if (color_[0] == 0 || resized) {
      if (color_[0] == 0) {
        glGenRenderbuffers_fn(1, &color_[0]);
        count_created(Object::GlRenderbuffer);
      }
      glBindRenderbuffer_fn(GL_RENDERBUFFER, color_[0]);
      glRenderbufferStorageMultisample_fn(GL_RENDERBUFFER, samples_, drawable_->config->color_format,
                                          drawable_->storage_width(), drawable_->storage_height());
    }
    glFramebufferRenderbuffer_fn(GL_FRAMEBUFFER, kBackAttachment, GL_RENDERBUFFER, color_[0]);
  } else {
    glFramebufferRenderbuffer_fn(GL_FRAMEBUFFER, kBackAttachment, GL_RENDERBUFFER, image_rb);
  }
  chain_counter_ = chain.counter();
}

void Framebuffer::follow_back() {
  SwapChain* chain = drawable_->swap_chain();
  if (chain == nullptr || fbo_ == 0 || chain_counter_ == chain->counter()) return;
  ScopedFramebufferBindings saved;
  // Multisampled: the samples stay in this context's buffer; only the resolve target moves.
  glBindFramebuffer_fn(GL_FRAMEBUFFER, samples_ > 0 ? resolve_fbo_ : fbo_);
  glFramebufferRenderbuffer_fn(GL_FRAMEBUFFER, kBackAttachment, GL_RENDERBUFFER,
                               chain_view_.renderbuffer(*chain, chain->back_index()));
  chain_counter_ = chain->counter();
}

void Framebuffer::preserve_back() {
  SwapChain* chain = drawable_->swap_chain();
  if (chain == nullptr || !chain->wants_preserved_back() || samples_ > 0 || fbo_ == 0) return;
  const int last = chain->last_presented();
  if (last < 0 || last == chain->back_index()) return;
  ScopedFramebufferBindings bindings;
  ScopedBlitState blit_state;
  if (copy_fbo_ == 0) {
    glGenFramebuffers_fn(1, &copy_fbo_);
    count_created(Object::GlFramebuffer);
    glBindFramebuffer_fn(GL_FRAMEBUFFER, copy_fbo_);
    // Same row order as fbo_, so the blit copies without flipping.
    if (flip_y_) glFramebufferParameteri_fn(GL_FRAMEBUFFER, kFramebufferFlipYMesa, GL_TRUE);
  }
  glBindFramebuffer_fn(GL_READ_FRAMEBUFFER, copy_fbo_);
  glFramebufferRenderbuffer_fn(GL_READ_FRAMEBUFFER, kBackAttachment, GL_RENDERBUFFER,
                               chain_view_.renderbuffer(*chain, last));
  glBindFramebuffer_fn(GL_DRAW_FRAMEBUFFER, fbo_);
  GLint draw[2] = {0, 0};
  glGetIntegerv_fn(GL_DRAW_BUFFER0, &draw[0]);
  glGetIntegerv_fn(GL_DRAW_BUFFER1, &draw[1]);
  draw_to_attachment(kBackAttachment);
  glBlitFramebuffer_fn(0, 0, attached_w_, attached_h_, 0, 0, attached_w_, attached_h_, GL_COLOR_BUFFER_BIT,
                       GL_NEAREST);
  GLenum restore[2] = {static_cast<GLenum>(draw[0]), static_cast<GLenum>(draw[1])};
  glDrawBuffers_fn(2, restore);
  chain->back_preserved();
}

void Framebuffer::defer_preserve_back() {
  SwapChain* chain = drawable_->swap_chain();
  if (chain == nullptr || !chain->wants_preserved_back() || samples_ > 0 || fbo_ == 0) return;
  const int last = chain->last_presented();
  if (last < 0 || last == chain->back_index()) return;
  // The buffer age already counts the back buffer as holding the frame shown last: it will, or the
  // application overwrites all of it before anything can tell.
  chain->back_preserved();
  preserve_pending_ = true;
  preserve_counter_ = chain->counter();
}

void Framebuffer::settle_back() {
  if (!preserve_pending_) return;
  preserve_pending_ = false;
  std::lock_guard lock(drawable_->mutex);
  SwapChain* chain = drawable_->swap_chain();
  // The back buffer moved since (another context swapped, or new images after a resize): the copy
  // no longer has a meaning.
  if (chain == nullptr || chain->counter() != preserve_counter_ || chain_counter_ != preserve_counter_)
    return;
  const int last = chain->last_presented();
  if (last < 0 || last == chain->back_index()) return;
  preserve_back();
  g_preserve_copied.fetch_add(1, std::memory_order_relaxed);
}

void Framebuffer::skip_preserve() {
  if (!preserve_pending_) return;
  preserve_pending_ = false;
  g_preserve_skipped.fetch_add(1, std::memory_order_relaxed);
}

// A front buffer made after swaps starts as the frame shown last, which a swap chain no longer has
// in its back buffer: attach that image as the back buffer for the copy. False when not needed.
bool Framebuffer::copy_last_frame_to_front() {
  GLuint last_rb = 0, back_rb = 0;
  {
    std::lock_guard lock(drawable_->mutex);
    SwapChain* chain = drawable_->swap_chain();
    if (chain == nullptr || samples_ > 0 || fbo_ == 0) return false;
    const int last = chain->last_presented();
    if (last < 0 || last == chain->back_index()) return false;
    last_rb = chain_view_.renderbuffer(*chain, last);
    back_rb = chain_view_.renderbuffer(*chain, chain->back_index());
  }
  {
    ScopedFramebufferBindings saved;
    glBindFramebuffer_fn(GL_FRAMEBUFFER, fbo_);
    glFramebufferRenderbuffer_fn(GL_FRAMEBUFFER, kBackAttachment, GL_RENDERBUFFER, last_rb);
  }
  copy_back_to_front();
  ScopedFramebufferBindings saved;
  glBindFramebuffer_fn(GL_FRAMEBUFFER, fbo_);
  glFramebufferRenderbuffer_fn(GL_FRAMEBUFFER, kBackAttachment, GL_RENDERBUFFER, back_rb);
  return true;
}

GLuint Framebuffer::resolved_fbo_for_read(Buffer slot) {
  if (samples_ == 0) return fbo_;
  const GLenum point = slot == Buffer::Back ? kBackAttachment : kFrontAttachment;
  ScopedFramebufferBindings saved;
  ScopedBlitState blit_state;
  glBindFramebuffer_fn(GL_READ_FRAMEBUFFER, fbo_);
  glBindFramebuffer_fn(GL_DRAW_FRAMEBUFFER, resolve_fbo_);
  GLint old_read = 0;
  glGetIntegerv_fn(GL_READ_BUFFER, &old_read);
  glReadBuffer_fn(point);
  draw_to_attachment(point);
  glBlitFramebuffer_fn(0, 0, attached_w_, attached_h_, 0, 0, attached_w_, attached_h_, GL_COLOR_BUFFER_BIT,
                       GL_NEAREST);
  glReadBuffer_fn(static_cast<GLenum>(old_read));
  return resolve_fbo_;
}

GLuint Framebuffer::resolve_for_read(GLbitfield mask) {
  if (samples_ == 0 || resolve_fbo_ == 0) return fbo_;
  ScopedFramebufferBindings saved;
  ScopedBlitState blit_state;
  glBindFramebuffer_fn(GL_READ_FRAMEBUFFER, fbo_);
  GLint point = GL_NONE;
  glGetIntegerv_fn(GL_READ_BUFFER, &point);
  glBindFramebuffer_fn(GL_DRAW_FRAMEBUFFER, resolve_fbo_);
  GLbitfield blit = 0;
  if ((mask & GL_COLOR_BUFFER_BIT) != 0 && point != GL_NONE) {
    draw_to_attachment(static_cast<GLenum>(point));
    blit |= GL_COLOR_BUFFER_BIT;
  }
  const GLenum dfmt = depth_storage_format(*drawable_->config);
  if ((mask & (GL_DEPTH_BUFFER_BIT | GL_STENCIL_BUFFER_BIT)) != 0 && dfmt != 0) {
    if (resolve_depth_ == 0 || resolve_depth_w_ != attached_w_ || resolve_depth_h_ != attached_h_) {
      GLint old_rb = 0;
      glGetIntegerv_fn(GL_RENDERBUFFER_BINDING, &old_rb);
      if (resolve_depth_ == 0) {
        glGenRenderbuffers_fn(1, &resolve_depth_);
        count_created(Object::GlRenderbuffer);
      }
      glBindRenderbuffer_fn(GL_RENDERBUFFER, resolve_depth_);
      glRenderbufferStorage_fn(GL_RENDERBUFFER, dfmt, attached_w_, attached_h_);
      glFramebufferRenderbuffer_fn(GL_DRAW_FRAMEBUFFER, depth_attachment_point(dfmt), GL_RENDERBUFFER,
                                   resolve_depth_);
      glBindRenderbuffer_fn(GL_RENDERBUFFER, static_cast<GLuint>(old_rb));
      resolve_depth_w_ = attached_w_;
      resolve_depth_h_ = attached_h_;
    }
    blit |= mask & (GL_DEPTH_BUFFER_BIT | GL_STENCIL_BUFFER_BIT);
  }
  if (blit != 0)
    glBlitFramebuffer_fn(0, 0, attached_w_, attached_h_, 0, 0, attached_w_, attached_h_, blit, GL_NEAREST);
  glBindFramebuffer_fn(GL_READ_FRAMEBUFFER, resolve_fbo_);
  glReadBuffer_fn(static_cast<GLenum>(point));
  return resolve_fbo_;
}

void Framebuffer::copy_back_to_front() { copy_back_to_front(0, 0, attached_w_, attached_h_); }

void Framebuffer::copy_back_to_front(int x, int y, int width, int height) {
  settle_back();  // glXCopySubBufferMESA, front buffer made on demand: they read the back buffer
  ScopedFramebufferBindings bindings;
  ScopedBlitState blit_state;
  glBindFramebuffer_fn(GL_READ_FRAMEBUFFER, fbo_);
  glBindFramebuffer_fn(GL_DRAW_FRAMEBUFFER, fbo_);
  GLint read = 0, draw[2] = {0, 0};
  glGetIntegerv_fn(GL_READ_BUFFER, &read);
  glGetIntegerv_fn(GL_DRAW_BUFFER0, &draw[0]);
  glGetIntegerv_fn(GL_DRAW_BUFFER1, &draw[1]);
  glReadBuffer_fn(kBackAttachment);
  draw_to_attachment(kFrontAttachment);
  glBlitFramebuffer_fn(x, y, x + width, y + height, x, y, x + width, y + height, GL_COLOR_BUFFER_BIT,
                       GL_NEAREST);
  glReadBuffer_fn(static_cast<GLenum>(read));
  GLenum restore[2] = {static_cast<GLenum>(draw[0]), static_cast<GLenum>(draw[1])};
  glDrawBuffers_fn(2, restore);
}

void Framebuffer::ensure_front(EGLDisplay display, EGLContext current) {
  Drawable& d = *drawable_;
  if (d.has_front()) return;
  d.want_front();
  if (sync(display, current) && !copy_last_frame_to_front()) copy_back_to_front();
}

void Framebuffer::destroy() {
  if (depth_texture_ != 0) {
    glDeleteTextures_fn(1, &depth_texture_);
    count_released(Object::GlTexture);
    depth_texture_ = 0;
  }
  depth_source_ = EGL_NO_IMAGE_KHR;
  chain_view_.destroy();
  if (copy_fbo_ != 0) {
    glDeleteFramebuffers_fn(1, &copy_fbo_);
    count_released(Object::GlFramebuffer);
    copy_fbo_ = 0;
  }
  for (GLuint* f : {&fbo_, &resolve_fbo_})
    if (*f) {
      glDeleteFramebuffers_fn(1, f);
      count_released(Object::GlFramebuffer);
    }
  for (GLuint* rb :
       {&color_[0], &color_[1], &resolve_color_[0], &resolve_color_[1], &depth_stencil_, &resolve_depth_})
    if (*rb) {
      glDeleteRenderbuffers_fn(1, rb);
      count_released(Object::GlRenderbuffer);
    }
  fbo_ = resolve_fbo_ = 0;
  color_[0] = color_[1] = resolve_color_[0] = resolve_color_[1] = depth_stencil_ = resolve_depth_ = 0;
}

}  // namespace eglrun::drawable
