#include <cstdlib>
#include <cstring>

#include "glx/api.hpp"
#include "glx/errors.hpp"
#include "glx/fbconfig_choose.hpp"
#include "glx/internal.hpp"
#include "glx/registry.hpp"
#include "glx/visuals.hpp"
#include "log/log.hpp"

// Last include: poisons every interposed name in the code below.
#include "symbols/poison.hpp"

namespace eglrun::glx::api {

const VisualTraits* find_visual(const ScreenState& s, VisualID id);

namespace {

GLXFBConfig to_handle(const FBConfigDesc* c) {
  return reinterpret_cast<GLXFBConfig>(const_cast<FBConfigDesc*>(c));
}

// Xlib frees what it returns with XFree (= free), so results are malloc'ed.
GLXFBConfig* to_list(const std::vector<const FBConfigDesc*>& configs, int* n) {
  if (n) *n = 0;
  if (configs.empty()) return nullptr;
  auto* out = static_cast<GLXFBConfig*>(std::malloc(configs.size() * sizeof(GLXFBConfig)));
  if (out == nullptr) return nullptr;
  for (size_t i = 0; i < configs.size(); ++i) out[i] = to_handle(configs[i]);
  if (n) *n = static_cast<int>(configs.size());
  return out;
}

}  // namespace

const VisualTraits* find_visual(const ScreenState& s, VisualID id) {
  for (const auto& v : s.visuals)
    if (v.visual_id == id) return &v;
  return nullptr;
}

XVisualInfo* choose_visual(Display* dpy, int screen, int* attribs) {
  auto& reg = Registry::instance();
  std::lock_guard lock(reg.mutex);
  const ScreenState* s = reg.screen(dpy, screen);
  if (s == nullptr) return nullptr;
  std::string error;
  int glx_error = Success;
  const FBConfigDesc* c =
      choose_visual_config(s->configs, DefaultDepth(dpy, screen), attribs, &error, &glx_error);
  if (!error.empty()) log::warn("glXChooseVisual: {}", error);
  if (c == nullptr) return nullptr;
  XVisualInfo* vi = make_visual_info(dpy, screen, static_cast<unsigned long>(c->visual_id));
  if (vi) reg.display(dpy).chosen_for_visual[vi->visualid] = c;
  return vi;
}

}  // namespace eglrun::glx::api

namespace eglrun::glx {

const FBConfigDesc* config_of_visual(Display* dpy, const XVisualInfo* vis) {
  auto& reg = Registry::instance();
  std::lock_guard lock(reg.mutex);
  if (dpy == nullptr || vis == nullptr) return nullptr;
  const ScreenState* s = reg.screen(dpy, vis->screen);
  if (s == nullptr) return nullptr;
  auto& ds = reg.display(dpy);
  if (auto it = ds.chosen_for_visual.find(vis->visualid); it != ds.chosen_for_visual.end()) return it->second;
  const VisualTraits* v = api::find_visual(*s, vis->visualid);
  return v ? config_for_visual(s->configs, *v) : nullptr;
}

}  // namespace eglrun::glx

namespace eglrun::glx::api {

int get_config(Display* dpy, XVisualInfo* vis, int attribute, int* value) {
  if (dpy == nullptr) return GLX_NO_EXTENSION;
  if (vis == nullptr || value == nullptr) return GLX_BAD_VISUAL;
  const FBConfigDesc* c = config_of_visual(dpy, vis);
  if (c == nullptr) {
    if (attribute == GLX_USE_GL) {
      *value = False;
      return Success;
    }
    return GLX_BAD_VISUAL;
  }
  return get_visual_config_attrib(*c, attribute, value);
}

GLXFBConfig* get_fbconfigs(Display* dpy, int screen, int* n) {
  if (n) *n = 0;
  auto& reg = Registry::instance();
  std::lock_guard lock(reg.mutex);
  const ScreenState* s = reg.screen(dpy, screen);
  if (s == nullptr) return nullptr;
  std::vector<const FBConfigDesc*> all;
  for (const auto& c : s->configs) all.push_back(&c);
  return to_list(all, n);
}

GLXFBConfig* choose_fbconfig(Display* dpy, int screen, const int* attribs, int* n) {
  if (n) *n = 0;
  auto& reg = Registry::instance();
  std::lock_guard lock(reg.mutex);
  const ScreenState* s = reg.screen(dpy, screen);
  if (s == nullptr) return nullptr;
  std::string error;
  int glx_error = Success;
  auto chosen = choose_fbconfigs(s->configs, attribs, &error, &glx_error);
  if (glx_error != Success) {
    log::warn("glXChooseFBConfig: {}", error);
    return nullptr;
  }
  return to_list(chosen, n);
}

int get_fbconfig_attrib(Display* dpy, GLXFBConfig config, int attribute, int* value) {
  auto& reg = Registry::instance();
  std::lock_guard lock(reg.mutex);
  const FBConfigDesc* c = reg.validate_config(dpy, config);
  if (c == nullptr) return kGLXBadFBConfig;
  if (value == nullptr) return GLX_BAD_VALUE;
  return glx::get_fbconfig_attrib(*c, attribute, value);
}

XVisualInfo* get_visual_from_fbconfig(Display* dpy, GLXFBConfig config) {
  auto& reg = Registry::instance();
  std::lock_guard lock(reg.mutex);
  const FBConfigDesc* c = reg.validate_config(dpy, config);
  if (c == nullptr || c->visual_id == 0) return nullptr;
  XVisualInfo* vi = make_visual_info(dpy, c->screen, static_cast<unsigned long>(c->visual_id));
  if (vi) reg.display(dpy).chosen_for_visual[vi->visualid] = c;
  return vi;
}

}  // namespace eglrun::glx::api
