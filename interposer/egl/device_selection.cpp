// The pure part of device selection: the grammar of device names and the choice among a device list.
#include "egl/device_selection.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>

#include "egl/device_sysfs.hpp"

namespace eglrun::egl {
namespace fs = std::filesystem;
namespace {

constexpr std::string_view kFix =
    "Fix: choose one of the devices listed above with `eglrun -d eglN` (or EGLRUN_DEVICE=eglN); "
    "`eglrun --list` shows their renderers and `eglrun --doctor` explains why a GPU is missing.";

std::string with_table(std::string cause, const std::vector<DeviceInfo>& devices) {
  std::string out = std::move(cause);
  if (devices.empty()) {
    out += "\nEGL devices on this machine: none (eglQueryDevicesEXT returned no device).\n";
    out += "Fix: run `eglrun --doctor` to see what is missing from the GL stack.";
    return out;
  }
  out += "\nEGL devices on this machine:\n";
  out += format_device_table(devices);
  out += kFix;
  return out;
}

std::string count_phrase(const std::vector<DeviceInfo>& devices) {
  if (devices.empty()) return "there is no EGL device on this machine";
  if (devices.size() == 1) return "this machine has 1 EGL device (egl0)";
  return fmt::format("this machine has {} EGL devices (egl0 to egl{})", devices.size(), devices.size() - 1);
}

Selection fail(std::string cause, const std::vector<DeviceInfo>& devices) {
  return Selection{std::nullopt, with_table(std::move(cause), devices)};
}

Selection chosen_or_init_failure(const DeviceInfo& d, std::string_view spec,
                                 const std::vector<DeviceInfo>& devices) {
  if (d.initialises) return Selection{d.index, {}};
  std::string named =
      spec == fmt::format("egl{}", d.index) ? std::string(spec) : fmt::format("{} (egl{})", spec, d.index);
  return fail(fmt::format("EGL device {} exists but cannot be initialised: {}.", named,
                          d.init_error.empty() ? "eglInitialize failed" : d.init_error),
              devices);
}

Selection select_default(const std::vector<DeviceInfo>& devices) {
  for (const auto& d : devices)
    if (!d.software && d.initialises) return Selection{d.index, {}};
  for (const auto& d : devices)
    if (d.software && d.initialises) return Selection{d.index, {}};
  if (devices.empty())
    return fail(
        "No EGL device to render on: the EGL device platform lists none (is libEGL from libglvnd "
        "installed, with at least Mesa's EGL vendor?).",
        devices);
  return fail("No EGL device to render on: every EGL device failed to initialise.", devices);
}

// The sysfs device directory of a DRM node, so that a card node and a render node of one GPU match even
// when the driver reports only one of them (Mesa lacks EGL_EXT_device_drm on some devices).
std::optional<std::string> sysfs_device_of(std::string_view node, const fs::path& root) {
  if (node.empty()) return std::nullopt;
  std::string name = fs::path(std::string(node)).filename().string();
  return resolve_node_path("/sys/class/drm/" + name + "/device", root);
}

Selection select_by_path(std::string_view spec, const std::vector<DeviceInfo>& devices,
                         const fs::path& root) {
  auto resolved = resolve_node_path(spec, root);
  if (!resolved) {
    std::string cause = fmt::format("EGL device {} does not exist: there is no such file", spec);
    std::error_code ec;
    if (std::string_view(spec).starts_with("/dev/dri") && !fs::exists(root / "dev/dri", ec))
      cause +=
          " and no /dev/dri at all on this machine (the GPU's device nodes were not passed into this "
          "container: docker --device /dev/dri, or a Kubernetes GPU resource)";
    return fail(cause + ".", devices);
  }
  std::string shown = *resolved == spec ? std::string(spec) : fmt::format("{} (= {})", spec, *resolved);
  for (const auto& d : devices)
    if (d.drm_card == *resolved || d.drm_render == *resolved)
      return chosen_or_init_failure(d, shown, devices);
  if (auto wanted = sysfs_device_of(*resolved, root)) {
    for (const auto& d : devices) {
      for (const auto& node : {d.drm_card, d.drm_render}) {
        auto have = sysfs_device_of(node, root);
        if (have && *have == *wanted) return chosen_or_init_failure(d, shown, devices);
      }
    }
  }
  return fail(fmt::format("EGL device {} is not the DRM card or render node of any EGL device ({}).", shown,
                          count_phrase(devices)),
              devices);
}

Selection select_by_pci(std::string_view spec, const std::vector<DeviceInfo>& devices) {
  auto pci = normalize_pci_address(spec);
  if (!pci)
    return fail(
        fmt::format("\"{}\" is not a PCI address (expected pci:DDDD:BB:DD.F, e.g. pci:0000:65:00.0).", spec),
        devices);
  for (const auto& d : devices)
    if (d.pci_address == *pci) return chosen_or_init_failure(d, spec, devices);
  return fail(
      fmt::format("No EGL device at PCI address {} ({}; PCI addresses are known only for devices with "
                  "a DRM node).",
                  *pci, count_phrase(devices)),
      devices);
}

}  // namespace

const DeviceInfo* find_device(const std::vector<DeviceInfo>& devices, int index) {
  for (const auto& d : devices)
    if (d.index == index) return &d;
  return nullptr;
}

Selection select_device(std::string_view spec, const std::vector<DeviceInfo>& devices) {
  return select_device(spec, devices, "/");
}

Selection select_device(std::string_view spec, const std::vector<DeviceInfo>& devices, const fs::path& root) {
  if (spec.empty() || spec == "egl") return select_default(devices);
  if (spec.starts_with("egl") && spec.size() > 3) {
    std::string_view digits = spec.substr(3);
    int n = -1;
    auto [ptr, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), n);
    if (ec == std::errc() && ptr == digits.data() + digits.size() && n >= 0) {
      if (const DeviceInfo* d = find_device(devices, n)) return chosen_or_init_failure(*d, spec, devices);
      return fail(fmt::format("EGL device {} does not exist: {}.", spec, count_phrase(devices)), devices);
    }
  }
  if (spec.front() == '/') return select_by_path(spec, devices, root);
  if (looks_like_pci_address(spec)) return select_by_pci(spec, devices);
  std::string cause = fmt::format(
      "\"{}\" is not an EGL device name. Device names are: egl (the first GPU, else the software device), "
      "eglN, /dev/dri/cardN, /dev/dri/renderDN (or a symlink to one, such as /dev/dri/by-path/…), and "
      "pci:DDDD:BB:DD.F.",
      spec);
  if (spec.front() == ':')
    cause +=
        " An X display name selects VirtualGL's GLX back end, which eglrun does not have: it always "
        "renders on an EGL device.";
  return fail(cause, devices);
}

