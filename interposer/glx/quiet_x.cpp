#include "glx/quiet_x.hpp"

// The standard headers first: Xlibint.h defines min and max as macros.
#include <cstdint>
#include <mutex>
#include <unordered_set>

#include <X11/Xlibint.h>
#include <X11/Xproto.h>

namespace eglrun::glx::quiet {
namespace {

// The request this thread is making quietly. Errors for requests with replies are read by _XReply
// in the thread that waits for the reply, so a thread-local is enough to recognise ours.
struct Trap {
  Display* dpy;
  unsigned long first_serial;
  bool caught = false;
};
thread_local Trap* t_trap = nullptr;

int swallow(Display* dpy, xError* err, XExtCodes*, int* ret_code) {
  Trap* t = t_trap;
  if (t == nullptr || t->dpy != dpy) return 0;
  if (err->majorCode != X_GetWindowAttributes && err->majorCode != X_GetGeometry) return 0;
  // 16-bit sequence numbers; ours are the next few after first_serial.
  const unsigned distance =
      static_cast<uint16_t>(err->sequenceNumber - static_cast<uint16_t>(t->first_serial));
  if (distance > 8) return 0;
  t->caught = true;
  *ret_code = 0;  // _XReply returns 0: the Xlib call reports failure
  return 1;       // suppressed: the application's error handler is not called
}

std::mutex g_mutex;
std::unordered_set<Display*> g_hooked;

int forget(Display* dpy, XExtCodes*) {
  std::lock_guard lock(g_mutex);
  g_hooked.erase(dpy);
  return 0;
}

void hook(Display* dpy) {
  std::lock_guard lock(g_mutex);
  if (g_hooked.count(dpy) != 0) return;
  // An extension record of our own (Xlib frees it with the display) carries the two hooks.
  XExtCodes* codes = XAddExtension(dpy);
  if (codes == nullptr) return;
  XESetError(dpy, codes->extension, swallow);
  XESetCloseDisplay(dpy, codes->extension, forget);
  g_hooked.insert(dpy);
}

template <typename F>
bool quietly(Display* dpy, F&& request) {
  hook(dpy);
  Trap trap{dpy, NextRequest(dpy)};
  Trap* outer = t_trap;
  t_trap = &trap;
  const bool ok = request();
  t_trap = outer;
  return ok && !trap.caught;
}

}  // namespace

bool get_window_attributes(Display* dpy, Window window, XWindowAttributes* attr) {
  if (dpy == nullptr || window == 0) return false;
  return quietly(dpy, [&] { return XGetWindowAttributes(dpy, window, attr) != 0; });
}

bool get_geometry(Display* dpy, Drawable drawable, Window* root, int* x, int* y, unsigned* width,
                  unsigned* height, unsigned* border, unsigned* depth) {
  if (dpy == nullptr || drawable == 0) return false;
  return quietly(dpy,
                 [&] { return XGetGeometry(dpy, drawable, root, x, y, width, height, border, depth) != 0; });
}

}  // namespace eglrun::glx::quiet
