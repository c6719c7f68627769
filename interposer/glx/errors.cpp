#include "glx/errors.hpp"


#include <algorithm>

#include "log/log.hpp"
#include "symbols/real.hpp"
#include "symbols/poison.hpp"

namespace eglrun::glx {

namespace {

constexpr int kGlxEventCount = 17;
constexpr int kGlxErrorCount = 14;

ExtensionCodes choose_codes(Display* dpy) {
  real::resolve_x11();
  ExtensionCodes c;
  int count = 0;
  char** names = XListExtensions(dpy, &count);
  int max_event = LASTEvent, max_error = 128;  // core X uses events below 35 and errors below 128
  bool used_opcode[256] = {};
  for (int i = 0; i < count; ++i) {
    int op = 0, ev = 0, err = 0;
    if (real::XQueryExtension_fn(dpy, names[i], &op, &ev, &err)) {
      if (op > 0 && op < 256) used_opcode[op] = true;
      max_event = std::max(max_event, ev);
      max_error = std::max(max_error, err);
    }
  }
  if (names) XFreeExtensionList(names);
  // Real GLX is loaded early by X servers, so its numbers would be small; any free ones do, as long
  // as they collide with nothing the server uses. Errors and events of other extensions extend past
  // their base by an unknown count: leave a margin.
  for (int op = 255; op >= 128; --op)
    if (!used_opcode[op]) {
      c.major_opcode = op;
      break;
    }
  c.first_event = std::min(max_event + 32, 127 - kGlxEventCount);
  c.first_error = std::min(max_error + 32, 255 - kGlxErrorCount);
  log::debug("GLX answered locally: opcode {}, first event {}, first error {}", c.major_opcode, c.first_event,
             c.first_error);
  return c;
}

}  // namespace

const ExtensionCodes& extension_codes(Display* dpy) {
  auto& reg = Registry::instance();
  std::lock_guard lock(reg.mutex);
  auto& ds = reg.display(dpy);
  if (!ds.codes_ready) {
    ds.codes = choose_codes(dpy);
    ds.codes_ready = true;
  }
  return ds.codes;
}

void raise_glx_error(Display* dpy, int error, bool core, int minor_request, XID resource) {
  if (dpy == nullptr) return;
  const auto& codes = extension_codes(dpy);
  XErrorEvent ev{};
  ev.type = 0;
  ev.display = dpy;
  ev.resourceid = resource;
  ev.serial = NextRequest(dpy) - 1;
  ev.error_code = static_cast<unsigned char>(core ? error : codes.first_error + error);
  ev.request_code = static_cast<unsigned char>(codes.major_opcode);
  ev.minor_code = static_cast<unsigned char>(minor_request);
  log::debug("GLX error {} (request {}) for resource 0x{:x}", static_cast<int>(ev.error_code), minor_request,
             resource);
  // Xlib offers no getter for the handler: swap it out and back to learn it.
  XErrorHandler handler = XSetErrorHandler(nullptr);
  XSetErrorHandler(handler);
  if (handler) handler(dpy, &ev);
}

}  // namespace eglrun::glx
