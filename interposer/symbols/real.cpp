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
#define DL_ENTRYPOINT(name) decltype(&::name) name##_fn = nullptr;
#include "symbols/dl_entrypoints.inc"
#undef DL_ENTRYPOINT
#define XCB_ENTRYPOINT(name) decltype(&::name) name##_fn = nullptr;
#include "symbols/xcb_entrypoints.inc"
#undef XCB_ENTRYPOINT

void resolve_dl() {
  static std::once_flag once;
  std::call_once(once, [] {
    // libc has dlsym@@GLIBC_2.34 (libdl merged into libc) and the older dlsym@GLIBC_2.2.5.
    void* p = dlvsym(RTLD_NEXT, "dlsym", "GLIBC_2.34");
    if (p == nullptr) p = dlvsym(RTLD_NEXT, "dlsym", "GLIBC_2.2.5");
    dlsym_fn = reinterpret_cast<decltype(dlsym_fn)>(p);
  });
}

void resolve_xcb() {
  static std::once_flag once;
  std::call_once(once, [] {
    resolve_dl();
#define XCB_ENTRYPOINT(name) name##_fn = reinterpret_cast<decltype(name##_fn)>(dlsym_fn(RTLD_NEXT, #name));
#include "symbols/xcb_entrypoints.inc"
#undef XCB_ENTRYPOINT
  });
}

void resolve_x11() {
  static std::once_flag once;
  std::call_once(once, [] {
    resolve_dl();
#define X11_ENTRYPOINT(name)                                                     \
  name##_fn = reinterpret_cast<decltype(name##_fn)>(dlsym_fn(RTLD_NEXT, #name)); \
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
