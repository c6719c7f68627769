#include "launcher/x_server.hpp"

#include <sys/ipc.h>
#include <sys/shm.h>
#include <xcb/glx.h>
#include <xcb/shm.h>
#include <xcb/xcb.h>

#include <fmt/format.h>

#include <cstdlib>
#include <memory>
#include <string>

namespace eglrun::launcher {
namespace {

constexpr uint32_t kGlxVendor = 1;               // GLX_VENDOR
constexpr uint32_t kGlxVendorNamesExt = 0x20F6;  // GLX_VENDOR_NAMES_EXT (GLX_EXT_libglvnd)

std::string connection_error(int code) {
  switch (code) {
    case XCB_CONN_ERROR:
      return "socket or stream error";
    case XCB_CONN_CLOSED_EXT_NOTSUPPORTED:
      return "extension not supported";
    case XCB_CONN_CLOSED_MEM_INSUFFICIENT:
      return "out of memory";
    case XCB_CONN_CLOSED_REQ_LEN_EXCEED:
      return "request too long";
    case XCB_CONN_CLOSED_PARSE_ERR:
      return "cannot parse the display name";
    case XCB_CONN_CLOSED_INVALID_SCREEN:
      return "no such screen";
    default:
      return fmt::format("connection error {}", code);
  }
}

std::string server_string(xcb_connection_t* c, uint32_t screen, uint32_t name) {
  auto cookie = xcb_glx_query_server_string(c, screen, name);
  std::unique_ptr<xcb_glx_query_server_string_reply_t, decltype(&free)> reply(
      xcb_glx_query_server_string_reply(c, cookie, nullptr), &free);
  if (!reply) return "";
  std::string s(xcb_glx_query_server_string_string(reply.get()),
                static_cast<size_t>(xcb_glx_query_server_string_string_length(reply.get())));
  while (!s.empty() && s.back() == '\0') s.pop_back();
  return s;
}

void check_shm(xcb_connection_t* c, diagnostics::XServerFacts& x) {
  const xcb_query_extension_reply_t* ext = xcb_get_extension_data(c, &xcb_shm_id);
  x.shm_extension = ext && ext->present;
  if (!x.shm_extension) return;
  int id = shmget(IPC_PRIVATE, 4096, IPC_CREAT | 0600);
  if (id < 0) {
    x.shm_detail = "shmget failed in this process";
    return;
  }
  void* addr = shmat(id, nullptr, 0);
  // Marked for removal at once: the segment lives only while attached, even if we die mid-check.
  shmctl(id, IPC_RMID, nullptr);
  if (addr == reinterpret_cast<void*>(-1)) {
    x.shm_detail = "shmat failed in this process";
    return;
  }
  xcb_shm_seg_t seg = xcb_generate_id(c);
  std::unique_ptr<xcb_generic_error_t, decltype(&free)> err(
      xcb_request_check(c, xcb_shm_attach_checked(c, seg, static_cast<uint32_t>(id), 1)), &free);
  if (err) {
    x.shm_detail = fmt::format(
        "the server cannot attach our segment (X error {}): it is in another IPC "
        "namespace or on another host",
        err->error_code);
  } else {
    x.shm_attach_ok = true;
    xcb_shm_detach(c, seg);
    free(xcb_get_input_focus_reply(c, xcb_get_input_focus(c), nullptr));
  }
  shmdt(addr);
}

}  // namespace

diagnostics::XServerFacts probe_x_server() {
  diagnostics::XServerFacts x;
  const char* display = std::getenv("DISPLAY");
  x.display = display ? display : "";
  if (x.display.empty()) return x;
  int screen_num = 0;
  xcb_connection_t* c = xcb_connect(nullptr, &screen_num);
  if (int e = xcb_connection_has_error(c)) {
    x.error = connection_error(e);
    xcb_disconnect(c);
    return x;
  }
  x.reachable = true;

  xcb_screen_iterator_t it = xcb_setup_roots_iterator(xcb_get_setup(c));
  for (int i = 0; i < screen_num && it.rem; ++i) xcb_screen_next(&it);
  std::string visuals;
  for (auto d = xcb_screen_allowed_depths_iterator(it.data); d.rem; xcb_depth_next(&d)) {
    if (d.data->depth != 24 && d.data->depth != 32) continue;
    for (auto v = xcb_depth_visuals_iterator(d.data); v.rem; xcb_visualtype_next(&v)) {
      if (v.data->_class != XCB_VISUAL_CLASS_TRUE_COLOR) continue;
      x.truecolor = true;
      visuals += fmt::format("{}TrueColor depth {} (0x{:x})", visuals.empty() ? "" : ", ", d.data->depth,
                             v.data->visual_id);
      break;  // one visual per depth is evidence enough
    }
  }
  x.visuals = visuals.empty() ? "no TrueColor visual of depth 24/32" : visuals;

  check_shm(c, x);

  const xcb_query_extension_reply_t* glx = xcb_get_extension_data(c, &xcb_glx_id);
  x.glx = glx && glx->present;
  if (x.glx) {
    free(xcb_glx_query_version_reply(c, xcb_glx_query_version(c, 1, 4), nullptr));
    x.glx_vendor_names = server_string(c, static_cast<uint32_t>(screen_num), kGlxVendorNamesExt);
    x.glx_vendor = server_string(c, static_cast<uint32_t>(screen_num), kGlxVendor);
  }
  xcb_disconnect(c);
  return x;
}

std::string native_vendor_name(const diagnostics::XServerFacts& x) {
  std::string names = x.glx_vendor_names;
  size_t space = names.find(' ');
  if (space != std::string::npos) names.resize(space);
  if (names.empty() && x.glx_vendor.find("NVIDIA") != std::string::npos) return "nvidia";
  return names.empty() ? "mesa" : names;
}

bool is_hardware_glx_vendor(const diagnostics::XServerFacts& x) {
  // "eglrun" would be the interposer answering for a server without GLX, never a GPU.
  std::string vendor = native_vendor_name(x);
  return x.reachable && x.glx && vendor != "mesa" && vendor != "eglrun";
}

}  // namespace eglrun::launcher
