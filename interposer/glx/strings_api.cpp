#include "glx/api.hpp"
#include "glx/errors.hpp"
#include "glx/extensions.hpp"
#include "glx/registry.hpp"
#include "glx/renderer_info.hpp"

// Last include: poisons every interposed name in the code below.
#include "symbols/poison.hpp"

namespace eglrun::glx::api {

namespace {

constexpr const char* kVendor = "eglrun";
constexpr const char* kVersion = "1.4";

const char* string_for(int name) {
  switch (name) {
    case GLX_VENDOR:
      return kVendor;
    case GLX_VERSION:
      return kVersion;
    case GLX_EXTENSIONS:
      return extension_string().c_str();
    default:
      return nullptr;
  }
}

bool integer_for(const RendererInfo& r, int attribute, unsigned int* value) {
  switch (attribute) {
    case GLX_RENDERER_VENDOR_ID_MESA:
      value[0] = r.vendor_id;
      return true;
    case GLX_RENDERER_DEVICE_ID_MESA:
      value[0] = r.device_id;
      return true;
    case GLX_RENDERER_VERSION_MESA:
      for (int i = 0; i < 3; ++i) value[i] = r.version_numbers[i];
      return true;
    case GLX_RENDERER_ACCELERATED_MESA:
      value[0] = r.accelerated;
      return true;
    case GLX_RENDERER_VIDEO_MEMORY_MESA:
      value[0] = r.video_memory_mb;
      return true;
    case GLX_RENDERER_UNIFIED_MEMORY_ARCHITECTURE_MESA:
      value[0] = r.unified_memory;
      return true;
    case GLX_RENDERER_PREFERRED_PROFILE_MESA:
      value[0] = r.core_max[0] ? GLX_CONTEXT_CORE_PROFILE_BIT_ARB : GLX_CONTEXT_COMPATIBILITY_PROFILE_BIT_ARB;
      return true;
    case GLX_RENDERER_OPENGL_CORE_PROFILE_VERSION_MESA:
      value[0] = r.core_max[0];
      value[1] = r.core_max[1];
      return true;
    case GLX_RENDERER_OPENGL_COMPATIBILITY_PROFILE_VERSION_MESA:
      value[0] = r.compat_max[0];
      value[1] = r.compat_max[1];
      return true;
    case GLX_RENDERER_OPENGL_ES_PROFILE_VERSION_MESA:
      value[0] = r.es1_max[0];
      value[1] = r.es1_max[1];
      return true;
    case GLX_RENDERER_OPENGL_ES2_PROFILE_VERSION_MESA:
      value[0] = r.es2_max[0];
      value[1] = r.es2_max[1];
      return true;
    default:
      return false;
  }
}

const char* string_of(const RendererInfo& r, int attribute) {
  switch (attribute) {
    case GLX_RENDERER_VENDOR_ID_MESA:
      return r.vendor.c_str();
    case GLX_RENDERER_DEVICE_ID_MESA:
      return r.renderer.c_str();
    default:
      return nullptr;
  }
}

}  // namespace

Bool query_extension(Display* dpy, int* error_base, int* event_base) {
  if (dpy == nullptr) return False;
  const auto& c = extension_codes(dpy);
  if (error_base) *error_base = c.first_error;
  if (event_base) *event_base = c.first_event;
  return True;
}

Bool query_version(Display* dpy, int* major, int* minor) {
  if (dpy == nullptr) return False;
  if (major) *major = 1;
  if (minor) *minor = 4;
  return True;
}

const char* get_client_string(Display* dpy, int name) { return string_for(name); }

const char* query_server_string(Display* dpy, int screen, int name) {
  if (dpy == nullptr || screen < 0 || screen >= ScreenCount(dpy)) return nullptr;
  return string_for(name);
}

const char* query_extensions_string(Display* dpy, int screen) {
  if (dpy == nullptr || screen < 0 || screen >= ScreenCount(dpy)) return nullptr;
  return extension_string().c_str();
}

Bool query_renderer_integer(Display* dpy, int screen, int renderer, int attribute, unsigned int* value) {
  if (dpy == nullptr || renderer != 0 || value == nullptr || screen < 0 || screen >= ScreenCount(dpy))
    return False;
  const auto& r = renderer_info();
  return r.valid && integer_for(r, attribute, value);
}

const char* query_renderer_string(Display* dpy, int screen, int renderer, int attribute) {
  if (dpy == nullptr || renderer != 0 || screen < 0 || screen >= ScreenCount(dpy)) return nullptr;
  const auto& r = renderer_info();
  return r.valid ? string_of(r, attribute) : nullptr;
}

Bool query_current_renderer_integer(int attribute, unsigned int* value) {
  if (current_context() == nullptr || value == nullptr) return False;
  const auto& r = renderer_info();
  return r.valid && integer_for(r, attribute, value);
}

const char* query_current_renderer_string(int attribute) {
  if (current_context() == nullptr) return nullptr;
  const auto& r = renderer_info();
  return r.valid ? string_of(r, attribute) : nullptr;
}

}  // namespace eglrun::glx::api
