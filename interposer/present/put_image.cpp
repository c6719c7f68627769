#include "present/put_image.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace eglrun::present {

int rows_per_put_request(size_t max_request_bytes, size_t row_bytes) {
  // PutImage's fixed part, plus the extra length word a BIG-REQUESTS request carries.
  constexpr size_t header = sizeof(xcb_put_image_request_t) + 4;
  if (row_bytes == 0 || max_request_bytes <= header) return 0;
  // Heights travel as 16 bits on the wire.
  return static_cast<int>(std::min<size_t>((max_request_bytes - header) / row_bytes, 0xffff));
}

bool put_image(xcb_connection_t* connection, uint32_t drawable, uint32_t gc, uint8_t depth,
               const Image& image, std::string* why) {
  // A ZPixmap row of 32-bit pixels is padded to 32 bits already, so the server expects exactly
  // width * 4 bytes a row; an image with a wider stride has to go a row at a time.
  const size_t row_bytes = static_cast<size_t>(image.width) * 4;
  // Enables BIG-REQUESTS if the server has it, which lifts the limit from 256 KiB to (usually) 16 MiB.
  const size_t max_request = static_cast<size_t>(xcb_get_maximum_request_length(connection)) * 4;
  int rows = rows_per_put_request(max_request, row_bytes);
  if (rows == 0) {
    *why = fmt::format("a {}-pixel row does not fit in one X request of {} bytes", image.width, max_request);
    return false;
  }
  if (static_cast<size_t>(image.stride) != row_bytes) rows = 1;

  for (int y = 0; y < image.height; y += rows) {
    const int n = std::min(rows, image.height - y);
    xcb_put_image(connection, XCB_IMAGE_FORMAT_Z_PIXMAP, drawable, gc, static_cast<uint16_t>(image.width),
                  static_cast<uint16_t>(n), 0, static_cast<int16_t>(y), 0, depth,
                  static_cast<uint32_t>(row_bytes * n), image.pixels + static_cast<size_t>(y) * image.stride);
  }
  return true;
}

}  // namespace eglrun::present
