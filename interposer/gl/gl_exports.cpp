// The exported GL functions that can see framebuffer 0: shims into gl/default_framebuffer.cpp.
// Nested calls (from inside eglrun) and calls with no eglrun context current go to the real GL.
#define GL_GLEXT_PROTOTYPES 1
#include <GL/gl.h>
#include <GL/glext.h>

#include <algorithm>

#include "entry.hpp"
#include "export.hpp"
#include "gl/default_framebuffer.hpp"
#include "gl/opaque_alpha.hpp"
#include "gl/preserve.hpp"
#include "glx/context.hpp"
#include "symbols/real.hpp"

using namespace eglrun;
namespace r = eglrun::real;

namespace {
// Also reached by applications that use EGL themselves with libeglrun preloaded.
inline void ready() { r::resolve_gl(); }
}  // namespace

// A deferred back-buffer preserve copy is made before the call reads or partly writes framebuffer 0.
#define SETTLE(use) \
  if (!gl::preserve_idle) gl::settle_preserve(use)

#define GL_WRAP(real_call, body)                                 \
  ready();                                                       \
  return entry::wrap(                                            \
      __func__, [&] { return real_call; },                       \
      [&] {                                                      \
        if (glx::current_context() == nullptr) return real_call; \
        return body;                                             \
      })

EGLRUN_EXPORT void glBindFramebuffer(GLenum target, GLuint fb) {
  GL_WRAP(r::glBindFramebuffer_fn(target, fb), gl::bind_framebuffer(target, fb, false));
}
EGLRUN_EXPORT void glBindFramebufferEXT(GLenum target, GLuint fb) {
  GL_WRAP(r::glBindFramebufferEXT_fn(target, fb), gl::bind_framebuffer(target, fb, true));
}
EGLRUN_EXPORT void glDeleteFramebuffers(GLsizei n, const GLuint* fbs) {
  GL_WRAP(r::glDeleteFramebuffers_fn(n, fbs), gl::delete_framebuffers(n, fbs, false));
}
EGLRUN_EXPORT void glDeleteFramebuffersEXT(GLsizei n, const GLuint* fbs) {
  GL_WRAP(r::glDeleteFramebuffersEXT_fn(n, fbs), gl::delete_framebuffers(n, fbs, true));
}
EGLRUN_EXPORT GLboolean glIsFramebuffer(GLuint fb) {
  GL_WRAP(r::glIsFramebuffer_fn(fb), gl::is_framebuffer(fb));
}
EGLRUN_EXPORT void glDrawBuffer(GLenum buf) { GL_WRAP(r::glDrawBuffer_fn(buf), gl::draw_buffer(buf)); }
EGLRUN_EXPORT void glDrawBuffers(GLsizei n, const GLenum* bufs) {
  GL_WRAP(r::glDrawBuffers_fn(n, bufs), gl::draw_buffers(n, bufs, false));
}
EGLRUN_EXPORT void glDrawBuffersARB(GLsizei n, const GLenum* bufs) {
  GL_WRAP(r::glDrawBuffersARB_fn(n, bufs), gl::draw_buffers(n, bufs, true));
}
EGLRUN_EXPORT void glReadBuffer(GLenum src) { GL_WRAP(r::glReadBuffer_fn(src), gl::read_buffer(src)); }
EGLRUN_EXPORT void glNamedFramebufferDrawBuffer(GLuint fb, GLenum buf) {
  GL_WRAP(r::glNamedFramebufferDrawBuffer_fn(fb, buf), gl::named_draw_buffer(fb, buf));
}
EGLRUN_EXPORT void glNamedFramebufferDrawBuffers(GLuint fb, GLsizei n, const GLenum* bufs) {
  GL_WRAP(r::glNamedFramebufferDrawBuffers_fn(fb, n, bufs), gl::named_draw_buffers(fb, n, bufs));
}
EGLRUN_EXPORT void glNamedFramebufferReadBuffer(GLuint fb, GLenum src) {
  GL_WRAP(r::glNamedFramebufferReadBuffer_fn(fb, src), gl::named_read_buffer(fb, src));
}

