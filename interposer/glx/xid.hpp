// IDs for GLX objects that exist only in this process (contexts, GLX pixmaps, pbuffers).
#pragma once

#include <X11/Xlib.h>

namespace eglrun::glx {

// XAllocID from the application's Display, done the way Xlib's own request functions do it (display
// locked, then the sync handler run). A bare XAllocID leaves the next ID to be fetched by the sync
// handler of the next Xlib request: two in a row with no request between (two contexts, a context
// then a pbuffer) abort in libX11's _XAllocID assertion.
XID alloc_xid(Display* dpy);

}  // namespace eglrun::glx
