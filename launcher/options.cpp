#include "launcher/options.hpp"

#include <cstdlib>

namespace eglrun::launcher {
namespace {

bool valid_fps(const std::string& v) {
  if (v.empty()) return false;
  char* end = nullptr;
  double d = std::strtod(v.c_str(), &end);
  return *end == '\0' && d >= 0;
}

}  // namespace

ParseResult parse_options(const std::vector<std::string>& args) {
  ParseResult r;
  Options& o = r.options;
  size_t i = 0;
  // Takes the value of an option given as "--name value", "--name=value" or "-dVALUE".
  auto value = [&](const std::string& arg, const std::string& name, std::string& out) -> bool {
    if (arg.size() > name.size() && arg.compare(0, name.size(), name) == 0) {
      size_t skip = name.size() + (arg[name.size()] == '=' ? 1 : 0);
      if (name.size() != 2 && arg[name.size()] != '=') return false;  // "--devicex" is not "--device"
      out = arg.substr(skip);
      return true;
    }
    if (arg != name) return false;
    if (i + 1 >= args.size()) {
      r.error = name + " needs a value";
      return true;
    }
    out = args[++i];
    return true;
  };

  for (; i < args.size(); ++i) {
    const std::string& a = args[i];
    std::string v;
    if (a == "--") {
      ++i;
      break;
    }
    if (a.empty() || a[0] != '-' || a == "-") break;  // the program starts here
    if (value(a, "-d", v) || value(a, "--device", v)) {
      if (!r.error.empty()) return r;
      if (v.empty()) return r.error = "the device name is empty", r;
      o.device = v;
    } else if (value(a, "--fps", v)) {
      if (!r.error.empty()) return r;
      if (!valid_fps(v))
        return r.error = "--fps needs a frame rate (a number >= 0, 0 = no limit), not \"" + v + "\"", r;
      o.fps = v;
    } else if (a == "--list") {
      o.mode = Mode::List;
    } else if (a == "--doctor") {
      o.mode = Mode::Doctor;
    } else if (a == "--json") {
      o.json = true;
    } else if (a == "--require-gpu") {
      o.require_gpu = true;
    } else if (a == "--native") {
      o.native = Native::On;
    } else if (a == "--no-native") {
      o.native = Native::Off;
    } else if (a == "-q" || a == "--quiet") {
      o.quiet = true;
    } else if (a == "-v" || a == "--verbose") {
      ++o.verbose;
    } else if (a == "--profile") {
      o.profile = true;
    } else if (a == "--no-shm") {
      o.no_shm = true;
    } else if (a == "--no-spoil") {
      o.spoil = false;
    } else if (a == "--spoil") {
      o.spoil = true;
    } else if (a == "-h" || a == "--help") {
      o.mode = Mode::Help;
      return r;
    } else if (a == "--version") {
      o.mode = Mode::Version;
      return r;
    } else {
      return r.error =
                 "unknown option " + a + " (to run a program whose name starts with '-', put -- before it)",
             r;
    }
  }
  o.program.assign(args.begin() + static_cast<long>(std::min(i, args.size())), args.end());
  if (o.json && o.mode == Mode::Run) return r.error = "--json goes with --list or --doctor", r;
  if (o.mode == Mode::Run && o.program.empty()) return r.error = "no program to run", r;
  if (o.mode != Mode::Run && !o.program.empty())
    return r.error = std::string(o.mode == Mode::List ? "--list" : "--doctor") + " takes no program", r;
  if (o.native == Native::On && o.device) return r.error = "--native runs without an EGL device; drop -d", r;
  return r;
}

std::string help_text() {
  return R"(Usage: eglrun [options] [--] program [arguments...]
       eglrun --list [--json]
       eglrun --doctor [--json]

Runs an unmodified GLX program with GPU-accelerated OpenGL on an X server that has no GPU (Xvfb, Xvnc,
a remote desktop): libeglrun.so is preloaded and renders through EGL on a GPU, then shows the frames in
the program's windows.

Options:
  -d, --device DEVICE  EGL device to render on (default: egl):
                         egl                 the first hardware device, else the software one (with a warning)
                         eglN                the N-th EGL device, as listed by --list
                         /dev/dri/cardN      a DRM card node, or /dev/dri/renderDN, or a symlink to one
                                             such as /dev/dri/by-path/pci-0000:65:00.0-render
                         pci:DDDD:BB:DD.F    the GPU at that PCI address
      --list           list the EGL devices (index, DRM nodes, PCI address, vendor, driver, renderer)
      --doctor         check this machine's GL stack; exit 0 only if hardware rendering would work
      --json           with --list or --doctor: print JSON
      --require-gpu    refuse to run when rendering would be in software (exit 4); the interposer
                       then also refuses GL contexts on a software renderer
      --native         run without the interposer, on the X server's own GLX (for X servers that run on
                       the GPU, e.g. Xorg with the NVIDIA driver); chosen automatically when the server's
                       GLX vendor is a hardware vendor and no -d was given
      --no-native      never choose native mode automatically
  -q, --quiet          do not warn about software rendering
  -v, --verbose        more log output (repeat for debug, trace)
      --fps N          limit presentation to N frames per second (0: no limit)
      --profile        print frame timing statistics
      --no-shm         present with XPutImage instead of MIT-SHM
      --no-spoil       present every frame, even when the X server falls behind (the default on a
                       software renderer, whose rendering competes with the presentation for the CPU)
      --spoil          drop a queued frame when a newer one is ready (the default on a GPU)
  -h, --help           this help
      --version        print the version
  --                   end of options: the next argument is the program, even if it starts with '-'

Environment (read by the interposer; the options above set them for the program):
  EGLRUN_DEVICE        device, as for -d (VGL_DISPLAY is honoured when it names an EGL device)
  EGLRUN_REQUIRE_GPU   1: refuse software rendering
  EGLRUN_QUIET         1: no software-rendering warning
  EGLRUN_LOG           off, error, warn (default), info, debug, trace
  EGLRUN_FPS           frame-rate limit
  EGLRUN_PROFILE       1: frame timing statistics
  EGLRUN_NO_SHM        1: no MIT-SHM
  EGLRUN_SPOIL         0: present every frame; 1: spoil; auto (default): spoil on a GPU only
  EGLRUN_NO_DLOPEN_INTERCEPT  1: do not intercept dlopen("libGL.so.1")
  VGL_DISPLAY          fallback for EGLRUN_DEVICE (egl, eglN, /dev/dri/…)
Set for the program by eglrun:
  LD_PRELOAD           the absolute path of libeglrun.so, after any libraries already preloaded
  __GLX_VENDOR_LIBRARY_NAME  "eglrun": libglvnd then never asks the X server for a GLX vendor
                       (native mode: the server's vendor, e.g. nvidia)

Exit status: the program's own; or 2 usage error, 3 bad device, 4 --require-gpu refused, 5 setup
problem (library missing, no GLX server in native mode), 126 program not executable, 127 program not
found. --doctor: 0 hardware rendering would work, 1 it would not.
)";
}

}  // namespace eglrun::launcher
