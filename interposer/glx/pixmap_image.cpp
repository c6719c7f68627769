#include "glx/pixmap_image.hpp"

#include <bit>
#include <cstddef>

namespace eglrun::glx {

namespace {

// Scales the bits of `mask` in `pixel` to 0..255.
inline uint8_t channel(uint32_t pixel, unsigned long mask) {
  if (mask == 0) return 255;
  const int shift = std::countr_zero(mask);
  const int bits = std::popcount(mask);
  const uint32_t v = (pixel & static_cast<uint32_t>(mask)) >> shift;
  if (bits >= 8) return static_cast<uint8_t>(v >> (bits - 8));
  const uint32_t max = (1u << bits) - 1;
  return static_cast<uint8_t>((v * 255 + max / 2) / max);
}

inline uint32_t fetch(const uint8_t* p, int bytes, bool lsb_first) {
  uint32_t v = 0;
  for (int i = 0; i < bytes; ++i) {
    const uint32_t b = p[i];
    v |= lsb_first ? b << (8 * i) : b << (8 * (bytes - 1 - i));
  }
  return v;
}

}  // namespace

bool convert_ximage(const XImageLayout& l, const uint8_t* data, bool with_alpha, std::vector<uint8_t>* out) {
  const int bpp = l.bits_per_pixel;
  if (data == nullptr || l.width <= 0 || l.height <= 0 || (bpp != 8 && bpp != 16 && bpp != 24 && bpp != 32))
    return false;
  const int bytes = bpp / 8;
  if (l.bytes_per_line < l.width * bytes) return false;
  const int comps = with_alpha ? 4 : 3;
  out->resize(static_cast<size_t>(l.width) * l.height * comps);
  uint8_t* dst = out->data();
  for (int y = 0; y < l.height; ++y) {
    const uint8_t* row = data + static_cast<size_t>(y) * l.bytes_per_line;
    for (int x = 0; x < l.width; ++x) {
      const uint32_t px = fetch(row + static_cast<size_t>(x) * bytes, bytes, l.lsb_first);
      *dst++ = channel(px, l.red_mask);
      *dst++ = channel(px, l.green_mask);
      *dst++ = channel(px, l.blue_mask);
      if (with_alpha) *dst++ = channel(px, l.alpha_mask);
    }
  }
  return true;
}

}  // namespace eglrun::glx
