#include <climits>
#include <cstdlib>

#include "egl/backend.hpp"
#include "glx/api.hpp"
#include "glx/errors.hpp"
#include "glx/internal.hpp"
#include "glx/quiet_x.hpp"
#include "glx/registry.hpp"
#include "glx/swap_event.hpp"
#include "glx/xid.hpp"
#include "log/log.hpp"

// Last include: poisons every interposed name in the code below.
#include "symbols/poison.hpp"

namespace eglrun::glx::api {

using drawable::Drawable;
using drawable::Kind;

namespace {

constexpr int kMaxAttribPairs = 64;

const FBConfigDesc* valid_config(Display* dpy, GLXFBConfig config) {
  return Registry::instance().validate_config(dpy, config);
}

void forget(Registry& reg, Display* dpy, XID handle) {
  auto* ds = reg.find_display(dpy);
  if (ds == nullptr) return;
  auto it = ds->drawables.find(handle);
  if (it == ds->drawables.end()) return;
  it->second->released = true;  // contexts drop their views of it when next made current
  ds->drawables.erase(it);
}

bool pixmap_geometry(Display* dpy, Pixmap pixmap, int* w, int* h, int* depth) {
  Window root;
  int x, y;
  unsigned int uw, uh, border, udepth;
  if (!quiet::get_geometry(dpy, pixmap, &root, &x, &y, &uw, &uh, &border, &udepth)) return false;
  *w = static_cast<int>(uw);
  *h = static_cast<int>(uh);
  *depth = static_cast<int>(udepth);
  return true;
}

// GLX_EXT_texture_from_pixmap attributes of glXCreatePixmap. False (error raised) when invalid.
struct TextureAttribs {
  int format = GLX_TEXTURE_FORMAT_NONE_EXT, target = 0;
  bool mipmap = false;
};
bool parse_texture_attribs(Display* dpy, const FBConfigDesc* c, const int* attribs, Pixmap pixmap,
                           TextureAttribs* out) {
  int pairs = 0;
  for (const int* a = attribs; a != nullptr && a[0] != None; a += 2, ++pairs) {
    if (pairs >= kMaxAttribPairs) {
      raise_core_error(dpy, BadValue, kX_GLXCreatePixmap);
      return false;
    }
    const int v = a[1];
    switch (a[0]) {
      case GLX_TEXTURE_FORMAT_EXT:
        if (v != GLX_TEXTURE_FORMAT_NONE_EXT && v != GLX_TEXTURE_FORMAT_RGB_EXT &&
            v != GLX_TEXTURE_FORMAT_RGBA_EXT) {
          raise_core_error(dpy, BadValue, kX_GLXCreatePixmap, static_cast<XID>(v));
          return false;
        }
        out->format = v;
        break;
      case GLX_TEXTURE_TARGET_EXT:
        if (v != GLX_TEXTURE_1D_EXT && v != GLX_TEXTURE_2D_EXT && v != GLX_TEXTURE_RECTANGLE_EXT) {
          raise_core_error(dpy, BadValue, kX_GLXCreatePixmap, static_cast<XID>(v));
          return false;
        }
        out->target = v;
        break;
      case GLX_MIPMAP_TEXTURE_EXT:
        out->mipmap = v != 0;
        break;
      default:
        raise_core_error(dpy, BadValue, kX_GLXCreatePixmap, static_cast<XID>(a[0]));
        return false;
    }
  }
  if (out->format == GLX_TEXTURE_FORMAT_NONE_EXT) return true;
  // The config must be able to bind the format and target asked for (GLX_EXT_texture_from_pixmap).
  const bool format_ok =
      out->format == GLX_TEXTURE_FORMAT_RGB_EXT ? c->bind_to_texture_rgb : c->bind_to_texture_rgba;
  if (out->target == 0) out->target = GLX_TEXTURE_2D_EXT;
  const int bit = out->target == GLX_TEXTURE_1D_EXT          ? GLX_TEXTURE_1D_BIT_EXT
                  : out->target == GLX_TEXTURE_RECTANGLE_EXT ? GLX_TEXTURE_RECTANGLE_BIT_EXT
                                                             : GLX_TEXTURE_2D_BIT_EXT;
  if (!format_ok || !(c->bind_to_texture_targets & bit) || (out->mipmap && !c->bind_to_mipmap_texture)) {
    raise_core_error(dpy, BadMatch, kX_GLXCreatePixmap, pixmap);
    return false;
  }
  return true;
}

GLXPixmap make_pixmap(Display* dpy, const FBConfigDesc* c, Pixmap pixmap, int request,
                      const TextureAttribs& tex = {}) {
  int w = 0, h = 0, depth = 0;
  if (!pixmap_geometry(dpy, pixmap, &w, &h, &depth)) {
    raise_core_error(dpy, BadPixmap, request, pixmap);
    return None;
  }
  if (c->visual_depth != 0 && depth != c->visual_depth) {
    raise_core_error(dpy, BadMatch, request, pixmap);
    return None;
  }
  auto& reg = Registry::instance();
  XID handle = alloc_xid(dpy);
  auto d = std::make_shared<Drawable>(dpy, handle, pixmap, Kind::Pixmap, c, w, h);
  d->texture_format = tex.format;
  d->texture_target = tex.target;
  d->mipmap_texture = tex.mipmap;
  reg.display(dpy).drawables[handle] = d;
  log::debug("GLX pixmap 0x{:x} on pixmap 0x{:x} ({}x{})", handle, pixmap, w, h);
  return handle;
}

}  // namespace

GLXWindow create_window(Display* dpy, GLXFBConfig config, Window win, const int* attribs) {
  auto& reg = Registry::instance();
  std::lock_guard lock(reg.mutex);
  const FBConfigDesc* c = valid_config(dpy, config);
  if (c == nullptr) {
    raise_glx_error(dpy, kGLXBadFBConfig, false, kX_GLXCreateWindow, 0);
    return None;
  }
  if (!(c->drawable_type & GLX_WINDOW_BIT)) {
    raise_core_error(dpy, BadMatch, kX_GLXCreateWindow, win);
    return None;
  }
  XWindowAttributes attr{};
  if (win == None || !quiet::get_window_attributes(dpy, win, &attr)) {
    raise_core_error(dpy, BadWindow, kX_GLXCreateWindow, win);
    return None;
  }
  if (static_cast<int>(XVisualIDFromVisual(attr.visual)) != c->visual_id && attr.depth != c->visual_depth) {
    raise_core_error(dpy, BadMatch, kX_GLXCreateWindow, win);
    return None;
  }
  auto& ds = reg.display(dpy);
  if (auto it = ds.drawables.find(win); it != ds.drawables.end() && it->second->kind == Kind::Window &&
                                        it->second->config != c && it->second->released == false) {
    // Already adopted through glXMakeCurrent with another config: GLX 1.3 says BadAlloc.
    raise_core_error(dpy, BadAlloc, kX_GLXCreateWindow, win);
    return None;
  }
  // The GLXWindow's ID is the window's own: there is no server-side object to name.
  ds.drawables[win] = std::make_shared<Drawable>(dpy, win, win, Kind::Window, c, attr.width, attr.height);
  return win;
}

void destroy_window(Display* dpy, GLXWindow win) {
  auto& reg = Registry::instance();
  std::lock_guard lock(reg.mutex);
  auto d = reg.find_drawable(dpy, win);
  if (!d || d->kind != Kind::Window) {
    raise_glx_error(dpy, kGLXBadWindow, false, kX_GLXDestroyWindow, win);
    return;
  }
  forget(reg, dpy, win);
}

GLXPixmap create_pixmap(Display* dpy, GLXFBConfig config, Pixmap pixmap, const int* attribs) {
  auto& reg = Registry::instance();
  std::lock_guard lock(reg.mutex);
  const FBConfigDesc* c = valid_config(dpy, config);
  if (c == nullptr) {
    raise_glx_error(dpy, kGLXBadFBConfig, false, kX_GLXCreatePixmap, 0);
    return None;
  }
  if (!(c->drawable_type & GLX_PIXMAP_BIT)) {
    raise_core_error(dpy, BadMatch, kX_GLXCreatePixmap, pixmap);
    return None;
  }
  TextureAttribs tex;
  if (!parse_texture_attribs(dpy, c, attribs, pixmap, &tex)) return None;
  return make_pixmap(dpy, c, pixmap, kX_GLXCreatePixmap, tex);
}

GLXPixmap create_glx_pixmap(Display* dpy, XVisualInfo* vis, Pixmap pixmap) {
  const FBConfigDesc* c = config_of_visual(dpy, vis);
  auto& reg = Registry::instance();
  std::lock_guard lock(reg.mutex);
  if (c == nullptr) {
    raise_core_error(dpy, BadValue, kX_GLXCreateGLXPixmap, vis ? vis->visualid : 0);
    return None;
  }
  return make_pixmap(dpy, c, pixmap, kX_GLXCreateGLXPixmap);
}

void destroy_pixmap(Display* dpy, GLXPixmap pixmap, bool legacy) {
  auto& reg = Registry::instance();
  std::lock_guard lock(reg.mutex);
  auto d = reg.find_drawable(dpy, pixmap);
  if (!d || d->kind != Kind::Pixmap) {
    raise_glx_error(dpy, kGLXBadPixmap, false, legacy ? kX_GLXDestroyGLXPixmap : kX_GLXDestroyPixmap, pixmap);
    return;
  }
  forget(reg, dpy, pixmap);
}

GLXPbuffer create_pbuffer(Display* dpy, GLXFBConfig config, const int* attribs) {
  auto& reg = Registry::instance();
  std::lock_guard lock(reg.mutex);
  const FBConfigDesc* c = valid_config(dpy, config);
  if (c == nullptr) {
    raise_glx_error(dpy, kGLXBadFBConfig, false, kX_GLXCreatePbuffer, 0);
    return None;
  }
  if (!(c->drawable_type & GLX_PBUFFER_BIT)) {
    raise_core_error(dpy, BadMatch, kX_GLXCreatePbuffer);
    return None;
  }
  long w = 0, h = 0;
  bool largest = false, preserved = false;
  int pairs = 0;
  for (const int* a = attribs; a != nullptr && a[0] != None; a += 2, ++pairs) {
    if (pairs >= kMaxAttribPairs) {
      raise_core_error(dpy, BadValue, kX_GLXCreatePbuffer);
      return None;
    }
    const int v = a[1];
    switch (a[0]) {
      case GLX_PBUFFER_WIDTH:
        w = v;
        break;
      case GLX_PBUFFER_HEIGHT:
        h = v;
        break;
      case GLX_LARGEST_PBUFFER:
        largest = v != 0;
        break;
      case GLX_PRESERVED_CONTENTS:
        preserved = v != 0;
        break;
      default:
        log::debug("glXCreatePbuffer: attribute 0x{:x} is unknown", a[0]);
        raise_core_error(dpy, BadValue, kX_GLXCreatePbuffer, static_cast<XID>(a[0]));
        return None;
    }
  }
  if (w < 0 || h < 0) {
    raise_core_error(dpy, BadValue, kX_GLXCreatePbuffer);
    return None;
  }
  const long max_w = c->max_pbuffer_width, max_h = c->max_pbuffer_height;
  if (w > max_w || h > max_h) {
    if (!largest) {
      log::debug("glXCreatePbuffer: {}x{} exceeds the largest pbuffer, {}x{}", w, h, max_w, max_h);
      raise_core_error(dpy, BadAlloc, kX_GLXCreatePbuffer);
      return None;
    }
    w = std::min(w, max_w);
    h = std::min(h, max_h);
  }
  XID handle = alloc_xid(dpy);
  // GL storage cannot be empty: a 0x0 pbuffer is stored as 1x1 and reported as 0x0.
  auto d = std::make_shared<Drawable>(dpy, handle, 0, Kind::Pbuffer, c, std::max(1L, w), std::max(1L, h));
  d->reported_width = static_cast<int>(w);
  d->reported_height = static_cast<int>(h);
  d->largest_pbuffer = largest;
  d->preserved_contents = preserved;
  reg.display(dpy).drawables[handle] = d;
  return handle;
}

void destroy_pbuffer(Display* dpy, GLXPbuffer pbuf) {
  auto& reg = Registry::instance();
  std::lock_guard lock(reg.mutex);
  auto d = reg.find_drawable(dpy, pbuf);
  if (!d || d->kind != Kind::Pbuffer) {
    raise_glx_error(dpy, kGLXBadPbuffer, false, kX_GLXDestroyPbuffer, pbuf);
    return;
  }
  forget(reg, dpy, pbuf);
}

void query_drawable(Display* dpy, GLXDrawable draw, int attribute, unsigned int* value) {
  auto& reg = Registry::instance();
  std::lock_guard lock(reg.mutex);
  if (value == nullptr) return;
  auto d = reg.find_drawable(dpy, draw);
  if (!d) {
    raise_glx_error(dpy, kGLXBadDrawable, false, kX_GLXGetDrawableAttributes, draw);
    return;
  }
  switch (attribute) {
    case GLX_WIDTH:
      *value = static_cast<unsigned>(d->kind == Kind::Pbuffer ? d->reported_width : d->width());
      return;
    case GLX_HEIGHT:
      *value = static_cast<unsigned>(d->kind == Kind::Pbuffer ? d->reported_height : d->height());
      return;
    case GLX_PRESERVED_CONTENTS:
      *value = d->kind == Kind::Pbuffer ? d->preserved_contents : True;
      return;
    case GLX_LARGEST_PBUFFER:
      *value = d->largest_pbuffer;
      return;
    case GLX_FBCONFIG_ID:
      *value = static_cast<unsigned>((d->reported_config ? d->reported_config : d->config)->fbconfig_id);
      return;
    case GLX_EVENT_MASK:
      *value = static_cast<unsigned>(d->event_mask);
      return;
    // GLX_EXT_swap_control_tear: a negative interval is reported as its magnitude, with late swaps tearing.
    case GLX_SWAP_INTERVAL_EXT:
      *value = static_cast<unsigned>(std::abs(d->swap_interval.load()));
      return;
    case GLX_LATE_SWAPS_TEAR_EXT:
      *value = d->swap_interval.load() < 0;
      return;
    case GLX_MAX_SWAP_INTERVAL_EXT:
      *value = 1000;
      return;
    case GLX_TEXTURE_FORMAT_EXT:
      *value = static_cast<unsigned>(d->texture_format);
      return;
    case GLX_TEXTURE_TARGET_EXT:
      *value = static_cast<unsigned>(d->texture_target);
      return;
    case GLX_MIPMAP_TEXTURE_EXT:
      *value = d->mipmap_texture;
      return;
    case GLX_BACK_BUFFER_AGE_EXT: {
      // Defined for the calling thread's current draw drawable only (GLX_EXT_buffer_age).
      Context* c = current_context();
      if (c == nullptr || c->current_dpy != dpy || c->draw_handle != draw) {
        raise_glx_error(dpy, kGLXBadDrawable, false, kX_GLXGetDrawableAttributes, draw);
        return;
      }
      *value = static_cast<unsigned>(d->back_buffer_age());
      return;
    }
    default:
      raise_core_error(dpy, BadValue, kX_GLXGetDrawableAttributes, static_cast<XID>(attribute));
  }
}

void select_event(Display* dpy, GLXDrawable draw, unsigned long mask) {
  auto& reg = Registry::instance();
  std::lock_guard lock(reg.mutex);
  auto d = reg.find_drawable(dpy, draw);
  if (!d) {
    raise_glx_error(dpy, kGLXBadDrawable, false, kX_GLXChangeDrawableAttributes, draw);
    return;
  }
  d->event_mask = mask;
  if (mask & GLX_BUFFER_SWAP_COMPLETE_INTEL_MASK) enable_swap_events(dpy);
}

void get_selected_event(Display* dpy, GLXDrawable draw, unsigned long* mask) {
  auto& reg = Registry::instance();
  std::lock_guard lock(reg.mutex);
  auto d = reg.find_drawable(dpy, draw);
  if (!d) {
    raise_glx_error(dpy, kGLXBadDrawable, false, kX_GLXGetDrawableAttributes, draw);
    return;
  }
  if (mask) *mask = d->event_mask;
}

}  // namespace eglrun::glx::api
