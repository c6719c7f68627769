// `eglrun --doctor`: one line per check of the GL stack, each with its evidence and fix, and a verdict
// on whether hardware rendering through eglrun would work. The checks are pure functions of the facts
// gathered beforehand, so tests can feed any machine; the X server facts come from the launcher (the
// interposer never queries the server).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "diagnostics/secure_exec.hpp"
#include "diagnostics/system_facts.hpp"
#include "egl/device_selection.hpp"

namespace eglrun::diagnostics {

enum class Status { Ok, Warning, Failure };
std::string_view status_name(Status s);  // "ok", "warning", "failure"

struct Check {
  std::string id;  // stable key for scripts: "egl-devices", "dev-dri", …
  Status status = Status::Ok;
  std::string evidence;
  std::string fix;  // empty when there is nothing to do
};

struct XServerFacts {
  std::string display;  // $DISPLAY ("" when unset)
  bool reachable = false;
  std::string error;  // why not
  bool truecolor = false;
  std::string visuals;  // "TrueColor depth 24 (0x21), depth 32"
  bool shm_extension = false;
  bool shm_attach_ok = false;
  std::string shm_detail;
  bool glx = false;
  std::string glx_vendor_names;  // GLX_VENDOR_NAMES_EXT of screen 0: the glvnd vendor ("nvidia", "mesa")
  std::string glx_vendor;        // GLX_VENDOR server string
};

struct DoctorInputs {
  SystemView view;
  SystemFacts facts;
  std::vector<egl::DeviceInfo> devices;
  std::optional<XServerFacts> x;   // nullopt: not checked
  std::string interposer_library;  // "" when the launcher could not find libeglrun.so
  std::optional<uint64_t> dev_shm_bytes;
  std::vector<std::string> vulkan_icds;  // manifest paths
  SecureExecFacts secure_exec;           // setuid / secure-execution facts of this process
};

struct DoctorReport {
  std::vector<Check> checks;
  bool hardware_rendering = false;  // the verdict: a program run by eglrun would render on a GPU
  std::string verdict;
};

DoctorReport run_doctor(const DoctorInputs& in);
std::string format_doctor_text(const DoctorReport& report);
std::string format_doctor_json(const DoctorReport& report, const std::vector<egl::DeviceInfo>& devices);

// The facts of this machine that need no X server: devices (probed), files, environment.
DoctorInputs gather_local_doctor_inputs(const SystemView& view);
// Vulkan ICD manifests: VK_ICD_FILENAMES / VK_DRIVER_FILES, else the standard dirs.
std::vector<std::string> vulkan_icd_files(const SystemView& view);

// JSON for one device, shared with `eglrun --list --json`.
std::string device_json(const egl::DeviceInfo& d);

}  // namespace eglrun::diagnostics
