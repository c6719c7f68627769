#include "drawable/gl_state.hpp"

#include "symbols/real.hpp"

// Last include: poisons every interposed name in the code below.
#include "symbols/poison.hpp"

namespace eglrun::drawable {

using namespace eglrun::real;

namespace {
constexpr GLenum kPackInvertMesa = 0x8758;  // GL_PACK_INVERT_MESA
thread_local bool t_is_es = false;
}  // namespace

void set_current_is_es(bool es) { t_is_es = es; }
bool current_is_es() { return t_is_es; }

ScopedFramebufferBindings::ScopedFramebufferBindings() {
  glGetIntegerv_fn(GL_DRAW_FRAMEBUFFER_BINDING, &draw_);
  glGetIntegerv_fn(GL_READ_FRAMEBUFFER_BINDING, &read_);
}
ScopedFramebufferBindings::~ScopedFramebufferBindings() {
  glBindFramebuffer_fn(GL_DRAW_FRAMEBUFFER, static_cast<GLuint>(draw_));
  glBindFramebuffer_fn(GL_READ_FRAMEBUFFER, static_cast<GLuint>(read_));
}

ScopedBlitState::ScopedBlitState() {
  scissor_ = glIsEnabled_fn(GL_SCISSOR_TEST);
  srgb_ = !t_is_es && glIsEnabled_fn(GL_FRAMEBUFFER_SRGB);
  if (scissor_) glDisable_fn(GL_SCISSOR_TEST);
  if (srgb_) glDisable_fn(GL_FRAMEBUFFER_SRGB);
}
ScopedBlitState::~ScopedBlitState() {
  if (scissor_) glEnable_fn(GL_SCISSOR_TEST);
  if (srgb_) glEnable_fn(GL_FRAMEBUFFER_SRGB);
}

ScopedPackState::ScopedPackState(bool has_invert) : has_invert_(has_invert) {
  glGetIntegerv_fn(GL_PIXEL_PACK_BUFFER_BINDING, &buffer_);
  glGetIntegerv_fn(GL_PACK_ROW_LENGTH, &row_length_);
  glGetIntegerv_fn(GL_PACK_SKIP_ROWS, &skip_rows_);
  glGetIntegerv_fn(GL_PACK_SKIP_PIXELS, &skip_pixels_);
  glGetIntegerv_fn(GL_PACK_ALIGNMENT, &alignment_);
  if (!t_is_es) {
    glGetIntegerv_fn(GL_PACK_SWAP_BYTES, &swap_);
    glGetIntegerv_fn(GL_PACK_LSB_FIRST, &lsb_);
    glGetIntegerv_fn(GL_PACK_IMAGE_HEIGHT, &image_height_);
    glGetIntegerv_fn(GL_PACK_SKIP_IMAGES, &skip_images_);
  }
  if (has_invert_) glGetIntegerv_fn(kPackInvertMesa, &invert_);
  if (buffer_) glBindBuffer_fn(GL_PIXEL_PACK_BUFFER, 0);
  glPixelStorei_fn(GL_PACK_ROW_LENGTH, 0);
  glPixelStorei_fn(GL_PACK_SKIP_ROWS, 0);
  glPixelStorei_fn(GL_PACK_SKIP_PIXELS, 0);
  glPixelStorei_fn(GL_PACK_ALIGNMENT, 4);
  if (!t_is_es) {
    glPixelStorei_fn(GL_PACK_SWAP_BYTES, 0);
    glPixelStorei_fn(GL_PACK_LSB_FIRST, 0);
    glPixelStorei_fn(GL_PACK_IMAGE_HEIGHT, 0);
    glPixelStorei_fn(GL_PACK_SKIP_IMAGES, 0);
  }
}
ScopedPackState::~ScopedPackState() {
  if (buffer_) glBindBuffer_fn(GL_PIXEL_PACK_BUFFER, static_cast<GLuint>(buffer_));
  glPixelStorei_fn(GL_PACK_ROW_LENGTH, row_length_);
  glPixelStorei_fn(GL_PACK_SKIP_ROWS, skip_rows_);
  glPixelStorei_fn(GL_PACK_SKIP_PIXELS, skip_pixels_);
  glPixelStorei_fn(GL_PACK_ALIGNMENT, alignment_);
  if (!t_is_es) {
    glPixelStorei_fn(GL_PACK_SWAP_BYTES, swap_);
    glPixelStorei_fn(GL_PACK_LSB_FIRST, lsb_);
    glPixelStorei_fn(GL_PACK_IMAGE_HEIGHT, image_height_);
    glPixelStorei_fn(GL_PACK_SKIP_IMAGES, skip_images_);
  }
  if (has_invert_) glPixelStorei_fn(kPackInvertMesa, invert_);
}

}  // namespace eglrun::drawable
