// libFuzzer harness: the launcher's command line (parse_options). The input is the argument vector,
// arguments separated by NUL bytes.
#include <cstdlib>
#include <string>
#include <vector>

#include "launcher/options.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::vector<std::string> args;
  std::string cur;
  for (size_t i = 0; i < size; ++i) {
    if (data[i] == 0) {
      args.push_back(cur);
      cur.clear();
    } else {
      cur.push_back(static_cast<char>(data[i]));
    }
  }
  if (!cur.empty()) args.push_back(cur);
  auto r = eglrun::launcher::parse_options(args);
  if (r.error.empty() && r.options.mode == eglrun::launcher::Mode::Run && r.options.program.empty()) {
    // Nothing to run must be a usage error, not a run of an empty program.
    std::abort();
  }
  // The program and its arguments come through verbatim: they are the tail of the input.
  if (r.error.empty() && !r.options.program.empty()) {
    if (r.options.program.size() > args.size()) std::abort();
    for (size_t i = 0; i < r.options.program.size(); ++i)
      if (r.options.program[r.options.program.size() - 1 - i] != args[args.size() - 1 - i]) std::abort();
  }
  return 0;
}
