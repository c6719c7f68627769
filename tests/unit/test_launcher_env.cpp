#include <gtest/gtest.h>

#include "launcher/child_env.hpp"

namespace eglrun::launcher {
namespace {

Options run_options(std::vector<std::string> args) {
  args.push_back("prog");
  ParseResult r = parse_options(args);
  EXPECT_TRUE(r.error.empty()) << r.error;
  return r.options;
}

const LaunchPlan kInterposed{"/opt/eglrun/lib/libeglrun.so", std::nullopt};

TEST(LauncherEnv, PreloadsTheLibraryAndHidesTheServerFromGlvnd) {
  Environment env{{"PATH", "/usr/bin"}};
  prepare_environment(run_options({}), kInterposed, env);
  EXPECT_EQ(env["LD_PRELOAD"], "/opt/eglrun/lib/libeglrun.so");
  EXPECT_EQ(env["__GLX_VENDOR_LIBRARY_NAME"], "eglrun");
  EXPECT_EQ(env["PATH"], "/usr/bin");
  EXPECT_EQ(env.count("EGLRUN_DEVICE"), 0u);  // left to EGLRUN_DEVICE / VGL_DISPLAY / default
  EXPECT_EQ(env.count("EGLRUN_NATIVE"), 0u);
}

TEST(LauncherEnv, KeepsAnExistingPreloadFirst) {
  Environment env{{"LD_PRELOAD", "/usr/lib/libasan.so.8 libfoo.so"}};
  prepare_environment(run_options({}), kInterposed, env);
  EXPECT_EQ(env["LD_PRELOAD"], "/usr/lib/libasan.so.8:libfoo.so:/opt/eglrun/lib/libeglrun.so");
}

TEST(LauncherEnv, ReplacesAnOuterEglrunPreload) {
  Environment env{{"LD_PRELOAD", "/old/lib/libeglrun.so:/x/liby.so"}};
  prepare_environment(run_options({}), kInterposed, env);
  EXPECT_EQ(env["LD_PRELOAD"], "/x/liby.so:/opt/eglrun/lib/libeglrun.so");
}

TEST(LauncherEnv, OptionsBecomeInterposerVariables) {
  Environment env;
  prepare_environment(run_options({"-d", "egl1", "--require-gpu", "--quiet", "-v", "-v", "--fps", "25",
                                   "--profile", "--no-shm", "--no-spoil"}),
                      kInterposed, env);
  EXPECT_EQ(env["EGLRUN_DEVICE"], "egl1");
  EXPECT_EQ(env["EGLRUN_REQUIRE_GPU"], "1");
  EXPECT_EQ(env["EGLRUN_QUIET"], "1");
  EXPECT_EQ(env["EGLRUN_LOG"], "debug");
  EXPECT_EQ(env["EGLRUN_FPS"], "25");
  EXPECT_EQ(env["EGLRUN_PROFILE"], "1");
  EXPECT_EQ(env["EGLRUN_NO_SHM"], "1");
  EXPECT_EQ(env["EGLRUN_SPOIL"], "0");
  Environment spoiling;
  prepare_environment(run_options({"--spoil"}), kInterposed, spoiling);
  EXPECT_EQ(spoiling["EGLRUN_SPOIL"], "1");
}

TEST(LauncherEnv, UnsetOptionsLeaveTheUsersVariables) {
  Environment env{{"EGLRUN_DEVICE", "egl0"}, {"EGLRUN_LOG", "trace"}};
  prepare_environment(run_options({}), kInterposed, env);
  EXPECT_EQ(env["EGLRUN_DEVICE"], "egl0");
  EXPECT_EQ(env["EGLRUN_LOG"], "trace");
}

TEST(LauncherEnv, NativeModeRunsWithoutTheInterposer) {
  Environment env{{"LD_PRELOAD", "/a/libeglrun.so:/b/libkeep.so"}, {"__GLX_VENDOR_LIBRARY_NAME", "eglrun"}};
  prepare_environment(run_options({"--native"}), LaunchPlan{"", std::string("nvidia")}, env);
  EXPECT_EQ(env["LD_PRELOAD"], "/b/libkeep.so");
  EXPECT_EQ(env["__GLX_VENDOR_LIBRARY_NAME"], "nvidia");
  EXPECT_EQ(env["EGLRUN_NATIVE"], "1");
  Environment only_ours{{"LD_PRELOAD", "/a/libeglrun.so"}};
  prepare_environment(run_options({"--native"}), LaunchPlan{"", std::string("nvidia")}, only_ours);
  EXPECT_EQ(only_ours.count("LD_PRELOAD"), 0u);
}

TEST(LauncherEnv, SplitsPreloadLikeTheDynamicLoader) {
  EXPECT_EQ(split_preload(" a.so::b.so c.so "), (std::vector<std::string>{"a.so", "b.so", "c.so"}));
  EXPECT_TRUE(split_preload("").empty());
}

TEST(LauncherEnv, EnvironmentRoundTrip) {
  char a[] = "A=1", b[] = "B=x=y", c[] = "NOEQUALS";
  char* envp[] = {a, b, c, nullptr};
  Environment env = environment_from(envp);
  EXPECT_EQ(env["A"], "1");
  EXPECT_EQ(env["B"], "x=y");
  EXPECT_EQ(env.size(), 2u);
  EXPECT_EQ(to_envp(env), (std::vector<std::string>{"A=1", "B=x=y"}));
}

}  // namespace
}  // namespace eglrun::launcher
