// The GLX extension string eglrun advertises: only what works on the current EGL device.
#pragma once

#include <string>

#include "glx/fbconfig.hpp"

namespace eglrun::glx {

const std::string& extension_string();

// Which float configs the device can back (probed once, with a context of its own): the FBConfigs
// glx/registry.cpp derives and the float extensions advertised follow it.
FloatConfigs float_configs_supported();

}  // namespace eglrun::glx
