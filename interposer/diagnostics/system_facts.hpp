// Facts about this machine's GL stack that explain why rendering may fall back to software: device
// nodes, glvnd EGL vendor files, NVIDIA container variables, variables that force software rendering.
// Everything is read through a SystemView so tests can point it at a fake tree and environment.
#pragma once

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace eglrun::diagnostics {

struct SystemView {
  std::filesystem::path root = "/";
  std::function<const char*(const char*)> getenv;  // null: the real environment
  const char* env(const char* name) const;
  std::filesystem::path at(const std::string& absolute) const;  // root-relative path for an absolute one
};

struct DeviceNode {
  std::string path;        // /dev/dri/renderD128
  bool accessible = true;  // readable and writable by this process
  std::string group;       // owning group, for the fix ("add yourself to group render")
};

struct VendorFile {
  std::string path;          // /usr/share/glvnd/egl_vendor.d/50_mesa.json
  std::string library_path;  // its ICD.library_path
  bool mesa = false;
  bool nvidia = false;
};

struct SystemFacts {
  bool dev_dri_exists = false;
  std::vector<DeviceNode> dri_nodes;      // card* and renderD*
  std::vector<std::string> nvidia_nodes;  // /dev/nvidia0, /dev/nvidiactl, …
  std::vector<VendorFile> egl_vendor_files;
  std::string vendor_override;  // "__EGL_VENDOR_LIBRARY_FILENAMES=…" when glvnd's search is overridden
  std::optional<std::string> nvidia_capabilities;  // NVIDIA_DRIVER_CAPABILITIES when set
  std::optional<std::string> nvidia_visible_devices;
  std::vector<std::string> software_forcing;  // "LIBGL_ALWAYS_SOFTWARE=1", …
};

SystemFacts gather_facts(const SystemView& view);

// Where glvnd looks for EGL vendor files, honouring __EGL_VENDOR_LIBRARY_DIRS.
std::vector<std::string> egl_vendor_dirs(const SystemView& view);
// ICD.library_path of a glvnd/Vulkan JSON manifest ("" when absent).
std::string manifest_library_path(const std::string& json);
// A library by name in the multiarch/lib dirs (or as given when absolute), of the ELF class wanted
// (64 or 32 bits). Returns the path found, or "".
std::string find_library(const SystemView& view, const std::string& name, int bits);
// Whether NVIDIA_DRIVER_CAPABILITIES grants a capability ("all" grants every one).
bool capabilities_include(const std::string& caps, const std::string& wanted);

// A likely reason for software rendering found on this machine, with what to do about it.
struct Cause {
  std::string what;
  std::string fix;
};
std::vector<Cause> software_causes(const SystemFacts& facts);

}  // namespace eglrun::diagnostics
