// The real functions behind the ones libeglrun intercepts, and the GL functions it uses itself.
// Resolved once, explicitly: Xlib's with dlsym(RTLD_NEXT), GL's with eglGetProcAddress.
// Names carry an `_fn` suffix because the plain names are poisoned in the library's own code
// (symbols/poison.hpp), so no internal call can land on an interposed export by accident.
#pragma once

#include <X11/Xlib.h>
#include <dlfcn.h>
#include <xcb/glx.h>
#include <xcb/xcb.h>
#define GL_GLEXT_PROTOTYPES 1
#include <GL/gl.h>
#include <GL/glext.h>

// Mesa's glext.h declares this one only in GLES headers.
extern "C" void glEGLImageTargetRenderbufferStorageOES(GLenum target, void* image);

namespace eglrun::real {

#define X11_ENTRYPOINT(name) extern decltype(&::name) name##_fn;
#include "symbols/x11_entrypoints.inc"
#undef X11_ENTRYPOINT

#define GL_ENTRYPOINT(name) extern decltype(&::name) name##_fn;
#include "symbols/gl_entrypoints.inc"
#undef GL_ENTRYPOINT

#define DL_ENTRYPOINT(name) extern decltype(&::name) name##_fn;
#include "symbols/dl_entrypoints.inc"
#undef DL_ENTRYPOINT

#define XCB_ENTRYPOINT(name) extern decltype(&::name) name##_fn;
#include "symbols/xcb_entrypoints.inc"
#undef XCB_ENTRYPOINT

#define GL_INTERNAL(name) extern decltype(&::name) name##_fn;
#include "symbols/gl_internal.inc"
#undef GL_INTERNAL

// Idempotent and thread-safe. Xlib's are needed from the first intercepted call; GL's need libEGL.
void resolve_x11();
// libc's dlsym, found with dlvsym so that no lookup passes through eglrun's own dlsym. Async-safe
// enough for the dlsym stub: a relaxed load after the first call.
void resolve_dl();
void resolve_xcb();
void resolve_gl();

}  // namespace eglrun::real
