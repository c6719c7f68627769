#pragma once
#include <EGL/egl.h>

#include <string>

namespace eglrun::egl {

// "EGL_BAD_MATCH" etc. for log lines and diagnostics; unknown codes in hex.
std::string egl_error_name(EGLint error);

}  // namespace eglrun::egl
