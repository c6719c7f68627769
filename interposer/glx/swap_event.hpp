// GLX_INTEL_swap_event: GLX_BufferSwapComplete events in the application's event queue, although the
// X server has no GLX to send them.
#pragma once

#include <X11/Xlib.h>

#include <cstdint>

namespace eglrun::glx {

// Called by glXSelectEvent when the mask asks for swap events: hooks the display's event conversion.
void enable_swap_events(Display* dpy);
// After a swap of `drawable` (an X window): queues GLX_BufferSwapComplete for it.
void send_swap_complete(Display* dpy, XID drawable, XID window, int64_t ust, int64_t msc, int64_t sbc);

}  // namespace eglrun::glx
