// The GL calls that can see framebuffer 0, redirected to the FBO that stands in for the current
// drawable. Each function is called from the exported shim with the real GL already resolved.
#pragma once

#include <GL/gl.h>
#include <GL/glext.h>

namespace eglrun::drawable {
class Framebuffer;
}
namespace eglrun::glx {
struct Context;
}

namespace eglrun::gl {

void bind_framebuffer(GLenum target, GLuint framebuffer, bool ext);
void delete_framebuffers(GLsizei n, const GLuint* framebuffers, bool ext);
GLboolean is_framebuffer(GLuint framebuffer);
void draw_buffer(GLenum buf);
void draw_buffers(GLsizei n, const GLenum* bufs, bool arb);
void read_buffer(GLenum src);
void named_draw_buffer(GLuint framebuffer, GLenum buf);
void named_draw_buffers(GLuint framebuffer, GLsizei n, const GLenum* bufs);
void named_read_buffer(GLuint framebuffer, GLenum src);

// glGet*: true when the query was answered here (value written as `count` integers).
bool answer_query(GLenum pname, GLint64* values, int* count);
void get_attachment_parameter(GLenum target, GLenum attachment, GLenum pname, GLint* params);
void get_named_attachment_parameter(GLuint framebuffer, GLenum attachment, GLenum pname, GLint* params);
void get_named_framebuffer_parameter(GLuint framebuffer, GLenum pname, GLint* param);
GLenum check_named_status(GLuint framebuffer, GLenum target);
void blit_named(GLuint read, GLuint draw, GLint sx0, GLint sy0, GLint sx1, GLint sy1, GLint dx0, GLint dy0,
                GLint dx1, GLint dy1, GLbitfield mask, GLenum filter);
void invalidate(GLenum target, GLsizei n, const GLenum* attachments, const GLint* rect);
void invalidate_named(GLuint framebuffer, GLsizei n, const GLenum* attachments, const GLint* rect);
// glClearNamedFramebuffer*: the framebuffer name to use instead of 0.
GLuint named_target(GLuint framebuffer, bool for_read = false);
// glFramebufferTexture*/Renderbuffer: true when the target's binding is framebuffer 0, whose
// attachments the application may not change (the call then raises GL_INVALID_OPERATION).
bool refuse_attachment_change(GLenum target);
// Reads (glReadPixels, glCopyPixels, glCopyTex*, glBlitFramebuffer…) of a multisampled stand-in see
// its resolved contents, as reads of a multisampled window do: begin binds the resolved copy of the
// buffers in `mask` (GL_*_BUFFER_BIT) for reading and returns the stand-in to rebind at end, or
// nullptr (nothing changed: single-sampled, the application's FBO, or a display list being compiled).
drawable::Framebuffer* begin_resolved_read(GLbitfield mask, bool only_to_single_sampled = false);
void end_resolved_read(drawable::Framebuffer* fb);
// glDrawPixels: stencil indices drawn into a multisampled stand-in reach every sample, as in a
// multisampled window (llvmpipe writes one sample per pixel of a multisampled FBO).
void draw_pixels(GLsizei w, GLsizei h, GLenum format, GLenum type, const void* pixels);
// The buffers glReadPixels with `format` reads, glCopyPixels of `type`, glCopyTexImage* into
// `internal_format`.
GLbitfield read_mask_for_format(GLenum format);
GLbitfield read_mask_for_copy_type(GLenum type);
GLbitfield read_mask_for_internal_format(GLenum internal_format);
// make-current: framebuffer 0's draw buffer selection is context state, so a context bound to
// another drawable keeps what the application last chose (Mesa's windows do too; the read buffer
// stays the drawable's own).
void carry_buffer_selection(glx::Context& c);
void viewport(GLint x, GLint y, GLsizei w, GLsizei h);
// After glFlush/glFinish: show what was drawn to the front buffer.
void after_flush();

}  // namespace eglrun::gl
