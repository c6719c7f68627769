// The environment variables through which the launcher configures the interposer: the one contract
// between them, so neither side can spell a name the other does not read.
#pragma once

namespace eglrun::env {

inline constexpr const char* kDevice = "EGLRUN_DEVICE";           // egl, eglN, /dev/dri/…, pci:…
inline constexpr const char* kVglDisplay = "VGL_DISPLAY";         // VirtualGL's name for the device
inline constexpr const char* kRequireGpu = "EGLRUN_REQUIRE_GPU";  // 1: refuse software rendering
inline constexpr const char* kQuiet = "EGLRUN_QUIET";             // 1: no software-fallback warning
inline constexpr const char* kLog = "EGLRUN_LOG";                 // off|error|warn|info|debug|trace
inline constexpr const char* kFps = "EGLRUN_FPS";                 // frame-rate limit
inline constexpr const char* kProfile = "EGLRUN_PROFILE";         // 1: per-window stage timings
inline constexpr const char* kNoShm = "EGLRUN_NO_SHM";            // 1: XPutImage instead of MIT-SHM
inline constexpr const char* kSpoil = "EGLRUN_SPOIL";             // 0: show every frame
inline constexpr const char* kNoDlopenIntercept = "EGLRUN_NO_DLOPEN_INTERCEPT";  // 1: leave dlsym alone
inline constexpr const char* kNative = "EGLRUN_NATIVE";                 // set by the launcher in native mode
inline constexpr const char* kGlxVendor = "__GLX_VENDOR_LIBRARY_NAME";  // libglvnd's GLX vendor choice

}  // namespace eglrun::env
