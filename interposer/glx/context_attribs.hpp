// Parsing glXCreateContextAttribsARB's attribute list (GLX_ARB_create_context and its extensions).
#pragma once

#include <string>

#include "egl/backend.hpp"

namespace eglrun::glx {

struct ContextAttribs {
  egl::ContextRequest request;
  int render_type = 0x8014;  // GLX_RGBA_TYPE
  bool render_type_given = false;
  int screen = -1;  // GLX_SCREEN, when given
};

// What went wrong, as the X error the specification prescribes.
struct ContextAttribsError {
  enum Kind { kNone, kBadValue, kBadMatch, kBadProfile } kind = kNone;
  std::string message;
};

// Float render types exist only while their extension is advertised (GLX_ARB_fbconfig_float,
// GLX_EXT_fbconfig_packed_float); otherwise they are invalid render types (BadValue).
struct FloatRenderTypes {
  bool rgba_float = false;
  bool rgba_unsigned_float = false;
};

// A render type token glXCreateNewContext / GLX_RENDER_TYPE accept: GLX_RGBA_TYPE, GLX_COLOR_INDEX_TYPE,
// and the float types while advertised.
bool valid_render_type(int render_type, FloatRenderTypes floats);

// Whether a config whose GLX_RENDER_TYPE bits are `config_bits` can back a context of `render_type`
// (a valid type). Float configs have only their float bit, as the extensions allow.
bool config_supports_render_type(int config_bits, int render_type);

// The context type a config implies when the application names none: its float type for float
// configs (so glXCreateContextAttribsARB without GLX_RENDER_TYPE works on them), else GLX_RGBA_TYPE.
int default_render_type(int config_bits);

// `es_allowed`: GLX_EXT_create_context_es(2)_profile is advertised. A null list is the defaults.
ContextAttribsError parse_context_attribs(const int* attribs, bool es_allowed, ContextAttribs* out,
                                          FloatRenderTypes floats = {});

}  // namespace eglrun::glx
