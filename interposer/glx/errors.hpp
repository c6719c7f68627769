// GLX errors, delivered to the application as X protocol errors although no GLX request was made:
// the codes are the ones eglrun answers for the "GLX" extension on this display.
#pragma once

#include <X11/Xlib.h>

#include "glx/registry.hpp"

namespace eglrun::glx {

// The codes for "GLX" on this display, chosen once so they collide with no extension the server has.
const ExtensionCodes& extension_codes(Display* dpy);

// GLX error numbers, relative to first_error (GLX 1.4 and GLX_ARB_create_context_profile).
enum GlxError {
  kGLXBadContext = 0,
  kGLXBadContextState = 1,
  kGLXBadDrawable = 2,
  kGLXBadPixmap = 3,
  kGLXBadContextTag = 4,
  kGLXBadCurrentWindow = 5,
  kGLXBadRenderRequest = 6,
  kGLXBadLargeRequest = 7,
  kGLXUnsupportedPrivateRequest = 8,
  kGLXBadFBConfig = 9,
  kGLXBadPbuffer = 10,
  kGLXBadCurrentDrawable = 11,
  kGLXBadWindow = 12,
  kGLXBadProfileARB = 13,
};

// X_GLX* request numbers, so the error names the request as real GLX would.
enum GlxRequest {
  kX_GLXCreateContext = 3,
  kX_GLXDestroyContext = 4,
  kX_GLXMakeCurrent = 5,
  kX_GLXIsDirect = 6,
  kX_GLXCopyContext = 10,
  kX_GLXSwapBuffers = 11,
  kX_GLXUseXFont = 12,
  kX_GLXCreateGLXPixmap = 13,
  kX_GLXDestroyGLXPixmap = 15,
  kX_GLXMakeContextCurrent = 26,
  kX_GLXCreatePbuffer = 27,
  kX_GLXDestroyPbuffer = 28,
  kX_GLXGetDrawableAttributes = 29,
  kX_GLXChangeDrawableAttributes = 30,
  kX_GLXCreateWindow = 31,
  kX_GLXDestroyWindow = 32,
  kX_GLXCreateContextAttribsARB = 34,
  kX_GLXCreatePixmap = 22,
  kX_GLXDestroyPixmap = 23,
  kX_GLXCreateNewContext = 24,
  kX_GLXQueryContext = 25,
  kX_GLXVendorPrivate = 16,  // glXBindTexImageEXT, glXReleaseTexImageEXT go through it
};

// A GLX-specific error (GlxError) or, with core=true, a core X error code (BadMatch, BadValue, …).
void raise_glx_error(Display* dpy, int error, bool core, int minor_request, XID resource);
inline void raise_core_error(Display* dpy, int code, int minor_request, XID resource = 0) {
  raise_glx_error(dpy, code, true, minor_request, resource);
}

}  // namespace eglrun::glx
