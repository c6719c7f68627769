#include "glx/fbconfig.hpp"

#include <GL/glext.h>
#include <GL/glx.h>
#include <GL/glxext.h>

#include <algorithm>
#include <bit>
#include <optional>
#include <tuple>

#include "log/log.hpp"

namespace eglrun::glx {
namespace {

constexpr int kTrueColor = 4;  // X.h TrueColor, without pulling Xlib's macros into this file's users

bool is_contiguous_mask(unsigned long mask) {
  if (mask == 0) return false;
  unsigned long shifted = mask >> std::countr_zero(mask);
  return (shifted & (shifted + 1)) == 0;
}

// A visual shows a config's colour when its channel masks have the config's sizes; alpha lives either
// outside the visual (depth = r+g+b, as Mesa does for the depth-24 visual) or in it (depth = r+g+b+a).
bool visual_shows(const VisualTraits& v, const EglConfigTraits& c) {
  if (c.is_float || v.c_class != kTrueColor) return false;
  if (!is_contiguous_mask(v.red_mask) || !is_contiguous_mask(v.green_mask) ||
      !is_contiguous_mask(v.blue_mask))
    return false;
  if (std::popcount(v.red_mask) != c.red || std::popcount(v.green_mask) != c.green ||
      std::popcount(v.blue_mask) != c.blue)
    return false;
  const int rgb = c.red + c.green + c.blue;
  if (v.depth == rgb) return true;
  return c.alpha > 0 && v.depth == rgb + c.alpha;
}

bool same_visual_class(const VisualTraits& a, const VisualTraits& b) {
  return a.depth == b.depth && a.c_class == b.c_class && a.red_mask == b.red_mask &&
         a.green_mask == b.green_mask && a.blue_mask == b.blue_mask;
}

std::optional<GLenum> color_format_for(const EglConfigTraits& c, bool srgb) {
  const int widest = std::max({c.red, c.green, c.blue});
  if (c.is_float) {
    if (widest <= 11 && c.alpha == 0 && c.blue <= 10) return GL_R11F_G11F_B10F;
    if (widest <= 16) return c.alpha > 0 ? GL_RGBA16F : GL_RGB16F;
    if (widest <= 32) return c.alpha > 0 ? GL_RGBA32F : GL_RGB32F;
    return std::nullopt;
  }
  if (srgb) return c.alpha > 0 ? GL_SRGB8_ALPHA8 : GL_SRGB8;
  if (c.red == 5 && c.green == 6 && c.blue == 5 && c.alpha == 0) return GL_RGB565;
  if (widest <= 8 && c.alpha <= 8) return c.alpha > 0 ? GL_RGBA8 : GL_RGB8;
  if (widest <= 10 && c.alpha <= 2) return c.alpha > 0 ? GL_RGB10_A2 : GL_RGB10;
  if (widest <= 16 && c.alpha <= 16) return c.alpha > 0 ? GL_RGBA16 : GL_RGB16;
  return std::nullopt;
}

std::optional<GLenum> depth_stencil_format_for(int depth, int stencil) {
  if (stencil > 8) return std::nullopt;
  if (stencil > 0) {
    if (depth == 0) return GL_STENCIL_INDEX8;
    if (depth <= 24) return GL_DEPTH24_STENCIL8;
    if (depth <= 32) return GL_DEPTH32F_STENCIL8;
    return std::nullopt;
  }
  if (depth == 0) return GLenum{0};
  if (depth <= 16) return GL_DEPTH_COMPONENT16;
  if (depth <= 24) return GL_DEPTH_COMPONENT24;
  if (depth <= 32) return GL_DEPTH_COMPONENT32;
  return std::nullopt;
}

int glx_caveat(Caveat c) {
  switch (c) {
    case Caveat::Slow:
      return GLX_SLOW_CONFIG;
    case Caveat::NonConformant:
      return GLX_NON_CONFORMANT_CONFIG;
    case Caveat::NoCaveat:
      break;
  }
  return GLX_NONE;
}

auto traits_key(const EglConfigTraits& c) {
  return std::tuple(c.red, c.green, c.blue, c.alpha, c.depth, c.stencil, c.samples, c.is_float, c.caveat);
}

FBConfigDesc make_desc(const EglConfigTraits& c, const VisualTraits* visual, bool doublebuffer, bool srgb,
                       GLenum color_format, GLenum depth_format, int screen) {
  FBConfigDesc d;
  d.visual_id = visual ? static_cast<int>(visual->visual_id) : 0;
  d.visual_depth = visual ? visual->depth : 0;
  d.x_visual_type = visual ? GLX_TRUE_COLOR : GLX_NONE;
  d.red_size = c.red;
  d.green_size = c.green;
  d.blue_size = c.blue;
  d.alpha_size = c.alpha;
  d.buffer_size = c.red + c.green + c.blue + c.alpha;
  d.doublebuffer = doublebuffer;
  d.depth_size = c.depth;
  d.stencil_size = c.stencil;
  // Packed float has no sign: its own context type (GLX_EXT_fbconfig_packed_float).
  d.render_type = !c.is_float                         ? GLX_RGBA_BIT
                  : color_format == GL_R11F_G11F_B10F ? GLX_RGBA_UNSIGNED_FLOAT_BIT_EXT
                                                      : GLX_RGBA_FLOAT_BIT_ARB;
  d.drawable_type = visual ? (GLX_WINDOW_BIT | GLX_PIXMAP_BIT | GLX_PBUFFER_BIT) : GLX_PBUFFER_BIT;
  d.x_renderable = visual != nullptr;
  d.config_caveat = glx_caveat(c.caveat);
  // Like Mesa: index 0, colour values unspecified, since the type is GLX_NONE.
  d.transparent_type = GLX_NONE;
  d.transparent_red_value = d.transparent_green_value = d.transparent_blue_value = d.transparent_alpha_value =
      GLX_DONT_CARE;
  d.max_pbuffer_width = c.max_pbuffer_width;
  d.max_pbuffer_height = c.max_pbuffer_height;
  d.max_pbuffer_pixels =
      c.max_pbuffer_pixels > 0 ? c.max_pbuffer_pixels : c.max_pbuffer_width * c.max_pbuffer_height;
  d.samples = c.samples > 1 ? c.samples : 0;
  d.sample_buffers = d.samples > 0;
  d.srgb_capable = srgb;
  // Pixmaps exist only with a visual; RGBA binding only when the pixmap itself carries alpha.
  d.bind_to_texture_rgb = visual != nullptr;
  d.bind_to_texture_rgba = visual && visual->depth == d.buffer_size && c.alpha > 0;
  d.bind_to_mipmap_texture = visual != nullptr;
  d.bind_to_texture_targets = GLX_TEXTURE_1D_BIT_EXT | GLX_TEXTURE_2D_BIT_EXT | GLX_TEXTURE_RECTANGLE_BIT_EXT;
  // glXBindTexImageEXT uploads the X image's rows top first: t = 0 is the pixmap's top row.
  d.y_inverted = visual != nullptr ? 1 : GLX_DONT_CARE;
  d.swap_method = GLX_SWAP_UNDEFINED_OML;
  d.screen = screen;
  d.color_format = color_format;
  d.depth_stencil_format = depth_format;
  d.egl_config_id = c.egl_config_id;
  return d;
}

}  // namespace

std::vector<FBConfigDesc> derive_fbconfigs(const std::vector<EglConfigTraits>& egl_configs,
                                           const std::vector<VisualTraits>& visuals, int screen,
                                           FloatConfigs floats) {
  // One visual per class: several identical visuals would only multiply the list.
  std::vector<const VisualTraits*> slots;
  for (const auto& v : visuals) {
    if (v.c_class != kTrueColor || v.visual_id == 0) continue;
    bool dup = false;
    for (const auto* s : slots) dup = dup || same_visual_class(*s, v);
    if (!dup) slots.push_back(&v);
  }

  std::vector<const EglConfigTraits*> unique;
  for (const auto& c : egl_configs) {
    // Float configs are made below from float textures, whatever float configs the device has.
    if (c.is_float) continue;
    bool dup = false;
    for (const auto* u : unique) dup = dup || traits_key(*u) == traits_key(c);
    if (!dup) unique.push_back(&c);
  }

  std::vector<FBConfigDesc> out;
  auto emit = [&](const EglConfigTraits& c, const VisualTraits* visual) {
    auto depth_format = depth_stencil_format_for(c.depth, c.stencil);
    if (!depth_format) {
      log::debug("EGL config {}: no depth/stencil format for {}/{}, skipped", c.egl_config_id, c.depth,
                 c.stencil);
      return;
    }
    const bool srgb_possible = !c.is_float && c.red == 8 && c.green == 8 && c.blue == 8;
    for (bool db : {false, true}) {
      for (bool srgb : {false, true}) {
        if (srgb && !srgb_possible) continue;
        auto color_format = color_format_for(c, srgb);
        if (!color_format) {
          log::debug("EGL config {}: no colour format for {}/{}/{}/{}, skipped", c.egl_config_id, c.red,
                     c.green, c.blue, c.alpha);
          return;
        }
        out.push_back(make_desc(c, visual, db, srgb, *color_format, *depth_format, screen));
        out.back().fbconfig_id = static_cast<int>(out.size());
      }
    }
  };

  std::vector<bool> shown(unique.size(), false);
  for (const auto* slot : slots) {
    for (size_t i = 0; i < unique.size(); ++i) {
      if (!visual_shows(*slot, *unique[i])) continue;
      shown[i] = true;
      emit(*unique[i], slot);
    }
  }
  for (size_t i = 0; i < unique.size(); ++i) {
    if (!shown[i]) emit(*unique[i], nullptr);
  }

  // The float block: the device's ancillary-buffer combinations (first config of each, for its
  // pbuffer limits), each with every float format asked for.
  std::vector<const EglConfigTraits*> ancillary;
  for (const auto* u : unique) {
    bool dup = false;
    for (const auto* a : ancillary)
      dup = dup || std::tuple(a->depth, a->stencil, a->samples, a->caveat) ==
                       std::tuple(u->depth, u->stencil, u->samples, u->caveat);
    if (!dup) ancillary.push_back(u);
  }
  struct FloatFormat {
    int red, green, blue, alpha;
    bool wanted;
  };
  const FloatFormat float_formats[] = {{16, 16, 16, 16, floats.rgba_float},      // GL_RGBA16F
                                       {32, 32, 32, 32, floats.rgba_float},      // GL_RGBA32F
                                       {11, 11, 10, 0, floats.unsigned_float}};  // GL_R11F_G11F_B10F
  for (const auto& f : float_formats) {
    if (!f.wanted) continue;
    for (const auto* a : ancillary) {
      EglConfigTraits t = *a;
      t.red = f.red, t.green = f.green, t.blue = f.blue, t.alpha = f.alpha;
      t.is_float = true;
      emit(t, nullptr);
    }
  }
  log::debug("derived {} FBConfigs from {} EGL configs and {} visual classes", out.size(), unique.size(),
             slots.size());
  return out;
}

int get_fbconfig_attrib(const FBConfigDesc& c, int attribute, int* value) {
  int v = 0;
  switch (attribute) {
    case GLX_FBCONFIG_ID:
      v = c.fbconfig_id;
      break;
    case GLX_VISUAL_ID:
      v = c.visual_id;
      break;
    case GLX_X_VISUAL_TYPE:
      v = c.x_visual_type;
      break;
    case GLX_BUFFER_SIZE:
      v = c.buffer_size;
      break;
    case GLX_LEVEL:
      v = c.level;
      break;
    case GLX_DOUBLEBUFFER:
      v = c.doublebuffer;
      break;
    case GLX_STEREO:
      v = c.stereo;
      break;
    case GLX_AUX_BUFFERS:
      v = c.aux_buffers;
      break;
    case GLX_RED_SIZE:
      v = c.red_size;
      break;
    case GLX_GREEN_SIZE:
      v = c.green_size;
      break;
    case GLX_BLUE_SIZE:
      v = c.blue_size;
      break;
    case GLX_ALPHA_SIZE:
      v = c.alpha_size;
      break;
    case GLX_DEPTH_SIZE:
      v = c.depth_size;
      break;
    case GLX_STENCIL_SIZE:
      v = c.stencil_size;
      break;
    case GLX_ACCUM_RED_SIZE:
      v = c.accum_red_size;
      break;
    case GLX_ACCUM_GREEN_SIZE:
      v = c.accum_green_size;
      break;
    case GLX_ACCUM_BLUE_SIZE:
      v = c.accum_blue_size;
      break;
    case GLX_ACCUM_ALPHA_SIZE:
      v = c.accum_alpha_size;
      break;
    case GLX_RENDER_TYPE:
      v = c.render_type;
      break;
    case GLX_DRAWABLE_TYPE:
      v = c.drawable_type;
      break;
    case GLX_X_RENDERABLE:
      v = c.x_renderable;
      break;
    case GLX_CONFIG_CAVEAT:
      v = c.config_caveat;
      break;
    case GLX_TRANSPARENT_TYPE:
      v = c.transparent_type;
      break;
    case GLX_TRANSPARENT_INDEX_VALUE:
      v = c.transparent_index_value;
      break;
    case GLX_TRANSPARENT_RED_VALUE:
      v = c.transparent_red_value;
      break;
    case GLX_TRANSPARENT_GREEN_VALUE:
      v = c.transparent_green_value;
      break;
    case GLX_TRANSPARENT_BLUE_VALUE:
      v = c.transparent_blue_value;
      break;
    case GLX_TRANSPARENT_ALPHA_VALUE:
      v = c.transparent_alpha_value;
      break;
    case GLX_MAX_PBUFFER_WIDTH:
      v = c.max_pbuffer_width;
      break;
    case GLX_MAX_PBUFFER_HEIGHT:
      v = c.max_pbuffer_height;
      break;
    case GLX_MAX_PBUFFER_PIXELS:
      v = c.max_pbuffer_pixels;
      break;
    case GLX_SAMPLE_BUFFERS:
      v = c.sample_buffers;
      break;
    case GLX_SAMPLES:
      v = c.samples;
      break;
    case GLX_FRAMEBUFFER_SRGB_CAPABLE_ARB:
      v = c.srgb_capable;
      break;
    case GLX_BIND_TO_TEXTURE_RGB_EXT:
      v = c.bind_to_texture_rgb;
      break;
    case GLX_BIND_TO_TEXTURE_RGBA_EXT:
      v = c.bind_to_texture_rgba;
      break;
    case GLX_BIND_TO_MIPMAP_TEXTURE_EXT:
      v = c.bind_to_mipmap_texture;
      break;
    case GLX_BIND_TO_TEXTURE_TARGETS_EXT:
      v = c.bind_to_texture_targets;
      break;
    case GLX_Y_INVERTED_EXT:
      v = c.y_inverted;
      break;
    case GLX_SWAP_METHOD_OML:
      v = c.swap_method;
      break;
    case GLX_VISUAL_SELECT_GROUP_SGIX:
      v = c.visual_select_group;
      break;
    case GLX_SCREEN:
      v = c.screen;
      break;
    default:
      return GLX_BAD_ATTRIBUTE;
  }
  *value = v;
  return Success;
}

int get_visual_config_attrib(const FBConfigDesc& c, int attribute, int* value) {
  switch (attribute) {
    case GLX_USE_GL:
      *value = c.visual_id != 0;
      return Success;
    case GLX_RGBA:
      *value = (c.render_type & GLX_RGBA_BIT) != 0;
      return Success;
    default:
      return get_fbconfig_attrib(c, attribute, value);
  }
}

const FBConfigDesc* config_for_visual(const std::vector<FBConfigDesc>& configs, const VisualTraits& visual) {
  if (visual.c_class != kTrueColor) return nullptr;
  // Lexicographic preference: this very visual, double-buffered, single-sampled, plain (not sRGB),
  // depth 24 with stencil 8 (what apps usually ask for), then no alpha beyond the visual.
  auto score = [&](const FBConfigDesc& c) {
    return std::tuple(c.visual_id == static_cast<int>(visual.visual_id), c.doublebuffer, c.samples == 0,
                      !c.srgb_capable, c.depth_size == 24, c.stencil_size, -c.alpha_size, -c.fbconfig_id);
  };
  const FBConfigDesc* best = nullptr;
  for (const auto& c : configs) {
    if (c.visual_id == 0 || c.visual_depth != visual.depth) continue;
    if (c.red_size != std::popcount(visual.red_mask) || c.green_size != std::popcount(visual.green_mask) ||
        c.blue_size != std::popcount(visual.blue_mask))
      continue;
    if (!best || score(c) > score(*best)) best = &c;
  }
  return best;
}

const FBConfigDesc* find_fbconfig(const std::vector<FBConfigDesc>& configs, int fbconfig_id) {
  for (const auto& c : configs)
    if (c.fbconfig_id == fbconfig_id) return &c;
  return nullptr;
}

}  // namespace eglrun::glx
