#include "drawable/buffer_mapping.hpp"

#include <GL/glext.h>

namespace eglrun::drawable {
namespace {

BufferMapping one(GLenum attachment, bool front) { return {true, 1, {attachment, GL_NONE}, front}; }
BufferMapping none() { return {true, 0, {GL_NONE, GL_NONE}, false}; }
BufferMapping invalid() { return {}; }

}  // namespace

BufferMapping map_draw_buffer(GLenum token, bool double_buffered, bool single) {
  switch (token) {
    case GL_NONE:
      return none();
    case GL_BACK:
    case GL_BACK_LEFT:
      return double_buffered ? one(kBackAttachment, false) : invalid();
    case GL_FRONT:
    case GL_FRONT_LEFT:
      return double_buffered ? one(kFrontAttachment, true) : one(kBackAttachment, false);
    case GL_LEFT:
    case GL_FRONT_AND_BACK:
      if (single) return invalid();
      if (!double_buffered) return one(kBackAttachment, false);
      return {true, 2, {kBackAttachment, kFrontAttachment}, true};
    default:
      return invalid();
  }
}

BufferMapping map_read_buffer(GLenum token, bool double_buffered) {
  switch (token) {
    case GL_NONE:
      return none();
    case GL_BACK:
    case GL_BACK_LEFT:
      return double_buffered ? one(kBackAttachment, false) : invalid();
    case GL_FRONT:
    case GL_FRONT_LEFT:
    case GL_LEFT:
      return double_buffered ? one(kFrontAttachment, true) : one(kBackAttachment, false);
    default:
      return invalid();
  }
}

GLenum default_buffer_name(GLint attachment, bool double_buffered) {
  if (attachment == static_cast<GLint>(kBackAttachment)) return double_buffered ? GL_BACK : GL_FRONT;
  if (attachment == static_cast<GLint>(kFrontAttachment)) return GL_FRONT;
  return GL_NONE;
}

GLenum map_attachment_query(GLenum attachment, bool double_buffered) {
  switch (attachment) {
    case GL_BACK_LEFT:
    case GL_BACK:
      return double_buffered ? kBackAttachment : GL_NONE;
    case GL_FRONT_LEFT:
    case GL_FRONT:
      return double_buffered ? kFrontAttachment : kBackAttachment;
    case GL_DEPTH:
      return GL_DEPTH_ATTACHMENT;
    case GL_STENCIL:
      return GL_STENCIL_ATTACHMENT;
    default:
      return GL_NONE;
  }
}

GLenum map_invalidate_attachment(GLenum attachment) {
  switch (attachment) {
    case GL_COLOR:
      return kBackAttachment;
    case GL_DEPTH:
      return GL_DEPTH_ATTACHMENT;
    case GL_STENCIL:
      return GL_STENCIL_ATTACHMENT;
    default:
      return attachment;
  }
}

}  // namespace eglrun::drawable