namespace {
template <typename T, typename Real>
void get_values(GLenum pname, T* data, Real real) {
  GLint64 v[4];
  int n = 0;
  if (data != nullptr && gl::answer_query(pname, v, &n)) {
    for (int i = 0; i < n; ++i) data[i] = static_cast<T>(v[i]);
    return;
  }
  real(pname, data);
}
}  // namespace

EGLRUN_EXPORT void glGetIntegerv(GLenum pname, GLint* data) {
  GL_WRAP(r::glGetIntegerv_fn(pname, data), get_values(pname, data, r::glGetIntegerv_fn));
}
EGLRUN_EXPORT void glGetInteger64v(GLenum pname, GLint64* data) {
  GL_WRAP(r::glGetInteger64v_fn(pname, data), get_values(pname, data, r::glGetInteger64v_fn));
}
EGLRUN_EXPORT void glGetFloatv(GLenum pname, GLfloat* data) {
  GL_WRAP(r::glGetFloatv_fn(pname, data), get_values(pname, data, r::glGetFloatv_fn));
}
EGLRUN_EXPORT void glGetDoublev(GLenum pname, GLdouble* data) {
  GL_WRAP(r::glGetDoublev_fn(pname, data), get_values(pname, data, r::glGetDoublev_fn));
}
EGLRUN_EXPORT void glGetBooleanv(GLenum pname, GLboolean* data) {
  GL_WRAP(r::glGetBooleanv_fn(pname, data), ([&] {
            GLint64 v[4];
            int n = 0;
            if (data != nullptr && gl::answer_query(pname, v, &n)) {
              for (int i = 0; i < n; ++i) data[i] = v[i] != 0 ? GL_TRUE : GL_FALSE;
              return;
            }
            r::glGetBooleanv_fn(pname, data);
          }()));
}
EGLRUN_EXPORT void glGetFramebufferAttachmentParameteriv(GLenum target, GLenum attachment, GLenum pname,
                                                         GLint* params) {
  GL_WRAP(r::glGetFramebufferAttachmentParameteriv_fn(target, attachment, pname, params),
          gl::get_attachment_parameter(target, attachment, pname, params));
}
EGLRUN_EXPORT void glGetNamedFramebufferAttachmentParameteriv(GLuint fb, GLenum attachment, GLenum pname,
                                                              GLint* params) {
  GL_WRAP(r::glGetNamedFramebufferAttachmentParameteriv_fn(fb, attachment, pname, params),
          gl::get_named_attachment_parameter(fb, attachment, pname, params));
}
EGLRUN_EXPORT void glGetNamedFramebufferParameteriv(GLuint fb, GLenum pname, GLint* param) {
  GL_WRAP(r::glGetNamedFramebufferParameteriv_fn(fb, pname, param),
          gl::get_named_framebuffer_parameter(fb, pname, param));
}
EGLRUN_EXPORT GLenum glCheckNamedFramebufferStatus(GLuint fb, GLenum target) {
  GL_WRAP(r::glCheckNamedFramebufferStatus_fn(fb, target), gl::check_named_status(fb, target));
}
EGLRUN_EXPORT void glBlitNamedFramebuffer(GLuint read, GLuint draw, GLint sx0, GLint sy0, GLint sx1,
                                          GLint sy1, GLint dx0, GLint dy0, GLint dx1, GLint dy1,
                                          GLbitfield mask, GLenum filter) {
  GL_WRAP(r::glBlitNamedFramebuffer_fn(read, draw, sx0, sy0, sx1, sy1, dx0, dy0, dx1, dy1, mask, filter),
          ([&] {
            if (read == 0 || draw == 0) SETTLE(gl::kDraws | gl::kReads);
            gl::blit_named(read, draw, sx0, sy0, sx1, sy1, dx0, dy0, dx1, dy1, mask, filter);
          }()));
}
EGLRUN_EXPORT void glInvalidateFramebuffer(GLenum target, GLsizei n, const GLenum* attachments) {
  GL_WRAP(r::glInvalidateFramebuffer_fn(target, n, attachments),
          gl::invalidate(target, n, attachments, nullptr));
}
EGLRUN_EXPORT void glInvalidateSubFramebuffer(GLenum target, GLsizei n, const GLenum* attachments, GLint x,
                                              GLint y, GLsizei w, GLsizei h) {
  const GLint rect[4] = {x, y, w, h};
  GL_WRAP(r::glInvalidateSubFramebuffer_fn(target, n, attachments, x, y, w, h),
          gl::invalidate(target, n, attachments, rect));
}
EGLRUN_EXPORT void glInvalidateNamedFramebufferData(GLuint fb, GLsizei n, const GLenum* attachments) {
  GL_WRAP(r::glInvalidateNamedFramebufferData_fn(fb, n, attachments),
          gl::invalidate_named(fb, n, attachments, nullptr));
}
EGLRUN_EXPORT void glInvalidateNamedFramebufferSubData(GLuint fb, GLsizei n, const GLenum* attachments,
                                                       GLint x, GLint y, GLsizei w, GLsizei h) {
  const GLint rect[4] = {x, y, w, h};
  GL_WRAP(r::glInvalidateNamedFramebufferSubData_fn(fb, n, attachments, x, y, w, h),
          gl::invalidate_named(fb, n, attachments, rect));
}
EGLRUN_EXPORT void glClearNamedFramebufferiv(GLuint fb, GLenum buffer, GLint drawbuffer, const GLint* value) {
  GL_WRAP(r::glClearNamedFramebufferiv_fn(fb, buffer, drawbuffer, value), ([&] {
            if (fb == 0 && buffer == GL_COLOR) SETTLE(gl::kDraws);
            r::glClearNamedFramebufferiv_fn(gl::named_target(fb), buffer, drawbuffer, value);
          }()));
}
EGLRUN_EXPORT void glClearNamedFramebufferuiv(GLuint fb, GLenum buffer, GLint drawbuffer,
                                              const GLuint* value) {
  GL_WRAP(r::glClearNamedFramebufferuiv_fn(fb, buffer, drawbuffer, value), ([&] {
            if (fb == 0 && buffer == GL_COLOR) SETTLE(gl::kDraws);
            r::glClearNamedFramebufferuiv_fn(gl::named_target(fb), buffer, drawbuffer, value);
          }()));
}
EGLRUN_EXPORT void glClearNamedFramebufferfv(GLuint fb, GLenum buffer, GLint drawbuffer,
                                             const GLfloat* value) {
  GL_WRAP(r::glClearNamedFramebufferfv_fn(fb, buffer, drawbuffer, value), ([&] {
            if (fb == 0 && buffer == GL_COLOR) {
              SETTLE(gl::kDraws);
              gl::clear_color_buffer(gl::named_target(fb), drawbuffer, value);  // alpha stays 1.0
              return;
            }
            r::glClearNamedFramebufferfv_fn(gl::named_target(fb), buffer, drawbuffer, value);
          }()));
}
EGLRUN_EXPORT void glClearNamedFramebufferfi(GLuint fb, GLenum buffer, GLint drawbuffer, GLfloat depth,
                                             GLint stencil) {
  GL_WRAP(r::glClearNamedFramebufferfi_fn(fb, buffer, drawbuffer, depth, stencil),
          r::glClearNamedFramebufferfi_fn(gl::named_target(fb), buffer, drawbuffer, depth, stencil));
}

