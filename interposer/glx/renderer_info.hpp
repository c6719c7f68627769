// GLX_MESA_query_renderer answers: the device's GL strings and the highest version of each API.
#pragma once

#include <string>

namespace eglrun::glx {

struct RendererInfo {
  bool valid = false;
  std::string vendor, renderer, version;
  unsigned vendor_id = 0xFFFFFFFF, device_id = 0xFFFFFFFF;
  unsigned version_numbers[3] = {0, 0, 0};  // of the driver (from the GL version string)
  bool accelerated = false;
  unsigned video_memory_mb = 0;
  bool unified_memory = false;
  unsigned core_max[2] = {0, 0}, compat_max[2] = {0, 0}, es1_max[2] = {0, 0}, es2_max[2] = {0, 0};
};

// Probed once (temporary contexts on the EGL device, the caller's binding restored).
const RendererInfo& renderer_info();

}  // namespace eglrun::glx
