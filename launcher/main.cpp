// eglrun: runs a GLX program with libeglrun.so preloaded (see --help).
#include <cstdio>
#include <string>
#include <vector>

#include "launcher/commands.hpp"
#include "launcher/options.hpp"
#include "log/log.hpp"

#ifndef EGLRUN_VERSION
#define EGLRUN_VERSION "unknown"
#endif

int main(int argc, char** argv, char** envp) {
  using namespace eglrun::launcher;
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
