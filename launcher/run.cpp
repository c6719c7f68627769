// Running a program: choose interposed or native mode, check the device before anything runs, prepare
// the environment, exec.
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "config/settings.hpp"
#include "diagnostics/fallback.hpp"
#include "diagnostics/system_facts.hpp"
#include "egl/device_selection.hpp"
#include "launcher/child_env.hpp"
#include "launcher/commands.hpp"
#include "launcher/native_probe.hpp"
#include "launcher/self_path.hpp"
#include "launcher/x_server.hpp"

namespace eglrun::launcher {
namespace {

void say(const Options& o, const std::string& text) {
  if (o.verbose > 0) std::fprintf(stderr, "eglrun: %s\n", text.c_str());
}

// Checks the device the interposer will open, so a wrong name fails before the program starts.
int check_device(const Options& o, const config::Settings& env_settings) {
  std::string spec = o.device ? *o.device : env_settings.device;
  auto devices = egl::enumerate_devices(false);
  egl::Selection sel = egl::select_device(spec, devices);
  if (!sel.index) {
    std::string from = o.device                             ? ""
                       : env_settings.device_source.empty() ? ""
                                                            : " (from " + env_settings.device_source + ")";
    std::fprintf(stderr, "eglrun: cannot use EGL device \"%s\"%s:\n%s\n", spec.c_str(), from.c_str(),
                 sel.error.c_str());
    return kExitBadDevice;
  }
  const egl::DeviceInfo* d = egl::find_device(devices, *sel.index);
  if ((o.require_gpu || env_settings.require_gpu) && d->software) {
    std::string why = spec == "egl" || spec.empty()
                          ? "there is no hardware EGL device, only software"
                          : "the device chosen (egl" + std::to_string(d->index) + ") is software";
    auto causes = diagnostics::software_causes(diagnostics::gather_facts({}));
    std::string text;
    for (const auto& c : causes) text += "\n  - " + c.what + "\n    fix: " + c.fix;
    std::fprintf(stderr,
                 "eglrun: refusing to run: a GPU is required (--require-gpu) but %s.%s\nEGL devices:\n%s",
                 why.c_str(), causes.empty() ? "" : ("\n  Likely causes:" + text).c_str(),
                 egl::format_device_table(devices).c_str());
    return kExitGpuRequired;
  }
  say(o, "rendering on EGL device egl" + std::to_string(d->index) + (d->software ? " (software)" : ""));
  return 0;
}

// Native mode keeps the fallback check: the launcher probes the renderer the program will get.
int check_native_renderer(const Options& o, const config::Settings& env_settings, const std::string& vendor) {
  std::string error;
  auto renderer = probe_native_renderer(vendor, &error);
  if (!renderer) {
    std::fprintf(stderr, "eglrun: warning: native mode: could not check the renderer (%s)\n", error.c_str());
    return 0;
  }
  say(o, "native mode: GLX vendor " + vendor + ", renderer " + *renderer);
  if (!diagnostics::is_software_renderer(*renderer)) return 0;
  auto causes = diagnostics::software_causes(diagnostics::gather_facts({}));
  if (o.require_gpu || env_settings.require_gpu) {
    std::fprintf(stderr, "eglrun: %s\n", diagnostics::require_gpu_refusal_text(*renderer, causes).c_str());
    return kExitGpuRequired;
  }
  if (!o.quiet && !env_settings.quiet)
    std::fprintf(stderr, "eglrun: warning: %s\n",
                 diagnostics::fallback_warning_text(*renderer, causes).c_str());
  return 0;
}

}  // namespace

int run_program(const Options& o, char** envp) {
  config::ParseResult parsed =
      config::parse_settings([](const char* n) -> const char* { return std::getenv(n); });
  const config::Settings& env_settings = parsed.settings;
  for (const auto& p : parsed.problems) std::fprintf(stderr, "eglrun: warning: %s\n", p.c_str());

  LaunchPlan plan;
  bool device_named = o.device.has_value() || env_settings.device_explicit;
  if (o.native == Native::On || (o.native == Native::Auto && !device_named)) {
    diagnostics::XServerFacts x = probe_x_server();
    if (o.native == Native::On && !(x.reachable && x.glx)) {
      std::fprintf(stderr, "eglrun: --native needs an X server with GLX, but %s\n",
                   x.display.empty() ? "DISPLAY is not set"
                   : !x.reachable    ? ("cannot connect to " + x.display + ": " + x.error).c_str()
                                     : (x.display + " has no GLX extension (run without --native)").c_str());
      return kExitSetup;
    }
    if (o.native == Native::On || is_hardware_glx_vendor(x)) {
      plan.native_vendor = native_vendor_name(x);
      say(o, "native mode: the X server's GLX vendor is " + *plan.native_vendor);
    }
  }

  if (plan.native_vendor) {
    if (int rc = check_native_renderer(o, env_settings, *plan.native_vendor)) return rc;
  } else {
    std::vector<std::string> tried;
    plan.library = locate_library(&tried);
    if (plan.library.empty()) {
      std::string where;
      for (const auto& t : tried) where += "\n  " + t;
      std::fprintf(stderr,
                   "eglrun: cannot find libeglrun.so; looked at:%s\nReinstall eglrun keeping bin/ and lib/ "
                   "together.\n",
                   where.c_str());
      return kExitSetup;
    }
    if (int rc = check_device(o, env_settings)) return rc;
  }

  Environment env = environment_from(envp);
  prepare_environment(o, plan, env);
  std::vector<std::string> env_strings = to_envp(env);
  std::vector<char*> child_env;
  child_env.reserve(env_strings.size() + 1);
  for (auto& s : env_strings) child_env.push_back(s.data());
  child_env.push_back(nullptr);
  std::vector<char*> argv;
  for (const auto& a : o.program) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  if (o.verbose > 0) say(o, "LD_PRELOAD=" + (env.count("LD_PRELOAD") ? env["LD_PRELOAD"] : std::string()));

  std::fflush(nullptr);
  // execvpe searches PATH like a shell; on success the program replaces us, so its status is ours.
  execvpe(argv[0], argv.data(), child_env.data());
  int err = errno;
  std::fprintf(stderr, "eglrun: cannot run %s: %s\n", o.program[0].c_str(), std::strerror(err));
  return err == ENOENT || err == ENOTDIR ? kExitNotFound : kExitCannotExecute;
}

}  // namespace eglrun::launcher
