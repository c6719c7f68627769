// The same selection against the real EGL device platform: on CI that is Mesa's software device only.
#include <gtest/gtest.h>

#include "diagnostics/fallback.hpp"
#include "egl/device_selection.hpp"

namespace eglrun::egl {
namespace {

TEST(RealDevices, EnumerationFindsAnInitialisingDeviceWithARenderer) {
  auto devices = enumerate_devices(true);
  ASSERT_FALSE(devices.empty());
  for (size_t i = 0; i < devices.size(); ++i) EXPECT_EQ(devices[i].index, static_cast<int>(i));
  Selection s = select_device("egl", devices);
  ASSERT_TRUE(s.index) << s.error;
  const DeviceInfo* d = find_device(devices, *s.index);
  ASSERT_NE(d, nullptr);
  EXPECT_TRUE(d->initialises);
  EXPECT_FALSE(d->gl_renderer.empty());
  EXPECT_FALSE(d->gl_version.empty());
  if (diagnostics::is_software_renderer(d->gl_renderer)) EXPECT_TRUE(d->software);
}

TEST(RealDevices, OpenDeviceDisplayGivesAnInitialisedDisplay) {
  DeviceInfo chosen;
  std::string error;
  EGLDisplay dpy = open_device_display("egl0", &chosen, &error);
  ASSERT_NE(dpy, EGL_NO_DISPLAY) << error;
  EXPECT_EQ(chosen.index, 0);
  EXPECT_NE(eglQueryString(dpy, EGL_VERSION), nullptr);
  // Enumerating again must not terminate a display someone already uses.
  enumerate_devices(true);
  EXPECT_NE(eglQueryString(dpy, EGL_VERSION), nullptr);
}

TEST(RealDevices, OpenDeviceDisplayExplainsABadName) {
  std::string error;
  EXPECT_EQ(open_device_display("egl99", nullptr, &error), EGL_NO_DISPLAY);
  EXPECT_NE(error.find("egl99 does not exist"), std::string::npos) << error;
  EXPECT_NE(error.find("egl0"), std::string::npos) << error;
}

}  // namespace
}  // namespace eglrun::egl
