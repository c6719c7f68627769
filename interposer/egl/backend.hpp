// The process's one EGL display on the selected device, and context creation on it.
#pragma once

#include <EGL/egl.h>
#include <EGL/eglext.h>

#include <string>

#include "egl/error_name.hpp"

#include "egl/device_selection.hpp"

namespace eglrun::egl {

struct Backend {
  EGLDisplay display = EGL_NO_DISPLAY;
  DeviceInfo device;
  int egl_major = 0, egl_minor = 0;
  bool has_robustness = false;     // EGL_EXT_create_context_robustness
  bool has_no_error = false;       // EGL_KHR_create_context_no_error
  bool has_flush_control = false;  // EGL_KHR_context_flush_control
  PFNEGLCREATEIMAGEKHRPROC create_image = nullptr;
  PFNEGLDESTROYIMAGEKHRPROC destroy_image = nullptr;
};

// Opened on first use with the device from the settings; nullptr (and *error, the user-facing
// message naming the cause and the fix) when that device cannot be opened. The outcome is kept:
// a bad device fails every context creation the same way.
const Backend* backend(std::string* error);

// What glXCreateContextAttribsARB (or the legacy calls) asked for, already validated.
struct ContextRequest {
  int major = 1, minor = 0;
  bool core_profile = false;
  bool es_profile = false;
  bool forward_compatible = false;
  bool debug = false;
  bool robust_access = false;
  bool lose_context_on_reset = false;
  bool no_error = false;
  bool flush_none = false;  // GLX_CONTEXT_RELEASE_BEHAVIOR_NONE_ARB
};

// Creates the EGL context (config-less, so any drawable can be bound later). On failure returns
// EGL_NO_CONTEXT with the EGL error in *egl_error.
EGLContext create_context(const Backend& b, const ContextRequest& request, EGLContext share,
                          EGLint* egl_error);

}  // namespace eglrun::egl
