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

// `es_allowed`: GLX_EXT_create_context_es(2)_profile is advertised. A null list is the defaults.
ContextAttribsError parse_context_attribs(const int* attribs, bool es_allowed, ContextAttribs* out);

}  // namespace eglrun::glx
