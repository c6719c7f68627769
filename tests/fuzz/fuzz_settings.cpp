// libFuzzer harness: the interposer's environment parsing (parse_settings). The input is a list of
// NAME=VALUE lines; names not in it are unset.
#include <cstdlib>
#include <map>
#include <string>

#include "config/settings.hpp"

namespace {
std::map<std::string, std::string> g_env;
const char* fake_getenv(const char* name) {
  auto it = g_env.find(name);
  return it == g_env.end() ? nullptr : it->second.c_str();
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  g_env.clear();
  std::string text(reinterpret_cast<const char*>(data), size);
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    std::string line = text.substr(start, end - start);
    if (size_t eq = line.find('='); eq != std::string::npos) g_env[line.substr(0, eq)] = line.substr(eq + 1);
    start = end + 1;
  }
  auto r = eglrun::config::parse_settings(fake_getenv);
  if (r.settings.device.empty()) std::abort();     // there is always a device to ask for
  if (!(r.settings.fps_limit >= 0)) std::abort();  // no negative or NaN frame-rate limit gets through
  return 0;
}