// real_call is a whole call statement: parentheses around it would not compile.
// NOLINTBEGIN(bugprone-macro-parentheses)
#define REFUSE_ON_DEFAULT(target, real_call)                      \
  GL_WRAP(real_call, ([&] {                                       \
            if (!gl::refuse_attachment_change(target)) real_call; \
          }()))
// NOLINTEND(bugprone-macro-parentheses)

EGLRUN_EXPORT void glFramebufferTexture(GLenum target, GLenum attachment, GLuint texture, GLint level) {
  REFUSE_ON_DEFAULT(target, r::glFramebufferTexture_fn(target, attachment, texture, level));
}
EGLRUN_EXPORT void glFramebufferTexture1D(GLenum target, GLenum attachment, GLenum textarget, GLuint texture,
                                          GLint level) {
  REFUSE_ON_DEFAULT(target, r::glFramebufferTexture1D_fn(target, attachment, textarget, texture, level));
}
EGLRUN_EXPORT void glFramebufferTexture2D(GLenum target, GLenum attachment, GLenum textarget, GLuint texture,
                                          GLint level) {
  REFUSE_ON_DEFAULT(target, r::glFramebufferTexture2D_fn(target, attachment, textarget, texture, level));
}
EGLRUN_EXPORT void glFramebufferTexture3D(GLenum target, GLenum attachment, GLenum textarget, GLuint texture,
                                          GLint level, GLint zoffset) {
  REFUSE_ON_DEFAULT(target,
                    r::glFramebufferTexture3D_fn(target, attachment, textarget, texture, level, zoffset));
}
EGLRUN_EXPORT void glFramebufferTextureLayer(GLenum target, GLenum attachment, GLuint texture, GLint level,
                                             GLint layer) {
  REFUSE_ON_DEFAULT(target, r::glFramebufferTextureLayer_fn(target, attachment, texture, level, layer));
}
EGLRUN_EXPORT void glFramebufferRenderbuffer(GLenum target, GLenum attachment, GLenum rbtarget, GLuint rb) {
  REFUSE_ON_DEFAULT(target, r::glFramebufferRenderbuffer_fn(target, attachment, rbtarget, rb));
}

