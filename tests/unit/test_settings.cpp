#include <gtest/gtest.h>

#include <map>
#include <string>

#include "config/settings.hpp"

namespace eglrun::config {
namespace {

// parse_settings takes a plain function pointer, so the fake environment lives in a global.
std::map<std::string, std::string> g_env;
const char* fake_getenv(const char* name) {
  auto it = g_env.find(name);
  return it == g_env.end() ? nullptr : it->second.c_str();
}
ParseResult parse(std::map<std::string, std::string> env) {
  g_env = std::move(env);
  return parse_settings(&fake_getenv);
}

TEST(Settings, Defaults) {
  ParseResult r = parse({});
  EXPECT_EQ(r.settings.device, "egl");
  EXPECT_FALSE(r.settings.device_explicit);
  EXPECT_EQ(r.settings.device_source, "");
  EXPECT_FALSE(r.settings.require_gpu);
  EXPECT_FALSE(r.settings.quiet);
  EXPECT_FALSE(r.settings.force_xputimage);
  EXPECT_EQ(r.settings.spoil, Spoil::Auto);
  EXPECT_EQ(r.settings.fps_limit, 0);
  EXPECT_FALSE(r.settings.profile);
  EXPECT_TRUE(r.settings.intercept_dlopen);
  EXPECT_TRUE(r.problems.empty());
}

TEST(Settings, EveryVariableTheLauncherSets) {
  ParseResult r = parse({{"EGLRUN_DEVICE", "egl1"},
                         {"EGLRUN_REQUIRE_GPU", "1"},
                         {"EGLRUN_QUIET", "1"},
                         {"EGLRUN_NO_SHM", "1"},
                         {"EGLRUN_SPOIL", "0"},
                         {"EGLRUN_PROFILE", "1"},
                         {"EGLRUN_FPS", "30"},
                         {"EGLRUN_NO_DLOPEN_INTERCEPT", "1"}});
  EXPECT_EQ(r.settings.device, "egl1");
  EXPECT_TRUE(r.settings.device_explicit);
  EXPECT_EQ(r.settings.device_source, "EGLRUN_DEVICE");
  EXPECT_TRUE(r.settings.require_gpu);
  EXPECT_TRUE(r.settings.quiet);
  EXPECT_TRUE(r.settings.force_xputimage);
  EXPECT_EQ(r.settings.spoil, Spoil::Off);
  EXPECT_TRUE(r.settings.profile);
  EXPECT_EQ(r.settings.fps_limit, 30);
  EXPECT_FALSE(r.settings.intercept_dlopen);
  EXPECT_TRUE(r.problems.empty());
}

TEST(Settings, SpoilingIsAutoOnOrOff) {
  EXPECT_EQ(parse({{"EGLRUN_SPOIL", "1"}}).settings.spoil, Spoil::On);
  EXPECT_EQ(parse({{"EGLRUN_SPOIL", "auto"}}).settings.spoil, Spoil::Auto);
  ParseResult bad = parse({{"EGLRUN_SPOIL", "sometimes"}});
  EXPECT_EQ(bad.settings.spoil, Spoil::Auto);
  ASSERT_EQ(bad.problems.size(), 1u);
  EXPECT_NE(bad.problems[0].find("EGLRUN_SPOIL=sometimes"), std::string::npos);
  // Auto: spoil on a GPU, never on a software renderer, whose rendering shares the presenter's CPU.
  EXPECT_TRUE(spoils(Spoil::Auto, false));
  EXPECT_FALSE(spoils(Spoil::Auto, true));
  EXPECT_TRUE(spoils(Spoil::On, true));
  EXPECT_FALSE(spoils(Spoil::Off, false));
}

TEST(Settings, VglDisplayIsAFallbackForEglDeviceNamesOnly) {
  EXPECT_EQ(parse({{"VGL_DISPLAY", "egl0"}}).settings.device, "egl0");
  EXPECT_EQ(parse({{"VGL_DISPLAY", "egl0"}}).settings.device_source, "VGL_DISPLAY");
  EXPECT_EQ(parse({{"VGL_DISPLAY", "/dev/dri/card1"}}).settings.device, "/dev/dri/card1");
  EXPECT_EQ(parse({{"VGL_DISPLAY", "pci:0000:65:00.0"}}).settings.device, "pci:0000:65:00.0");
  ParseResult x = parse({{"VGL_DISPLAY", ":0.0"}});
  EXPECT_EQ(x.settings.device, "egl");
  EXPECT_FALSE(x.settings.device_explicit);
  // EGLRUN_DEVICE wins over VGL_DISPLAY.
  EXPECT_EQ(parse({{"VGL_DISPLAY", "egl0"}, {"EGLRUN_DEVICE", "egl1"}}).settings.device, "egl1");
  // Empty values count as unset.
  EXPECT_EQ(parse({{"EGLRUN_DEVICE", ""}, {"VGL_DISPLAY", "egl2"}}).settings.device, "egl2");
}

TEST(Settings, BooleanSpellings) {
  for (const char* yes : {"1", "yes", "true", "on"})
    EXPECT_TRUE(parse({{"EGLRUN_QUIET", yes}}).settings.quiet) << yes;
  for (const char* no : {"0", "no", "false", "off", ""})
    EXPECT_FALSE(parse({{"EGLRUN_QUIET", no}}).settings.quiet) << no;
}

TEST(Settings, GarbageIsReportedAndIgnored) {
  ParseResult r = parse({{"EGLRUN_REQUIRE_GPU", "maybe"}, {"EGLRUN_FPS", "fast"}});
  EXPECT_FALSE(r.settings.require_gpu);
  EXPECT_EQ(r.settings.fps_limit, 0);
  ASSERT_EQ(r.problems.size(), 2u);
  EXPECT_NE(r.problems[0].find("EGLRUN_REQUIRE_GPU=maybe"), std::string::npos);
  EXPECT_NE(r.problems[1].find("EGLRUN_FPS=fast"), std::string::npos);
  EXPECT_EQ(parse({{"EGLRUN_FPS", "-5"}}).problems.size(), 1u);
}

}  // namespace
}  // namespace eglrun::config
