#include "present/window_format.hpp"

#include <fmt/format.h>

#include <cstdlib>

#include "present/x_errors.hpp"

namespace eglrun::present {

std::optional<WindowFormat> query_window_format(xcb_connection_t* connection, uint32_t window,
                                                std::string* error) {
  xcb_generic_error_t* x_error = nullptr;
  xcb_get_geometry_reply_t* geometry =
      xcb_get_geometry_reply(connection, xcb_get_geometry(connection, window), &x_error);
  if (geometry == nullptr) {
    if (x_error != nullptr) {
      *error = fmt::format("cannot query window {:#x}: {}", window, describe(*x_error));
      std::free(x_error);
    } else {
      *error = fmt::format("cannot query window {:#x}: the X connection failed", window);
    }
    return std::nullopt;
  }
  WindowFormat format;
  format.depth = geometry->depth;
  format.width = geometry->width;
  format.height = geometry->height;
  std::free(geometry);

  const xcb_setup_t* setup = xcb_get_setup(connection);
  format.lsb_first = setup->image_byte_order == XCB_IMAGE_ORDER_LSB_FIRST;
  for (auto it = xcb_setup_pixmap_formats_iterator(setup); it.rem > 0; xcb_format_next(&it)) {
    if (it.data->depth != format.depth) continue;
    if (it.data->bits_per_pixel != 32) {
      *error = fmt::format(
          "window {:#x} has depth {}, whose pixels the X server stores in {} bits; only 32-bit pixels "
          "(depth 24 or 32) can be presented",
          window, format.depth, it.data->bits_per_pixel);
      return std::nullopt;
    }
    return format;
  }
  *error =
      fmt::format("the X server lists no image format for depth {} of window {:#x}", format.depth, window);
  return std::nullopt;
}

}  // namespace eglrun::present
