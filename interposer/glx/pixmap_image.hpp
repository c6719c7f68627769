// Pure conversion of an X image (ZPixmap, as XGetImage returns it) into tightly packed RGB or RGBA
// bytes for glTexImage2D: GLX_EXT_texture_from_pixmap takes a pixmap's contents from the X server.
#pragma once

#include <cstdint>
#include <vector>

namespace eglrun::glx {

struct XImageLayout {
  int width = 0, height = 0;
  int bytes_per_line = 0;
  int bits_per_pixel = 0;  // 8, 16, 24 or 32
  bool lsb_first = true;   // the image's byte order (LSBFirst)
  unsigned long red_mask = 0, green_mask = 0, blue_mask = 0, alpha_mask = 0;  // alpha 0: opaque
};

// Rows stay in X order (row 0 = top of the pixmap): the texture is then y-inverted
// (GLX_Y_INVERTED_EXT = True), which costs no flip. False when the layout is unusable.
bool convert_ximage(const XImageLayout& layout, const uint8_t* data, bool with_alpha,
                    std::vector<uint8_t>* out);

}  // namespace eglrun::glx
