// glXUseXFont: display lists of glBitmap calls made from an X font's glyphs, rasterised by the X
// server into a 1-bit pixmap and read back.
#include <X11/Xlib.h>
#include <X11/Xutil.h>

#include <vector>

#include "glx/api.hpp"
#include "glx/errors.hpp"
#include "glx/registry.hpp"
#include "log/log.hpp"
#include "symbols/real.hpp"

// Last include: poisons every interposed name in the code below.
#include "symbols/poison.hpp"

namespace eglrun::glx::api {

using namespace eglrun::real;

namespace {

const XCharStruct* glyph_metrics(const XFontStruct* fs, unsigned ch) {
  if (fs->per_char == nullptr) return &fs->max_bounds;
  const unsigned cols = fs->max_char_or_byte2 - fs->min_char_or_byte2 + 1;
  const unsigned byte1 = ch >> 8, byte2 = ch & 0xff;
  if (byte1 < fs->min_byte1 || byte1 > fs->max_byte1 || byte2 < fs->min_char_or_byte2 ||
      byte2 > fs->max_char_or_byte2)
    return nullptr;
  const XCharStruct* cs = &fs->per_char[(byte1 - fs->min_byte1) * cols + (byte2 - fs->min_char_or_byte2)];
  // A glyph with all-zero metrics does not exist in the font.
  if (cs->width == 0 && cs->lbearing == 0 && cs->rbearing == 0 && cs->ascent == 0 && cs->descent == 0)
    return nullptr;
  return cs;
}

}  // namespace

void use_x_font(Font font, int first, int count, int list_base) {
  Context* c = current_context();
  if (c == nullptr || c->current_dpy == nullptr || count <= 0) return;
  Display* dpy = c->current_dpy;
  XFontStruct* fs = XQueryFont(dpy, font);
  if (fs == nullptr) {
    raise_core_error(dpy, BadFont, kX_GLXUseXFont, font);
    return;
  }
  const int max_w = std::max(1, fs->max_bounds.rbearing - fs->min_bounds.lbearing);
  const int max_h = std::max(1, fs->max_bounds.ascent + fs->max_bounds.descent);
  Pixmap pm = XCreatePixmap(dpy, RootWindow(dpy, c->screen), static_cast<unsigned>(max_w),
                            static_cast<unsigned>(max_h), 1);
  XGCValues values{};
  values.font = font;
  values.foreground = 0;
  values.background = 0;
  GC gc = XCreateGC(dpy, pm, GCFont | GCForeground | GCBackground, &values);

  glPushClientAttrib_fn(GL_CLIENT_PIXEL_STORE_BIT);
  glPixelStorei_fn(GL_UNPACK_SWAP_BYTES, GL_FALSE);
  glPixelStorei_fn(GL_UNPACK_LSB_FIRST, GL_FALSE);
  glPixelStorei_fn(GL_UNPACK_ROW_LENGTH, 0);
  glPixelStorei_fn(GL_UNPACK_SKIP_ROWS, 0);
  glPixelStorei_fn(GL_UNPACK_SKIP_PIXELS, 0);
  glPixelStorei_fn(GL_UNPACK_ALIGNMENT, 1);
  GLint unpack_buffer = 0;
  glGetIntegerv_fn(GL_PIXEL_UNPACK_BUFFER_BINDING, &unpack_buffer);
  if (unpack_buffer) glBindBuffer_fn(GL_PIXEL_UNPACK_BUFFER, 0);

  std::vector<GLubyte> bits;
  for (int i = 0; i < count; ++i) {
    const unsigned ch = static_cast<unsigned>(first + i);
    const XCharStruct* cs = glyph_metrics(fs, ch);
    glNewList_fn(static_cast<GLuint>(list_base + i), GL_COMPILE);
    const int w = cs ? cs->rbearing - cs->lbearing : 0;
    const int h = cs ? cs->ascent + cs->descent : 0;
    if (cs && w > 0 && h > 0) {
      XSetForeground(dpy, gc, 0);
      XFillRectangle(dpy, pm, gc, 0, 0, static_cast<unsigned>(max_w), static_cast<unsigned>(max_h));
      XSetForeground(dpy, gc, 1);
      XChar2b glyph{static_cast<unsigned char>(ch >> 8), static_cast<unsigned char>(ch & 0xff)};
      XDrawString16(dpy, pm, gc, -cs->lbearing, cs->ascent, &glyph, 1);
      XImage* img = XGetImage(dpy, pm, 0, 0, static_cast<unsigned>(w), static_cast<unsigned>(h), 1, XYPixmap);
      const int row_bytes = (w + 7) / 8;
      bits.assign(static_cast<size_t>(row_bytes) * static_cast<size_t>(h), 0);
      if (img) {
        // glBitmap rows go bottom-up, most significant bit first.
        for (int y = 0; y < h; ++y)
          for (int x = 0; x < w; ++x)
            if (XGetPixel(img, x, y))
              bits[static_cast<size_t>(h - 1 - y) * static_cast<size_t>(row_bytes) +
                   static_cast<size_t>(x / 8)] |= 0x80 >> (x % 8);
        XDestroyImage(img);
      }
      glBitmap_fn(w, h, static_cast<GLfloat>(-cs->lbearing), static_cast<GLfloat>(cs->descent),
                  static_cast<GLfloat>(cs->width), 0.0f, bits.data());
    } else {
      // Not nullptr: Mesa records an empty bitmap without data as GL_OUT_OF_MEMORY in a display list.
      static const GLubyte empty = 0;
      glBitmap_fn(0, 0, 0.0f, 0.0f, cs ? static_cast<GLfloat>(cs->width) : 0.0f, 0.0f, &empty);
    }
    glEndList_fn();
  }
  if (unpack_buffer) glBindBuffer_fn(GL_PIXEL_UNPACK_BUFFER, static_cast<GLuint>(unpack_buffer));
  glPopClientAttrib_fn();
  XFreeGC(dpy, gc);
  XFreePixmap(dpy, pm);
  XFreeFontInfo(nullptr, fs, 1);
}

}  // namespace eglrun::glx::api
