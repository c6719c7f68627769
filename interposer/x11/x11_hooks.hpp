// What eglrun must do when the application talks to Xlib about GLX, windows and displays.
#pragma once

#include <X11/Xlib.h>

namespace eglrun::x11 {

// XQueryExtension/XInitExtension for "GLX": answered locally, present or not on the server.
bool is_glx_name(const char* name);
Bool query_glx_extension(Display* dpy, int* major_opcode, int* first_event, int* first_error);
XExtCodes* init_glx_extension(Display* dpy);

// Before the real XDestroyWindow: frames for that window stop, its GL storage is released.
void window_destroyed(Display* dpy, Window window);
// Before the real XCloseDisplay: every GLX object made on that display goes.
void display_closing(Display* dpy);

}  // namespace eglrun::x11
