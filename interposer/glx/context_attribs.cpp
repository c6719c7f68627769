#include "glx/context_attribs.hpp"

#include <GL/glx.h>
#include <GL/glxext.h>
#include <fmt/format.h>

namespace eglrun::glx {

namespace {
constexpr int kMaxPairs = 64;

bool known_version(int major, int minor, bool es) {
  // minor >= 0 first: a negative minor would otherwise pass as "at most N" (found by fuzzing).
  if (es) return minor >= 0 && ((major == 2 && minor == 0) || (major == 3 && minor <= 2));
  switch (major) {
    case 1:
      return minor >= 0 && minor <= 5;
    case 2:
      return minor >= 0 && minor <= 1;
    case 3:
      return minor >= 0 && minor <= 3;
    case 4:
      return minor >= 0 && minor <= 6;
    default:
      return false;
  }
}
}  // namespace

bool valid_render_type(int render_type, FloatRenderTypes floats) {
  return render_type == GLX_RGBA_TYPE || render_type == GLX_COLOR_INDEX_TYPE ||
         (render_type == GLX_RGBA_FLOAT_TYPE_ARB && floats.rgba_float) ||
         (render_type == GLX_RGBA_UNSIGNED_FLOAT_TYPE_EXT && floats.rgba_unsigned_float);
}

bool config_supports_render_type(int config_bits, int render_type) {
  switch (render_type) {
    case GLX_RGBA_TYPE:
      return (config_bits & GLX_RGBA_BIT) != 0;
    case GLX_COLOR_INDEX_TYPE:
      return (config_bits & GLX_COLOR_INDEX_BIT) != 0;
    case GLX_RGBA_FLOAT_TYPE_ARB:
      return (config_bits & GLX_RGBA_FLOAT_BIT_ARB) != 0;
    case GLX_RGBA_UNSIGNED_FLOAT_TYPE_EXT:
      return (config_bits & GLX_RGBA_UNSIGNED_FLOAT_BIT_EXT) != 0;
    default:
      return false;
  }
}

int default_render_type(int config_bits) {
  if (config_bits & GLX_RGBA_BIT) return GLX_RGBA_TYPE;
  if (config_bits & GLX_RGBA_FLOAT_BIT_ARB) return GLX_RGBA_FLOAT_TYPE_ARB;
  if (config_bits & GLX_RGBA_UNSIGNED_FLOAT_BIT_EXT) return GLX_RGBA_UNSIGNED_FLOAT_TYPE_EXT;
  return GLX_RGBA_TYPE;
}

ContextAttribsError parse_context_attribs(const int* attribs, bool es_allowed, ContextAttribs* out,
                                          FloatRenderTypes floats) {
  ContextAttribs r;
  int flags = 0;
  int profile = GLX_CONTEXT_CORE_PROFILE_BIT_ARB;
  bool profile_given = false;
  auto bad = [](ContextAttribsError::Kind k, std::string m) { return ContextAttribsError{k, std::move(m)}; };
  int pairs = 0;
  for (const int* a = attribs; a != nullptr && a[0] != None; a += 2, ++pairs) {
    if (pairs >= kMaxPairs)
      return bad(ContextAttribsError::kBadValue, "attribute list has no terminating None");
    const int name = a[0], value = a[1];
    switch (name) {
      case GLX_CONTEXT_MAJOR_VERSION_ARB:
        r.request.major = value;
        break;
      case GLX_CONTEXT_MINOR_VERSION_ARB:
        r.request.minor = value;
        break;
      case GLX_CONTEXT_FLAGS_ARB:
        flags = value;
        break;
      case GLX_CONTEXT_PROFILE_MASK_ARB:
        profile = value;
        profile_given = true;
        break;
      case GLX_RENDER_TYPE:
        r.render_type = value;
        r.render_type_given = true;
        break;
      case GLX_SCREEN:
        r.screen = value;
        break;
      case GLX_CONTEXT_RESET_NOTIFICATION_STRATEGY_ARB:
        // The extension names no error; BadMatch as for other undefined feature sets (piglit and
        // NVIDIA's driver agree).
        if (value != GLX_NO_RESET_NOTIFICATION_ARB && value != GLX_LOSE_CONTEXT_ON_RESET_ARB)
          return bad(ContextAttribsError::kBadMatch,
                     fmt::format("reset notification strategy 0x{:x} is unknown", value));
        r.request.lose_context_on_reset = value == GLX_LOSE_CONTEXT_ON_RESET_ARB;
        break;
      case GLX_CONTEXT_OPENGL_NO_ERROR_ARB:
        r.request.no_error = value != 0;
        break;
      case GLX_CONTEXT_RELEASE_BEHAVIOR_ARB:
        if (value != GLX_CONTEXT_RELEASE_BEHAVIOR_NONE_ARB && value != GLX_CONTEXT_RELEASE_BEHAVIOR_FLUSH_ARB)
          return bad(ContextAttribsError::kBadValue,
                     fmt::format("release behaviour 0x{:x} is unknown", value));
        r.request.flush_none = value == GLX_CONTEXT_RELEASE_BEHAVIOR_NONE_ARB;
        break;
      default:
        return bad(ContextAttribsError::kBadValue, fmt::format("attribute 0x{:x} is unknown", name));
    }
  }
  const int known_flags =
      GLX_CONTEXT_DEBUG_BIT_ARB | GLX_CONTEXT_FORWARD_COMPATIBLE_BIT_ARB | GLX_CONTEXT_ROBUST_ACCESS_BIT_ARB;
  if (flags & ~known_flags)
    return bad(ContextAttribsError::kBadValue, fmt::format("context flags 0x{:x} are unknown", flags));
  r.request.debug = flags & GLX_CONTEXT_DEBUG_BIT_ARB;
  r.request.forward_compatible = flags & GLX_CONTEXT_FORWARD_COMPATIBLE_BIT_ARB;
  r.request.robust_access = flags & GLX_CONTEXT_ROBUST_ACCESS_BIT_ARB;
  if (!valid_render_type(r.render_type, floats))
    return bad(ContextAttribsError::kBadValue, fmt::format("render type 0x{:x} is not valid", r.render_type));
  // A valid type no config has (every config is RGBA), and undefined from OpenGL 3.0 on: BadMatch.
  if (r.render_type == GLX_COLOR_INDEX_TYPE)
    return bad(ContextAttribsError::kBadMatch, "colour-index contexts are not supported");

  const bool es = profile == GLX_CONTEXT_ES_PROFILE_BIT_EXT;
  if (profile_given) {
    const int valid = GLX_CONTEXT_CORE_PROFILE_BIT_ARB | GLX_CONTEXT_COMPATIBILITY_PROFILE_BIT_ARB |
                      (es_allowed ? GLX_CONTEXT_ES_PROFILE_BIT_EXT : 0);
    // Exactly one known bit, whatever the version: below desktop 3.2 a valid profile is ignored, but
    // an invalid mask is still GLXBadProfileARB (GLX_ARB_create_context_profile lists no exception).
    // Unsigned: profile - 1 overflows for INT_MIN (found by fuzzing).
    const auto bits = static_cast<unsigned>(profile);
    const bool one_bit = bits != 0 && (bits & (bits - 1)) == 0 && (profile & ~valid) == 0;
    if (!one_bit)
      return bad(ContextAttribsError::kBadProfile,
                 fmt::format("profile mask 0x{:x} is not supported", profile));
  }
  // OpenGL ES 1.x exists, but the default framebuffer emulation (FBOs) needs ES 2.0 or later.
  if (es && r.request.major == 1)
    return bad(ContextAttribsError::kBadMatch,
               "OpenGL ES 1.x contexts are not supported (ES 2.0 or later only)");
  if (!known_version(r.request.major, r.request.minor, es))
    return bad(ContextAttribsError::kBadMatch,
               fmt::format("OpenGL{} version {}.{} does not exist", es ? " ES" : "", r.request.major,
                           r.request.minor));
  if (r.request.forward_compatible && !es && r.request.major < 3)
    return bad(ContextAttribsError::kBadMatch, "forward-compatible contexts need OpenGL 3.0 or later");
  r.request.es_profile = es;
  const bool versioned_profile =
      !es && (r.request.major > 3 || (r.request.major == 3 && r.request.minor >= 2));
  r.request.core_profile = versioned_profile && profile == GLX_CONTEXT_CORE_PROFILE_BIT_ARB;
  // 3.1 without GL_ARB_compatibility is what a 3.1 request gets; EGL decides, as GLX drivers do.
  *out = r;
  return {};
}

}  // namespace eglrun::glx
