// Command line of the eglrun launcher. Parsing is pure (no environment, no I/O) so tests can cover it.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace eglrun::launcher {

// Exit statuses of the launcher itself (a program it runs passes its own status through).
inline constexpr int kExitUsage = 2;        // bad command line
inline constexpr int kExitBadDevice = 3;    // the device asked for does not exist or cannot be initialised
inline constexpr int kExitGpuRequired = 4;  // --require-gpu and only software rendering is available
inline constexpr int kExitSetup = 5;        // libeglrun.so not found, native mode without a GLX server, …
inline constexpr int kExitCannotExecute = 126;  // as env(1) and shells: program found but not executable
inline constexpr int kExitNotFound = 127;       // program not found
inline constexpr int kExitDoctorProblems = 1;   // --doctor: hardware rendering would not work

enum class Mode { Run, List, Doctor, Help, Version };
enum class Native { Auto, On, Off };

struct Options {
  Mode mode = Mode::Run;
  bool json = false;
  std::optional<std::string> device;  // -d / --device
  bool require_gpu = false;
  Native native = Native::Auto;
  bool quiet = false;
  int verbose = 0;  // each --verbose raises EGLRUN_LOG one step (info, debug, trace)
  std::optional<std::string> fps;
  bool profile = false;
  bool no_shm = false;
  std::optional<bool> spoil;         // --spoil / --no-spoil; unset: the interposer decides (auto)
  std::vector<std::string> program;  // program and its arguments, verbatim
};

struct ParseResult {
  Options options;
  std::string error;  // non-empty: usage error, to be printed with a hint to --help
};

// args excludes argv[0]. Options end at the first argument that is not an option, or at "--".
ParseResult parse_options(const std::vector<std::string>& args);

std::string help_text();

}  // namespace eglrun::launcher
