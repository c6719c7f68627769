// eglrun: runs a GLX program with libeglrun.so preloaded (see --help).
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "launcher/commands.hpp"
#include "launcher/options.hpp"
#include "log/log.hpp"

#include "launcher/child_env.hpp"

#ifndef EGLRUN_VERSION
#define EGLRUN_VERSION "unknown"
#endif

namespace {

// An eglrun started from a program that already runs under eglrun (a shell, a script) has the
// interposer preloaded into itself: its X server queries would then be answered by the interposer
// instead of the server. It restarts itself once without that library; the program still gets it.
void drop_own_interposer(char** argv) {
  const char* preload = std::getenv("LD_PRELOAD");
  if (preload == nullptr) return;
  std::string kept;
  bool found = false;
  for (const auto& p : eglrun::launcher::split_preload(preload)) {
    if (std::filesystem::path(p).filename() == "libeglrun.so")
      found = true;
    else
      kept += (kept.empty() ? "" : ":") + p;
  }
  if (!found) return;
  if (kept.empty())
    unsetenv("LD_PRELOAD");
  else
    setenv("LD_PRELOAD", kept.c_str(), 1);
  execv("/proc/self/exe", argv);
  setenv("LD_PRELOAD", preload, 1);  // could not restart: go on as we are
}

}  // namespace

int main(int argc, char** argv, char** envp) {
  using namespace eglrun::launcher;
  drop_own_interposer(argv);
  std::vector<std::string> args(argv + 1, argv + argc);
  ParseResult parsed = parse_options(args);
  if (!parsed.error.empty()) {
    std::fprintf(stderr, "eglrun: %s\nTry 'eglrun --help'.\n", parsed.error.c_str());
    return kExitUsage;
  }
  const Options& o = parsed.options;
  if (o.verbose > 0)
    eglrun::log::set_level(o.verbose == 1   ? eglrun::log::Level::Info
                           : o.verbose == 2 ? eglrun::log::Level::Debug
                                            : eglrun::log::Level::Trace);
  switch (o.mode) {
    case Mode::Help:
      std::fputs(help_text().c_str(), stdout);
      return 0;
    case Mode::Version:
      std::printf("eglrun %s\n", EGLRUN_VERSION);
      return 0;
    case Mode::List:
      return list_devices(o);
    case Mode::Doctor:
      return doctor(o);
    case Mode::Run:
      break;
  }
  return run_program(o, envp);
}
