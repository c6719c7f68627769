#include "glx/errors.hpp"

#include <vector>

#include "glx/code_choice.hpp"
#include "log/log.hpp"
#include "symbols/real.hpp"

// Last include: poisons every interposed name in the code below.
#include "symbols/poison.hpp"

namespace eglrun::glx {

namespace {

ExtensionCodes choose_codes(Display* dpy) {
  real::resolve_x11();
  std::vector<ServerExtension> used;
  int count = 0;
  char** names = XListExtensions(dpy, &count);
  for (int i = 0; i < count; ++i) {
    ServerExtension e;
    if (real::XQueryExtension_fn(dpy, names[i], &e.major_opcode, &e.first_event, &e.first_error))
      used.push_back(e);
  }
  if (names) XFreeExtensionList(names);
  ExtensionCodes c = choose_extension_codes(used);
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
