// --list and --doctor.
#include <cstdio>

#include "diagnostics/doctor.hpp"
#include "egl/device_selection.hpp"
#include "launcher/commands.hpp"
#include "launcher/self_path.hpp"
#include "launcher/x_server.hpp"

namespace eglrun::launcher {

int list_devices(const Options& o) {
  auto devices = egl::enumerate_devices(true);
  auto chosen = egl::select_device("egl", devices);
  if (o.json) {
    std::string out = "{\n  \"default\": ";
    out += chosen.index ? "\"egl" + std::to_string(*chosen.index) + "\"" : std::string("null");
    out += ",\n  \"devices\": [";
    for (size_t i = 0; i < devices.size(); ++i)
      out += (i ? ",\n    " : "\n    ") + diagnostics::device_json(devices[i]);
    out += "\n  ]\n}\n";
    std::fputs(out.c_str(), stdout);
    return 0;
  }
  if (devices.empty()) {
    std::puts("No EGL device found. Run `eglrun --doctor` to see what is missing.");
    return 0;
  }
  std::fputs(egl::format_device_table(devices).c_str(), stdout);
  if (chosen.index) {
    const egl::DeviceInfo* d = egl::find_device(devices, *chosen.index);
    std::printf("\nDefault device (egl): egl%d%s\n", d->index,
                d->software ? " (software: no hardware EGL device; `eglrun --doctor` says why)" : "");
  }
  return 0;
}

int doctor(const Options& o) {
  diagnostics::DoctorInputs in = diagnostics::gather_local_doctor_inputs({});
  in.x = probe_x_server();
  in.interposer_library = locate_library();
  diagnostics::DoctorReport report = diagnostics::run_doctor(in);
  std::string out =
      o.json ? diagnostics::format_doctor_json(report, in.devices) : diagnostics::format_doctor_text(report);
  std::fputs(out.c_str(), stdout);
  return report.hardware_rendering ? 0 : kExitDoctorProblems;
}

}  // namespace eglrun::launcher
