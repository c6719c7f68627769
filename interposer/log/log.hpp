// The one logging path of eglrun: a single "[eglrun]" prefix, levels, verbosity from EGLRUN_LOG.
#pragma once

#include <fmt/format.h>

#include <string_view>

namespace eglrun::log {

enum class Level { Off = 0, Error, Warn, Info, Debug, Trace };

// Parses "off|error|warn|info|debug|trace" or a digit 0-5; nullopt-like Level::Warn on garbage.
Level parse_level(std::string_view text, bool* ok = nullptr);

Level level();
void set_level(Level level);
inline bool enabled(Level l) { return l <= level() && l != Level::Off; }

void write(Level level, std::string_view message);

template <typename... Args>
void emit(Level l, fmt::format_string<Args...> f, Args&&... args) {
  if (enabled(l)) write(l, fmt::format(f, std::forward<Args>(args)...));
}
template <typename... Args>
void error(fmt::format_string<Args...> f, Args&&... args) {
  emit(Level::Error, f, std::forward<Args>(args)...);
}
template <typename... Args>
void warn(fmt::format_string<Args...> f, Args&&... args) {
  emit(Level::Warn, f, std::forward<Args>(args)...);
}
template <typename... Args>
void info(fmt::format_string<Args...> f, Args&&... args) {
  emit(Level::Info, f, std::forward<Args>(args)...);
}
template <typename... Args>
void debug(fmt::format_string<Args...> f, Args&&... args) {
  emit(Level::Debug, f, std::forward<Args>(args)...);
}
template <typename... Args>
void trace(fmt::format_string<Args...> f, Args&&... args) {
  emit(Level::Trace, f, std::forward<Args>(args)...);
}

// True the first time it is called with `key` in this process: for messages that must appear once.
bool first_time(std::string_view key);

}  // namespace eglrun::log
