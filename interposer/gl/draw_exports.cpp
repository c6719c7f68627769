// The exported GL calls that draw into the draw framebuffer, intercepted only for the deferred
// back-buffer preserve copy (gl/preserve.hpp). With nothing pending each is one thread-local test
// and a jump to the real function; no re-entrancy guard or context lookup on that path.
#define GL_GLEXT_PROTOTYPES 1
#include <GL/gl.h>
#include <GL/glext.h>

#include "entry.hpp"
#include "export.hpp"
#include "gl/opaque_alpha.hpp"
#include "gl/preserve.hpp"
#include "symbols/real.hpp"

using namespace eglrun;
namespace r = eglrun::real;

namespace {

// Also where the real functions get resolved in a thread that never made a GLX context current
// (an application of its own EGL with libeglrun preloaded).
__attribute__((noinline, cold)) void settle_slow(const char* name, unsigned use) noexcept {
  r::resolve_gl();
  entry::wrap(
      name, [] {}, [&] { gl::settle_preserve(use); });
}

__attribute__((noinline, cold)) void settle_clear_slow(GLbitfield mask) noexcept {
  r::resolve_gl();
  entry::wrap(
      "glClear", [] {}, [&] { gl::settle_preserve_for_clear(mask); });
}

__attribute__((noinline, cold)) void clear_opaque_slow(GLbitfield mask) noexcept {
  entry::wrap(
      "glClear", [&] { r::glClear_fn(mask); }, [&] { gl::clear_opaque(mask); });
}

__attribute__((noinline, cold)) void clear_buffer_opaque_slow(GLint drawbuffer,
                                                              const GLfloat* value) noexcept {
  entry::wrap(
      "glClearBufferfv", [&] { r::glClearBufferfv_fn(GL_COLOR, drawbuffer, value); },
      [&] { gl::clear_color_buffer(0, drawbuffer, value); });
}

// gl::before_call_list or gl::after_call_list, through the entry helper.
__attribute__((noinline, cold)) void call_list_hook_slow(const char* name, void (*hook)(GLuint, bool),
                                                         GLuint list, bool many) noexcept {
  entry::wrap(
      name, [] {}, [&] { hook(list, many); });
}

constexpr unsigned kDraws = gl::kDraws;
constexpr unsigned kBoth = gl::kDraws | gl::kReads;
constexpr unsigned kListUse = kBoth | gl::kList;

}  // namespace

