#include "present/x_errors.hpp"

#include <fmt/format.h>

#include <array>

namespace eglrun::present {

std::string_view to_string(PresentStatus status) {
  switch (status) {
    case PresentStatus::Ok:
      return "ok";
    case PresentStatus::Error:
      return "error";
    case PresentStatus::WindowGone:
      return "window gone";
    case PresentStatus::ConnectionLost:
      return "connection lost";
  }
  return "?";
}

std::string x_error_name(uint8_t error_code) {
  static constexpr std::array<const char*, 18> names = {
      nullptr,     "BadRequest", "BadValue",    "BadWindow",   "BadPixmap", "BadAtom",
      "BadCursor", "BadFont",    "BadMatch",    "BadDrawable", "BadAccess", "BadAlloc",
      "BadColor",  "BadGC",      "BadIDChoice", "BadName",     "BadLength", "BadImplementation"};
  if (error_code < names.size() && names[error_code] != nullptr) return names[error_code];
  return fmt::format("error {}", error_code);
}

std::string describe(const xcb_generic_error_t& error) {
  return fmt::format("{} (resource {:#x}, request {}.{})", x_error_name(error.error_code), error.resource_id,
                     error.major_code, error.minor_code);
}

PresentStatus classify(const xcb_generic_error_t& error, uint32_t window) {
  // Another client destroyed the window under us: every request naming it fails with one of these.
  constexpr uint8_t bad_window = XCB_WINDOW, bad_drawable = XCB_DRAWABLE;
  if ((error.error_code == bad_window || error.error_code == bad_drawable) && error.resource_id == window)
    return PresentStatus::WindowGone;
  return PresentStatus::Error;
}

}  // namespace eglrun::present
