#include "glx/attrib_list.hpp"

#include <GL/glx.h>
#include <GL/glxext.h>
#include <fmt/format.h>

#include <algorithm>
#include <array>

namespace eglrun::glx {
namespace {

using C = Criterion;
using K = ValueKind;
using D = FBConfigDesc;
constexpr int kDontCare = static_cast<int>(GLX_DONT_CARE);

// Defaults and criteria follow GLX 1.4 table 3.4 for glXChooseFBConfig and the glXChooseVisual rules
// (booleans False, sizes 0, extension attributes "don't care"). Columns: token, name, criterion, kind,
// FBConfig default, visual default, field, in FBConfig list, in visual list, legacy flag.
constexpr AttribInfo kTable[] = {
    {GLX_USE_GL, "GLX_USE_GL", C::Ignore, K::Boolean, 0, 1, nullptr, false, true, true},
    {GLX_RGBA, "GLX_RGBA", C::Ignore, K::Boolean, 0, 0, nullptr, false, true, true},
    {GLX_FBCONFIG_ID, "GLX_FBCONFIG_ID", C::Exact, K::Any, kDontCare, kDontCare, &D::fbconfig_id, true, false,
     false},
    {GLX_BUFFER_SIZE, "GLX_BUFFER_SIZE", C::Minimum, K::Size, 0, 0, &D::buffer_size, true, true, false},
    {GLX_LEVEL, "GLX_LEVEL", C::Exact, K::Any, 0, 0, &D::level, true, true, false},
    {GLX_DOUBLEBUFFER, "GLX_DOUBLEBUFFER", C::Exact, K::Boolean, kDontCare, 0, &D::doublebuffer, true, true,
     true},
    {GLX_STEREO, "GLX_STEREO", C::Exact, K::Boolean, 0, 0, &D::stereo, true, true, true},
    {GLX_AUX_BUFFERS, "GLX_AUX_BUFFERS", C::Minimum, K::Size, 0, 0, &D::aux_buffers, true, true, false},
    {GLX_RED_SIZE, "GLX_RED_SIZE", C::Minimum, K::Size, 0, 0, &D::red_size, true, true, false},
    {GLX_GREEN_SIZE, "GLX_GREEN_SIZE", C::Minimum, K::Size, 0, 0, &D::green_size, true, true, false},
    {GLX_BLUE_SIZE, "GLX_BLUE_SIZE", C::Minimum, K::Size, 0, 0, &D::blue_size, true, true, false},
    {GLX_ALPHA_SIZE, "GLX_ALPHA_SIZE", C::Minimum, K::Size, 0, 0, &D::alpha_size, true, true, false},
    {GLX_DEPTH_SIZE, "GLX_DEPTH_SIZE", C::Minimum, K::Size, 0, 0, &D::depth_size, true, true, false},
    {GLX_STENCIL_SIZE, "GLX_STENCIL_SIZE", C::Minimum, K::Size, 0, 0, &D::stencil_size, true, true, false},
    {GLX_ACCUM_RED_SIZE, "GLX_ACCUM_RED_SIZE", C::Minimum, K::Size, 0, 0, &D::accum_red_size, true, true,
     false},
    {GLX_ACCUM_GREEN_SIZE, "GLX_ACCUM_GREEN_SIZE", C::Minimum, K::Size, 0, 0, &D::accum_green_size, true,
     true, false},
    {GLX_ACCUM_BLUE_SIZE, "GLX_ACCUM_BLUE_SIZE", C::Minimum, K::Size, 0, 0, &D::accum_blue_size, true, true,
     false},
    {GLX_ACCUM_ALPHA_SIZE, "GLX_ACCUM_ALPHA_SIZE", C::Minimum, K::Size, 0, 0, &D::accum_alpha_size, true,
     true, false},
    {GLX_SAMPLE_BUFFERS, "GLX_SAMPLE_BUFFERS", C::Minimum, K::Size, 0, 0, &D::sample_buffers, true, true,
     false},
    {GLX_SAMPLES, "GLX_SAMPLES", C::Minimum, K::Size, 0, 0, &D::samples, true, true, false},
    {GLX_RENDER_TYPE, "GLX_RENDER_TYPE", C::Mask, K::Bits, GLX_RGBA_BIT, GLX_RGBA_BIT, &D::render_type, true,
     false, false},
    {GLX_DRAWABLE_TYPE, "GLX_DRAWABLE_TYPE", C::Mask, K::Bits, GLX_WINDOW_BIT, GLX_WINDOW_BIT,
     &D::drawable_type, true, false, false},
    {GLX_X_RENDERABLE, "GLX_X_RENDERABLE", C::Exact, K::Boolean, kDontCare, kDontCare, &D::x_renderable, true,
     false, false},
    {GLX_X_VISUAL_TYPE, "GLX_X_VISUAL_TYPE", C::Exact, K::Enum, kDontCare, kDontCare, &D::x_visual_type, true,
     true, false},
    {GLX_CONFIG_CAVEAT, "GLX_CONFIG_CAVEAT", C::Exact, K::Enum, kDontCare, kDontCare, &D::config_caveat, true,
     true, false},
    {GLX_TRANSPARENT_TYPE, "GLX_TRANSPARENT_TYPE", C::Exact, K::Enum, GLX_NONE, GLX_NONE,
     &D::transparent_type, true, true, false},
    {GLX_TRANSPARENT_INDEX_VALUE, "GLX_TRANSPARENT_INDEX_VALUE", C::Transparent, K::Any, kDontCare, kDontCare,
     &D::transparent_index_value, true, true, false},
    {GLX_TRANSPARENT_RED_VALUE, "GLX_TRANSPARENT_RED_VALUE", C::Transparent, K::Any, kDontCare, kDontCare,
     &D::transparent_red_value, true, true, false},
    {GLX_TRANSPARENT_GREEN_VALUE, "GLX_TRANSPARENT_GREEN_VALUE", C::Transparent, K::Any, kDontCare, kDontCare,
     &D::transparent_green_value, true, true, false},
    {GLX_TRANSPARENT_BLUE_VALUE, "GLX_TRANSPARENT_BLUE_VALUE", C::Transparent, K::Any, kDontCare, kDontCare,
     &D::transparent_blue_value, true, true, false},
    {GLX_TRANSPARENT_ALPHA_VALUE, "GLX_TRANSPARENT_ALPHA_VALUE", C::Transparent, K::Any, kDontCare, kDontCare,
     &D::transparent_alpha_value, true, true, false},
    // Read-only in GLX 1.4: accepted so lists that mention them still work, never filtered on.
    {GLX_VISUAL_ID, "GLX_VISUAL_ID", C::Ignore, K::Any, kDontCare, kDontCare, &D::visual_id, true, false,
     false},
    {GLX_MAX_PBUFFER_WIDTH, "GLX_MAX_PBUFFER_WIDTH", C::Ignore, K::Any, kDontCare, kDontCare,
     &D::max_pbuffer_width, true, false, false},
    {GLX_MAX_PBUFFER_HEIGHT, "GLX_MAX_PBUFFER_HEIGHT", C::Ignore, K::Any, kDontCare, kDontCare,
     &D::max_pbuffer_height, true, false, false},
    {GLX_MAX_PBUFFER_PIXELS, "GLX_MAX_PBUFFER_PIXELS", C::Ignore, K::Any, kDontCare, kDontCare,
     &D::max_pbuffer_pixels, true, false, false},
    {GLX_VISUAL_SELECT_GROUP_SGIX, "GLX_VISUAL_SELECT_GROUP_SGIX", C::Ignore, K::Any, kDontCare, kDontCare,
     &D::visual_select_group, true, false, false},
    // Extensions: GLX_ARB_framebuffer_sRGB, GLX_EXT_texture_from_pixmap, GLX_OML_swap_method.
    {GLX_FRAMEBUFFER_SRGB_CAPABLE_ARB, "GLX_FRAMEBUFFER_SRGB_CAPABLE_ARB", C::Exact, K::Boolean, kDontCare,
     kDontCare, &D::srgb_capable, true, true, false},
    {GLX_BIND_TO_TEXTURE_RGB_EXT, "GLX_BIND_TO_TEXTURE_RGB_EXT", C::Exact, K::Boolean, kDontCare, kDontCare,
     &D::bind_to_texture_rgb, true, false, false},
    {GLX_BIND_TO_TEXTURE_RGBA_EXT, "GLX_BIND_TO_TEXTURE_RGBA_EXT", C::Exact, K::Boolean, kDontCare, kDontCare,
     &D::bind_to_texture_rgba, true, false, false},
    {GLX_BIND_TO_MIPMAP_TEXTURE_EXT, "GLX_BIND_TO_MIPMAP_TEXTURE_EXT", C::Exact, K::Boolean, kDontCare,
     kDontCare, &D::bind_to_mipmap_texture, true, false, false},
    {GLX_BIND_TO_TEXTURE_TARGETS_EXT, "GLX_BIND_TO_TEXTURE_TARGETS_EXT", C::Mask, K::Bits, kDontCare,
     kDontCare, &D::bind_to_texture_targets, true, false, false},
    {GLX_Y_INVERTED_EXT, "GLX_Y_INVERTED_EXT", C::Exact, K::Boolean, kDontCare, kDontCare, &D::y_inverted,
     true, false, false},
    {GLX_SWAP_METHOD_OML, "GLX_SWAP_METHOD_OML", C::Exact, K::Enum, kDontCare, kDontCare, &D::swap_method,
     true, false, false},
};

bool enum_value_ok(int token, int value) {
  if (value == kDontCare) return true;
  auto in = [value](std::initializer_list<int> allowed) {
    return std::find(allowed.begin(), allowed.end(), value) != allowed.end();
  };
  switch (token) {
    case GLX_X_VISUAL_TYPE:
      return in({GLX_TRUE_COLOR, GLX_DIRECT_COLOR, GLX_PSEUDO_COLOR, GLX_STATIC_COLOR, GLX_GRAY_SCALE,
                 GLX_STATIC_GRAY, GLX_NONE});
    case GLX_CONFIG_CAVEAT:
      return in({GLX_NONE, GLX_SLOW_CONFIG, GLX_NON_CONFORMANT_CONFIG});
    case GLX_TRANSPARENT_TYPE:
      return in({GLX_NONE, GLX_TRANSPARENT_RGB, GLX_TRANSPARENT_INDEX});
    case GLX_SWAP_METHOD_OML:
      return in({GLX_SWAP_EXCHANGE_OML, GLX_SWAP_COPY_OML, GLX_SWAP_UNDEFINED_OML});
    default:
      return false;
  }
}

// Checks and normalises one value; false when it is out of range for the attribute.
bool check_value(const AttribInfo& info, int* value) {
  switch (info.kind) {
    case K::Size:
      return *value >= 0 || *value == kDontCare;
    case K::Boolean:
      if (*value != kDontCare) *value = *value != 0;
      return true;
    case K::Enum:
      return enum_value_ok(info.token, *value);
    case K::Bits:
    case K::Any:
      return true;
  }
  return false;
}

}  // namespace

std::span<const AttribInfo> attrib_table() { return kTable; }

const AttribInfo* find_attrib_info(int token) {
  for (const auto& info : kTable)
    if (info.token == token) return &info;
  return nullptr;
}

int parse_attrib_list(const int* list, AttribListStyle style, std::vector<AttribEntry>* out,
                      std::string* error) {
  out->clear();
  if (!list) return Success;
  const bool legacy = style == AttribListStyle::Visual;
  size_t pos = 0;
  for (int n = 0; n < kMaxAttribPairs; ++n) {
    const int token = list[pos];
    if (token == None) return Success;
    const AttribInfo* info = find_attrib_info(token);
    const bool allowed = info && (legacy ? info->in_visual_list : info->in_fbconfig_list);
    if (!allowed) {
      if (error)
        *error = fmt::format("unknown GLX attribute {:#x} at position {} of the {} attribute list", token,
                             pos, legacy ? "glXChooseVisual" : "glXChooseFBConfig");
      return GLX_BAD_ATTRIBUTE;
    }
    if (legacy && info->visual_flag) {
      out->push_back({token, 1});
      pos += 1;
      continue;
    }
    int value = list[pos + 1];
    if (!check_value(*info, &value)) {
      if (error) *error = fmt::format("bad value {} ({:#x}) for {} ({:#x})", value, value, info->name, token);
      return GLX_BAD_VALUE;
    }
    out->push_back({token, value});
    pos += 2;
  }
  if (error) *error = fmt::format("GLX attribute list has no None within {} attributes", kMaxAttribPairs);
  return GLX_BAD_ATTRIBUTE;
}

}  // namespace eglrun::glx
