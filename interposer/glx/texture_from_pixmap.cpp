// GLX_EXT_texture_from_pixmap. The X server owns a pixmap's contents (core X drawing, other clients'
// windows named with XCompositeNameWindowPixmap), and the server has no GLX to hand them to the GL:
// glXBindTexImageEXT fetches them with XGetImage on the application's own connection, which orders
// the read after everything the application sent before, and uploads them into the texture bound
// to the pixmap's target in the current context.
#include <X11/Xlib.h>
#include <X11/Xutil.h>

#include <vector>

#include "drawable/gl_state.hpp"
#include "glx/api.hpp"
#include "glx/errors.hpp"
#include "glx/pixmap_image.hpp"
#include "glx/registry.hpp"
#include "log/log.hpp"
#include "symbols/real.hpp"

// Last include: poisons every interposed name in the code below.
#include "symbols/poison.hpp"

namespace eglrun::glx::api {

using namespace eglrun::real;

namespace {

// Unpack state reset to what a tightly packed client-memory upload needs, and restored after.
class ScopedUnpack {
 public:
  ScopedUnpack() {
    es_ = drawable::current_is_es();
    glGetIntegerv_fn(GL_PIXEL_UNPACK_BUFFER_BINDING, &buffer_);
    glGetIntegerv_fn(GL_UNPACK_ALIGNMENT, &alignment_);
    glGetIntegerv_fn(GL_UNPACK_ROW_LENGTH, &row_length_);
    glGetIntegerv_fn(GL_UNPACK_SKIP_ROWS, &skip_rows_);
    glGetIntegerv_fn(GL_UNPACK_SKIP_PIXELS, &skip_pixels_);
    if (!es_) {
      glGetIntegerv_fn(GL_UNPACK_SWAP_BYTES, &swap_);
      glGetIntegerv_fn(GL_UNPACK_LSB_FIRST, &lsb_);
    }
    if (buffer_) glBindBuffer_fn(GL_PIXEL_UNPACK_BUFFER, 0);
    glPixelStorei_fn(GL_UNPACK_ALIGNMENT, 1);
    glPixelStorei_fn(GL_UNPACK_ROW_LENGTH, 0);
    glPixelStorei_fn(GL_UNPACK_SKIP_ROWS, 0);
    glPixelStorei_fn(GL_UNPACK_SKIP_PIXELS, 0);
    if (!es_) {
      glPixelStorei_fn(GL_UNPACK_SWAP_BYTES, 0);
      glPixelStorei_fn(GL_UNPACK_LSB_FIRST, 0);
    }
  }
  ~ScopedUnpack() {
    if (buffer_) glBindBuffer_fn(GL_PIXEL_UNPACK_BUFFER, static_cast<GLuint>(buffer_));
    glPixelStorei_fn(GL_UNPACK_ALIGNMENT, alignment_);
    glPixelStorei_fn(GL_UNPACK_ROW_LENGTH, row_length_);
    glPixelStorei_fn(GL_UNPACK_SKIP_ROWS, skip_rows_);
    glPixelStorei_fn(GL_UNPACK_SKIP_PIXELS, skip_pixels_);
    if (!es_) {
      glPixelStorei_fn(GL_UNPACK_SWAP_BYTES, swap_);
      glPixelStorei_fn(GL_UNPACK_LSB_FIRST, lsb_);
    }
  }
  ScopedUnpack(const ScopedUnpack&) = delete;
  ScopedUnpack& operator=(const ScopedUnpack&) = delete;

