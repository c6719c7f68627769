// Windows whose GLX config has no alpha (the 24-bit visual nearly every program uses) are stored
// with an alpha channel: Mesa keeps 8-bit RGB as RGBX, which no glReadPixels format reads as a
// memcpy, while B8G8R8A8 reads straight into the X image (docs/performance.md, "Read-back format").
// The application must still see a framebuffer without alpha (alpha reads 1.0, GL_DST_ALPHA blends
// as 1.0, GL_ALPHA_BITS is 0), so the stored alpha is kept at 1.0: the images start opaque, alpha
// writes are held off while such a stand-in is the draw framebuffer (the application's colour mask
// is kept aside and answered to glGet), clears write alpha 1.0 in the same clear, and a blit that
// brings alpha in from a buffer that has some is followed by an alpha-only clear of its rectangle.
// A display list that sets or saves the colour mask runs unheld; alpha is then restored lazily (see
// before_call_list). Limits: docs/compatibility.md, "Windows without alpha".
#pragma once

#include <GL/gl.h>

#include <atomic>

namespace eglrun::glx {
struct Context;
}

namespace eglrun::gl {

// True while the context current in this thread holds alpha writes off (an opaque stand-in is its
// draw framebuffer): the fast paths of glClear and glCallList test it.
inline thread_local bool alpha_held = false;

// After anything that may change whether an opaque stand-in is bound for drawing: binds, make
// current, glEndList. `force` re-applies the mask even when the hold did not change.
void update_alpha_hold(bool force = false);
// make-current to no context (or to one without a drawable).
void clear_alpha_hold();

// The intercepted calls. index < 0: every draw buffer.
void color_mask(int index, GLboolean r, GLboolean g, GLboolean b, GLboolean a, bool ext);
void push_attrib(GLbitfield mask);
void pop_attrib();
// Display lists: one that sets or saves the colour mask (glColorMask*, glPushAttrib, glPopAttrib, or
// a call of such a list; noted per share group while it is compiled) runs with the application's
// mask, not the held one, so the mask it leaves is the application's without doubt. Alpha may then
// have been written, so the context is marked dirty and alpha is restored before anything can see
// it: a read (settle_alpha), a draw blending with the destination's alpha, a swap, a release
// (restore_alpha_if_dirty). Other lists cannot change the mask and need nothing.
inline std::atomic<bool> mask_lists_exist{false};  // any such list compiled in this process
void before_call_list(GLuint list, bool many);     // glCallList(list), or glCallLists (many)
void after_call_list(GLuint list, bool many);
// From the settle path (gl/preserve.hpp) while the current context is dirty: restores alpha when
// `use` reads, or draws with a blend that reads the destination's alpha.
void settle_alpha(glx::Context& c, unsigned use);
void restore_alpha_if_dirty(glx::Context& c);
// glClear(mask) with alpha held and GL_COLOR_BUFFER_BIT in it: one clear that also writes alpha 1.0.
void clear_opaque(GLbitfield mask);
// glClearBufferfv(GL_COLOR, drawbuffer, value) (fbo 0: the bound draw framebuffer) or
// glClearNamedFramebufferfv of the stand-in `fbo`: into an opaque stand-in it clears alpha to 1.0
// (a fast clear, not one masked by the held alpha; and a named clear of a stand-in that is not bound
// would otherwise write the value's alpha).
void clear_color_buffer(GLuint fbo, GLint drawbuffer, const GLfloat* value);
// After a blit with GL_COLOR_BUFFER_BIT into the stand-in bound for drawing (or `draw_fbo`, for the
// named form): restores alpha 1.0 when the source buffer had alpha to bring in.
void after_blit(GLbitfield mask, GLuint read_fbo, GLuint draw_fbo);

// glGet of GL_COLOR_WRITEMASK (the application's mask) and GL_ALPHA_BITS (0) while they differ
// from the GL's; false otherwise. `index` < 0 for the unindexed query.
bool answer_mask_query(GLenum pname, int index, GLint64* values, int* count);
// glGetFramebufferAttachmentParameteriv(GL_FRAMEBUFFER_ATTACHMENT_ALPHA_SIZE) of a stand-in.
bool hides_alpha(const glx::Context* c, GLuint fbo);

}  // namespace eglrun::gl
