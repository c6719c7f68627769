// The one rule that picks eglrun's "GLX" extension codes from what the X server already uses. Pure,
// so Xlib's answer (glx::extension_codes) and XCB's (xcb/glx_extension) agree on one connection.
#pragma once

#include <vector>

#include "glx/registry.hpp"

namespace eglrun::glx {

// One extension the server has: its major opcode, first event and first error (0 when it has none).
struct ServerExtension {
  int major_opcode = 0, first_event = 0, first_error = 0;
};

ExtensionCodes choose_extension_codes(const std::vector<ServerExtension>& server_extensions);

}  // namespace eglrun::glx
