#include "launcher/child_env.hpp"

#include <filesystem>

#include "eglrun/environment.hpp"

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
    env[env::kGlxVendor] = *plan.native_vendor;
    env[env::kNative] = "1";
  } else {
    env[env::kGlxVendor] = kInterposedGlxVendor;
    env.erase(env::kNative);
  }
  if (o.device) env[env::kDevice] = *o.device;
  if (o.require_gpu) env[env::kRequireGpu] = "1";
  if (o.quiet) env[env::kQuiet] = "1";
  if (o.verbose > 0) env[env::kLog] = o.verbose == 1 ? "info" : o.verbose == 2 ? "debug" : "trace";
  if (o.fps) env[env::kFps] = *o.fps;
  if (o.profile) env[env::kProfile] = "1";
  if (o.no_shm) env[env::kNoShm] = "1";
  if (o.spoil) env[env::kSpoil] = *o.spoil ? "1" : "0";
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
  for (const auto& [k, v] : env) out.push_back(std::string(k).append("=").append(v));
  return out;
}

}  // namespace eglrun::launcher
