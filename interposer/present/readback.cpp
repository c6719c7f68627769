#include "present/readback.hpp"

#include <algorithm>
#include <cstring>
#include <memory>

#include "drawable/gl_state.hpp"
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

void read_frame(GLuint fbo, GLenum attachment, int width, int height, uint8_t* dst, int stride,
                bool has_pack_invert) {
  drawable::ScopedFramebufferBindings bindings;
  drawable::ScopedPackState pack(has_pack_invert);
  glBindFramebuffer_fn(GL_READ_FRAMEBUFFER, fbo);
  GLint old_read = 0;
  glGetIntegerv_fn(GL_READ_BUFFER, &old_read);
  glReadBuffer_fn(attachment);
  glPixelStorei_fn(GL_PACK_ROW_LENGTH, stride / 4);
  if (has_pack_invert) glPixelStorei_fn(kPackInvertMesa, 1);
  glReadPixels_fn(0, 0, width, height, GL_BGRA, GL_UNSIGNED_BYTE, dst);
  glReadBuffer_fn(static_cast<GLenum>(old_read));
  if (!has_pack_invert) flip_rows(dst, height, stride, width * 4);
}

}  // namespace eglrun::present
