// Parsing glXCreateContextAttribsARB's attribute list (GLX_ARB_create_context and its extensions).
#pragma once

#include <string>

#include "egl/backend.hpp"

namespace eglrun::glx {

struct ContextAttribs {
  egl::ContextRequest request;
  int render_type = 0x8014;  // GLX_RGBA_TYPE
  int screen = -1;           // GLX_SCREEN, when given
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

// `es_allowed`: GLX_EXT_create_context_es(2)_profile is advertised. A null list is the defaults.
ContextAttribsError parse_context_attribs(const int* attribs, bool es_allowed, ContextAttribs* out,
                                          FloatRenderTypes floats = {});

}  // namespace eglrun::glx
