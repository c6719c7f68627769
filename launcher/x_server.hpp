// What the launcher learns from the X server: reachability, visuals, MIT-SHM, GLX and its vendor.
// Only the launcher asks the server; the interposer answers GLX queries itself and must never do this.
#pragma once

#include "diagnostics/doctor.hpp"

namespace eglrun::launcher {

// Connects to $DISPLAY (when set) and fills the facts; never fails, it reports.
diagnostics::XServerFacts probe_x_server();

// True when the server's GLX vendor is a GPU driver's (anything but Mesa's, whose GLX on an X server
// without a GPU renders with llvmpipe).
bool is_hardware_glx_vendor(const diagnostics::XServerFacts& x);

// The glvnd vendor to use for native mode: the first of the server's GLX vendor names.
std::string native_vendor_name(const diagnostics::XServerFacts& x);

}  // namespace eglrun::launcher
