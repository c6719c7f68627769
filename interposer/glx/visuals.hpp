// What the platform offers: the X screen's TrueColor visuals and the EGL device's configs.
#pragma once

#include <EGL/egl.h>
#include <X11/Xlib.h>
#include <X11/Xutil.h>

#include <vector>

#include "glx/fbconfig.hpp"

namespace eglrun::glx {

// TrueColor visuals of `screen`, the screen's default visual first, the rest by ascending ID.
std::vector<VisualTraits> query_visuals(Display* dpy, int screen);

// An Xlib-allocated XVisualInfo for the visual, for the app to XFree (as glXChooseVisual and
// glXGetVisualFromFBConfig results must be); nullptr when the screen has no such visual.
XVisualInfo* make_visual_info(Display* dpy, int screen, unsigned long visual_id);

// The device's configs that can back an FBO-emulated drawable: pbuffer-capable and OpenGL-renderable.
// Reads EGL_COLOR_COMPONENT_TYPE_EXT when EGL_EXT_pixel_format_float is there.
std::vector<EglConfigTraits> query_egl_configs(EGLDisplay dpy);

}  // namespace eglrun::glx