EGLRUN_EXPORT void glViewport(GLint x, GLint y, GLsizei w, GLsizei h) {
  GL_WRAP(r::glViewport_fn(x, y, w, h), gl::viewport(x, y, w, h));
}
EGLRUN_EXPORT void glFlush() {
  GL_WRAP(r::glFlush_fn(), ([&] {
            r::glFlush_fn();
            gl::after_flush();
          }()));
}
EGLRUN_EXPORT void glFinish() {
  GL_WRAP(r::glFinish_fn(), ([&] {
            r::glFinish_fn();
            gl::after_flush();
          }()));
}

// Reads: from a multisampled stand-in, of its resolved contents (gl::begin_resolved_read).
#define RESOLVED_READ(mask, real_call) RESOLVED_USE(gl::kReads, mask, real_call)
#define RESOLVED_USE(use, mask, real_call)                  \
  GL_WRAP(real_call, ([&] {                                 \
            SETTLE(use);                                    \
            auto* resolved = gl::begin_resolved_read(mask); \
            real_call;                                      \
            gl::end_resolved_read(resolved);                \
          }()))

EGLRUN_EXPORT void glReadPixels(GLint x, GLint y, GLsizei w, GLsizei h, GLenum format, GLenum type,
                                void* pixels) {
  RESOLVED_READ(gl::read_mask_for_format(format), r::glReadPixels_fn(x, y, w, h, format, type, pixels));
}
EGLRUN_EXPORT void glReadnPixels(GLint x, GLint y, GLsizei w, GLsizei h, GLenum format, GLenum type,
                                 GLsizei size, void* pixels) {
  RESOLVED_READ(gl::read_mask_for_format(format),
                r::glReadnPixels_fn(x, y, w, h, format, type, size, pixels));
}
EGLRUN_EXPORT void glReadnPixelsARB(GLint x, GLint y, GLsizei w, GLsizei h, GLenum format, GLenum type,
                                    GLsizei size, void* pixels) {
  RESOLVED_READ(gl::read_mask_for_format(format),
                r::glReadnPixelsARB_fn(x, y, w, h, format, type, size, pixels));
}
EGLRUN_EXPORT void glCopyPixels(GLint x, GLint y, GLsizei w, GLsizei h, GLenum type) {
  RESOLVED_USE(gl::kReads | gl::kDraws, gl::read_mask_for_copy_type(type),
               r::glCopyPixels_fn(x, y, w, h, type));
}
EGLRUN_EXPORT void glCopyTexImage1D(GLenum target, GLint level, GLenum internal_format, GLint x, GLint y,
                                    GLsizei w, GLint border) {
  RESOLVED_READ(gl::read_mask_for_internal_format(internal_format),
                r::glCopyTexImage1D_fn(target, level, internal_format, x, y, w, border));
}
EGLRUN_EXPORT void glCopyTexImage2D(GLenum target, GLint level, GLenum internal_format, GLint x, GLint y,
                                    GLsizei w, GLsizei h, GLint border) {
  RESOLVED_READ(gl::read_mask_for_internal_format(internal_format),
                r::glCopyTexImage2D_fn(target, level, internal_format, x, y, w, h, border));
}

