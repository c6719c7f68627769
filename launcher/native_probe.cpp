#include "launcher/native_probe.hpp"

#include <GL/gl.h>
#include <GL/glx.h>
#include <X11/Xlib.h>
#include <dlfcn.h>

#include <cstdlib>
#include <optional>
#include <string>

namespace eglrun::launcher {
namespace {

std::optional<std::string> probe(std::string* error) {
  // Loaded at run time: the launcher itself must not depend on libGL (it runs on GPU-less machines).
  void* gl = dlopen("libGL.so.1", RTLD_NOW | RTLD_LOCAL);
  if (!gl) {
    if (error) *error = std::string("cannot load libGL.so.1: ") + dlerror();
    return std::nullopt;
  }
  auto choose = reinterpret_cast<decltype(&glXChooseVisual)>(dlsym(gl, "glXChooseVisual"));
  auto create = reinterpret_cast<decltype(&glXCreateContext)>(dlsym(gl, "glXCreateContext"));
  auto make_current = reinterpret_cast<decltype(&glXMakeCurrent)>(dlsym(gl, "glXMakeCurrent"));
  auto destroy = reinterpret_cast<decltype(&glXDestroyContext)>(dlsym(gl, "glXDestroyContext"));
  auto get_string = reinterpret_cast<decltype(&glGetString)>(dlsym(gl, "glGetString"));
  if (!choose || !create || !make_current || !destroy || !get_string) {
    if (error) *error = "libGL.so.1 lacks GLX 1.0 entry points";
    return std::nullopt;
  }
  Display* dpy = XOpenDisplay(nullptr);
  if (!dpy) {
    if (error) *error = "cannot open the X display";
    return std::nullopt;
  }
  std::optional<std::string> renderer;
  int attrs[] = {GLX_RGBA, GLX_DOUBLEBUFFER, None};
  XVisualInfo* vi = choose(dpy, DefaultScreen(dpy), attrs);
  if (!vi) {
    if (error) *error = "the X server offers no GLX visual";
  } else {
    Window root = RootWindow(dpy, vi->screen);
    XSetWindowAttributes swa{};
    swa.colormap = XCreateColormap(dpy, root, vi->visual, AllocNone);
    Window win = XCreateWindow(dpy, root, 0, 0, 1, 1, 0, vi->depth, InputOutput, vi->visual,
                               CWColormap | CWBorderPixel, &swa);
    GLXContext ctx = create(dpy, vi, nullptr, True);
    if (ctx && make_current(dpy, win, ctx)) {
      if (const GLubyte* r = get_string(GL_RENDERER)) renderer = reinterpret_cast<const char*>(r);
      make_current(dpy, None, nullptr);
    } else if (error) {
      *error = "cannot make a GLX context current";
    }
    if (ctx) destroy(dpy, ctx);
    XDestroyWindow(dpy, win);
    XFreeColormap(dpy, swa.colormap);
    XFree(vi);
  }
  XCloseDisplay(dpy);
  return renderer;
}

}  // namespace

std::optional<std::string> probe_native_renderer(const std::string& vendor, std::string* error) {
  // glvnd reads the variable when libGLX picks a vendor for the display, so it must be set before.
  // Restored afterwards: the launcher's later checks read the user's own environment.
  const char* old = std::getenv("__GLX_VENDOR_LIBRARY_NAME");
  std::optional<std::string> saved = old ? std::optional<std::string>(old) : std::nullopt;
  setenv("__GLX_VENDOR_LIBRARY_NAME", vendor.c_str(), 1);
  auto renderer = probe(error);
  if (saved)
    setenv("__GLX_VENDOR_LIBRARY_NAME", saved->c_str(), 1);
  else
    unsetenv("__GLX_VENDOR_LIBRARY_NAME");
  return renderer;
}

}  // namespace eglrun::launcher
