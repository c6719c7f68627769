#include "present/readback.hpp"

#include <algorithm>
#include <cstring>
#include <memory>

#include "drawable/gl_state.hpp"
#include "present/frame_queue.hpp"
#include "symbols/real.hpp"

// Last include: poisons every interposed name in the code below.
#include "symbols/poison.hpp"

namespace eglrun::present {

using namespace eglrun::real;

namespace {
constexpr GLenum kPackInvertMesa = 0x8758;

void flip_rows(uint8_t* base, int height, int stride, int row_bytes) {
  auto tmp = std::make_unique<uint8_t[]>(row_bytes);
  for (int top = 0, bottom = height - 1; top < bottom; ++top, --bottom) {
    uint8_t* a = base + static_cast<size_t>(top) * stride;
    uint8_t* b = base + static_cast<size_t>(bottom) * stride;
    std::memcpy(tmp.get(), a, row_bytes);
    std::memcpy(a, b, row_bytes);
    std::memcpy(b, tmp.get(), row_bytes);
  }
}
}  // namespace

bool read_as_rgba(GLint red, GLint green, GLint blue, GLint alpha) {
  return red == 8 && green == 8 && blue == 8 && alpha == 0;
}

void read_frame(GLuint fbo, GLenum attachment, int width, int height, uint8_t* dst, int stride,
                bool has_pack_invert) {
  drawable::ScopedFramebufferBindings bindings;
  drawable::ScopedPackState pack(has_pack_invert);
  glBindFramebuffer_fn(GL_READ_FRAMEBUFFER, fbo);
  GLint old_read = 0;
  glGetIntegerv_fn(GL_READ_BUFFER, &old_read);
  glReadBuffer_fn(attachment);
  GLint bits[4] = {0, 0, 0, 0};
  const GLenum sizes[4] = {GL_FRAMEBUFFER_ATTACHMENT_RED_SIZE, GL_FRAMEBUFFER_ATTACHMENT_GREEN_SIZE,
                           GL_FRAMEBUFFER_ATTACHMENT_BLUE_SIZE, GL_FRAMEBUFFER_ATTACHMENT_ALPHA_SIZE};
  for (int i = 0; i < 4; ++i)
    glGetFramebufferAttachmentParameteriv_fn(GL_READ_FRAMEBUFFER, attachment, sizes[i], &bits[i]);
  const bool read_rgba = read_as_rgba(bits[0], bits[1], bits[2], bits[3]);
  glPixelStorei_fn(GL_PACK_ROW_LENGTH, stride / 4);
  if (has_pack_invert) glPixelStorei_fn(kPackInvertMesa, 1);
  glReadPixels_fn(0, 0, width, height, read_rgba ? GL_RGBA : GL_BGRA, GL_UNSIGNED_BYTE, dst);
  glReadBuffer_fn(static_cast<GLenum>(old_read));
  if (read_rgba) swap_red_blue(dst, stride, width, height);
  if (!has_pack_invert) flip_rows(dst, height, stride, width * 4);
}

}  // namespace eglrun::present
