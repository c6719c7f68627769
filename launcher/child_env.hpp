// The environment the launcher gives the program: pure, on a map, so tests can check every variable.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "launcher/options.hpp"

namespace eglrun::launcher {

using Environment = std::map<std::string, std::string>;

// The glvnd GLX vendor name set for interposed programs. No libGLX_eglrun.so.0 exists, so should any
// code reach glvnd's libGLX (the interposer exports every glX* function itself, so normally none does),
// glvnd finds no vendor and fails locally: it never asks the X server which vendor to load, and never
// loads Mesa's libGLX_mesa, which would send GLX requests to a server that has no GLX.
inline constexpr const char* kInterposedGlxVendor = "eglrun";

struct LaunchPlan {
  std::string library;                       // absolute path of libeglrun.so (interposed mode)
  std::optional<std::string> native_vendor;  // set: native mode with this glvnd vendor name
};

// Splits LD_PRELOAD the way ld.so does (colons and spaces).
std::vector<std::string> split_preload(const std::string& value);

// Applies the options and plan to `env` (a copy of the launcher's environment).
void prepare_environment(const Options& options, const LaunchPlan& plan, Environment& env);

Environment environment_from(char** envp);
std::vector<std::string> to_envp(const Environment& env);

}  // namespace eglrun::launcher
