// The real EGL side of device selection: listing devices, probing them, opening the chosen display.
#include <EGL/egl.h>
#include <EGL/eglext.h>
#include <GL/gl.h>

#include <fmt/format.h>

#include <cstring>

#include "diagnostics/fallback.hpp"
#include "egl/device_selection.hpp"
#include "egl/device_sysfs.hpp"
#include "egl/error_name.hpp"
#include "log/log.hpp"

namespace eglrun::egl {
namespace {

struct DeviceApi {
  PFNEGLQUERYDEVICESEXTPROC query_devices = nullptr;
  PFNEGLQUERYDEVICESTRINGEXTPROC query_device_string = nullptr;
  PFNEGLGETPLATFORMDISPLAYEXTPROC get_platform_display = nullptr;
  bool usable() const { return query_devices && query_device_string && get_platform_display; }
};

// Looked up at run time: these are extension entry points, and libEGL from glvnd exports none of them.
const DeviceApi& api() {
  static const DeviceApi a = [] {
    DeviceApi r;
    r.query_devices = reinterpret_cast<PFNEGLQUERYDEVICESEXTPROC>(eglGetProcAddress("eglQueryDevicesEXT"));
    r.query_device_string =
        reinterpret_cast<PFNEGLQUERYDEVICESTRINGEXTPROC>(eglGetProcAddress("eglQueryDeviceStringEXT"));
    r.get_platform_display =
        reinterpret_cast<PFNEGLGETPLATFORMDISPLAYEXTPROC>(eglGetProcAddress("eglGetPlatformDisplayEXT"));
    return r;
  }();
  return a;
}

bool has_extension(const char* list, std::string_view name) {
  if (list == nullptr) return false;
  std::string_view s(list);
  size_t pos = 0;
  while ((pos = s.find(name, pos)) != std::string_view::npos) {
    bool start = pos == 0 || s[pos - 1] == ' ';
    size_t end = pos + name.size();
    if (start && (end == s.size() || s[end] == ' ')) return true;
    pos = end;
  }
  return false;
}

std::string str(const char* s) { return s ? std::string(s) : std::string(); }

// Reads GL_RENDERER/GL_VERSION from a config-less desktop GL context made current without a surface,
// leaving the calling thread's EGL state (bound API, current context) as it found it.
void probe_gl(EGLDisplay dpy, DeviceInfo& d) {
  const char* exts = eglQueryString(dpy, EGL_EXTENSIONS);
  if (!has_extension(exts, "EGL_KHR_no_config_context") ||
      !has_extension(exts, "EGL_KHR_surfaceless_context")) {
    d.gl_renderer = "(not probed: no EGL_KHR_no_config_context/EGL_KHR_surfaceless_context)";
    return;
  }
  auto get_string = reinterpret_cast<const GLubyte* (*)(GLenum)>(eglGetProcAddress("glGetString"));
  EGLenum old_api = eglQueryAPI();
  EGLDisplay old_dpy = eglGetCurrentDisplay();
  EGLContext old_ctx = eglGetCurrentContext();
  EGLSurface old_draw = eglGetCurrentSurface(EGL_DRAW);
  EGLSurface old_read = eglGetCurrentSurface(EGL_READ);
  if (!eglBindAPI(EGL_OPENGL_API)) {
    d.gl_renderer = "(not probed: desktop GL unavailable)";
    return;
  }
  EGLContext ctx = eglCreateContext(dpy, EGL_NO_CONFIG_KHR, EGL_NO_CONTEXT, nullptr);
  if (ctx == EGL_NO_CONTEXT) {
    d.gl_renderer = "(probe context failed: " + egl_error_name(eglGetError()) + ")";
  } else if (!eglMakeCurrent(dpy, EGL_NO_SURFACE, EGL_NO_SURFACE, ctx)) {
    d.gl_renderer = "(probe make-current failed: " + egl_error_name(eglGetError()) + ")";
  } else if (get_string != nullptr) {
    d.gl_renderer = str(reinterpret_cast<const char*>(get_string(GL_RENDERER)));
    d.gl_version = str(reinterpret_cast<const char*>(get_string(GL_VERSION)));
  }
  if (ctx != EGL_NO_CONTEXT) {
    eglMakeCurrent(dpy, EGL_NO_SURFACE, EGL_NO_SURFACE, EGL_NO_CONTEXT);
    eglDestroyContext(dpy, ctx);
  }
  if (old_ctx != EGL_NO_CONTEXT) eglMakeCurrent(old_dpy, old_draw, old_read, old_ctx);
  eglBindAPI(old_api);
}

EGLDisplay platform_display(EGLDeviceEXT device) {
  return api().get_platform_display(EGL_PLATFORM_DEVICE_EXT, device, nullptr);
}

// eglTerminate is not reference-counted: only terminate displays this module initialised itself, so that
// listing devices inside an application never tears down a display the interposer is rendering on.
bool already_initialised(EGLDisplay dpy) {
  bool yes = eglQueryString(dpy, EGL_VERSION) != nullptr;
  eglGetError();  // clear EGL_NOT_INITIALIZED
  return yes;
}

}  // namespace

std::vector<DeviceInfo> enumerate_devices(bool probe) {
  std::vector<DeviceInfo> out;
  const char* client_exts = eglQueryString(EGL_NO_DISPLAY, EGL_EXTENSIONS);
  if (!api().usable() || !has_extension(client_exts, "EGL_EXT_platform_device")) {
    log::debug("EGL has no device platform (EGL_EXT_device_enumeration/EGL_EXT_platform_device missing)");
    return out;
  }
  EGLint count = 0;
  if (!api().query_devices(0, nullptr, &count) || count <= 0) return out;
  std::vector<EGLDeviceEXT> handles(static_cast<size_t>(count));
  if (!api().query_devices(count, handles.data(), &count)) return out;
  handles.resize(static_cast<size_t>(count));

  for (int i = 0; i < count; ++i) {
    DeviceInfo d;
    d.index = i;
    d.handle = handles[static_cast<size_t>(i)];
    const char* exts = api().query_device_string(d.handle, EGL_EXTENSIONS);
    d.egl_extensions = str(exts);
    d.software = has_extension(exts, "EGL_MESA_device_software");
    if (has_extension(exts, "EGL_EXT_device_drm"))
      d.drm_card = str(api().query_device_string(d.handle, EGL_DRM_DEVICE_FILE_EXT));
    if (has_extension(exts, "EGL_EXT_device_drm_render_node"))
      d.drm_render = str(api().query_device_string(d.handle, EGL_DRM_RENDER_NODE_FILE_EXT));
    eglGetError();  // a NULL string above leaves EGL_BAD_PARAMETER behind; it is not an error here
    if (!d.drm_render.empty()) d.pci_address = pci_address_for_node(d.drm_render, "/");
    if (d.pci_address.empty() && !d.drm_card.empty()) d.pci_address = pci_address_for_node(d.drm_card, "/");

    EGLDisplay dpy = platform_display(d.handle);
    if (dpy == EGL_NO_DISPLAY) {
      d.init_error = "eglGetPlatformDisplayEXT failed: " + egl_error_name(eglGetError());
      out.push_back(std::move(d));
      continue;
    }
    bool was_initialised = already_initialised(dpy);
    if (!eglInitialize(dpy, nullptr, nullptr)) {
      d.init_error = "eglInitialize failed: " + egl_error_name(eglGetError());
      out.push_back(std::move(d));
      continue;
    }
    d.initialises = true;
    d.vendor = str(eglQueryString(dpy, EGL_VENDOR));
    if (has_extension(eglQueryString(dpy, EGL_EXTENSIONS), "EGL_MESA_query_driver")) {
      auto driver_name =
          reinterpret_cast<PFNEGLGETDISPLAYDRIVERNAMEPROC>(eglGetProcAddress("eglGetDisplayDriverName"));
      if (driver_name) d.driver = str(driver_name(dpy));
    }
    if (probe) {
      probe_gl(dpy, d);
      if (diagnostics::is_software_renderer(d.gl_renderer)) d.software = true;
    }
    if (!was_initialised) eglTerminate(dpy);
    out.push_back(std::move(d));
  }
  return out;
}

EGLDisplay open_device_display(std::string_view spec, DeviceInfo* chosen, std::string* error) {
  std::vector<DeviceInfo> devices = enumerate_devices(false);
  Selection sel = select_device(spec, devices);
  if (!sel.index) {
    if (error) *error = sel.error;
    return EGL_NO_DISPLAY;
  }
  const DeviceInfo* d = find_device(devices, *sel.index);
  EGLDisplay dpy = platform_display(d->handle);
  if (dpy == EGL_NO_DISPLAY || !eglInitialize(dpy, nullptr, nullptr)) {
    if (error)
      *error = fmt::format("EGL device egl{} could not be opened a second time: {}.", d->index,
                           egl_error_name(eglGetError()));
    return EGL_NO_DISPLAY;
  }
  if (chosen) *chosen = *d;
  log::debug("rendering on EGL device egl{} ({}{})", d->index, d->software ? "software" : "hardware",
             d->drm_render.empty() ? "" : ", " + d->drm_render);
  return dpy;
}

}  // namespace eglrun::egl