 private:
  bool es_ = false;
  GLint buffer_ = 0, alignment_ = 4, row_length_ = 0, skip_rows_ = 0, skip_pixels_ = 0, swap_ = 0, lsb_ = 0;
};

GLenum gl_target(int glx_target) {
  switch (glx_target) {
    case GLX_TEXTURE_1D_EXT:
      return GL_TEXTURE_1D;
    case GLX_TEXTURE_RECTANGLE_EXT:
      return GL_TEXTURE_RECTANGLE;
    default:
      return GL_TEXTURE_2D;
  }
}

// The channel masks of the pixmap's pixels: those of the config's visual; alpha is what the depth
// has beyond them (a depth-32 ARGB visual).
bool layout_for(Display* dpy, const drawable::Drawable& d, const XImage& img, XImageLayout* l) {
  auto& reg = Registry::instance();
  const ScreenState* s = reg.screen(dpy, d.config->screen);
  if (s == nullptr) return false;
  const VisualTraits* v = nullptr;
  for (const auto& vt : s->visuals)
    if (static_cast<int>(vt.visual_id) == d.config->visual_id) v = &vt;
  if (v == nullptr) return false;
  l->width = img.width;
  l->height = img.height;
  l->bytes_per_line = img.bytes_per_line;
  l->bits_per_pixel = img.bits_per_pixel;
  l->lsb_first = img.byte_order == LSBFirst;
  l->red_mask = v->red_mask;
  l->green_mask = v->green_mask;
  l->blue_mask = v->blue_mask;
  const unsigned long all = img.depth >= 32 ? 0xffffffffUL : ((1UL << img.depth) - 1);
  l->alpha_mask = all & ~(v->red_mask | v->green_mask | v->blue_mask);
  return true;
}

}  // namespace

void bind_tex_image(Display* dpy, GLXDrawable handle, int buffer, const int* attribs) {
  auto& reg = Registry::instance();
  std::lock_guard lock(reg.mutex);
  Context* ctx = current_context();
  auto d = reg.find_drawable(dpy, handle);
  if (!d || d->kind != drawable::Kind::Pixmap) {
    raise_glx_error(dpy, kGLXBadPixmap, false, kX_GLXVendorPrivate, handle);
    return;
  }
  if (ctx == nullptr) {
    raise_glx_error(dpy, kGLXBadContext, false, kX_GLXVendorPrivate, 0);
    return;
  }
  if (d->texture_format == GLX_TEXTURE_FORMAT_NONE_EXT) {
    raise_core_error(dpy, BadMatch, kX_GLXVendorPrivate, handle);
    return;
  }
  if (buffer != GLX_FRONT_LEFT_EXT) {
    raise_core_error(dpy, BadValue, kX_GLXVendorPrivate, static_cast<XID>(buffer));
    return;
  }
  const int w = d->width(), h = d->height();
  const GLenum target = gl_target(d->texture_target);
  const int rows = target == GL_TEXTURE_1D ? 1 : h;
  XImage* img = XGetImage(dpy, d->x_id, 0, 0, static_cast<unsigned>(w), static_cast<unsigned>(rows),
                          AllPlanes, ZPixmap);
  if (img == nullptr) {
    log::warn("glXBindTexImageEXT: cannot read pixmap 0x{:x} from the X server", d->x_id);
    return;
  }
  const bool rgba = d->texture_format == GLX_TEXTURE_FORMAT_RGBA_EXT;
  XImageLayout layout;
  std::vector<uint8_t> pixels;
  const bool ok = layout_for(dpy, *d, *img, &layout) &&
                  convert_ximage(layout, reinterpret_cast<const uint8_t*>(img->data), rgba, &pixels);
  XDestroyImage(img);
  if (!ok) {
    log::warn("glXBindTexImageEXT: pixmap 0x{:x} has a pixel layout eglrun cannot convert", d->x_id);
    return;
  }
  const GLenum format = rgba ? GL_RGBA : GL_RGB;
  ScopedUnpack unpack;
  if (target == GL_TEXTURE_1D)
    glTexImage1D_fn(target, 0, static_cast<GLint>(format), w, 0, format, GL_UNSIGNED_BYTE, pixels.data());
  else
    glTexImage2D_fn(target, 0, static_cast<GLint>(format), w, h, 0, format, GL_UNSIGNED_BYTE, pixels.data());
  if (d->mipmap_texture && target != GL_TEXTURE_RECTANGLE) glGenerateMipmap_fn(target);
}

void release_tex_image(Display* dpy, GLXDrawable handle, int buffer) {
  auto& reg = Registry::instance();
  std::lock_guard lock(reg.mutex);
  auto d = reg.find_drawable(dpy, handle);
  if (!d || d->kind != drawable::Kind::Pixmap) {
    raise_glx_error(dpy, kGLXBadPixmap, false, kX_GLXVendorPrivate, handle);
    return;
  }
  if (buffer != GLX_FRONT_LEFT_EXT) {
    raise_core_error(dpy, BadValue, kX_GLXVendorPrivate, static_cast<XID>(buffer));
    return;
  }
  // The texture keeps the copy it was given: the pixmap is never aliased, so there is nothing to undo.
}

}  // namespace eglrun::glx::api
