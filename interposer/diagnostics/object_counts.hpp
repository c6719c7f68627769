// Accounting of the EGL, GL, X and OS objects eglrun makes on the application's behalf, so that a
// long session can prove it gives back what it took. Counters are process-wide atomics bumped at the
// single place where each object is made or freed; EGLRUN_OBJECT_REPORT=1 prints a one-line summary
// to stderr when the process exits.
#pragma once

#include <cstdint>
#include <string>

namespace eglrun::diagnostics {

enum class Object {
  EglContext,       // eglCreateContext for a GLX context
  EglImage,         // a drawable's colour buffer
  GlTexture,        // the texture an EGLImage is made from (deleted at once: the image keeps the storage)
  GlFramebuffer,    // the FBOs standing in for framebuffer 0
  GlRenderbuffer,   // colour views of the images, depth/stencil, multisample buffers
  GlPixelBuffer,    // PBOs used for read-back
  ShmSegment,       // MIT-SHM segments
  Presenter,        // per-window presenters (each with its own X connection)
  PresenterThread,  // presenter threads
  kCount
};

struct ObjectCount {
  uint64_t created = 0;
  uint64_t released = 0;
  uint64_t live() const { return created - released; }
};

void count_created(Object o, uint64_t n = 1);
void count_released(Object o, uint64_t n = 1);
ObjectCount object_count(Object o);
const char* object_name(Object o);

// "eglrun objects: egl_contexts 3/3 egl_images 4/4 ... (created/released)"; live objects, if any,
// are listed at the end as "LIVE: name=N ...".
std::string object_report();

// Prints object_report() through stderr now (for EGLRUN_OBJECT_REPORT; also used at exit).
void print_object_report();

}  // namespace eglrun::diagnostics
