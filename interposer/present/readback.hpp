// Reading a finished frame out of GL into memory the X server can take.
#pragma once

#include <GL/gl.h>

#include <cstdint>

namespace eglrun::present {

// Reads colour attachment `attachment` of framebuffer `fbo` (width x height from the origin) into
// `dst` as top-down rows of 32-bit pixels in the X visual's order (BGRA in memory), `stride` bytes
// apart. The application's bindings and pixel-pack state are restored before it returns. The
// vertical flip is done by the GL when it can (GL_MESA_pack_invert), else row by row here.
void read_frame(GLuint fbo, GLenum attachment, int width, int height, uint8_t* dst, int stride,
                bool has_pack_invert);

// Whether a colour buffer with these channel sizes is read as GL_RGBA and red/blue swapped on the CPU
// rather than read as GL_BGRA: 8-bit RGB without alpha is stored RGBX, which Mesa reads as GL_RGBA with
// its direct unpack but as GL_BGRA only through its generic path (tools/bench/readback_bench).
bool read_as_rgba(GLint red, GLint green, GLint blue, GLint alpha);

}  // namespace eglrun::present
