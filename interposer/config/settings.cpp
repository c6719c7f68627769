#include "config/settings.hpp"

#include <cmath>
#include <cstdlib>
#include <string_view>

#include "log/log.hpp"

namespace eglrun::config {
namespace {

std::optional<bool> parse_bool(std::string_view v) {
  if (v == "1" || v == "yes" || v == "true" || v == "on") return true;
  if (v == "0" || v == "no" || v == "false" || v == "off" || v.empty()) return false;
  return std::nullopt;
}

}  // namespace

ParseResult parse_settings(const char* (*getenv_fn)(const char*)) {
  ParseResult r;
  auto flag = [&](const char* name, bool& out) {
    const char* v = getenv_fn(name);
    if (v == nullptr) return;
    if (auto b = parse_bool(v))
      out = *b;
    else
      r.problems.push_back(std::string(name) + "=" + v + " is not 0 or 1; ignored");
  };
  if (const char* d = getenv_fn("EGLRUN_DEVICE"); d != nullptr && *d != '\0') {
    r.settings.device = d;
    r.settings.device_explicit = true;
    r.settings.device_source = "EGLRUN_DEVICE";
  } else if (const char* v = getenv_fn("VGL_DISPLAY"); v != nullptr && *v != '\0') {
    std::string_view s(v);
    // VirtualGL deployments set VGL_DISPLAY; an X display name there (":0") meant its GLX back end, which
    // eglrun does not have, so only EGL device names are taken over.
    if (s.starts_with("egl") || s.starts_with("/dev/") || s.starts_with("pci:") || s.starts_with("PCI:")) {
      r.settings.device = v;
      r.settings.device_explicit = true;
      r.settings.device_source = "VGL_DISPLAY";
    }
  }
  flag("EGLRUN_REQUIRE_GPU", r.settings.require_gpu);
  flag("EGLRUN_QUIET", r.settings.quiet);
  flag("EGLRUN_NO_SHM", r.settings.force_xputimage);
  if (const char* v = getenv_fn("EGLRUN_SPOIL"); v != nullptr && std::string_view(v) != "auto") {
    if (auto b = parse_bool(v))
      r.settings.spoil = *b ? Spoil::On : Spoil::Off;
    else
      r.problems.push_back(std::string("EGLRUN_SPOIL=") + v + " is not 0, 1 or auto; ignored");
  }
  flag("EGLRUN_PRESERVE_BACK", r.settings.preserve_back);
  flag("EGLRUN_OPAQUE_ALPHA", r.settings.opaque_alpha);
  flag("EGLRUN_PROFILE", r.settings.profile);
  bool no_dl = false;
  flag("EGLRUN_NO_DLOPEN_INTERCEPT", no_dl);
  r.settings.intercept_dlopen = !no_dl;
  if (const char* f = getenv_fn("EGLRUN_FPS"); f != nullptr && *f != '\0') {
    char* end = nullptr;
    double v = std::strtod(f, &end);
    // NaN and infinity parse as doubles too, but are no frame rate (NaN also slips past v < 0).
    if (end == f || *end != '\0' || !std::isfinite(v) || v < 0)
      r.problems.push_back(std::string("EGLRUN_FPS=") + f + " is not a frame rate; ignored");
    else
      r.settings.fps_limit = v;
  }
  return r;
}

bool spoils(Spoil s, bool software_renderer) {
  return s == Spoil::On || (s == Spoil::Auto && !software_renderer);
}

const Settings& settings() {
  static const Settings instance = [] {
    ParseResult r = parse_settings([](const char* n) -> const char* { return std::getenv(n); });
    for (const auto& p : r.problems) log::warn("{}", p);
    return r.settings;
  }();
  return instance;
}

}  // namespace eglrun::config