std::string format_device_table(const std::vector<DeviceInfo>& devices) {
  std::vector<std::vector<std::string>> rows;
  rows.push_back(
      {"DEVICE", "TYPE", "STATUS", "DRM CARD", "RENDER NODE", "PCI", "VENDOR", "DRIVER", "RENDERER"});
  auto or_dash = [](const std::string& s) { return s.empty() ? std::string("-") : s; };
  for (const auto& d : devices) {
    std::string status = d.initialises ? "ok" : "fails" + (d.init_error.empty() ? "" : ": " + d.init_error);
    std::string renderer = d.gl_renderer;
    if (!d.gl_version.empty()) renderer += " (GL " + d.gl_version + ")";
    rows.push_back({fmt::format("egl{}", d.index), d.software ? "software" : "hardware", status,
                    or_dash(d.drm_card), or_dash(d.drm_render), or_dash(d.pci_address), or_dash(d.vendor),
                    or_dash(d.driver), or_dash(renderer)});
  }
  std::vector<size_t> width(rows.front().size(), 0);
  for (const auto& r : rows)
    for (size_t i = 0; i < r.size(); ++i) width[i] = std::max(width[i], r[i].size());
  std::string out;
  for (const auto& r : rows) {
    std::string line = " ";
    for (size_t i = 0; i < r.size(); ++i) {
      line += " " + r[i];
      if (i + 1 < r.size()) line.append(width[i] - r[i].size() + 1, ' ');
    }
    out += line + "\n";
  }
  return out;
}

}  // namespace eglrun::egl
