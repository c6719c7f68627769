#include "glx/xid.hpp"

#include <X11/Xlibint.h>

namespace eglrun::glx {

XID alloc_xid(Display* dpy) {
  LockDisplay(dpy);
  XID id = XAllocID(dpy);
  UnlockDisplay(dpy);
  SyncHandle();  // refills the display's next ID (libX11's _XIDHandler)
  return id;
}

}  // namespace eglrun::glx
