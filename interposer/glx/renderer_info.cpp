#include "glx/renderer_info.hpp"

#include <EGL/egl.h>
#include <unistd.h>

#include <cstdio>
#include <fstream>

#include "egl/backend.hpp"
#include "symbols/real.hpp"

// Last include: poisons every interposed name in the code below.
#include "symbols/poison.hpp"

namespace eglrun::glx {

namespace {

bool try_version(const egl::Backend& b, bool es, bool core, int major, int minor) {
  egl::ContextRequest r;
  r.major = major;
  r.minor = minor;
  r.es_profile = es;
  r.core_profile = core;
  EGLint err = 0;
  EGLContext c = egl::create_context(b, r, EGL_NO_CONTEXT, &err);
  if (c == EGL_NO_CONTEXT) return false;
  eglDestroyContext(b.display, c);
  return true;
}

void highest(const egl::Backend& b, bool es, bool core, const int (*versions)[2], int n, unsigned out[2]) {
  for (int i = 0; i < n; ++i)
    if (try_version(b, es, core, versions[i][0], versions[i][1])) {
      out[0] = static_cast<unsigned>(versions[i][0]);
      out[1] = static_cast<unsigned>(versions[i][1]);
      return;
    }
}

unsigned read_hex(const std::string& path) {
  std::ifstream f(path);
  unsigned v = 0xFFFFFFFF;
  if (f) f >> std::hex >> v;
  return v;
}

RendererInfo probe() {
  RendererInfo info;
  std::string error;
  const auto* b = egl::backend(&error);
  if (b == nullptr) return info;
  EGLContext old_ctx = eglGetCurrentContext();
  EGLDisplay old_dpy = eglGetCurrentDisplay();
  EGLSurface old_draw = eglGetCurrentSurface(EGL_DRAW), old_read = eglGetCurrentSurface(EGL_READ);
  EGLContext c = egl::create_context(*b, egl::ContextRequest{}, EGL_NO_CONTEXT, nullptr);
  if (c != EGL_NO_CONTEXT && eglMakeCurrent(b->display, EGL_NO_SURFACE, EGL_NO_SURFACE, c)) {
    real::resolve_gl();
    auto str = [](GLenum e) {
      const char* s = reinterpret_cast<const char*>(real::glGetString_fn(e));
      return std::string(s ? s : "");
    };
    info.vendor = str(GL_VENDOR);
    info.renderer = str(GL_RENDERER);
    info.version = str(GL_VERSION);
    // "4.5 (Compatibility Profile) Mesa 22.3.6": the driver version is the last dotted number.
    auto pos = info.version.rfind(' ');
    unsigned a = 0, bb = 0, cc = 0;
    if (pos != std::string::npos &&
        std::sscanf(info.version.c_str() + pos + 1, "%u.%u.%u", &a, &bb, &cc) >= 2) {
      info.version_numbers[0] = a;
      info.version_numbers[1] = bb;
      info.version_numbers[2] = cc;
    }
  }
  if (old_ctx != EGL_NO_CONTEXT)
    eglMakeCurrent(old_dpy, old_draw, old_read, old_ctx);
  else
    eglMakeCurrent(b->display, EGL_NO_SURFACE, EGL_NO_SURFACE, EGL_NO_CONTEXT);
  if (c != EGL_NO_CONTEXT) eglDestroyContext(b->display, c);

  static const int desktop[][2] = {{4, 6}, {4, 5}, {4, 4}, {4, 3}, {4, 2}, {4, 1}, {4, 0}, {3, 3}, {3, 2}};
  static const int compat[][2] = {{4, 6}, {4, 5}, {4, 4}, {4, 3}, {4, 2}, {4, 1}, {4, 0},
                                  {3, 3}, {3, 2}, {3, 1}, {3, 0}, {2, 1}, {2, 0}, {1, 5}};
  static const int es2[][2] = {{3, 2}, {3, 1}, {3, 0}, {2, 0}};
  static const int es1[][2] = {{1, 1}, {1, 0}};
  highest(*b, false, true, desktop, 9, info.core_max);
  highest(*b, false, false, compat, 14, info.compat_max);
  highest(*b, true, false, es2, 4, info.es2_max);
  highest(*b, true, false, es1, 2, info.es1_max);
  info.accelerated = !b->device.software;
  if (!b->device.pci_address.empty()) {
    info.vendor_id = read_hex("/sys/bus/pci/devices/" + b->device.pci_address + "/vendor");
    info.device_id = read_hex("/sys/bus/pci/devices/" + b->device.pci_address + "/device");
  }
  if (b->device.software) {
    // A software renderer's memory is the machine's.
    long pages = sysconf(_SC_PHYS_PAGES), page = sysconf(_SC_PAGE_SIZE);
    info.video_memory_mb = static_cast<unsigned>((static_cast<unsigned long long>(pages) * page) >> 20);
    info.unified_memory = true;
  }
  info.valid = true;
  return info;
}

}  // namespace

const RendererInfo& renderer_info() {
  static const RendererInfo info = probe();
  return info;
}

}  // namespace eglrun::glx
