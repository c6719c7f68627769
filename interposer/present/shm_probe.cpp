#include "present/shm_probe.hpp"

#include <fmt/format.h>
#include <xcb/shm.h>

#include <cstdlib>

#include "present/shm_segment.hpp"
#include "present/x_errors.hpp"

namespace eglrun::present {
namespace {

// A colour whose two middle bytes are the same in either image byte order, so the check below needs
// no knowledge of the server's endianness.
constexpr uint32_t canary = 0x5a5a5a;

// Has the server draw a 1x1 pixmap filled with `canary` into `segment` and reports whether the bytes
// landed in our memory.
std::optional<std::string> server_writes_reach(xcb_connection_t* c, const ShmSegment& segment,
                                               uint32_t window, uint8_t depth) {
  uint8_t* bytes = segment.data();
  for (int i = 0; i < 4; ++i) bytes[i] = static_cast<uint8_t>(~canary);

  xcb_pixmap_t pixmap = xcb_generate_id(c);
  xcb_gcontext_t gc = xcb_generate_id(c);
  xcb_void_cookie_t pixmap_cookie = xcb_create_pixmap_checked(c, depth, pixmap, window, 1, 1);
  const uint32_t gc_values[] = {canary};
  xcb_void_cookie_t gc_cookie = xcb_create_gc_checked(c, gc, pixmap, XCB_GC_FOREGROUND, gc_values);
  const xcb_rectangle_t pixel = {0, 0, 1, 1};
  xcb_void_cookie_t fill_cookie = xcb_poly_fill_rectangle_checked(c, pixmap, gc, 1, &pixel);
  xcb_generic_error_t* error = nullptr;
  xcb_shm_get_image_reply_t* reply = xcb_shm_get_image_reply(
      c, xcb_shm_get_image(c, pixmap, 0, 0, 1, 1, ~0u, XCB_IMAGE_FORMAT_Z_PIXMAP, segment.id(), 0), &error);
  std::free(reply);
  // The reply above already proves these were processed, so checking them costs no round trip.
  for (xcb_void_cookie_t cookie : {pixmap_cookie, gc_cookie, fill_cookie}) {
    xcb_generic_error_t* e = xcb_request_check(c, cookie);
    if (error == nullptr)
      error = e;
    else
      std::free(e);
  }
  xcb_free_gc(c, gc);
  xcb_free_pixmap(c, pixmap);

  if (error != nullptr) {
    std::string why = fmt::format("reading back through shared memory failed: {}", describe(*error));
    std::free(error);
    return why;
  }
  if (xcb_connection_has_error(c)) return "the X connection failed while testing shared memory";
  if (bytes[1] != 0x5a || bytes[2] != 0x5a)
    return "the X server attached a different shared memory segment than ours (it runs in another IPC "
           "namespace or on another host)";
  return std::nullopt;
}

}  // namespace

std::optional<std::string> shm_unusable_reason(xcb_connection_t* connection, uint32_t window, uint8_t depth) {
  const xcb_query_extension_reply_t* extension = xcb_get_extension_data(connection, &xcb_shm_id);
  if (extension == nullptr || !extension->present) return "the X server has no MIT-SHM extension";

  std::string why;
  // Writable, unlike the frame segments, because the check has the server write into it.
  auto probe = ShmSegment::create(connection, 4096, /*read_only=*/false, &why);
  if (!probe) return why;
  return server_writes_reach(connection, *probe, window, depth);
}

}  // namespace eglrun::present
