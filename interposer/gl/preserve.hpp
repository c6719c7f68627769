// The deferred back-buffer preserve copy (docs/performance.md, "Deferred preserve copy"): a swap only
// notes that the new back buffer should start as the frame just shown; the copy is made before the
// first GL call that could read or partly write that buffer, or skipped when that call is a glClear
// that overwrites all of it. Every interceptor of such a call starts with
//   if (!gl::preserve_idle) gl::settle_preserve(...);
// so that, with nothing pending, its cost is one thread-local test.
#pragma once

#include <GL/gl.h>

namespace eglrun::glx {
struct Context;
}

namespace eglrun::gl {

// True while no framebuffer of the context current in this thread has a copy pending (and the real
// GL functions are resolved). False at thread start, so the first call resolves them.
inline thread_local bool preserve_idle = false;

// Between glBeginConditionalRender and glEndConditionalRender in this thread: a clear may be
// discarded by the condition, so it cannot stand in for the copy.
inline thread_local bool conditional_render = false;

enum PreserveUse : unsigned {
  kDraws = 1,  // writes (part of) the draw framebuffer
  kReads = 2,  // reads the read framebuffer
  kList = 4,   // glCallList(s)/glNewList: counted as a draw where alpha is concerned (gl/opaque_alpha)
};
// Slow path: makes the pending copy of the stand-in bound for `use` (a PreserveUse mask).
void settle_preserve(unsigned use);
// Slow path of glClear(mask): skips the pending copy when the clear overwrites the whole back
// buffer, makes it when it overwrites part of it.
void settle_preserve_for_clear(GLbitfield mask);
// After a swap of `fb`'s drawable in the current context.
void note_preserve_pending();
// Before `c` (current in this thread) is released or bound to other drawables: makes every copy
// still pending (simple and rare; the next frame usually clears, but the buffer must stay defined).
void settle_all_preserves(glx::Context& c);

}  // namespace eglrun::gl
