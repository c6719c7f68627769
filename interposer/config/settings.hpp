// Run-time settings of the interposer, read once from the environment the launcher prepared.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace eglrun::config {

// Whether a window drops a queued frame when a newer one arrives before the presenter got to it.
enum class Spoil {
  Auto,  // on a hardware device; off on a software renderer, whose rendering shares the CPU with the
         // presenter: a dropped frame's rendering is CPU time the presenter needed
  On,
  Off,
};

struct Settings {
  std::string device = "egl";    // EGLRUN_DEVICE, else VGL_DISPLAY when it names an EGL device, else "egl"
  bool device_explicit = false;  // the user named a device (so software rendering was asked for, maybe)
  std::string
      device_source;  // the variable `device` came from ("EGLRUN_DEVICE", "VGL_DISPLAY"), "" for the default
  bool require_gpu = false;      // EGLRUN_REQUIRE_GPU=1
  bool quiet = false;            // EGLRUN_QUIET=1 silences the software-fallback warning
  bool force_xputimage = false;  // EGLRUN_NO_SHM=1
  Spoil spoil = Spoil::Auto;     // EGLRUN_SPOIL=0 presents every frame, 1 spoils, auto (default)
  bool preserve_back = true;     // EGLRUN_PRESERVE_BACK=0: back buffer undefined after a swap (no copy)
  bool opaque_alpha = true;      // EGLRUN_OPAQUE_ALPHA=0: windows without alpha stored as RGBX (slower read)
  double fps_limit = 0;          // EGLRUN_FPS
  bool profile = false;          // EGLRUN_PROFILE=1
  bool intercept_dlopen = true;  // EGLRUN_NO_DLOPEN_INTERCEPT=1 turns run-time loading interception off
};

// Messages for variables that were set but could not be understood.
struct ParseResult {
  Settings settings;
  std::vector<std::string> problems;
};

// Pure: `getenv` is injected so tests can feed any environment.
ParseResult parse_settings(const char* (*getenv_fn)(const char*));

// Whether windows spoil frames on a device that is (or is not) a software renderer.
bool spoils(Spoil s, bool software_renderer);

// The process-wide settings, parsed on first use from the real environment.
const Settings& settings();

}  // namespace eglrun::config
