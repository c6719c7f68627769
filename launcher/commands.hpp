// The launcher's modes, each returning the process exit status (run_program returns only on failure).
#pragma once

#include "launcher/options.hpp"

namespace eglrun::launcher {

int list_devices(const Options& o);
int doctor(const Options& o);
int run_program(const Options& o, char** envp);

}  // namespace eglrun::launcher
