#include "glx/registry.hpp"

#include "egl/backend.hpp"
#include "glx/extensions.hpp"
#include "glx/visuals.hpp"
#include "log/log.hpp"

// Last include: poisons every interposed name in the code below.
#include "symbols/poison.hpp"

namespace eglrun::glx {

namespace {
thread_local Context* t_current = nullptr;
}

Context* current_context() { return t_current; }
void set_current_context(Context* ctx) { t_current = ctx; }

Registry& Registry::instance() {
  static Registry* registry = new Registry;  // never destroyed: atexit order with Xlib is unknowable
  return *registry;
}

DisplayState& Registry::display(Display* dpy) {
  auto& slot = displays_[dpy];
  if (!slot) {
    slot = std::make_unique<DisplayState>();
    slot->dpy = dpy;
    slot->screens.resize(static_cast<size_t>(ScreenCount(dpy)));
  }
  return *slot;
}

DisplayState* Registry::find_display(Display* dpy) {
  auto it = displays_.find(dpy);
  return it == displays_.end() ? nullptr : it->second.get();
}

std::unique_ptr<DisplayState> Registry::remove_display(Display* dpy) {
  auto it = displays_.find(dpy);
  if (it == displays_.end()) return nullptr;
  auto state = std::move(it->second);
  displays_.erase(it);
  return state;
}

const ScreenState* Registry::screen(Display* dpy, int screen) {
  if (dpy == nullptr || screen < 0 || screen >= ScreenCount(dpy)) return nullptr;
  auto& ds = display(dpy);
  auto& slot = ds.screens[static_cast<size_t>(screen)];
  if (!slot) {
    std::string error;
    const auto* backend = egl::backend(&error);
    auto st = std::make_unique<ScreenState>();
    st->visuals = query_visuals(dpy, screen);
    std::vector<EglConfigTraits> device_configs;
    if (backend != nullptr) {
      device_configs = query_egl_configs(backend->display);
    } else {
      // The device cannot be opened: offer the usual configs anyway, so the program fails where
      // GLX programs expect failures, at context creation, with the device error.
      if (log::first_time("no-backend-configs")) log::error("{}", error);
      for (int depth : {0, 24})
        for (int stencil : {0, 8})
          for (int alpha : {0, 8}) device_configs.push_back({8, 8, 8, alpha, depth, depth ? stencil : 0, 0});
    }
    st->configs = derive_fbconfigs(device_configs, st->visuals, screen,
                                   backend != nullptr ? float_configs_supported() : FloatConfigs{});
    log::debug("screen {}: {} visuals, {} FBConfigs", screen, st->visuals.size(), st->configs.size());
    slot = std::move(st);
  }
  return slot.get();
}

const FBConfigDesc* Registry::validate_config(Display* dpy, const void* handle) {
  if (dpy == nullptr || handle == nullptr) return nullptr;
  auto* ds = find_display(dpy);
  if (ds == nullptr) return nullptr;
  for (const auto& s : ds->screens) {
    if (!s || s->configs.empty()) continue;
    const auto* first = s->configs.data();
    const auto* last = first + s->configs.size();
    const auto* p = static_cast<const FBConfigDesc*>(handle);
    auto a = reinterpret_cast<uintptr_t>(first), b = reinterpret_cast<uintptr_t>(last),
         x = reinterpret_cast<uintptr_t>(p);
    if (x >= a && x < b && (x - a) % sizeof(FBConfigDesc) == 0) return p;
  }
  return nullptr;
}

std::shared_ptr<drawable::Drawable> Registry::find_drawable(Display* dpy, XID handle) {
  auto* ds = find_display(dpy);
  if (ds == nullptr) return nullptr;
  auto it = ds->drawables.find(handle);
  return it == ds->drawables.end() ? nullptr : it->second;
}

Context* Registry::find_context_by_id(XID id) const {
  for (auto* c : contexts_)
    if (c->id == id) return c;
  return nullptr;
}

}  // namespace eglrun::glx
