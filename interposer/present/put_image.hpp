// Copying an image to a drawable over the X socket (core PutImage), for when MIT-SHM cannot be used.
#pragma once

#include <xcb/xcb.h>

#include <cstddef>
#include <cstdint>
#include <string>

#include "present/types.hpp"

namespace eglrun::present {

// How many rows of `row_bytes` fit in one PutImage request of at most `max_request_bytes`
// (the connection's limit, BIG-REQUESTS included); 0 when not even one row fits.
int rows_per_put_request(size_t max_request_bytes, size_t row_bytes);

// Sends `image` to (0,0) of `drawable` in as many PutImage requests as the request size limit needs.
// The requests are unchecked: errors arrive on the connection's event queue. Returns false (and *why)
// only when the image cannot be sent at all. The pixels have been handed to the socket on return.
bool put_image(xcb_connection_t* connection, uint32_t drawable, uint32_t gc, uint8_t depth,
               const Image& image, std::string* why);

}  // namespace eglrun::present
