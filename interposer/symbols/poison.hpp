// Included last by the library's internal sources: any later use of an interposed name is a compile
// error, so internal code can only reach the real function through symbols/real.hpp.
#pragma once

#define EGLRUN_PRAGMA(x) _Pragma(#x)
#define EGLRUN_POISON(name) EGLRUN_PRAGMA(GCC poison name)
#define GLX_ENTRYPOINT(name) EGLRUN_POISON(name)
#define GL_ENTRYPOINT(name) EGLRUN_POISON(name)
#define X11_ENTRYPOINT(name) EGLRUN_POISON(name)
#define DL_ENTRYPOINT(name) EGLRUN_POISON(name)
#define XCB_ENTRYPOINT(name) EGLRUN_POISON(name)
#include "symbols/dl_entrypoints.inc"
#include "symbols/gl_entrypoints.inc"
#include "symbols/glx_entrypoints.inc"
#include "symbols/x11_entrypoints.inc"
#include "symbols/xcb_entrypoints.inc"
#undef GLX_ENTRYPOINT
#undef GL_ENTRYPOINT
#undef X11_ENTRYPOINT
#undef DL_ENTRYPOINT
#undef XCB_ENTRYPOINT
