#include "diagnostics/doctor.hpp"

#include <fmt/format.h>
#include <sys/statvfs.h>

#include <algorithm>
#include <filesystem>
#include <sstream>

#include "diagnostics/json.hpp"

namespace eglrun::diagnostics {
namespace fs = std::filesystem;
namespace {

std::string join(const std::vector<std::string>& v, std::string_view sep = ", ") {
  std::string out;
  for (const auto& s : v) out += (out.empty() ? "" : std::string(sep)) + s;
  return out;
}

bool has_hardware_device(const std::vector<egl::DeviceInfo>& devices) {
  return std::any_of(devices.begin(), devices.end(),
                     [](const auto& d) { return !d.software && d.initialises; });
}

Check egl_devices(const DoctorInputs& in) {
  std::vector<std::string> rows;
  for (const auto& d : in.devices)
    rows.push_back(fmt::format("egl{} {}{}{}", d.index, d.software ? "software" : "hardware",
                               d.gl_renderer.empty() ? "" : " (" + d.gl_renderer + ")",
                               d.initialises ? "" : " fails: " + d.init_error));
  if (in.devices.empty())
    return {"egl-devices", Status::Failure, "no EGL device at all",
            "install libegl1 and a vendor (libegl-mesa0, or the NVIDIA driver's EGL library)"};
  if (has_hardware_device(in.devices)) return {"egl-devices", Status::Ok, join(rows), ""};
  return {"egl-devices", Status::Failure, "only software EGL devices: " + join(rows),
          "give the container a GPU: see the failures below for what is missing"};
}

Check dev_dri(const DoctorInputs& in) {
  const auto& f = in.facts;
  bool hw = has_hardware_device(in.devices);
  if (!f.dev_dri_exists)
    return {"dev-dri", hw ? Status::Warning : Status::Failure, "no /dev/dri",
            "pass the GPU's nodes into the container: docker run --device /dev/dri (AMD, Intel; NVIDIA EGL "
            "can work without them); in Kubernetes request the GPU resource"};
  std::vector<std::string> ok, denied;
  std::string group;
  for (const auto& n : f.dri_nodes) {
    (n.accessible ? ok : denied).push_back(n.path);
    if (!n.accessible && group.empty()) group = n.group;
  }
  if (f.dri_nodes.empty())
    return {"dev-dri", hw ? Status::Warning : Status::Failure,
            "/dev/dri exists but has no card or render node",
            "pass the nodes themselves (docker run --device /dev/dri/renderD128 …)"};
  if (!denied.empty())
    return {"dev-dri", Status::Failure, "not readable and writable by this user: " + join(denied),
            fmt::format("add the user to group '{}' (docker run --group-add {})",
                        group.empty() ? "render" : group, group.empty() ? "render" : group)};
  return {"dev-dri", Status::Ok, "accessible: " + join(ok), ""};
}

Check dev_nvidia(const DoctorInputs& in) {
  if (!in.facts.nvidia_nodes.empty())
    return {"dev-nvidia", Status::Ok, "present: " + join(in.facts.nvidia_nodes), ""};
  if (in.facts.dev_dri_exists)
    return {"dev-nvidia", Status::Ok, "none (no NVIDIA GPU here; /dev/dri is used)", ""};
  return {"dev-nvidia", Status::Warning, "no /dev/nvidia* nodes",
          "for an NVIDIA GPU run the container with the NVIDIA runtime (docker run --gpus all)"};
}

Check egl_vendors(const DoctorInputs& in) {
  const auto& f = in.facts;
  std::vector<std::string> files;
  bool hardware_vendor = false;
  for (const auto& v : f.egl_vendor_files) {
    files.push_back(v.path + " -> " + (v.library_path.empty() ? "?" : v.library_path));
    hardware_vendor |= !v.mesa;
  }
  std::string evidence = files.empty() ? "no EGL vendor file" : join(files);
  if (!f.vendor_override.empty()) evidence += " (search overridden: " + f.vendor_override + ")";
  bool render_node = std::any_of(f.dri_nodes.begin(), f.dri_nodes.end(),
                                 [](const auto& n) { return n.path.starts_with("/dev/dri/renderD"); });
  if (files.empty())
    return {"egl-vendors", Status::Failure, evidence, "install libegl-mesa0 and/or the NVIDIA EGL library"};
  if (!hardware_vendor && !render_node)
    return {"egl-vendors", Status::Failure,
            evidence + "; no hardware vendor (no 10_nvidia.json) and no render node for Mesa",
            "for NVIDIA: install the driver's EGL userspace matching the host driver, or grant the graphics "
            "capability so the container toolkit mounts 10_nvidia.json and libEGL_nvidia"};
  return {"egl-vendors", Status::Ok, evidence, ""};
}

Check nvidia_libs(const DoctorInputs& in) {
  const auto& f = in.facts;
  const VendorFile* nv = nullptr;
  for (const auto& v : f.egl_vendor_files)
    if (v.nvidia) nv = &v;
  if (!nv && f.nvidia_nodes.empty())
    return {"nvidia-libraries", Status::Ok, "not applicable (no NVIDIA GPU or vendor file)", ""};
  std::string egl_name = nv && !nv->library_path.empty() ? nv->library_path : "libEGL_nvidia.so.0";
  std::vector<std::string> found, missing32, missing64;
  for (const std::string& lib : {egl_name, std::string("libGLX_nvidia.so.0")}) {
    std::string p64 = find_library(in.view, lib, 64), p32 = find_library(in.view, lib, 32);
    if (p64.empty())
      missing64.push_back(lib);
    else
      found.push_back(p64);
    if (p32.empty())
      missing32.push_back(lib);
    else
      found.push_back(p32);
  }
  std::string evidence = found.empty() ? "" : "found: " + join(found);
  if (!missing64.empty())
    return {"nvidia-libraries", Status::Failure,
            evidence + (evidence.empty() ? "" : "; ") + "missing 64-bit: " + join(missing64),
            "install the NVIDIA driver's GL/EGL libraries (same version as the host driver), or set "
            "NVIDIA_DRIVER_CAPABILITIES to include graphics"};
  if (!missing32.empty())
    return {"nvidia-libraries", Status::Warning, evidence + "; missing 32-bit: " + join(missing32),
            "for 32-bit programs (Wine, Steam) install the i386 driver libraries and grant compat32"};
  return {"nvidia-libraries", Status::Ok, evidence, ""};
}

Check nvidia_capabilities(const DoctorInputs& in) {
  const auto& f = in.facts;
  if (!f.nvidia_capabilities) {
    if (f.nvidia_visible_devices)
      return {"nvidia-capabilities", Status::Failure,
              "NVIDIA_VISIBLE_DEVICES is set but NVIDIA_DRIVER_CAPABILITIES is not (the default grants only "
              "compute,utility: no graphics)",
              "set NVIDIA_DRIVER_CAPABILITIES=all (or graphics,display,compat32,compute,utility)"};
    return {"nvidia-capabilities", Status::Ok, "not an NVIDIA container (NVIDIA_DRIVER_CAPABILITIES unset)",
            ""};
  }
  const std::string& caps = *f.nvidia_capabilities;
  if (!capabilities_include(caps, "graphics"))
    return {"nvidia-capabilities", Status::Failure, "NVIDIA_DRIVER_CAPABILITIES=" + caps + " lacks graphics",
            "set NVIDIA_DRIVER_CAPABILITIES=all, or add graphics"};
  std::vector<std::string> lacking;
  if (!capabilities_include(caps, "display")) lacking.push_back("display (Vulkan presentation)");
  if (!capabilities_include(caps, "compat32")) lacking.push_back("compat32 (32-bit programs)");
  if (!lacking.empty())
    return {"nvidia-capabilities", Status::Warning,
            "NVIDIA_DRIVER_CAPABILITIES=" + caps + " lacks " + join(lacking),
            "add them if those programs are used (or set all)"};
  return {"nvidia-capabilities", Status::Ok, "NVIDIA_DRIVER_CAPABILITIES=" + caps, ""};
}

Check software_forcing(const DoctorInputs& in) {
  if (in.facts.software_forcing.empty()) return {"software-variables", Status::Ok, "none set", ""};
  std::vector<std::string> names;
  for (const auto& v : in.facts.software_forcing) names.push_back(v.substr(0, v.find('=')));
  return {"software-variables", Status::Failure,
          "forcing software rendering: " + join(in.facts.software_forcing), "unset " + join(names, " ")};
}

std::vector<Check> x_checks(const DoctorInputs& in) {
  if (!in.x) return {};
  const XServerFacts& x = *in.x;
  if (x.display.empty())
    return {{"x-display", Status::Warning, "DISPLAY is not set",
             "set DISPLAY to the X server programs will show on"}};
  if (!x.reachable)
    return {{"x-display", Status::Failure, "cannot connect to " + x.display + ": " + x.error,
             "start the X server, or fix DISPLAY / XAUTHORITY / the socket mount (/tmp/.X11-unix)"}};
  std::vector<Check> out;
  out.push_back({"x-display", Status::Ok, "connected to " + x.display, ""});
  out.push_back(
      x.truecolor
          ? Check{"x-truecolor", Status::Ok, x.visuals, ""}
          : Check{"x-truecolor", Status::Failure, "no TrueColor visual of depth 24 or 32: " + x.visuals,
                  "run the X server with a 24-bit TrueColor default (e.g. Xvfb -screen 0 1920x1080x24)"});
  if (!x.shm_extension)
    out.push_back({"x-mit-shm", Status::Warning, "the server has no MIT-SHM: frames go through XPutImage",
                   "enable MIT-SHM on the server for faster presentation"});
  else if (!x.shm_attach_ok)
    out.push_back({"x-mit-shm", Status::Warning, "MIT-SHM present but not usable from here: " + x.shm_detail,
                   "share the IPC namespace with the X server (docker --ipc=host or the same pod) for faster "
                   "presentation; eglrun falls back to XPutImage"});
  else
    out.push_back({"x-mit-shm", Status::Ok, "attach works from this process", ""});
  if (!x.glx)
    out.push_back({"x-glx", Status::Ok, "the server has no GLX: eglrun provides it", ""});
  else
    out.push_back(
        {"x-glx", Status::Ok,
         fmt::format("GLX vendor {}{}", x.glx_vendor_names.empty() ? "(no vendor names)" : x.glx_vendor_names,
                     x.glx_vendor.empty() ? "" : " (" + x.glx_vendor + ")") +
             (x.glx_vendor_names.empty() || x.glx_vendor_names == "mesa"
                  ? ""
                  : ": hardware GLX, eglrun would use native mode"),
         ""});
  return out;
}

Check dev_shm(const DoctorInputs& in) {
  if (!in.dev_shm_bytes) return {"dev-shm", Status::Warning, "no /dev/shm", "mount a tmpfs on /dev/shm"};
  uint64_t mib = *in.dev_shm_bytes >> 20;
  if (mib < 256)
    return {"dev-shm", Status::Warning, fmt::format("/dev/shm is {} MiB", mib),
            "give it at least 256 MiB (docker run --shm-size=1g): browsers and Electron programs need it"};
  return {"dev-shm", Status::Ok, fmt::format("/dev/shm is {} MiB", mib), ""};
}

Check vulkan(const DoctorInputs& in) {
  if (in.vulkan_icds.empty())
    return {
        "vulkan-icds", Status::Warning, "no Vulkan ICD file",
        "only needed by Vulkan programs: install the driver's ICD (nvidia_icd.json, or mesa-vulkan-drivers)"};
  bool hardware = std::any_of(in.vulkan_icds.begin(), in.vulkan_icds.end(),
                              [](const std::string& p) { return p.find("lvp_icd") == std::string::npos; });
  if (!hardware)
    return {"vulkan-icds", Status::Warning, "only lavapipe (software): " + join(in.vulkan_icds),
            "install the GPU's Vulkan ICD (nvidia_icd.json needs the display capability)"};
  return {"vulkan-icds", Status::Ok, join(in.vulkan_icds), ""};
}

Check interposer(const DoctorInputs& in) {
  if (in.interposer_library.empty())
    return {"interposer", Status::Failure, "libeglrun.so not found next to the launcher (../lib)",
            "reinstall eglrun (cmake --install), keeping bin/ and lib/ together"};
  return {"interposer", Status::Ok, in.interposer_library, ""};
}

}  // namespace

std::string_view status_name(Status s) {
  switch (s) {
    case Status::Ok:
      return "ok";
    case Status::Warning:
      return "warning";
    case Status::Failure:
      return "failure";
  }
  return "?";
}

DoctorReport run_doctor(const DoctorInputs& in) {
  DoctorReport r;
  r.checks = {egl_devices(in),         dev_dri(in),         dev_nvidia(in), egl_vendors(in), nvidia_libs(in),
              nvidia_capabilities(in), software_forcing(in)};
  for (auto& c : x_checks(in)) r.checks.push_back(std::move(c));
  r.checks.push_back(dev_shm(in));
  r.checks.push_back(vulkan(in));
  r.checks.push_back(interposer(in));
  r.checks.push_back(secure_exec_check(in.secure_exec));

  bool hw = has_hardware_device(in.devices);
  r.hardware_rendering = hw && in.facts.software_forcing.empty() && !in.interposer_library.empty();
  if (r.hardware_rendering)
    r.verdict = "hardware rendering: programs run with eglrun will render on the GPU";
  else if (!hw)
    r.verdict = "software only: programs run with eglrun will render on the CPU (no hardware EGL device)";
  else if (!in.facts.software_forcing.empty())
    r.verdict = "software forced: a GPU is present but variables force software rendering";
  else
    r.verdict = "broken installation: the interposer library is missing";
  return r;
}

std::string format_doctor_text(const DoctorReport& report) {
  std::string out;
  for (const auto& c : report.checks) {
    out += fmt::format("{:<8} {:<20} {}\n", status_name(c.status), c.id, c.evidence);
    if (!c.fix.empty() && c.status != Status::Ok) out += fmt::format("{:<29} fix: {}\n", "", c.fix);
  }
  out += "\nverdict: " + report.verdict + "\n";
  return out;
}

std::string device_json(const egl::DeviceInfo& d) {
  return fmt::format(
      "{{\"index\": {}, \"name\": {}, \"software\": {}, \"initialises\": {}, \"init_error\": {}, "
      "\"drm_card\": {}, "
      "\"drm_render\": {}, \"pci_address\": {}, \"vendor\": {}, \"driver\": {}, \"gl_renderer\": {}, "
      "\"gl_version\": {}, \"egl_extensions\": {}}}",
      d.index, json_string(fmt::format("egl{}", d.index)), d.software, d.initialises,
      json_string(d.init_error), json_string(d.drm_card), json_string(d.drm_render),
      json_string(d.pci_address), json_string(d.vendor), json_string(d.driver), json_string(d.gl_renderer),
      json_string(d.gl_version), json_string(d.egl_extensions));
}

std::string format_doctor_json(const DoctorReport& report, const std::vector<egl::DeviceInfo>& devices) {
  std::string out = "{\n  \"hardware_rendering\": ";
  out += report.hardware_rendering ? "true" : "false";
  out += ",\n  \"verdict\": " + json_string(report.verdict) + ",\n  \"checks\": [";
  for (size_t i = 0; i < report.checks.size(); ++i) {
    const auto& c = report.checks[i];
    out += fmt::format("{}\n    {{\"id\": {}, \"status\": {}, \"evidence\": {}, \"fix\": {}}}", i ? "," : "",
                       json_string(c.id), json_string(status_name(c.status)), json_string(c.evidence),
                       json_string(c.fix));
  }
  out += "\n  ],\n  \"devices\": [";
  for (size_t i = 0; i < devices.size(); ++i) out += (i ? ",\n    " : "\n    ") + device_json(devices[i]);
  out += "\n  ]\n}\n";
  return out;
}

std::vector<std::string> vulkan_icd_files(const SystemView& view) {
  std::vector<std::string> out;
  for (const char* var : {"VK_DRIVER_FILES", "VK_ICD_FILENAMES"}) {
    if (const char* v = view.env(var); v && *v) {
      std::istringstream in(v);
      for (std::string f; std::getline(in, f, ':');)
        if (!f.empty()) out.push_back(f);
      return out;
    }
  }
  for (const char* dir : {"/etc/vulkan/icd.d", "/usr/share/vulkan/icd.d", "/usr/local/share/vulkan/icd.d"}) {
    std::error_code ec;
    std::vector<std::string> names;
    for (const auto& e : fs::directory_iterator(view.at(dir), ec))
      if (e.path().extension() == ".json")
        names.push_back(std::string(dir) + "/" + e.path().filename().string());
    std::sort(names.begin(), names.end());
    out.insert(out.end(), names.begin(), names.end());
  }
  return out;
}

DoctorInputs gather_local_doctor_inputs(const SystemView& view) {
  DoctorInputs in;
  in.view = view;
  in.facts = gather_facts(view);
  in.devices = egl::enumerate_devices(true);
  struct statvfs st {};
  if (::statvfs(view.at("/dev/shm").c_str(), &st) == 0)
    in.dev_shm_bytes = static_cast<uint64_t>(st.f_blocks) * st.f_frsize;
  in.vulkan_icds = vulkan_icd_files(view);
  in.secure_exec = gather_secure_exec_facts();
  return in;
}

}  // namespace eglrun::diagnostics
