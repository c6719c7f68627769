#include "glx/visuals.hpp"

#include <EGL/eglext.h>

#include <algorithm>
#include <cstring>

#include "log/log.hpp"

namespace eglrun::glx {

std::vector<VisualTraits> query_visuals(Display* dpy, int screen) {
  std::vector<VisualTraits> out;
  if (!dpy || screen < 0 || screen >= ScreenCount(dpy)) return out;
  XVisualInfo tmpl{};
  tmpl.screen = screen;
  tmpl.c_class = TrueColor;
  int n = 0;
  XVisualInfo* infos = XGetVisualInfo(dpy, VisualScreenMask | VisualClassMask, &tmpl, &n);
  if (!infos) return out;
  for (int i = 0; i < n; ++i) {
    const XVisualInfo& v = infos[i];
    out.push_back({v.visualid, v.depth, v.c_class, v.red_mask, v.green_mask, v.blue_mask, v.bits_per_rgb});
  }
  XFree(infos);
  const VisualID default_id = XVisualIDFromVisual(DefaultVisual(dpy, screen));
  std::stable_sort(out.begin(), out.end(), [default_id](const VisualTraits& a, const VisualTraits& b) {
    if ((a.visual_id == default_id) != (b.visual_id == default_id)) return a.visual_id == default_id;
    return a.visual_id < b.visual_id;
  });
  return out;
}

XVisualInfo* make_visual_info(Display* dpy, int screen, unsigned long visual_id) {
  if (!dpy || visual_id == 0) return nullptr;
  XVisualInfo tmpl{};
  tmpl.screen = screen;
  tmpl.visualid = visual_id;
  int n = 0;
  // XGetVisualInfo allocates with Xlib's allocator, so the caller's XFree is right.
  XVisualInfo* info = XGetVisualInfo(dpy, VisualScreenMask | VisualIDMask, &tmpl, &n);
  if (info && n < 1) {
    XFree(info);
    return nullptr;
  }
  return info;
}

namespace {

bool has_extension(const char* list, const char* name) {
  if (!list) return false;
  const size_t len = std::strlen(name);
  for (const char* p = list; (p = std::strstr(p, name)) != nullptr; p += len) {
    const bool starts = p == list || p[-1] == ' ';
    const bool ends = p[len] == '\0' || p[len] == ' ';
    if (starts && ends) return true;
  }
  return false;
}

EGLint attrib(EGLDisplay dpy, EGLConfig config, EGLint name, EGLint fallback = 0) {
  EGLint value = fallback;
  if (!eglGetConfigAttrib(dpy, config, name, &value)) return fallback;
  return value;
}

}  // namespace

std::vector<EglConfigTraits> query_egl_configs(EGLDisplay dpy) {
  std::vector<EglConfigTraits> out;
  EGLint count = 0;
  if (!eglGetConfigs(dpy, nullptr, 0, &count) || count <= 0) {
    log::warn("eglGetConfigs found no configs (error {:#x})", eglGetError());
    return out;
  }
  std::vector<EGLConfig> configs(static_cast<size_t>(count));
  if (!eglGetConfigs(dpy, configs.data(), count, &count)) return out;
  configs.resize(static_cast<size_t>(std::max(count, 0)));
  const bool has_float = has_extension(eglQueryString(dpy, EGL_EXTENSIONS), "EGL_EXT_pixel_format_float");

  for (EGLConfig config : configs) {
    if (!(attrib(dpy, config, EGL_SURFACE_TYPE) & EGL_PBUFFER_BIT)) continue;
    if (!(attrib(dpy, config, EGL_RENDERABLE_TYPE) & EGL_OPENGL_BIT)) continue;
    if (attrib(dpy, config, EGL_COLOR_BUFFER_TYPE, EGL_RGB_BUFFER) != EGL_RGB_BUFFER) continue;
    EglConfigTraits t;
    t.red = attrib(dpy, config, EGL_RED_SIZE);
    t.green = attrib(dpy, config, EGL_GREEN_SIZE);
    t.blue = attrib(dpy, config, EGL_BLUE_SIZE);
    t.alpha = attrib(dpy, config, EGL_ALPHA_SIZE);
    t.depth = attrib(dpy, config, EGL_DEPTH_SIZE);
    t.stencil = attrib(dpy, config, EGL_STENCIL_SIZE);
    t.samples = attrib(dpy, config, EGL_SAMPLES);
    t.egl_config_id = attrib(dpy, config, EGL_CONFIG_ID);
    t.is_float =
        has_float && attrib(dpy, config, EGL_COLOR_COMPONENT_TYPE_EXT, EGL_COLOR_COMPONENT_TYPE_FIXED_EXT) ==
                         EGL_COLOR_COMPONENT_TYPE_FLOAT_EXT;
    const EGLint caveat = attrib(dpy, config, EGL_CONFIG_CAVEAT, EGL_NONE);
    t.caveat = caveat == EGL_SLOW_CONFIG             ? Caveat::Slow
               : caveat == EGL_NON_CONFORMANT_CONFIG ? Caveat::NonConformant
                                                     : Caveat::NoCaveat;
    t.max_pbuffer_width = attrib(dpy, config, EGL_MAX_PBUFFER_WIDTH, t.max_pbuffer_width);
    t.max_pbuffer_height = attrib(dpy, config, EGL_MAX_PBUFFER_HEIGHT, t.max_pbuffer_height);
    t.max_pbuffer_pixels = attrib(dpy, config, EGL_MAX_PBUFFER_PIXELS, 0);
    out.push_back(t);
  }
  log::debug("{} of {} EGL configs can back GLX drawables", out.size(), configs.size());
  return out;
}

}  // namespace eglrun::glx
