#include "symbols/real.hpp"

#include <EGL/egl.h>
#include <dlfcn.h>

#include <mutex>

#include "log/log.hpp"

namespace eglrun::real {

#define X11_ENTRYPOINT(name) decltype(&::name) name##_fn = nullptr;
#include "symbols/x11_entrypoints.inc"
#undef X11_ENTRYPOINT
#define GL_ENTRYPOINT(name) decltype(&::name) name##_fn = nullptr;
#include "symbols/gl_entrypoints.inc"
#undef GL_ENTRYPOINT
#define GL_INTERNAL(name) decltype(&::name) name##_fn = nullptr;
#include "symbols/gl_internal.inc"
#undef GL_INTERNAL

void resolve_x11() {
  static std::once_flag once;
  std::call_once(once, [] {
#define X11_ENTRYPOINT(name)                                                       \
  name##_fn = reinterpret_cast<decltype(name##_fn)>(dlsym(RTLD_NEXT, #name));      \
  if (name##_fn == nullptr) log::error("cannot find the real {} (is libX11 loaded?)", #name);
#include "symbols/x11_entrypoints.inc"
#undef X11_ENTRYPOINT
  });
}

void resolve_gl() {
  static std::once_flag once;
  std::call_once(once, [] {
    // eglGetProcAddress hands out libglvnd's dispatch stubs: they reach whichever EGL context is
    // current in the calling thread, and never an export of this library.
#define GL_ENTRYPOINT(name) name##_fn = reinterpret_cast<decltype(name##_fn)>(eglGetProcAddress(#name));
#include "symbols/gl_entrypoints.inc"
#undef GL_ENTRYPOINT
#define GL_INTERNAL(name) name##_fn = reinterpret_cast<decltype(name##_fn)>(eglGetProcAddress(#name));
#include "symbols/gl_internal.inc"
#undef GL_INTERNAL
  });
}

}  // namespace eglrun::real
