// Whether MIT-SHM can carry frames to this X server.
#pragma once

#include <xcb/xcb.h>

#include <cstdint>
#include <optional>
#include <string>

namespace eglrun::present {

// nullopt when shared memory works with this server; otherwise why not, in words for a log line.
// Beyond "the extension exists and attach succeeds" it checks that the server attached *our*
// segment: a server in another IPC namespace or on another host resolves our shmid in its own
// table and may attach an unrelated segment that happens to carry the same id.
std::optional<std::string> shm_unusable_reason(xcb_connection_t* connection, uint32_t window, uint8_t depth);

}  // namespace eglrun::present