// One shim: settles what `use` needs, then calls the real `name` with `args`.
#define DRAW_SHIM(use, name, params, args)           \
  EGLRUN_EXPORT void name params {                   \
    if (!gl::preserve_idle) settle_slow(#name, use); \
    r::name##_fn args;                               \
  }

DRAW_SHIM(kDraws, glDrawArrays, (GLenum m, GLint f, GLsizei n), (m, f, n))
DRAW_SHIM(kDraws, glDrawArraysEXT, (GLenum m, GLint f, GLsizei n), (m, f, n))
DRAW_SHIM(kDraws, glDrawElements, (GLenum m, GLsizei n, GLenum t, const void* i), (m, n, t, i))
DRAW_SHIM(kDraws, glDrawRangeElements, (GLenum m, GLuint s, GLuint e, GLsizei n, GLenum t, const void* i),
          (m, s, e, n, t, i))
DRAW_SHIM(kDraws, glDrawRangeElementsEXT, (GLenum m, GLuint s, GLuint e, GLsizei n, GLenum t, const void* i),
          (m, s, e, n, t, i))
DRAW_SHIM(kDraws, glDrawArraysInstanced, (GLenum m, GLint f, GLsizei n, GLsizei k), (m, f, n, k))
DRAW_SHIM(kDraws, glDrawArraysInstancedARB, (GLenum m, GLint f, GLsizei n, GLsizei k), (m, f, n, k))
DRAW_SHIM(kDraws, glDrawArraysInstancedEXT, (GLenum m, GLint f, GLsizei n, GLsizei k), (m, f, n, k))
DRAW_SHIM(kDraws, glDrawElementsInstanced, (GLenum m, GLsizei n, GLenum t, const void* i, GLsizei k),
          (m, n, t, i, k))
DRAW_SHIM(kDraws, glDrawElementsInstancedARB, (GLenum m, GLsizei n, GLenum t, const void* i, GLsizei k),
          (m, n, t, i, k))
DRAW_SHIM(kDraws, glDrawElementsInstancedEXT, (GLenum m, GLsizei n, GLenum t, const void* i, GLsizei k),
          (m, n, t, i, k))
DRAW_SHIM(kDraws, glDrawArraysInstancedBaseInstance, (GLenum m, GLint f, GLsizei n, GLsizei k, GLuint b),
          (m, f, n, k, b))
DRAW_SHIM(kDraws, glDrawElementsInstancedBaseInstance,
          (GLenum m, GLsizei n, GLenum t, const void* i, GLsizei k, GLuint b), (m, n, t, i, k, b))
DRAW_SHIM(kDraws, glDrawElementsBaseVertex, (GLenum m, GLsizei n, GLenum t, const void* i, GLint v),
          (m, n, t, i, v))
DRAW_SHIM(kDraws, glDrawRangeElementsBaseVertex,
          (GLenum m, GLuint s, GLuint e, GLsizei n, GLenum t, const void* i, GLint v), (m, s, e, n, t, i, v))
DRAW_SHIM(kDraws, glDrawElementsInstancedBaseVertex,
          (GLenum m, GLsizei n, GLenum t, const void* i, GLsizei k, GLint v), (m, n, t, i, k, v))
DRAW_SHIM(kDraws, glDrawElementsInstancedBaseVertexBaseInstance,
          (GLenum m, GLsizei n, GLenum t, const void* i, GLsizei k, GLint v, GLuint b), (m, n, t, i, k, v, b))
DRAW_SHIM(kDraws, glDrawArraysIndirect, (GLenum m, const void* p), (m, p))
DRAW_SHIM(kDraws, glDrawElementsIndirect, (GLenum m, GLenum t, const void* p), (m, t, p))
DRAW_SHIM(kDraws, glMultiDrawArrays, (GLenum m, const GLint* f, const GLsizei* n, GLsizei d), (m, f, n, d))
DRAW_SHIM(kDraws, glMultiDrawArraysEXT, (GLenum m, const GLint* f, const GLsizei* n, GLsizei d), (m, f, n, d))
DRAW_SHIM(kDraws, glMultiDrawElements,
          (GLenum m, const GLsizei* n, GLenum t, const void* const* i, GLsizei d), (m, n, t, i, d))
DRAW_SHIM(kDraws, glMultiDrawElementsEXT,
          (GLenum m, const GLsizei* n, GLenum t, const void* const* i, GLsizei d), (m, n, t, i, d))
DRAW_SHIM(kDraws, glMultiDrawElementsBaseVertex,
          (GLenum m, const GLsizei* n, GLenum t, const void* const* i, GLsizei d, const GLint* v),
          (m, n, t, i, d, v))
DRAW_SHIM(kDraws, glMultiDrawArraysIndirect, (GLenum m, const void* p, GLsizei d, GLsizei s), (m, p, d, s))
DRAW_SHIM(kDraws, glMultiDrawArraysIndirectAMD, (GLenum m, const void* p, GLsizei d, GLsizei s), (m, p, d, s))
DRAW_SHIM(kDraws, glMultiDrawElementsIndirect, (GLenum m, GLenum t, const void* p, GLsizei d, GLsizei s),
          (m, t, p, d, s))
DRAW_SHIM(kDraws, glMultiDrawElementsIndirectAMD, (GLenum m, GLenum t, const void* p, GLsizei d, GLsizei s),
          (m, t, p, d, s))
DRAW_SHIM(kDraws, glMultiDrawArraysIndirectCount, (GLenum m, const void* p, GLintptr d, GLsizei x, GLsizei s),
          (m, p, d, x, s))
DRAW_SHIM(kDraws, glMultiDrawArraysIndirectCountARB,
          (GLenum m, const void* p, GLintptr d, GLsizei x, GLsizei s), (m, p, d, x, s))
DRAW_SHIM(kDraws, glMultiDrawElementsIndirectCount,
          (GLenum m, GLenum t, const void* p, GLintptr d, GLsizei x, GLsizei s), (m, t, p, d, x, s))
DRAW_SHIM(kDraws, glMultiDrawElementsIndirectCountARB,
          (GLenum m, GLenum t, const void* p, GLintptr d, GLsizei x, GLsizei s), (m, t, p, d, x, s))
DRAW_SHIM(kDraws, glDrawTransformFeedback, (GLenum m, GLuint id), (m, id))
DRAW_SHIM(kDraws, glDrawTransformFeedbackNV, (GLenum m, GLuint id), (m, id))
DRAW_SHIM(kDraws, glDrawTransformFeedbackStream, (GLenum m, GLuint id, GLuint s), (m, id, s))
DRAW_SHIM(kDraws, glDrawTransformFeedbackInstanced, (GLenum m, GLuint id, GLsizei k), (m, id, k))
DRAW_SHIM(kDraws, glDrawTransformFeedbackStreamInstanced, (GLenum m, GLuint id, GLuint s, GLsizei k),
          (m, id, s, k))

DRAW_SHIM(kDraws, glBegin, (GLenum m), (m))
// Lists may read as well as draw (glCopyPixels, glAccum); a list compiled from here on never meets
// a pending copy, so GL_COMPILE_AND_EXECUTE calls need no test of their own.
DRAW_SHIM(kListUse, glNewList, (GLuint list, GLenum mode), (list, mode))
// A display list may set the colour mask behind eglrun's back (gl/opaque_alpha.hpp); only a process
// that compiled such a list pays more than one test.
EGLRUN_EXPORT void glCallList(GLuint list) {
  if (!gl::preserve_idle) settle_slow("glCallList", kListUse);
  const bool mask_lists = gl::mask_lists_exist.load(std::memory_order_relaxed);
  if (mask_lists && gl::alpha_held) call_list_hook_slow("glCallList", gl::before_call_list, list, false);
  r::glCallList_fn(list);
  if (mask_lists) call_list_hook_slow("glCallList", gl::after_call_list, list, false);
}
EGLRUN_EXPORT void glCallLists(GLsizei n, GLenum t, const void* lists) {
  if (!gl::preserve_idle) settle_slow("glCallLists", kListUse);
  const bool mask_lists = gl::mask_lists_exist.load(std::memory_order_relaxed);
  if (mask_lists && gl::alpha_held) call_list_hook_slow("glCallLists", gl::before_call_list, 0, true);
  r::glCallLists_fn(n, t, lists);
  if (mask_lists) call_list_hook_slow("glCallLists", gl::after_call_list, 0, true);
}
DRAW_SHIM(kDraws, glRectd, (GLdouble a, GLdouble b, GLdouble c, GLdouble d), (a, b, c, d))
DRAW_SHIM(kDraws, glRectdv, (const GLdouble* a, const GLdouble* b), (a, b))
DRAW_SHIM(kDraws, glRectf, (GLfloat a, GLfloat b, GLfloat c, GLfloat d), (a, b, c, d))
DRAW_SHIM(kDraws, glRectfv, (const GLfloat* a, const GLfloat* b), (a, b))
DRAW_SHIM(kDraws, glRecti, (GLint a, GLint b, GLint c, GLint d), (a, b, c, d))
DRAW_SHIM(kDraws, glRectiv, (const GLint* a, const GLint* b), (a, b))
DRAW_SHIM(kDraws, glRects, (GLshort a, GLshort b, GLshort c, GLshort d), (a, b, c, d))
DRAW_SHIM(kDraws, glRectsv, (const GLshort* a, const GLshort* b), (a, b))
DRAW_SHIM(kDraws, glBitmap,
          (GLsizei w, GLsizei h, GLfloat xo, GLfloat yo, GLfloat xm, GLfloat ym, const GLubyte* bits),
          (w, h, xo, yo, xm, ym, bits))
DRAW_SHIM(kBoth, glAccum, (GLenum op, GLfloat value), (op, value))
DRAW_SHIM(kDraws, glEvalMesh1, (GLenum m, GLint i1, GLint i2), (m, i1, i2))
DRAW_SHIM(kDraws, glEvalMesh2, (GLenum m, GLint i1, GLint i2, GLint j1, GLint j2), (m, i1, i2, j1, j2))
EGLRUN_EXPORT void glBeginConditionalRender(GLuint id, GLenum mode) {
  if (!gl::preserve_idle) settle_slow("glBeginConditionalRender", kDraws);
  gl::conditional_render = true;
  r::glBeginConditionalRender_fn(id, mode);
}
EGLRUN_EXPORT void glBeginConditionalRenderNV(GLuint id, GLenum mode) {
  if (!gl::preserve_idle) settle_slow("glBeginConditionalRenderNV", kDraws);
  gl::conditional_render = true;
  r::glBeginConditionalRenderNV_fn(id, mode);
}
EGLRUN_EXPORT void glBeginConditionalRenderNVX(GLuint id) {
  if (!gl::preserve_idle) settle_slow("glBeginConditionalRenderNVX", kDraws);
  gl::conditional_render = true;
  r::glBeginConditionalRenderNVX_fn(id);
}
EGLRUN_EXPORT void glEndConditionalRenderNVX() {
  if (!gl::preserve_idle) settle_slow("glEndConditionalRenderNVX", 0);
  gl::conditional_render = false;
  r::glEndConditionalRenderNVX_fn();
}
EGLRUN_EXPORT void glEndConditionalRender() {
  if (!gl::preserve_idle) settle_slow("glEndConditionalRender", 0);  // resolves the real functions
  gl::conditional_render = false;
  r::glEndConditionalRender_fn();
}
EGLRUN_EXPORT void glEndConditionalRenderNV() {
  if (!gl::preserve_idle) settle_slow("glEndConditionalRenderNV", 0);
  gl::conditional_render = false;
  r::glEndConditionalRenderNV_fn();
}

EGLRUN_EXPORT void glClear(GLbitfield mask) {
  if (!gl::preserve_idle) settle_clear_slow(mask);
  // With alpha writes held off, a plain glClear would be a masked (slow) clear leaving alpha alone.
  if (gl::alpha_held && (mask & GL_COLOR_BUFFER_BIT) != 0) return clear_opaque_slow(mask);
  r::glClear_fn(mask);
}

// One colour draw buffer is a partial write of the draw framebuffer; depth or stencil leave it alone.
#define CLEAR_BUFFER_SHIM(name, type)                                            \
  EGLRUN_EXPORT void name(GLenum buffer, GLint drawbuffer, const type* value) {  \
    if (!gl::preserve_idle) settle_slow(#name, buffer == GL_COLOR ? kDraws : 0); \
    r::name##_fn(buffer, drawbuffer, value);                                     \
  }

CLEAR_BUFFER_SHIM(glClearBufferiv, GLint)
CLEAR_BUFFER_SHIM(glClearBufferuiv, GLuint)

EGLRUN_EXPORT void glClearBufferfv(GLenum buffer, GLint drawbuffer, const GLfloat* value) {
  if (!gl::preserve_idle) settle_slow("glClearBufferfv", buffer == GL_COLOR ? kDraws : 0);
  // As glClear: with alpha held off this would be a masked clear leaving alpha alone.
  if (gl::alpha_held && buffer == GL_COLOR) return clear_buffer_opaque_slow(drawbuffer, value);
  r::glClearBufferfv_fn(buffer, drawbuffer, value);
}
