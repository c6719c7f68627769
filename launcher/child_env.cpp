#include "launcher/child_env.hpp"

#include <filesystem>

namespace eglrun::launcher {

std::vector<std::string> split_preload(const std::string& value) {
  std::vector<std::string> out;
  std::string cur;
  for (char c : value) {
    if (c == ':' || c == ' ') {
      if (!cur.empty()) out.push_back(cur);
      cur.clear();
    } else {
      cur += c;
    }
  }
  if (!cur.empty()) out.push_back(cur);
  return out;
}

void prepare_environment(const Options& o, const LaunchPlan& plan, Environment& env) {
  // What the user already preloads stays, in its order and first (ASan's runtime must come first);
  // an eglrun library preloaded by an outer eglrun is replaced, so nesting never loads two copies.
  std::vector<std::string> preload;
  if (auto it = env.find("LD_PRELOAD"); it != env.end())
    for (auto& p : split_preload(it->second))
      if (std::filesystem::path(p).filename() != "libeglrun.so") preload.push_back(p);
  if (!plan.native_vendor) preload.push_back(plan.library);
  std::string joined;
  for (const auto& p : preload) joined += (joined.empty() ? "" : ":") + p;
  if (joined.empty())
    env.erase("LD_PRELOAD");
  else
    env["LD_PRELOAD"] = joined;

  if (plan.native_vendor) {
    env["__GLX_VENDOR_LIBRARY_NAME"] = *plan.native_vendor;
    env["EGLRUN_NATIVE"] = "1";
  } else {
    env["__GLX_VENDOR_LIBRARY_NAME"] = kInterposedGlxVendor;
    env.erase("EGLRUN_NATIVE");
  }
  if (o.device) env["EGLRUN_DEVICE"] = *o.device;
  if (o.require_gpu) env["EGLRUN_REQUIRE_GPU"] = "1";
  if (o.quiet) env["EGLRUN_QUIET"] = "1";
  if (o.verbose > 0) env["EGLRUN_LOG"] = o.verbose == 1 ? "info" : o.verbose == 2 ? "debug" : "trace";
  if (o.fps) env["EGLRUN_FPS"] = *o.fps;
  if (o.profile) env["EGLRUN_PROFILE"] = "1";
  if (o.no_shm) env["EGLRUN_NO_SHM"] = "1";
  if (o.no_spoil) env["EGLRUN_SPOIL"] = "0";
}

Environment environment_from(char** envp) {
  Environment env;
  for (char** e = envp; e && *e; ++e) {
    std::string kv(*e);
    size_t eq = kv.find('=');
    if (eq == std::string::npos) continue;
    env.emplace(kv.substr(0, eq), kv.substr(eq + 1));
  }
  return env;
}

std::vector<std::string> to_envp(const Environment& env) {
  std::vector<std::string> out;
  out.reserve(env.size());
  for (const auto& [k, v] : env) out.push_back(k + "=" + v);
  return out;
}

}  // namespace eglrun::launcher