// The texture's format decides what a sub-image copy reads: resolve everything.
constexpr GLbitfield kAllBuffers = GL_COLOR_BUFFER_BIT | GL_DEPTH_BUFFER_BIT | GL_STENCIL_BUFFER_BIT;

EGLRUN_EXPORT void glCopyTexSubImage1D(GLenum target, GLint level, GLint xoff, GLint x, GLint y, GLsizei w) {
  RESOLVED_READ(kAllBuffers, r::glCopyTexSubImage1D_fn(target, level, xoff, x, y, w));
}
EGLRUN_EXPORT void glCopyTexSubImage2D(GLenum target, GLint level, GLint xoff, GLint yoff, GLint x, GLint y,
                                       GLsizei w, GLsizei h) {
  RESOLVED_READ(kAllBuffers, r::glCopyTexSubImage2D_fn(target, level, xoff, yoff, x, y, w, h));
}
EGLRUN_EXPORT void glCopyTexSubImage3D(GLenum target, GLint level, GLint xoff, GLint yoff, GLint zoff,
                                       GLint x, GLint y, GLsizei w, GLsizei h) {
  RESOLVED_READ(kAllBuffers, r::glCopyTexSubImage3D_fn(target, level, xoff, yoff, zoff, x, y, w, h));
}
EGLRUN_EXPORT void glCopyTextureSubImage1D(GLuint texture, GLint level, GLint xoff, GLint x, GLint y,
                                           GLsizei w) {
  RESOLVED_READ(kAllBuffers, r::glCopyTextureSubImage1D_fn(texture, level, xoff, x, y, w));
}
EGLRUN_EXPORT void glCopyTextureSubImage2D(GLuint texture, GLint level, GLint xoff, GLint yoff, GLint x,
                                           GLint y, GLsizei w, GLsizei h) {
  RESOLVED_READ(kAllBuffers, r::glCopyTextureSubImage2D_fn(texture, level, xoff, yoff, x, y, w, h));
}
EGLRUN_EXPORT void glCopyTextureSubImage3D(GLuint texture, GLint level, GLint xoff, GLint yoff, GLint zoff,
                                           GLint x, GLint y, GLsizei w, GLsizei h) {
  RESOLVED_READ(kAllBuffers, r::glCopyTextureSubImage3D_fn(texture, level, xoff, yoff, zoff, x, y, w, h));
}

#define RESOLVED_BLIT(real_call)                                  \
  GL_WRAP(real_call, ([&] {                                       \
            SETTLE(gl::kReads | gl::kDraws);                      \
            auto* resolved = gl::begin_resolved_read(mask, true); \
            real_call;                                            \
            gl::end_resolved_read(resolved);                      \
            gl::after_blit(mask, 0, 0);                           \
          }()))

