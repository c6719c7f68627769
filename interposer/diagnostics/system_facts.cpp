#include "diagnostics/system_facts.hpp"

#include <grp.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <sstream>

namespace eglrun::diagnostics {
namespace fs = std::filesystem;
namespace {

std::vector<std::string> split(const std::string& s, char sep) {
  std::vector<std::string> out;
  std::string cur;
  std::istringstream in(s);
  while (std::getline(in, cur, sep))
    if (!cur.empty()) out.push_back(cur);
  return out;
}

std::string read_file(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::vector<fs::path> sorted_entries(const fs::path& dir) {
  std::vector<fs::path> out;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(dir, ec)) out.push_back(e.path());
  std::sort(out.begin(), out.end());
  return out;
}

VendorFile vendor_file(const SystemView& view, const std::string& path) {
  VendorFile v;
  v.path = path;
  v.library_path = manifest_library_path(read_file(view.at(path)));
  std::string lib = fs::path(v.library_path).filename().string();
  v.mesa = lib.find("mesa") != std::string::npos;
  v.nvidia = lib.find("nvidia") != std::string::npos;
  return v;
}

int elf_class(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  char h[5] = {};
  if (!in.read(h, 5) || h[0] != 0x7f || h[1] != 'E' || h[2] != 'L' || h[3] != 'F') return 0;
  return h[4] == 1 ? 32 : h[4] == 2 ? 64 : 0;
}

}  // namespace

const char* SystemView::env(const char* name) const { return getenv ? getenv(name) : std::getenv(name); }

fs::path SystemView::at(const std::string& absolute) const {
  if (root == "/" || absolute.empty() || absolute.front() != '/') return absolute;
  return root / absolute.substr(1);
}

std::vector<std::string> egl_vendor_dirs(const SystemView& view) {
  if (const char* dirs = view.env("__EGL_VENDOR_LIBRARY_DIRS"); dirs && *dirs) return split(dirs, ':');
  return {"/etc/glvnd/egl_vendor.d", "/usr/share/glvnd/egl_vendor.d"};
}

std::string manifest_library_path(const std::string& json) {
  // The manifests are tiny and flat; finding the key and its string value needs no JSON parser.
  size_t key = json.find("\"library_path\"");
  if (key == std::string::npos) return "";
  size_t colon = json.find(':', key);
  size_t open = colon == std::string::npos ? colon : json.find('"', colon);
  size_t close = open == std::string::npos ? open : json.find('"', open + 1);
  if (close == std::string::npos) return "";
  return json.substr(open + 1, close - open - 1);
}

std::string find_library(const SystemView& view, const std::string& name, int bits) {
  std::vector<std::string> dirs;
  if (!name.empty() && name.front() == '/') {
    dirs.push_back(fs::path(name).parent_path().string());
  } else if (bits == 64) {
    dirs = {"/usr/lib/x86_64-linux-gnu", "/lib/x86_64-linux-gnu", "/usr/lib64", "/usr/lib", "/usr/local/lib"};
  } else {
    dirs = {"/usr/lib/i386-linux-gnu", "/lib/i386-linux-gnu", "/usr/lib32", "/usr/lib"};
  }
  std::string base = fs::path(name).filename().string();
  for (const auto& d : dirs) {
    std::string candidate = (fs::path(d) / base).string();
    if (elf_class(view.at(candidate)) == bits) return candidate;
  }
  return "";
}

bool capabilities_include(const std::string& caps, const std::string& wanted) {
  for (const auto& c : split(caps, ','))
    if (c == wanted || c == "all") return true;
  return false;
}

SystemFacts gather_facts(const SystemView& view) {
  SystemFacts f;
  std::error_code ec;
  f.dev_dri_exists = fs::is_directory(view.at("/dev/dri"), ec);
  for (const auto& p : sorted_entries(view.at("/dev/dri"))) {
    std::string name = p.filename().string();
    if (!name.starts_with("card") && !name.starts_with("renderD")) continue;
    DeviceNode n;
    n.path = "/dev/dri/" + name;
    n.accessible = ::access(p.c_str(), R_OK | W_OK) == 0;
    struct stat st {};
    if (::stat(p.c_str(), &st) == 0)
      if (const struct group* g = ::getgrgid(st.st_gid)) n.group = g->gr_name;
    f.dri_nodes.push_back(n);
  }
  for (const auto& p : sorted_entries(view.at("/dev"))) {
    std::string name = p.filename().string();
    if (name.starts_with("nvidia")) f.nvidia_nodes.push_back("/dev/" + name);
  }

  if (const char* files = view.env("__EGL_VENDOR_LIBRARY_FILENAMES"); files && *files) {
    f.vendor_override = std::string("__EGL_VENDOR_LIBRARY_FILENAMES=") + files;
    for (const auto& file : split(files, ':')) f.egl_vendor_files.push_back(vendor_file(view, file));
  } else {
    if (const char* dirs = view.env("__EGL_VENDOR_LIBRARY_DIRS"); dirs && *dirs)
      f.vendor_override = std::string("__EGL_VENDOR_LIBRARY_DIRS=") + dirs;
    for (const auto& dir : egl_vendor_dirs(view))
      for (const auto& p : sorted_entries(view.at(dir)))
        if (p.extension() == ".json")
          f.egl_vendor_files.push_back(vendor_file(view, dir + "/" + p.filename().string()));
  }

  if (const char* c = view.env("NVIDIA_DRIVER_CAPABILITIES")) f.nvidia_capabilities = c;
  if (const char* v = view.env("NVIDIA_VISIBLE_DEVICES")) f.nvidia_visible_devices = v;

  auto forcing = [&](const char* name, auto predicate) {
    const char* v = view.env(name);
    if (v && predicate(std::string(v))) f.software_forcing.push_back(std::string(name) + "=" + v);
  };
  forcing("LIBGL_ALWAYS_SOFTWARE",
          [](const std::string& v) { return !v.empty() && v != "0" && v != "false"; });
  forcing("GALLIUM_DRIVER", [](const std::string& v) {
    return v == "llvmpipe" || v == "softpipe" || v == "swrast" || v == "lavapipe";
  });
  forcing("MESA_LOADER_DRIVER_OVERRIDE",
          [](const std::string& v) { return v == "swrast" || v == "kms_swrast"; });
  forcing("__GLX_VENDOR_LIBRARY_NAME", [](const std::string& v) { return v == "mesa"; });
  forcing("__EGL_VENDOR_LIBRARY_FILENAMES", [](const std::string& v) {
    return v.find("mesa") != std::string::npos && v.find("nvidia") == std::string::npos;
  });
  return f;
}

std::vector<Cause> software_causes(const SystemFacts& f) {
  std::vector<Cause> out;
  bool any_render_node = std::any_of(f.dri_nodes.begin(), f.dri_nodes.end(), [](const DeviceNode& n) {
    return n.path.starts_with("/dev/dri/renderD");
  });
  bool nvidia_vendor = std::any_of(f.egl_vendor_files.begin(), f.egl_vendor_files.end(),
                                   [](const VendorFile& v) { return v.nvidia; });
  bool hardware_vendor = std::any_of(f.egl_vendor_files.begin(), f.egl_vendor_files.end(),
                                     [](const VendorFile& v) { return !v.mesa; });

  if (!f.dev_dri_exists || !any_render_node)
    out.push_back(
        {f.dev_dri_exists ? "/dev/dri has no render node (renderD*)" : "there is no /dev/dri",
         "pass the GPU's device nodes into the container (docker run --device /dev/dri; in Kubernetes "
         "request the GPU resource, e.g. nvidia.com/gpu or gpu.intel.com/i915)"});
  for (const auto& n : f.dri_nodes) {
    if (n.accessible) continue;
    out.push_back({n.path + " is not readable and writable by this user",
                   "add the user to the group that owns it" +
                       (n.group.empty() ? "" : " ('" + n.group + "')") + " (docker run --group-add " +
                       (n.group.empty() ? "render" : n.group) + ")"});
  }
  // With a usable render node Mesa itself drives the GPU, so Mesa being the only vendor is fine then.
  if (!hardware_vendor && !any_render_node) {
    std::string only;
    for (const auto& v : f.egl_vendor_files)
      only += (only.empty() ? "" : ", ") + fs::path(v.path).filename().string();
    out.push_back(
        {"no hardware EGL vendor: glvnd finds " +
             (only.empty() ? std::string("no EGL vendor file at all") : "only Mesa's (" + only + ")") +
             ", no 10_nvidia.json",
         "for NVIDIA, install the driver's EGL library and vendor file matching the host driver "
         "(libnvidia-egl / 10_nvidia.json), or let the NVIDIA container toolkit mount them by "
         "granting the graphics capability"});
  }
  if (!f.nvidia_nodes.empty() && !nvidia_vendor)
    out.push_back({"NVIDIA device nodes exist (" + f.nvidia_nodes.front() +
                       ") but NVIDIA's EGL vendor file does not: the driver's graphics libraries are missing "
                       "(a compute-only or nvidia-headless driver, or capabilities without graphics)",
                   "set NVIDIA_DRIVER_CAPABILITIES=all (or include graphics) and use a host driver with its "
                   "GL/EGL libraries"});
  if (f.nvidia_capabilities && !capabilities_include(*f.nvidia_capabilities, "graphics"))
    out.push_back({"NVIDIA_DRIVER_CAPABILITIES=" + *f.nvidia_capabilities + " lacks graphics",
                   "set NVIDIA_DRIVER_CAPABILITIES=all, or add graphics (and display, compat32 as needed)"});
  for (const auto& v : f.software_forcing)
    out.push_back({v + " forces software rendering", "unset " + v.substr(0, v.find('='))});
  return out;
}

}  // namespace eglrun::diagnostics
