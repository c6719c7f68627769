// One context's stand-in for framebuffer 0 of one drawable: an FBO in that context whose colour
// attachments are renderbuffers over the drawable's EGLImages (or multisampled renderbuffers that are
// resolved into them), plus the context's own depth/stencil renderbuffer.
#pragma once

#include <GL/gl.h>

#include <array>
#include <cstdint>
#include <memory>

#include "drawable/drawable.hpp"

namespace eglrun::drawable {

class Framebuffer {
 public:
  // flip_y: render rows top-down as window-system framebuffers do (GL_MESA_framebuffer_flip_y), so
  // rasterisation matches the driver's own windows exactly.
  Framebuffer(std::shared_ptr<Drawable> d, bool flip_y) : drawable_(std::move(d)), flip_y_(flip_y) {}

  // With the owning context current: creates or re-attaches after a resize. False on failure.
  bool sync(EGLDisplay display, EGLContext current);
  // With the owning context current: deletes the GL objects.
  void destroy();

  GLuint fbo() const { return fbo_; }
  Drawable& drawable() const { return *drawable_; }
  const std::shared_ptr<Drawable>& drawable_ptr() const { return drawable_; }
  // False once the drawable's X window or GLX drawable is gone: the context should drop this view.
  bool drawable_alive() const { return !drawable_->destroyed && !drawable_->released; }
  bool multisampled() const { return samples_ > 0; }
  // The back buffer's contents go to the front buffer (a swap, or a front buffer made on demand);
  // with a rectangle, only that part (glXCopySubBufferMESA).
  void copy_back_to_front();
  void copy_back_to_front(int x, int y, int width, int height);
  // A double-buffered drawable gets its front buffer when first named; it starts as the last frame.
  void ensure_front(EGLDisplay display, EGLContext current);
  // The single-sampled FBO to read `slot` from (resolving first when multisampled).
  GLuint resolved_fbo_for_read(Buffer slot);

  // What the application named with glDrawBuffer(s)/glReadBuffer, with the attachment it became, so
  // glGet can answer the name the application used (GL_BACK_LEFT stays GL_BACK_LEFT).
  struct Memo {
    GLenum token = GL_NONE;
    GLint attachment = -1;
  };
  std::array<Memo, 8> draw_memo{};
  Memo read_memo{};
  bool front_drawn = false;  // something drew to the front buffer since it was last shown

 private:
  std::shared_ptr<Drawable> drawable_;
  GLuint fbo_ = 0;
  GLuint color_[2] = {0, 0};
  GLuint depth_stencil_ = 0;
  GLuint resolve_fbo_ = 0;
  GLuint resolve_color_[2] = {0, 0};
  int samples_ = 0;
  bool flip_y_ = false;
  uint64_t generation_ = ~uint64_t{0};
  int attached_w_ = 0, attached_h_ = 0;
};

}  // namespace eglrun::drawable