EGLRUN_EXPORT void glBlitFramebuffer(GLint sx0, GLint sy0, GLint sx1, GLint sy1, GLint dx0, GLint dy0,
                                     GLint dx1, GLint dy1, GLbitfield mask, GLenum filter) {
  RESOLVED_BLIT(r::glBlitFramebuffer_fn(sx0, sy0, sx1, sy1, dx0, dy0, dx1, dy1, mask, filter));
}
EGLRUN_EXPORT void glBlitFramebufferEXT(GLint sx0, GLint sy0, GLint sx1, GLint sy1, GLint dx0, GLint dy0,
                                        GLint dx1, GLint dy1, GLbitfield mask, GLenum filter) {
  RESOLVED_BLIT(r::glBlitFramebufferEXT_fn(sx0, sy0, sx1, sy1, dx0, dy0, dx1, dy1, mask, filter));
}
EGLRUN_EXPORT void glDrawPixels(GLsizei w, GLsizei h, GLenum format, GLenum type, const void* pixels) {
  GL_WRAP(r::glDrawPixels_fn(w, h, format, type, pixels), ([&] {
            SETTLE(gl::kDraws);
            gl::draw_pixels(w, h, format, type, pixels);
          }()));
}

// The colour mask and the attribute stack: see gl/opaque_alpha.hpp.
EGLRUN_EXPORT void glColorMask(GLboolean r, GLboolean g, GLboolean b, GLboolean a) {
  GL_WRAP(r::glColorMask_fn(r, g, b, a), gl::color_mask(-1, r, g, b, a, false));
}
EGLRUN_EXPORT void glColorMaski(GLuint i, GLboolean r, GLboolean g, GLboolean b, GLboolean a) {
  GL_WRAP(r::glColorMaski_fn(i, r, g, b, a),
          gl::color_mask(static_cast<int>(std::min<GLuint>(i, 64)), r, g, b, a, false));
}
EGLRUN_EXPORT void glColorMaskIndexedEXT(GLuint i, GLboolean r, GLboolean g, GLboolean b, GLboolean a) {
  GL_WRAP(r::glColorMaskIndexedEXT_fn(i, r, g, b, a),
          gl::color_mask(static_cast<int>(std::min<GLuint>(i, 64)), r, g, b, a, true));
}
EGLRUN_EXPORT void glPushAttrib(GLbitfield mask) { GL_WRAP(r::glPushAttrib_fn(mask), gl::push_attrib(mask)); }
EGLRUN_EXPORT void glPopAttrib() { GL_WRAP(r::glPopAttrib_fn(), gl::pop_attrib()); }
EGLRUN_EXPORT void glEndList() {
  GL_WRAP(r::glEndList_fn(), ([&] {
            r::glEndList_fn();
            gl::update_alpha_hold();
          }()));
}

namespace {
template <typename T, typename Real>
void get_indexed(GLenum pname, GLuint index, T* data, Real real) {
  GLint64 v[4];
  int n = 0;
  if (data != nullptr && index < 64 && gl::answer_mask_query(pname, static_cast<int>(index), v, &n)) {
    for (int i = 0; i < n; ++i) data[i] = static_cast<T>(v[i] != 0);
    return;
  }
  real(pname, index, data);
}
}  // namespace

EGLRUN_EXPORT void glGetBooleani_v(GLenum pname, GLuint index, GLboolean* data) {
  GL_WRAP(r::glGetBooleani_v_fn(pname, index, data), get_indexed(pname, index, data, r::glGetBooleani_v_fn));
}
EGLRUN_EXPORT void glGetIntegeri_v(GLenum pname, GLuint index, GLint* data) {
  GL_WRAP(r::glGetIntegeri_v_fn(pname, index, data), get_indexed(pname, index, data, r::glGetIntegeri_v_fn));
}
EGLRUN_EXPORT void glGetBooleanIndexedvEXT(GLenum pname, GLuint index, GLboolean* data) {
  GL_WRAP(r::glGetBooleanIndexedvEXT_fn(pname, index, data),
          get_indexed(pname, index, data, r::glGetBooleanIndexedvEXT_fn));
}
EGLRUN_EXPORT void glGetIntegerIndexedvEXT(GLenum pname, GLuint index, GLint* data) {
  GL_WRAP(r::glGetIntegerIndexedvEXT_fn(pname, index, data),
          get_indexed(pname, index, data, r::glGetIntegerIndexedvEXT_fn));
}
