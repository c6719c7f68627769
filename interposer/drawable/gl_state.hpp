// Scoped save/restore of the bits of GL state eglrun must touch behind the application's back.
#pragma once

#include <GL/gl.h>

namespace eglrun::drawable {

// Whether the calling thread's current context is OpenGL ES: state that exists only in desktop GL
// (GL_PACK_SWAP_BYTES, GL_FRAMEBUFFER_SRGB without EXT_sRGB_write_control…) is then left alone,
// since touching it would leave GL_INVALID_ENUM for the application to find. Set at make-current.
void set_current_is_es(bool es);
bool current_is_es();

class ScopedFramebufferBindings {
 public:
  ScopedFramebufferBindings();
  ~ScopedFramebufferBindings();
  ScopedFramebufferBindings(const ScopedFramebufferBindings&) = delete;
  ScopedFramebufferBindings& operator=(const ScopedFramebufferBindings&) = delete;

 private:
  GLint draw_ = 0, read_ = 0;
};

// Scissor and sRGB encoding change what glBlitFramebuffer writes: both off for our own blits.
class ScopedBlitState {
 public:
  ScopedBlitState();
  ~ScopedBlitState();
  ScopedBlitState(const ScopedBlitState&) = delete;
  ScopedBlitState& operator=(const ScopedBlitState&) = delete;

 private:
  bool scissor_ = false, srgb_ = false;
};

// Pixel-pack state and buffer, reset to the defaults glReadPixels into client memory needs.
class ScopedPackState {
 public:
  explicit ScopedPackState(bool has_pack_invert);
  ~ScopedPackState();
  ScopedPackState(const ScopedPackState&) = delete;
  ScopedPackState& operator=(const ScopedPackState&) = delete;

 private:
  bool has_invert_;
  GLint buffer_ = 0, row_length_ = 0, skip_rows_ = 0, skip_pixels_ = 0, alignment_ = 4, swap_ = 0, lsb_ = 0,
        image_height_ = 0, skip_images_ = 0, invert_ = 0;
};

}  // namespace eglrun::drawable
