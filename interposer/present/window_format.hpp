// What the presenter needs to know about the target window before drawing into it.
#pragma once

#include <xcb/xcb.h>

#include <cstdint>
#include <optional>
#include <string>

namespace eglrun::present {

struct WindowFormat {
  uint8_t depth = 0;  // 24 or 32 in practice; what PutImage requests must name
  int width = 0, height = 0;
  bool lsb_first = true;  // the server's image byte order: BGRX in memory when true
};

// Queries the window's geometry and checks its ZPixmap format stores a pixel in 32 bits, the only
// layout the readback produces. On failure returns nullopt and says why in *error.
std::optional<WindowFormat> query_window_format(xcb_connection_t* connection, uint32_t window,
                                                std::string* error);

}  // namespace eglrun::present
