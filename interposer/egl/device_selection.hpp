// Which EGL device eglrun renders on: the device list, the device-name grammar and the choice.
//
// The choice itself (select_device) is pure: it works on a list of DeviceInfo so that tests can feed
// any mix of hardware and software devices, DRM nodes and failing devices. enumerate_devices() builds
// that list from the real EGL device platform; open_device_display() ties both together for the
// interposer.
#pragma once

#include <EGL/egl.h>
#include <EGL/eglext.h>

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace eglrun::egl {

struct DeviceInfo {
  int index = 0;  // position in eglQueryDevicesEXT order: the N of "eglN"
  EGLDeviceEXT handle = EGL_NO_DEVICE_EXT;
  std::string drm_card;                 // EGL_EXT_device_drm, e.g. /dev/dri/card0 ("" when unknown)
  std::string drm_render;               // EGL_EXT_device_drm_render_node, e.g. /dev/dri/renderD128
  std::string pci_address;              // 0000:65:00.0, from the DRM node's sysfs device ("" when unknown)
  std::string vendor;                   // EGL_VENDOR of the device's display
  std::string driver;                   // EGL_MESA_query_driver name where present
  std::string egl_extensions;           // the device's extension string
  bool software = false;                // EGL_MESA_device_software, or a software GL renderer when probed
  bool initialises = false;             // eglInitialize() succeeded on its platform display
  std::string init_error;               // why it did not
  std::string gl_renderer, gl_version;  // filled by the probe context when asked
};

// Real EGL: every device in eglQueryDevicesEXT order (devices that fail to initialise are kept, with
// initialises=false, so eglN numbering always equals EGL's own order). With probe_gl, a config-less
// desktop GL context is made current surfaceless on each device to read GL_RENDERER/GL_VERSION.
std::vector<DeviceInfo> enumerate_devices(bool probe_gl = false);

struct Selection {
  std::optional<int> index;  // DeviceInfo::index of the chosen device
  std::string error;         // when !index: cause, the table of existing devices, and the fix
};

// Pure apart from resolving path specs (symlinks under /dev/dri/by-path, …) on the real filesystem.
// Accepted specs: "" or "egl" (first hardware device that initialises, else the first software one),
// "eglN", a DRM card or render node path (or a symlink to one), "pci:DDDD:BB:DD.F" (domain optional).
Selection select_device(std::string_view spec, const std::vector<DeviceInfo>& devices);
// The same with the filesystem rooted elsewhere (tests build a fake /dev tree in a temp dir).
Selection select_device(std::string_view spec, const std::vector<DeviceInfo>& devices,
                        const std::filesystem::path& fs_root);

// The device with that eglN index, or nullptr.
const DeviceInfo* find_device(const std::vector<DeviceInfo>& devices, int index);

// A human table of the devices, one row each, as shown by `eglrun --list` and in selection errors.
std::string format_device_table(const std::vector<DeviceInfo>& devices);

// Opens and eglInitialize()s the EGLDisplay for the spec; on failure returns EGL_NO_DISPLAY and fills
// *error with the full user-facing message. `chosen` and `error` may be null.
EGLDisplay open_device_display(std::string_view spec, DeviceInfo* chosen, std::string* error);

}  // namespace eglrun::egl
