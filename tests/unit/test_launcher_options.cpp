#include <gtest/gtest.h>

#include "launcher/options.hpp"

namespace eglrun::launcher {
namespace {

ParseResult parse(std::vector<std::string> args) { return parse_options(args); }

TEST(LauncherOptions, ProgramAndArgumentsVerbatim) {
  ParseResult r = parse({"glxgears", "-info", "a b", "\"q\"", "--"});
  ASSERT_TRUE(r.error.empty()) << r.error;
  EXPECT_EQ(r.options.mode, Mode::Run);
  EXPECT_EQ(r.options.program, (std::vector<std::string>{"glxgears", "-info", "a b", "\"q\"", "--"}));
}

TEST(LauncherOptions, DoubleDashEndsOptions) {
  ParseResult r = parse({"-d", "egl0", "--", "--list", "--doctor"});
  ASSERT_TRUE(r.error.empty()) << r.error;
  EXPECT_EQ(r.options.mode, Mode::Run);
  EXPECT_EQ(r.options.device, "egl0");
  EXPECT_EQ(r.options.program, (std::vector<std::string>{"--list", "--doctor"}));
}

TEST(LauncherOptions, DeviceSpellings) {
  EXPECT_EQ(parse({"-d", "egl1", "x"}).options.device, "egl1");
  EXPECT_EQ(parse({"-degl1", "x"}).options.device, "egl1");
  EXPECT_EQ(parse({"--device", "/dev/dri/card0", "x"}).options.device, "/dev/dri/card0");
  EXPECT_EQ(parse({"--device=pci:0000:65:00.0", "x"}).options.device, "pci:0000:65:00.0");
  EXPECT_FALSE(parse({"-d"}).error.empty());
  EXPECT_FALSE(parse({"--device=", "x"}).error.empty());
  EXPECT_FALSE(parse({"--devicex", "x"}).error.empty());
}

TEST(LauncherOptions, EveryFlag) {
  ParseResult r = parse({"--require-gpu", "-q", "-v", "--verbose", "--fps", "30", "--profile", "--no-shm",
                         "--no-spoil", "--no-native", "prog"});
  ASSERT_TRUE(r.error.empty()) << r.error;
  const Options& o = r.options;
  EXPECT_TRUE(o.require_gpu);
  EXPECT_TRUE(o.quiet);
  EXPECT_EQ(o.verbose, 2);
  EXPECT_EQ(o.fps, "30");
  EXPECT_TRUE(o.profile);
  EXPECT_TRUE(o.no_shm);
  EXPECT_EQ(o.spoil, std::optional<bool>(false));
  EXPECT_EQ(o.native, Native::Off);
  EXPECT_EQ(parse({"--native", "prog"}).options.native, Native::On);
  EXPECT_EQ(parse({"--fps=12.5", "prog"}).options.fps, "12.5");
  EXPECT_EQ(parse({"--spoil", "prog"}).options.spoil, std::optional<bool>(true));
  EXPECT_EQ(parse({"prog"}).options.spoil, std::nullopt);
}

TEST(LauncherOptions, Modes) {
  EXPECT_EQ(parse({"--list"}).options.mode, Mode::List);
  ParseResult j = parse({"--doctor", "--json"});
  EXPECT_EQ(j.options.mode, Mode::Doctor);
  EXPECT_TRUE(j.options.json);
  EXPECT_EQ(parse({"--help"}).options.mode, Mode::Help);
  EXPECT_EQ(parse({"-h", "--bogus"}).options.mode, Mode::Help);
  EXPECT_EQ(parse({"--version"}).options.mode, Mode::Version);
}

TEST(LauncherOptions, UsageErrors) {
  EXPECT_NE(parse({}).error.find("no program"), std::string::npos);
  EXPECT_NE(parse({"--bogus", "prog"}).error.find("unknown option --bogus"), std::string::npos);
  EXPECT_FALSE(parse({"--fps", "fast", "prog"}).error.empty());
  EXPECT_FALSE(parse({"--fps", "-1", "prog"}).error.empty());
  EXPECT_FALSE(parse({"--json", "prog"}).error.empty());
  EXPECT_FALSE(parse({"--list", "prog"}).error.empty());
  EXPECT_FALSE(parse({"--native", "-d", "egl0", "prog"}).error.empty());
}

TEST(LauncherOptions, HelpNamesEveryOptionAndVariable) {
  std::string h = help_text();
  for (const char* word : {"--device",
                           "--list",
                           "--doctor",
                           "--json",
                           "--require-gpu",
                           "--native",
                           "--no-native",
                           "--quiet",
                           "--verbose",
                           "--version",
                           "--help",
                           "--fps",
                           "--profile",
                           "--no-shm",
                           "--no-spoil",
                           "--spoil",
                           "EGLRUN_DEVICE",
                           "EGLRUN_REQUIRE_GPU",
                           "EGLRUN_QUIET",
                           "EGLRUN_LOG",
                           "EGLRUN_FPS",
                           "EGLRUN_PROFILE",
                           "EGLRUN_NO_SHM",
                           "EGLRUN_SPOIL",
                           "VGL_DISPLAY",
                           "LD_PRELOAD",
                           "__GLX_VENDOR_LIBRARY_NAME",
                           "EGLRUN_NO_DLOPEN_INTERCEPT"})
    EXPECT_NE(h.find(word), std::string::npos) << word;
}

}  // namespace
}  // namespace eglrun::launcher
