// The exported Xlib functions: "GLX" must look present, and windows and displays that go away must
// take their EGL objects with them.
#include <X11/Xlib.h>

#include "entry.hpp"
#include "export.hpp"
#include "symbols/real.hpp"
#include "x11/x11_hooks.hpp"

using namespace eglrun;
namespace r = eglrun::real;

EGLRUN_EXPORT Bool XQueryExtension(Display* dpy, const char* name, int* major_opcode, int* first_event,
                                   int* first_error) {
  r::resolve_x11();
  auto real = [&] { return r::XQueryExtension_fn(dpy, name, major_opcode, first_event, first_error); };
  return entry::wrap(__func__, real, [&] {
    if (dpy != nullptr && x11::is_glx_name(name))
      return x11::query_glx_extension(dpy, major_opcode, first_event, first_error);
    return real();
  });
}

EGLRUN_EXPORT XExtCodes* XInitExtension(Display* dpy, const char* name) {
  r::resolve_x11();
  auto real = [&] { return r::XInitExtension_fn(dpy, name); };
  return entry::wrap(__func__, real, [&] {
    if (dpy != nullptr && x11::is_glx_name(name)) return x11::init_glx_extension(dpy);
    return real();
  });
}

EGLRUN_EXPORT int XDestroyWindow(Display* dpy, Window window) {
  r::resolve_x11();
  auto real = [&] { return r::XDestroyWindow_fn(dpy, window); };
  return entry::wrap(__func__, real, [&] {
    if (dpy != nullptr) x11::window_destroyed(dpy, window);
    return real();
  });
}

EGLRUN_EXPORT int XCloseDisplay(Display* dpy) {
  r::resolve_x11();
  auto real = [&] { return r::XCloseDisplay_fn(dpy); };
  return entry::wrap(__func__, real, [&] {
    if (dpy != nullptr) x11::display_closing(dpy);
    return real();
  });
}
