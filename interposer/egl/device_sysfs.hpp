// Filesystem side of device naming: resolving a node path given by the user to its canonical /dev/dri
// name, and finding the PCI slot behind a DRM node through sysfs. Every function takes the root of the
// filesystem so that tests can build a fake /dev and /sys tree in a temporary directory.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace eglrun::egl {

// "/dev/dri/by-path/pci-0000:65:00.0-render" → "/dev/dri/renderD128" (symlinks followed inside
// `root`; the result is expressed as an absolute path as seen from `root`). nullopt when it does not
// exist.
std::optional<std::string> resolve_node_path(std::string_view path, const std::filesystem::path& root);

// The PCI address ("0000:65:00.0") of the device behind a DRM node such as /dev/dri/renderD128, read
// from /sys/class/drm/<node>/device; "" when the node is not a PCI device or sysfs does not say.
std::string pci_address_for_node(std::string_view node_path, const std::filesystem::path& root);

// "pci:65:00.0", "PCI:0000:65:00.0", "0000:65:00.0" → "0000:65:00.0"; nullopt when it is not a PCI
// address. Accepts Xorg's decimal "PCI:101:0:0" form too (bus:device:function in decimal).
std::optional<std::string> normalize_pci_address(std::string_view text);

// Whether the string looks like a PCI address the user typed (so errors can say "no device at PCI …"
// instead of "unknown device name").
bool looks_like_pci_address(std::string_view text);

}  // namespace eglrun::egl
