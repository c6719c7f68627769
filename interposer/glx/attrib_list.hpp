// Parsing of the attribute lists apps hand to glXChooseFBConfig and glXChooseVisual, which are
// untrusted: bounded length, known attributes only, values checked.
#pragma once

#include <span>
#include <string>
#include <vector>

#include "glx/fbconfig.hpp"

namespace eglrun::glx {

// A list without None within this many attributes is rejected instead of read on forever.
inline constexpr int kMaxAttribPairs = 256;

enum class AttribListStyle {
  FBConfig,  // glXChooseFBConfig: every attribute is followed by a value
  Visual,    // glXChooseVisual: GLX_USE_GL, GLX_RGBA, GLX_DOUBLEBUFFER, GLX_STEREO take no value
};

// How a requested value selects configs (GLX 1.4 table 3.4).
enum class Criterion {
  Exact,
  Minimum,
  Mask,         // the config has all requested bits
  Transparent,  // exact, but only considered when GLX_TRANSPARENT_TYPE asks for that kind
  Ignore,       // accepted, never filters
};

// What values are acceptable; a value outside gives GLX_BAD_VALUE.
enum class ValueKind { Size, Boolean, Enum, Bits, Any };

struct AttribInfo {
  int token;
  const char* name;
  Criterion criterion;
  ValueKind kind;
  int fbconfig_default;      // glXChooseFBConfig's default
  int visual_default;        // glXChooseVisual's default
  int FBConfigDesc::*field;  // nullptr for GLX_USE_GL / GLX_RGBA
  bool in_fbconfig_list;
  bool in_visual_list;
  bool visual_flag;  // glXChooseVisual boolean that takes no value
};

std::span<const AttribInfo> attrib_table();
const AttribInfo* find_attrib_info(int token);

struct AttribEntry {
  int attribute;
  int value;  // booleans normalised to 0/1 (GLX_DONT_CARE kept); flags of the legacy list read as 1
};

// Success, GLX_BAD_ATTRIBUTE (unknown attribute, or no None within kMaxAttribPairs) or GLX_BAD_VALUE.
// `error` gets a message naming the attribute in hex. A null list parses as empty.
int parse_attrib_list(const int* list, AttribListStyle style, std::vector<AttribEntry>* out,
                      std::string* error);

}  // namespace eglrun::glx
