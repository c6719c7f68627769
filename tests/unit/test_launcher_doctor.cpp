#include <gtest/gtest.h>

#include "diagnostics/doctor.hpp"
#include "diagnostics/json.hpp"
#include "launcher/x_server.hpp"

namespace eglrun::diagnostics {
namespace {

egl::DeviceInfo device(int index, bool software) {
  egl::DeviceInfo d;
  d.index = index;
  d.software = software;
  d.initialises = true;
  d.gl_renderer = software ? "llvmpipe (LLVM 15.0.6, 256 bits)" : "NVIDIA RTX A4000/PCIe/SSE2";
  return d;
}

const Check* find(const DoctorReport& r, const std::string& id) {
  for (const auto& c : r.checks)
    if (c.id == id) return &c;
  return nullptr;
}

DoctorInputs software_only_machine() {
  DoctorInputs in;
  in.devices = {device(0, true)};
  in.facts.egl_vendor_files = {
      {"/usr/share/glvnd/egl_vendor.d/50_mesa.json", "libEGL_mesa.so.0", true, false}};
  in.interposer_library = "/opt/eglrun/lib/libeglrun.so";
  in.dev_shm_bytes = 64ull << 20;
  return in;
}

DoctorInputs nvidia_machine() {
  DoctorInputs in = software_only_machine();
  in.devices = {device(0, false), device(1, true)};
  in.facts.nvidia_nodes = {"/dev/nvidia0", "/dev/nvidiactl"};
  in.facts.egl_vendor_files.push_back(
      {"/usr/share/glvnd/egl_vendor.d/10_nvidia.json", "libEGL_nvidia.so.0", false, true});
  in.facts.nvidia_capabilities = "all";
  return in;
}

TEST(Doctor, SoftwareOnlyMachineFailsWithTheSoftwareVerdict) {
  DoctorReport r = run_doctor(software_only_machine());
  EXPECT_FALSE(r.hardware_rendering);
  EXPECT_NE(r.verdict.find("software only"), std::string::npos);
  ASSERT_NE(find(r, "egl-devices"), nullptr);
  EXPECT_EQ(find(r, "egl-devices")->status, Status::Failure);
  EXPECT_EQ(find(r, "dev-dri")->status, Status::Failure);
  EXPECT_EQ(find(r, "egl-vendors")->status, Status::Failure);
  EXPECT_EQ(find(r, "dev-shm")->status, Status::Warning);
  EXPECT_NE(format_doctor_text(r).find("verdict: software only"), std::string::npos);
}

TEST(Doctor, NvidiaWithoutDriNodesStillRendersInHardware) {
  DoctorReport r = run_doctor(nvidia_machine());
  EXPECT_TRUE(r.hardware_rendering) << r.verdict;
  EXPECT_EQ(find(r, "dev-dri")->status, Status::Warning);
  EXPECT_EQ(find(r, "egl-vendors")->status, Status::Ok);
  EXPECT_EQ(find(r, "nvidia-capabilities")->status, Status::Ok);
}

TEST(Doctor, ForcingVariablesOrAMissingLibraryDenyTheVerdict) {
  DoctorInputs in = nvidia_machine();
  in.facts.software_forcing = {"LIBGL_ALWAYS_SOFTWARE=1"};
  DoctorReport r = run_doctor(in);
  EXPECT_FALSE(r.hardware_rendering);
  EXPECT_EQ(find(r, "software-variables")->status, Status::Failure);
  EXPECT_EQ(find(r, "software-variables")->fix, "unset LIBGL_ALWAYS_SOFTWARE");
  in = nvidia_machine();
  in.interposer_library.clear();
  EXPECT_FALSE(run_doctor(in).hardware_rendering);
}

TEST(Doctor, NvidiaCapabilities) {
  DoctorInputs in = nvidia_machine();
  in.facts.nvidia_capabilities = "compute,utility";
  EXPECT_EQ(find(run_doctor(in), "nvidia-capabilities")->status, Status::Failure);
  in.facts.nvidia_capabilities = "graphics,compute,utility";
  EXPECT_EQ(find(run_doctor(in), "nvidia-capabilities")->status, Status::Warning);  // no display, compat32
  in.facts.nvidia_capabilities.reset();
  in.facts.nvidia_visible_devices = "all";
  EXPECT_EQ(find(run_doctor(in), "nvidia-capabilities")->status, Status::Failure);
}

TEST(Doctor, XServerChecks) {
  DoctorInputs in = software_only_machine();
  EXPECT_EQ(find(run_doctor(in), "x-display"), nullptr);  // not checked
  in.x = XServerFacts{};
  EXPECT_EQ(find(run_doctor(in), "x-display")->status, Status::Warning);  // DISPLAY unset
  in.x->display = ":5";
  in.x->error = "socket or stream error";
  EXPECT_EQ(find(run_doctor(in), "x-display")->status, Status::Failure);
  in.x->reachable = true;
  in.x->truecolor = true;
  in.x->shm_extension = true;
  in.x->shm_attach_ok = false;
  DoctorReport r = run_doctor(in);
  EXPECT_EQ(find(r, "x-display")->status, Status::Ok);
  EXPECT_EQ(find(r, "x-mit-shm")->status, Status::Warning);
  EXPECT_EQ(find(r, "x-glx")->evidence, "the server has no GLX: eglrun provides it");
}

TEST(Doctor, HardwareGlxVendorMeansNativeMode) {
  XServerFacts x;
  x.reachable = true;
  x.glx = true;
  x.glx_vendor_names = "nvidia";
  EXPECT_TRUE(launcher::is_hardware_glx_vendor(x));
  EXPECT_EQ(launcher::native_vendor_name(x), "nvidia");
  x.glx_vendor_names = "mesa";
  EXPECT_FALSE(launcher::is_hardware_glx_vendor(x));
  x.glx_vendor_names = "";
  x.glx_vendor = "NVIDIA Corporation";  // a server without GLX_EXT_libglvnd
  EXPECT_EQ(launcher::native_vendor_name(x), "nvidia");
  x.glx = false;
  EXPECT_FALSE(launcher::is_hardware_glx_vendor(x));
}

TEST(Doctor, JsonStringsAreEscaped) {
  EXPECT_EQ(json_string("a\"b\\c\nd\x01"), "\"a\\\"b\\\\c\\nd\\u0001\"");
  std::string j = format_doctor_json(run_doctor(software_only_machine()), {device(0, true)});
  EXPECT_NE(j.find("\"hardware_rendering\": false"), std::string::npos);
  EXPECT_NE(j.find("\"id\": \"egl-devices\""), std::string::npos);
  EXPECT_NE(j.find("\"name\": \"egl0\""), std::string::npos);
}

}  // namespace
}  // namespace eglrun::diagnostics
