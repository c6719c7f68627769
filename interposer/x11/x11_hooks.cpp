#include "x11/x11_hooks.hpp"

#include <EGL/egl.h>

#include <cstring>
#include <unordered_map>
#include <vector>

#include "glx/api.hpp"
#include "glx/errors.hpp"
#include "glx/internal.hpp"
#include "glx/registry.hpp"
#include "log/log.hpp"

// Last include: poisons every interposed name in the code below.
#include "symbols/poison.hpp"

namespace eglrun::x11 {

bool is_glx_name(const char* name) { return name != nullptr && std::strcmp(name, "GLX") == 0; }

Bool query_glx_extension(Display* dpy, int* major_opcode, int* first_event, int* first_error) {
  const auto& c = glx::extension_codes(dpy);
  if (major_opcode) *major_opcode = c.major_opcode;
  if (first_event) *first_event = c.first_event;
  if (first_error) *first_error = c.first_error;
  return True;
}

XExtCodes* init_glx_extension(Display* dpy) {
  static std::mutex mutex;
  static std::unordered_map<Display*, XExtCodes*> registered;
  const auto& c = glx::extension_codes(dpy);
  std::lock_guard lock(mutex);
  auto& slot = registered[dpy];
  if (slot == nullptr) {
    // XAddExtension gives an Xlib-owned record that XCloseDisplay frees; fill in our codes.
    slot = XAddExtension(dpy);
    if (slot) {
      slot->major_opcode = c.major_opcode;
      slot->first_event = c.first_event;
      slot->first_error = c.first_error;
    }
  }
  return slot;
}

void window_destroyed(Display* dpy, Window window) {
  auto& reg = glx::Registry::instance();
  std::lock_guard lock(reg.mutex);
  auto* ds = reg.find_display(dpy);
  if (ds == nullptr) return;
  auto it = ds->drawables.find(window);
  if (it == ds->drawables.end()) return;
  it->second->destroyed = true;
  it->second->released = true;
  ds->drawables.erase(it);
  log::debug("window 0x{:x} destroyed: its GLX drawable is released", window);
}

void display_closing(Display* dpy) {
  auto& reg = glx::Registry::instance();
  std::lock_guard lock(reg.mutex);
  // The calling thread lets go of a context on this display first, as real GLX does.
  if (auto* cur = glx::current_context(); cur != nullptr && cur->current_dpy == dpy)
    glx::api::make_current(dpy, None, None, nullptr, glx::kX_GLXMakeCurrent);
  std::vector<glx::Context*> doomed;
  for (auto* c : reg.contexts())
    if (c->dpy == dpy) doomed.push_back(c);
  for (auto* c : doomed) {
    reg.remove_context(c);
    if (c->current.load())
      c->destroy_pending = true;  // current in another thread: goes when released
    else
      glx::destroy_now(c);
  }
  if (auto state = reg.remove_display(dpy)) {
    for (auto& [id, d] : state->drawables) {
      d->destroyed = true;
      d->released = true;
    }
    log::debug("display {:p} closed: {} contexts and {} drawables released", static_cast<void*>(dpy),
               doomed.size(), state->drawables.size());
  }
}

}  // namespace eglrun::x11
