#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "egl/device_selection.hpp"
#include "test_device_fake_fs.hpp"

namespace eglrun::egl {
namespace {

using ::testing::HasSubstr;

DeviceInfo hardware(int index, std::string card, std::string render, std::string pci) {
  DeviceInfo d;
  d.index = index;
  d.drm_card = std::move(card);
  d.drm_render = std::move(render);
  d.pci_address = std::move(pci);
  d.vendor = "NVIDIA";
  d.initialises = true;
  d.gl_renderer = "NVIDIA RTX A4000/PCIe/SSE2";
  return d;
}

DeviceInfo software(int index) {
  DeviceInfo d;
  d.index = index;
  d.software = true;
  d.vendor = "Mesa Project";
  d.driver = "swrast";
  d.initialises = true;
  return d;
}

DeviceInfo failing(DeviceInfo d, std::string why = "eglInitialize failed: EGL_NOT_INITIALIZED") {
  d.initialises = false;
  d.init_error = std::move(why);
  return d;
}

// Two GPUs, the first failing, and Mesa's software device last, as the device platform orders them.
std::vector<DeviceInfo> mixed() {
  return {failing(hardware(0, "/dev/dri/card0", "/dev/dri/renderD128", "0000:17:00.0")),
          hardware(1, "/dev/dri/card1", "/dev/dri/renderD129", "0000:65:00.0"), software(2)};
}

TEST(DeviceSelection, DefaultPrefersTheFirstHardwareDeviceThatInitialises) {
  EXPECT_EQ(select_device("egl", mixed()).index, 1);
  EXPECT_EQ(select_device("", mixed()).index, 1);
}

TEST(DeviceSelection, DefaultFallsBackToSoftware) {
  EXPECT_EQ(select_device("egl", {software(0)}).index, 0);
  std::vector<DeviceInfo> only_failing_gpu = {failing(hardware(0, "/dev/dri/card0", "", "")), software(1)};
  EXPECT_EQ(select_device("egl", only_failing_gpu).index, 1);
}

TEST(DeviceSelection, DefaultFailsWithoutAnyUsableDevice) {
  Selection none = select_device("egl", {});
  EXPECT_FALSE(none.index);
  EXPECT_THAT(none.error, HasSubstr("none"));
  Selection broken = select_device("egl", {failing(software(0))});
  EXPECT_FALSE(broken.index);
  EXPECT_THAT(broken.error, HasSubstr("every EGL device failed"));
  EXPECT_THAT(broken.error, HasSubstr("egl0"));
}

TEST(DeviceSelection, EglNCountsFailingDevicesInEglOrder) {
  EXPECT_EQ(select_device("egl1", mixed()).index, 1);
  EXPECT_EQ(select_device("egl2", mixed()).index, 2);
  Selection s = select_device("egl0", mixed());
  EXPECT_FALSE(s.index);
  EXPECT_THAT(s.error, HasSubstr("egl0 exists but cannot be initialised"));
  EXPECT_THAT(s.error, HasSubstr("EGL_NOT_INITIALIZED"));
}

TEST(DeviceSelection, MissingEglNNamesTheCauseAndListsDevices) {
  Selection s = select_device("egl5", {software(0)});
  EXPECT_FALSE(s.index);
  EXPECT_THAT(s.error, HasSubstr("egl5 does not exist"));
  EXPECT_THAT(s.error, HasSubstr("1 EGL device (egl0)"));
  EXPECT_THAT(s.error, HasSubstr("  egl0 "));  // the table row
  EXPECT_THAT(s.error, HasSubstr("Fix:"));
}

TEST(DeviceSelection, MalformedNamesAreRejected) {
  for (const char* spec : {"egl-1", "eglx", "gpu0", "egl 1", ":0", "software"}) {
    Selection s = select_device(spec, mixed());
    EXPECT_FALSE(s.index) << spec;
    EXPECT_FALSE(s.error.empty()) << spec;
  }
  EXPECT_THAT(select_device(":0", mixed()).error, HasSubstr("X display"));
  EXPECT_THAT(select_device("gpu0", mixed()).error, HasSubstr("not an EGL device name"));
}

TEST(DeviceSelection, MatchesCardAndRenderNodes) {
  testing::FakeRoot fs;
  fs.gpu("0000:17:00.0", 0, 128);
  fs.gpu("0000:65:00.0", 1, 129);
  EXPECT_EQ(select_device("/dev/dri/card1", mixed(), fs.path()).index, 1);
  EXPECT_EQ(select_device("/dev/dri/renderD129", mixed(), fs.path()).index, 1);
  EXPECT_EQ(select_device("/dev/dri/by-path/pci-0000:65:00.0-render", mixed(), fs.path()).index, 1);
  Selection s = select_device("/dev/dri/card0", mixed(), fs.path());
  EXPECT_FALSE(s.index);
  EXPECT_THAT(s.error, HasSubstr("/dev/dri/card0 (egl0) exists but cannot be initialised"));
}

TEST(DeviceSelection, CardNodeMatchesADeviceThatReportsOnlyItsRenderNode) {
  // Mesa devices without EGL_EXT_device_drm report the render node only; the card node of the same GPU
  // is found through sysfs.
  testing::FakeRoot fs;
  fs.gpu("0000:65:00.0", 1, 129);
  std::vector<DeviceInfo> devices = {hardware(0, "", "/dev/dri/renderD129", "0000:65:00.0"), software(1)};
  EXPECT_EQ(select_device("/dev/dri/card1", devices, fs.path()).index, 0);
}

TEST(DeviceSelection, MissingNodesNameTheAbsenceOfDevDri) {
  testing::FakeRoot fs;  // empty: no /dev/dri at all, as in a container without the GPU passed in
  Selection s = select_device("/dev/dri/card0", {software(0)}, fs.path());
  EXPECT_FALSE(s.index);
  EXPECT_THAT(s.error, HasSubstr("/dev/dri/card0 does not exist"));
  EXPECT_THAT(s.error, HasSubstr("no /dev/dri at all"));
  EXPECT_THAT(s.error, HasSubstr("egl0"));
}

TEST(DeviceSelection, ExistingNodeOfNoEglDevice) {
  testing::FakeRoot fs;
  fs.gpu("0000:b3:00.0", 2, 130);
  Selection s = select_device("/dev/dri/card2", mixed(), fs.path());
  EXPECT_FALSE(s.index);
  EXPECT_THAT(s.error, HasSubstr("not the DRM card or render node of any EGL device"));
}

TEST(DeviceSelection, MatchesPciAddresses) {
  EXPECT_EQ(select_device("pci:0000:65:00.0", mixed()).index, 1);
  EXPECT_EQ(select_device("pci:65:00.0", mixed()).index, 1);
  EXPECT_EQ(select_device("PCI:101:0:0", mixed()).index, 1);
  EXPECT_THAT(select_device("pci:0000:17:00.0", mixed()).error, HasSubstr("cannot be initialised"));
  Selection s = select_device("pci:0000:99:00.0", mixed());
  EXPECT_FALSE(s.index);
  EXPECT_THAT(s.error, HasSubstr("No EGL device at PCI address 0000:99:00.0"));
  EXPECT_THAT(select_device("pci:zz", mixed()).error, HasSubstr("not a PCI address"));
}

TEST(DeviceSelection, TableShowsEveryDeviceAndItsState) {
  std::string t = format_device_table(mixed());
  EXPECT_THAT(t, HasSubstr("egl0"));
  EXPECT_THAT(t, HasSubstr("fails: eglInitialize failed"));
  EXPECT_THAT(t, HasSubstr("/dev/dri/renderD129"));
  EXPECT_THAT(t, HasSubstr("0000:65:00.0"));
  EXPECT_THAT(t, HasSubstr("software"));
  EXPECT_THAT(t, HasSubstr("hardware"));
}

}  // namespace
}  // namespace eglrun::egl
