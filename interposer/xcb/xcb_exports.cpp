// The exported XCB functions: "GLX" is present on every connection, with version 1.4.
#include <xcb/glx.h>
#include <xcb/xcb.h>
#include <xcb/xcbext.h>

#include "entry.hpp"
#include "export.hpp"
#include "symbols/real.hpp"
#include "xcb/glx_extension.hpp"

using namespace eglrun;
namespace r = eglrun::real;

EGLRUN_EXPORT const xcb_query_extension_reply_t* xcb_get_extension_data(xcb_connection_t* c,
                                                                        xcb_extension_t* ext) {
  r::resolve_xcb();
  auto real = [&] { return r::xcb_get_extension_data_fn(c, ext); };
  return entry::wrap(__func__, real, [&] {
    if (c != nullptr && xcbglx::is_glx_extension(ext)) return xcbglx::extension_data(c);
    return real();
  });
}

EGLRUN_EXPORT xcb_query_extension_cookie_t xcb_query_extension(xcb_connection_t* c, uint16_t name_len,
                                                               const char* name) {
  r::resolve_xcb();
  auto real = [&] { return r::xcb_query_extension_fn(c, name_len, name); };
  return entry::wrap(__func__, real, [&] {
    auto cookie = real();
    if (xcbglx::is_glx_name(name, name_len)) xcbglx::note_glx_query(c, cookie.sequence);
    return cookie;
  });
}

EGLRUN_EXPORT xcb_query_extension_cookie_t xcb_query_extension_unchecked(xcb_connection_t* c,
                                                                         uint16_t name_len,
                                                                         const char* name) {
  r::resolve_xcb();
  auto real = [&] { return r::xcb_query_extension_unchecked_fn(c, name_len, name); };
  return entry::wrap(__func__, real, [&] {
    auto cookie = real();
    if (xcbglx::is_glx_name(name, name_len)) xcbglx::note_glx_query(c, cookie.sequence);
    return cookie;
  });
}

EGLRUN_EXPORT xcb_query_extension_reply_t* xcb_query_extension_reply(xcb_connection_t* c,
                                                                     xcb_query_extension_cookie_t cookie,
                                                                     xcb_generic_error_t** e) {
  r::resolve_xcb();
  auto real = [&] { return r::xcb_query_extension_reply_fn(c, cookie, e); };
  return entry::wrap(__func__, real, [&] {
    auto* reply = real();
    xcbglx::rewrite_glx_reply(c, cookie.sequence, reply);
    return reply;
  });
}

EGLRUN_EXPORT xcb_glx_query_version_cookie_t xcb_glx_query_version(xcb_connection_t* c, uint32_t, uint32_t) {
  return entry::call(__func__, [&] { return xcbglx::query_version(c); });
}

EGLRUN_EXPORT xcb_glx_query_version_cookie_t xcb_glx_query_version_unchecked(xcb_connection_t* c, uint32_t,
                                                                             uint32_t) {
  return entry::call(__func__, [&] { return xcbglx::query_version(c); });
}

EGLRUN_EXPORT xcb_glx_query_version_reply_t* xcb_glx_query_version_reply(
    xcb_connection_t* c, xcb_glx_query_version_cookie_t cookie, xcb_generic_error_t** e) {
  r::resolve_xcb();
  return entry::call(__func__, [&]() -> xcb_glx_query_version_reply_t* {
    if (auto* ours = xcbglx::version_reply(c, cookie.sequence, e)) return ours;
    if (r::xcb_glx_query_version_reply_fn == nullptr) return nullptr;
    return r::xcb_glx_query_version_reply_fn(c, cookie, e);
  });
}
