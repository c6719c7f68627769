#include "launcher/self_path.hpp"

#include <filesystem>
#include <system_error>

#ifndef EGLRUN_BIN_TO_LIB
#define EGLRUN_BIN_TO_LIB "../lib"
#endif

namespace eglrun::launcher {
namespace fs = std::filesystem;

std::string executable_dir() {
  std::error_code ec;
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  return ec ? std::string() : exe.parent_path().string();
}

std::string locate_library(std::vector<std::string>* tried) {
  std::string dir = executable_dir();
  if (dir.empty()) return "";
  for (const char* rel : {"../lib", EGLRUN_BIN_TO_LIB}) {
    fs::path candidate = fs::path(dir) / rel / "libeglrun.so";
    if (tried) tried->push_back(candidate.lexically_normal().string());
    std::error_code ec;
    if (fs::is_regular_file(candidate, ec)) {
      fs::path real = fs::canonical(candidate, ec);
      if (!ec) return real.string();
    }
  }
  return "";
}

}  // namespace eglrun::launcher
