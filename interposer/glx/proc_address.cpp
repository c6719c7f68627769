// glXGetProcAddress: eglrun's own functions for every name it exports (GLX and the GL calls it
// intercepts), the EGL device's GL for everything else. Built from the same lists as the exports.
#define GLX_GLXEXT_PROTOTYPES 1
#define GL_GLEXT_PROTOTYPES 1
#include <EGL/egl.h>
#include <GL/gl.h>
#include <GL/glext.h>
#include <GL/glx.h>
#include <GL/glxext.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <string_view>

#include "entry.hpp"
#include "export.hpp"
#include "symbols/real.hpp"

namespace {

struct ProcEntry {
  std::string_view name;
  __GLXextFuncPtr address;
};

// -Bsymbolic-functions binds these addresses to this library's definitions.
auto make_table() {
  std::array table{
#define GLX_ENTRYPOINT(name) ProcEntry{#name, reinterpret_cast<__GLXextFuncPtr>(&::name)},
#define GL_ENTRYPOINT(name) ProcEntry{#name, reinterpret_cast<__GLXextFuncPtr>(&::name)},
#include "symbols/gl_entrypoints.inc"
#include "symbols/glx_entrypoints.inc"
#undef GLX_ENTRYPOINT
#undef GL_ENTRYPOINT
  };
  return table;
}

const auto& sorted_table() {
  static const auto table = [] {
    auto t = make_table();
    std::sort(t.begin(), t.end(), [](const ProcEntry& a, const ProcEntry& b) { return a.name < b.name; });
    return t;
  }();
  return table;
}

__GLXextFuncPtr lookup(const GLubyte* proc_name) {
  if (proc_name == nullptr) return nullptr;
  std::string_view name(reinterpret_cast<const char*>(proc_name));
  const auto& t = sorted_table();
  auto it = std::lower_bound(t.begin(), t.end(), name,
                             [](const ProcEntry& e, std::string_view n) { return e.name < n; });
  if (it != t.end() && it->name == name) return it->address;
  // A GLX function eglrun does not implement must not resolve to another GLX's.
  if (name.starts_with("glX")) return nullptr;
  return reinterpret_cast<__GLXextFuncPtr>(eglGetProcAddress(name.data()));
}

}  // namespace

EGLRUN_EXPORT __GLXextFuncPtr glXGetProcAddressARB(const GLubyte* name) {
  return eglrun::entry::call(__func__, [&] { return lookup(name); });
}
EGLRUN_EXPORT __GLXextFuncPtr glXGetProcAddress(const GLubyte* name) {
  return eglrun::entry::call(__func__, [&] { return lookup(name); });
}
