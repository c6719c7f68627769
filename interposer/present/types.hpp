// Plain types shared by the presenter and its helpers.
#pragma once

#include <cstdint>
#include <string_view>

namespace eglrun::present {

// Ordered by severity: when one call meets several outcomes it reports the worst. Not called
// "Status": Xlib #defines that name, and this header meets Xlib.h in the interposer.
enum class PresentStatus { Ok = 0, Error, WindowGone, ConnectionLost };

inline PresentStatus worse(PresentStatus a, PresentStatus b) { return a > b ? a : b; }

std::string_view to_string(PresentStatus status);

// 32-bit pixels in the X server's image byte order (BGRX in memory on a little-endian server with a
// depth-24/32 TrueColor visual), rows top-down, `stride` bytes apart.
struct Image {
  uint8_t* pixels = nullptr;
  int width = 0, height = 0;
  int stride = 0;
};

}  // namespace eglrun::present
