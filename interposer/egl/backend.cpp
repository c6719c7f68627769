#include "egl/backend.hpp"

#include <cstring>
#include <mutex>
#include <vector>

#include "config/settings.hpp"
#include "diagnostics/object_counts.hpp"
#include "log/log.hpp"

namespace eglrun::egl {
namespace {

bool has_extension(const char* list, const char* name) {
  if (list == nullptr) return false;
  size_t n = std::strlen(name);
  for (const char* p = list; (p = std::strstr(p, name)) != nullptr; p += n)
    if ((p == list || p[-1] == ' ') && (p[n] == ' ' || p[n] == '\0')) return true;
  return false;
}

struct Opened {
  Backend backend;
  std::string error;
  bool ok = false;
};

Opened open_backend() {
  Opened o;
  const auto& s = config::settings();
  o.backend.display = open_device_display(s.device, &o.backend.device, &o.error);
  if (o.backend.display == EGL_NO_DISPLAY) return o;
  eglInitialize(o.backend.display, &o.backend.egl_major, &o.backend.egl_minor);
  const char* ext = eglQueryString(o.backend.display, EGL_EXTENSIONS);
  if (!has_extension(ext, "EGL_KHR_no_config_context") &&
      !has_extension(ext, "EGL_MESA_configless_context")) {
    o.error =
        "the EGL device does not support config-less contexts (EGL_KHR_no_config_context), which eglrun "
        "needs";
    return o;
  }
  if (!has_extension(ext, "EGL_KHR_surfaceless_context")) {
    o.error =
        "the EGL device does not support surfaceless contexts (EGL_KHR_surfaceless_context), which eglrun "
        "needs";
    return o;
  }
  if (!has_extension(ext, "EGL_KHR_gl_texture_2D_image") || !has_extension(ext, "EGL_KHR_image_base")) {
    o.error =
        "the EGL device cannot share textures as images (EGL_KHR_gl_texture_2D_image), which eglrun needs";
    return o;
  }
  o.backend.has_robustness = has_extension(ext, "EGL_EXT_create_context_robustness");
  o.backend.has_no_error = has_extension(ext, "EGL_KHR_create_context_no_error");
  o.backend.has_flush_control = has_extension(ext, "EGL_KHR_context_flush_control");
  o.backend.create_image = reinterpret_cast<PFNEGLCREATEIMAGEKHRPROC>(eglGetProcAddress("eglCreateImageKHR"));
  o.backend.destroy_image =
      reinterpret_cast<PFNEGLDESTROYIMAGEKHRPROC>(eglGetProcAddress("eglDestroyImageKHR"));
  if (!eglBindAPI(EGL_OPENGL_API)) {
    o.error = "the EGL device does not offer desktop OpenGL (eglBindAPI(EGL_OPENGL_API) failed)";
    return o;
  }
  log::debug("EGL {}.{} on device egl{} ({})", o.backend.egl_major, o.backend.egl_minor,
             o.backend.device.index, o.backend.device.vendor);
  o.ok = true;
  return o;
}

}  // namespace

const Backend* backend(std::string* error) {
  static Opened opened = open_backend();
  if (!opened.ok) {
    if (error) *error = opened.error;
    return nullptr;
  }
  return &opened.backend;
}

EGLContext create_context(const Backend& b, const ContextRequest& r, EGLContext share, EGLint* egl_error) {
  // EGL's current API is per thread: bind it in the thread that creates the context.
  eglBindAPI(r.es_profile ? EGL_OPENGL_ES_API : EGL_OPENGL_API);
  std::vector<EGLint> a;
  a.insert(a.end(), {EGL_CONTEXT_MAJOR_VERSION, r.major, EGL_CONTEXT_MINOR_VERSION, r.minor});
  if (!r.es_profile) {
    a.insert(a.end(), {EGL_CONTEXT_OPENGL_PROFILE_MASK, r.core_profile
                                                            ? EGL_CONTEXT_OPENGL_CORE_PROFILE_BIT
                                                            : EGL_CONTEXT_OPENGL_COMPATIBILITY_PROFILE_BIT});
    if (r.forward_compatible) a.insert(a.end(), {EGL_CONTEXT_OPENGL_FORWARD_COMPATIBLE, EGL_TRUE});
  }
  if (r.debug) a.insert(a.end(), {EGL_CONTEXT_OPENGL_DEBUG, EGL_TRUE});
  if (r.robust_access) a.insert(a.end(), {EGL_CONTEXT_OPENGL_ROBUST_ACCESS, EGL_TRUE});
  if (r.lose_context_on_reset)
    a.insert(a.end(), {EGL_CONTEXT_OPENGL_RESET_NOTIFICATION_STRATEGY, EGL_LOSE_CONTEXT_ON_RESET});
  if (r.no_error) a.insert(a.end(), {EGL_CONTEXT_OPENGL_NO_ERROR_KHR, EGL_TRUE});
  if (r.flush_none)
    a.insert(a.end(), {EGL_CONTEXT_RELEASE_BEHAVIOR_KHR, EGL_CONTEXT_RELEASE_BEHAVIOR_NONE_KHR});
  a.push_back(EGL_NONE);
  EGLContext ctx = eglCreateContext(b.display, EGL_NO_CONFIG_KHR, share, a.data());
  if (ctx != EGL_NO_CONTEXT) diagnostics::count_created(diagnostics::Object::EglContext);
  eglBindAPI(EGL_OPENGL_API);
  if (ctx == EGL_NO_CONTEXT && egl_error) *egl_error = eglGetError();
  return ctx;
}

}  // namespace eglrun::egl
