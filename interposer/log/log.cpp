#include "log/log.hpp"

#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <mutex>
#include <set>
#include <string>

namespace eglrun::log {
namespace {

Level initial_level() {
  const char* env = std::getenv("EGLRUN_LOG");
  if (env == nullptr || *env == '\0') return Level::Warn;
  return parse_level(env);
}

std::atomic<Level>& current() {
  static std::atomic<Level> value{initial_level()};
  return value;
}

constexpr std::string_view tag(Level l) {
  switch (l) {
    case Level::Error:
      return "error: ";
    case Level::Warn:
      return "warning: ";
    case Level::Info:
      return "";
    case Level::Debug:
      return "debug: ";
    case Level::Trace:
      return "trace: ";
    case Level::Off:
      break;
  }
  return "";
}

}  // namespace

Level parse_level(std::string_view text, bool* ok) {
  static constexpr std::pair<std::string_view, Level> names[] = {
      {"off", Level::Off},   {"error", Level::Error}, {"warn", Level::Warn},  {"warning", Level::Warn},
      {"info", Level::Info}, {"debug", Level::Debug}, {"trace", Level::Trace}};
  if (ok) *ok = true;
  for (auto [name, l] : names)
    if (text == name) return l;
  if (text.size() == 1 && text[0] >= '0' && text[0] <= '5') return static_cast<Level>(text[0] - '0');
  if (ok) *ok = false;
  return Level::Warn;
}

Level level() { return current().load(std::memory_order_relaxed); }
void set_level(Level l) { current().store(l, std::memory_order_relaxed); }

void write(Level l, std::string_view message) {
  // One write(2) per line keeps lines from different threads whole and avoids stdio inside the app.
  std::string line = "[eglrun] ";
  line += tag(l);
  line += message;
  if (line.empty() || line.back() != '\n') line += '\n';
  const char* p = line.data();
  size_t left = line.size();
  while (left > 0) {
    ssize_t n = ::write(STDERR_FILENO, p, left);
    if (n <= 0) break;
    p += n;
    left -= static_cast<size_t>(n);
  }
}

bool first_time(std::string_view key) {
  static std::mutex mutex;
  static std::set<std::string, std::less<>> seen;
  std::lock_guard lock(mutex);
  return seen.emplace(key).second;
}

}  // namespace eglrun::log
