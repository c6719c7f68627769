#include <gtest/gtest.h>

#include "egl/device_sysfs.hpp"
#include "test_device_fake_fs.hpp"

namespace eglrun::egl {
namespace {

TEST(DeviceSysfs, ResolvesByPathSymlinksToTheNode) {
  testing::FakeRoot fs;
  fs.gpu("0000:65:00.0", 1, 129);
  EXPECT_EQ(resolve_node_path("/dev/dri/by-path/pci-0000:65:00.0-render", fs.path()), "/dev/dri/renderD129");
  EXPECT_EQ(resolve_node_path("/dev/dri/by-path/pci-0000:65:00.0-card", fs.path()), "/dev/dri/card1");
  EXPECT_EQ(resolve_node_path("/dev/dri/card1", fs.path()), "/dev/dri/card1");
  EXPECT_EQ(resolve_node_path("/dev/dri/./by-path/../card1", fs.path()), "/dev/dri/card1");
}

TEST(DeviceSysfs, AbsoluteLinkTargetsStayInsideTheRoot) {
  testing::FakeRoot fs;
  fs.file("/dev/dri/renderD128");
  fs.link("/dev/gpu0", "/dev/dri/renderD128");
  EXPECT_EQ(resolve_node_path("/dev/gpu0", fs.path()), "/dev/dri/renderD128");
}

TEST(DeviceSysfs, MissingPathsAndLoopsAreNotFound) {
  testing::FakeRoot fs;
  EXPECT_FALSE(resolve_node_path("/dev/dri/card0", fs.path()));
  fs.link("/dev/a", "b");
  fs.link("/dev/b", "a");
  EXPECT_FALSE(resolve_node_path("/dev/a", fs.path()));
  EXPECT_FALSE(resolve_node_path("relative/path", fs.path()));
}

TEST(DeviceSysfs, PciAddressComesFromTheNodesSysfsDevice) {
  testing::FakeRoot fs;
  fs.gpu("0000:65:00.0", 1, 129);
  EXPECT_EQ(pci_address_for_node("/dev/dri/renderD129", fs.path()), "0000:65:00.0");
  EXPECT_EQ(pci_address_for_node("/dev/dri/card1", fs.path()), "0000:65:00.0");
  EXPECT_EQ(pci_address_for_node("/dev/dri/by-path/pci-0000:65:00.0-render", fs.path()), "0000:65:00.0");
  EXPECT_EQ(pci_address_for_node("/dev/dri/renderD200", fs.path()), "");
}

TEST(DeviceSysfs, NonPciDevicesHaveNoPciAddress) {
  testing::FakeRoot fs;
  fs.file("/dev/dri/card0");
  std::filesystem::create_directories(fs.at("/sys/devices/platform/soc/gpu/drm/card0"));
  fs.link("/sys/devices/platform/soc/gpu/drm/card0/device", "../../../gpu");
  fs.link("/sys/class/drm/card0", "../../devices/platform/soc/gpu/drm/card0");
  EXPECT_EQ(pci_address_for_node("/dev/dri/card0", fs.path()), "");
}

TEST(DeviceSysfs, NormalisesPciAddresses) {
  EXPECT_EQ(normalize_pci_address("pci:0000:65:00.0"), "0000:65:00.0");
  EXPECT_EQ(normalize_pci_address("PCI:0000:65:00.0"), "0000:65:00.0");
  EXPECT_EQ(normalize_pci_address("65:00.0"), "0000:65:00.0");
  EXPECT_EQ(normalize_pci_address("0000:0A:1f.7"), "0000:0a:1f.7");
  EXPECT_EQ(normalize_pci_address("PCI:101:0:0"), "0000:65:00.0");  // Xorg BusID, decimal
  EXPECT_FALSE(normalize_pci_address("pci:65:00"));
  EXPECT_FALSE(normalize_pci_address("0000:65:20.0"));  // device > 31
  EXPECT_FALSE(normalize_pci_address("0000:65:00.8"));  // function > 7
  EXPECT_FALSE(normalize_pci_address("egl0"));
  EXPECT_TRUE(looks_like_pci_address("pci:garbage"));
  EXPECT_FALSE(looks_like_pci_address("garbage"));
}

}  // namespace
}  // namespace eglrun::egl
