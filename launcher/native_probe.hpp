// Native mode has no interposer to check the renderer at its first make-current, so the launcher makes
// one GLX context itself, through the vendor the program will use, and reads GL_RENDERER.
#pragma once

#include <optional>
#include <string>

namespace eglrun::launcher {

// GL_RENDERER of a direct GLX context on $DISPLAY through glvnd vendor `vendor`; nullopt with *error set
// when no context could be made.
std::optional<std::string> probe_native_renderer(const std::string& vendor, std::string* error);

}  // namespace eglrun::launcher
