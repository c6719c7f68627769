// Where the launcher finds libeglrun.so: next to itself, never through a search path, so the preload is
// always an absolute path the launcher resolved (a relative or searched name would let the program's
// working directory or LD_LIBRARY_PATH pick the library).
#pragma once

#include <string>
#include <vector>

namespace eglrun::launcher {

// The directory of the running executable (from /proc/self/exe), "" when unknown.
std::string executable_dir();

// The canonical absolute path of libeglrun.so, looked for in <exe dir>/../lib (build tree, and installs
// with a plain lib dir) and in the configured install libdir relative to the install bindir. Returns ""
// when not found; `tried` receives the candidates.
std::string locate_library(std::vector<std::string>* tried = nullptr);

}  // namespace eglrun::launcher
