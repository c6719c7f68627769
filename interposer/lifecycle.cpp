// Load-time announcement of the preload library; what it sets up lazily lives elsewhere.
#include "log/log.hpp"

namespace {
__attribute__((constructor)) void announce_load() { eglrun::log::debug("libeglrun loaded"); }
}  // namespace
