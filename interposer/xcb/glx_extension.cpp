#include "xcb/glx_extension.hpp"

#include <cstdlib>
#include <cstring>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <utility>
#include <vector>

#include "glx/code_choice.hpp"
#include "log/log.hpp"
#include "symbols/real.hpp"

// Last include: poisons every interposed name in the code below.
#include "symbols/poison.hpp"

namespace eglrun::xcbglx {

namespace {

struct State {
  std::mutex mutex;
  std::map<xcb_connection_t*, std::unique_ptr<xcb_query_extension_reply_t>> data;
  std::set<std::pair<xcb_connection_t*, unsigned>> extension_queries, version_queries;
};

State& state() {
  static State* s = new State;  // replies handed out must outlive static destruction
  return *s;
}

// Same rule as Xlib's answer (glx/errors.cpp), from the same server list: equal codes on a shared
// connection.
glx::ExtensionCodes choose_codes(xcb_connection_t* c) {
  real::resolve_xcb();
  std::vector<glx::ServerExtension> used;
  auto* list = xcb_list_extensions_reply(c, xcb_list_extensions(c), nullptr);
  if (list != nullptr) {
    std::vector<xcb_query_extension_cookie_t> cookies;
    for (auto it = xcb_list_extensions_names_iterator(list); it.rem > 0; xcb_str_next(&it))
      cookies.push_back(real::xcb_query_extension_fn(c, xcb_str_name_length(it.data), xcb_str_name(it.data)));
    for (auto cookie : cookies) {
      auto* r = real::xcb_query_extension_reply_fn(c, cookie, nullptr);
      if (r != nullptr && r->present) used.push_back({r->major_opcode, r->first_event, r->first_error});
      std::free(r);
    }
    std::free(list);
  }
  auto codes = glx::choose_extension_codes(used);
  log::debug("GLX answered locally on an XCB connection: opcode {}, first event {}, first error {}",
             codes.major_opcode, codes.first_event, codes.first_error);
  return codes;
}

void fill(xcb_query_extension_reply_t* r, const glx::ExtensionCodes& codes) {
  r->present = 1;
  r->major_opcode = static_cast<uint8_t>(codes.major_opcode);
  r->first_event = static_cast<uint8_t>(codes.first_event);
  r->first_error = static_cast<uint8_t>(codes.first_error);
}

}  // namespace

bool is_glx_name(const char* name, unsigned name_len) {
  return name != nullptr && name_len == 3 && std::memcmp(name, "GLX", 3) == 0;
}

bool is_glx_extension(const xcb_extension_t* ext) {
  return ext != nullptr && ext->name != nullptr && std::strcmp(ext->name, "GLX") == 0;
}

const xcb_query_extension_reply_t* extension_data(xcb_connection_t* c) {
  auto& s = state();
  {
    std::lock_guard lock(s.mutex);
    if (auto it = s.data.find(c); it != s.data.end()) return it->second.get();
  }
  auto codes = choose_codes(c);  // round trips: not under the lock
  auto reply = std::make_unique<xcb_query_extension_reply_t>();
  reply->response_type = 1;  // X_Reply, as libxcb caches them
  fill(reply.get(), codes);
  std::lock_guard lock(s.mutex);
  auto& slot = s.data[c];
  if (!slot) slot = std::move(reply);
  return slot.get();
}

void note_glx_query(xcb_connection_t* c, unsigned sequence) {
  auto& s = state();
  std::lock_guard lock(s.mutex);
  s.extension_queries.emplace(c, sequence);
}

void rewrite_glx_reply(xcb_connection_t* c, unsigned sequence, xcb_query_extension_reply_t* reply) {
  auto& s = state();
  {
    std::lock_guard lock(s.mutex);
    if (s.extension_queries.erase({c, sequence}) == 0) return;
  }
  if (reply == nullptr) return;  // an X error: left as it is
  const auto* ours = extension_data(c);
  reply->present = 1;
  reply->major_opcode = ours->major_opcode;
  reply->first_event = ours->first_event;
  reply->first_error = ours->first_error;
}

xcb_glx_query_version_cookie_t query_version(xcb_connection_t* c) {
  auto cookie = xcb_get_input_focus(c);
  auto& s = state();
  std::lock_guard lock(s.mutex);
  s.version_queries.emplace(c, cookie.sequence);
  return {cookie.sequence};
}

xcb_glx_query_version_reply_t* version_reply(xcb_connection_t* c, unsigned sequence,
                                             xcb_generic_error_t** e) {
  auto& s = state();
  {
    std::lock_guard lock(s.mutex);
    if (s.version_queries.erase({c, sequence}) == 0) return nullptr;
  }
  std::free(xcb_get_input_focus_reply(c, {sequence}, nullptr));
  if (e != nullptr) *e = nullptr;
  // The caller frees it with free(), as any XCB reply.
  auto* r =
      static_cast<xcb_glx_query_version_reply_t*>(std::calloc(1, sizeof(xcb_glx_query_version_reply_t)));
  if (r == nullptr) return nullptr;
  r->response_type = 1;  // X_Reply
  r->sequence = static_cast<uint16_t>(sequence);
  r->major_version = 1;
  r->minor_version = 4;
  return r;
}

}  // namespace eglrun::xcbglx
