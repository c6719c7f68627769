#include "diagnostics/fallback.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <string>

#include "config/settings.hpp"
#include "log/log.hpp"

namespace eglrun::diagnostics {
namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return std::tolower(c); });
  return out;
}

std::string causes_text(const std::vector<Cause>& causes) {
  if (causes.empty())
    return "\n  No cause found by the quick checks; run `eglrun --doctor` for the full list of checks.";
  std::string out = "\n  Likely causes found on this machine:";
  for (const auto& c : causes) out += "\n  - " + c.what + "\n    fix: " + c.fix;
  return out;
}

}  // namespace

bool is_software_renderer(std::string_view gl_renderer) {
  std::string r = lower(gl_renderer);
  for (std::string_view name : {"llvmpipe", "softpipe", "swrast", "software rasterizer", "swiftshader"})
    if (r.find(name) != std::string::npos) return true;
  return false;
}

std::string fallback_warning_text(std::string_view gl_renderer, const std::vector<Cause>& causes) {
  return fmt::format(
      "rendering in software on the CPU ({}): no GPU is used.{}\n  `eglrun --doctor` checks the whole "
      "GL stack; `eglrun --quiet` or EGLRUN_QUIET=1 silences this warning, `eglrun --require-gpu` "
      "refuses to run instead.",
      gl_renderer, causes_text(causes));
}

std::string require_gpu_refusal_text(std::string_view gl_renderer, const std::vector<Cause>& causes) {
  return fmt::format(
      "refusing to create a GL context: the renderer is software ({}) and a GPU is required "
      "(--require-gpu / EGLRUN_REQUIRE_GPU=1).{}",
      gl_renderer, causes_text(causes));
}

bool check_renderer_at_first_make_current(std::string_view gl_renderer) {
  if (!is_software_renderer(gl_renderer)) return true;
  const config::Settings& s = config::settings();
  if (s.require_gpu) {
    log::error("{}", require_gpu_refusal_text(gl_renderer, software_causes(gather_facts({}))));
    return false;
  }
  if (!log::first_time("diagnostics.software-fallback")) return true;
  // Naming a device (eglN, a node, a PCI slot) is an explicit choice: software is then what was asked for.
  bool chose_device = s.device_explicit && !s.device.empty() && s.device != "egl";
  if (s.quiet || chose_device) {
    log::info("rendering in software ({})", gl_renderer);
    return true;
  }
  log::warn("{}", fallback_warning_text(gl_renderer, software_causes(gather_facts({}))));
  return true;
}

}  // namespace eglrun::diagnostics
