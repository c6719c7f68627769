// Xlib round trips eglrun makes on the application's Display to look at its windows and pixmaps.
// A bad XID from the application must give it the one error GLX prescribes (BadWindow, BadPixmap,
// GLXBadDrawable …), not also the X error of eglrun's own GetWindowAttributes/GetGeometry: those
// are caught here, through an Xlib extension error hook, and never reach the application's handler.
#pragma once

#include <X11/Xlib.h>

namespace eglrun::glx::quiet {

// XGetWindowAttributes / XGetGeometry whose X errors are swallowed. False when the XID is no
// window / drawable (or the request failed).
bool get_window_attributes(Display* dpy, Window window, XWindowAttributes* attr);
bool get_geometry(Display* dpy, Drawable drawable, Window* root, int* x, int* y, unsigned* width,
                  unsigned* height, unsigned* border, unsigned* depth);

}  // namespace eglrun::glx::quiet
