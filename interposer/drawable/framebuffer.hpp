// One context's stand-in for framebuffer 0 of one drawable: an FBO in that context whose colour
// attachments are renderbuffers over the drawable's EGLImages (or multisampled renderbuffers that are
// resolved into them), plus the drawable's shared depth/stencil (a texture over its EGLImage; a
// renderbuffer of this context's own when multisampled or when the driver cannot share it).
#pragma once

#include <GL/gl.h>

#include <array>
#include <cstdint>
#include <memory>

#include "drawable/drawable.hpp"
#include "drawable/swap_chain.hpp"

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
  // Colour stored with an alpha channel the application must not see (gl/opaque_alpha.hpp).
  bool opaque_alpha() const { return opaque_alpha_; }
  // The back buffer's contents go to the front buffer (a swap, or a front buffer made on demand);
  // with a rectangle, only that part (glXCopySubBufferMESA).
  void copy_back_to_front();
  void copy_back_to_front(int x, int y, int width, int height);
  // A double-buffered drawable gets its front buffer when first named; it starts as the last frame.
  void ensure_front(EGLDisplay display, EGLContext current);
  // The single-sampled FBO to read `slot` from (resolving first when multisampled).
  GLuint resolved_fbo_for_read(Buffer slot);
  // With the owning context current: resolves what a read of `mask` (GL_*_BUFFER_BIT) from it sees into
  // the single-sampled resolve FBO, whose read buffer then matches fbo()'s. Returns the FBO to read
  // from (fbo() itself when single-sampled). Bindings are left as they were.
  GLuint resolve_for_read(GLbitfield mask);
  // Swap chain: with the drawable's mutex held and the owning context current, attaches the
  // chain's current back image when the back buffer moved since (a swap, maybe in another context).
  void follow_back();
  // Swap chain, after the back buffer moved (drawable's mutex held, owning context current): queues
  // a copy of the frame shown last into it, unless the application takes the buffer age instead.
  void preserve_back();
  // Deferred form of preserve_back() (same conditions): notes that the new back buffer should start
  // as the frame shown last. settle_back() makes the copy, skip_preserve() drops it (the application
  // overwrites the whole back buffer first). Owning context current; the drawable's mutex held for
  // defer_preserve_back() only.
  void defer_preserve_back();
  bool preserve_pending() const { return preserve_pending_; }
  void settle_back();
  void skip_preserve();
  int attached_width() const { return attached_w_; }
  int attached_height() const { return attached_h_; }
  // Whether the rows are rendered top-down (GL_MESA_framebuffer_flip_y).
  bool flip_y() const { return flip_y_; }

  // What the application named with glDrawBuffer(s)/glReadBuffer, with the attachment it became, so
  // glGet can answer the name the application used (GL_BACK_LEFT stays GL_BACK_LEFT).
  struct Memo {
    GLenum token = GL_NONE;
    GLint attachment = -1;
  };
  std::array<Memo, 8> draw_memo{};
  Memo read_memo{};
  bool front_drawn = false;  // something drew to the front buffer since it was last shown

  // Preserve copies made and skipped since the process started (EGLRUN_OBJECT_REPORT prints them).
  struct PreserveCounts {
    uint64_t copied = 0, skipped = 0;
  };
  static PreserveCounts preserve_counts();

 private:
  std::shared_ptr<Drawable> drawable_;
  GLuint fbo_ = 0;
  GLuint color_[2] = {0, 0};
  GLuint depth_stencil_ = 0;
  GLuint resolve_fbo_ = 0;
  GLuint resolve_color_[2] = {0, 0};
  int samples_ = 0;
  bool flip_y_ = false;
  bool opaque_alpha_ = false;
  uint64_t generation_ = ~uint64_t{0};
  int attached_w_ = 0, attached_h_ = 0;
  SwapChainView chain_view_;  // this context's renderbuffers over the swap chain's images
  uint64_t chain_counter_ = 0;
  GLuint copy_fbo_ = 0;       // reads a swap-chain image other than the back buffer
  GLuint depth_texture_ = 0;  // over the drawable's shared depth image (single-sampled)
  EGLImageKHR depth_source_ = EGL_NO_IMAGE_KHR;
  GLuint resolve_depth_ = 0;  // single-sampled depth/stencil of resolve_fbo_, made on the first depth read
  int resolve_depth_w_ = 0, resolve_depth_h_ = 0;
  bool preserve_pending_ = false;
  uint64_t preserve_counter_ = 0;  // the chain's counter when the copy was deferred
  void attach_chain_back(bool resized);
  bool copy_last_frame_to_front();
};

}  // namespace eglrun::drawable
