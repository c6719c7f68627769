// Pure mapping between the default framebuffer's buffer names (GL_BACK, GL_FRONT_LEFT, …) and the
// colour attachments of the FBO that stands in for it: GL_COLOR_ATTACHMENT0 holds the back buffer
// (the only buffer of a single-buffered drawable), GL_COLOR_ATTACHMENT1 the front buffer.
#pragma once

#include <GL/gl.h>

namespace eglrun::drawable {

inline constexpr GLenum kBackAttachment = 0x8CE0;   // GL_COLOR_ATTACHMENT0
inline constexpr GLenum kFrontAttachment = 0x8CE1;  // GL_COLOR_ATTACHMENT1

struct BufferMapping {
  bool valid = false;  // false: the token is not a buffer of this default framebuffer
  int count = 0;       // attachments selected (0 for GL_NONE)
  GLenum attachments[2] = {GL_NONE, GL_NONE};
  bool uses_front = false;  // a double-buffered drawable's front buffer is involved
};

// glDrawBuffer / one element of glDrawBuffers (single=true: each element must name one buffer).
BufferMapping map_draw_buffer(GLenum token, bool double_buffered, bool single = false);
// glReadBuffer.
BufferMapping map_read_buffer(GLenum token, bool double_buffered);
// The name glGet reports for an attachment when the application did not pick the token itself.
GLenum default_buffer_name(GLint attachment, bool double_buffered);
// glGetFramebufferAttachmentParameteriv on framebuffer 0: GL_BACK_LEFT → GL_COLOR_ATTACHMENT0, GL_DEPTH → …
// Returns GL_NONE for names the default framebuffer does not have.
GLenum map_attachment_query(GLenum attachment, bool double_buffered);
// glInvalidateFramebuffer on framebuffer 0: GL_COLOR / GL_DEPTH / GL_STENCIL.
GLenum map_invalidate_attachment(GLenum attachment);

}  // namespace eglrun::drawable
