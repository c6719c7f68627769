#include "glx/code_choice.hpp"

#include <X11/Xlib.h>

#include <algorithm>

namespace eglrun::glx {

namespace {
constexpr int kGlxEventCount = 17;
constexpr int kGlxErrorCount = 14;
}  // namespace

ExtensionCodes choose_extension_codes(const std::vector<ServerExtension>& server_extensions) {
  ExtensionCodes c;
  int max_event = LASTEvent, max_error = 128;  // core X uses events below 35 and errors below 128
  bool used_opcode[256] = {};
  for (const auto& e : server_extensions) {
    if (e.major_opcode > 0 && e.major_opcode < 256) used_opcode[e.major_opcode] = true;
    max_event = std::max(max_event, e.first_event);
    max_error = std::max(max_error, e.first_error);
  }
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
  return c;
}

}  // namespace eglrun::glx
