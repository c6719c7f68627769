// The GLX extension string eglrun advertises: only what works on the current EGL device.
#pragma once

#include <string>

namespace eglrun::glx {

const std::string& extension_string();

}  // namespace eglrun::glx
