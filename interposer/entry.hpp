// The one way into the library from an exported function. It owns the re-entrancy guard (a call
// that arrives while this thread is already inside eglrun goes to the real function), tracing,
// and the rule that no exception crosses into the application.
#pragma once

#include <exception>
#include <type_traits>

#include "log/log.hpp"

namespace eglrun::entry {

class Scope {
 public:
  Scope() noexcept { ++depth_; }
  ~Scope() { --depth_; }
  Scope(const Scope&) = delete;
  Scope& operator=(const Scope&) = delete;
  bool nested() const noexcept { return depth_ > 1; }

 private:
  static inline thread_local int depth_ = 0;
};

template <typename Body>
auto guarded(const char* name, Body&& body) noexcept -> decltype(body()) {
  using R = decltype(body());
  try {
    return body();
  } catch (const std::exception& e) {
    log::error("{}: internal error: {}", name, e.what());
  } catch (...) {
    log::error("{}: unknown internal error", name);
  }
  if constexpr (!std::is_void_v<R>) return R{};
}

// For functions eglrun implements outright (GLX): there is no real function to fall back to.
template <typename Body>
auto call(const char* name, Body&& body) noexcept -> decltype(body()) {
  Scope scope;
  log::trace("{}", name);
  return guarded(name, body);
}

// For functions eglrun wraps (Xlib, GL, dl): nested calls go straight to the real function.
template <typename Real, typename Body>
auto wrap(const char* name, Real&& real, Body&& body) noexcept -> decltype(real()) {
  Scope scope;
  if (scope.nested()) return real();
  return guarded(name, body);
}

}  // namespace eglrun::entry
