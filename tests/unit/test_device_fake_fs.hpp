// A throw-away filesystem root for tests: fake /dev/dri nodes, by-path symlinks and sysfs device links.
#pragma once

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

namespace eglrun::testing {

class FakeRoot {
 public:
  FakeRoot() {
    std::string tmpl = (std::filesystem::temp_directory_path() / "eglrun-fakeroot-XXXXXX").string();
    root_ = ::mkdtemp(tmpl.data());
  }
  ~FakeRoot() {
    std::error_code ec;
    std::filesystem::remove_all(root_, ec);
  }
  const std::filesystem::path& path() const { return root_; }

  void file(const std::string& abs, const std::string& content = "") {
    auto p = at(abs);
    std::filesystem::create_directories(p.parent_path());
    std::ofstream(p) << content;
  }
  void link(const std::string& abs, const std::string& target) {
    auto p = at(abs);
    std::filesystem::create_directories(p.parent_path());
    std::filesystem::create_symlink(target, p);
  }
  // A PCI GPU with card and render nodes, laid out as Linux does: sysfs class links into the device
  // tree, a device link back to the PCI slot, and a by-path symlink in /dev/dri.
  void gpu(const std::string& pci, int card, int render) {
    std::string c = "card" + std::to_string(card), r = "renderD" + std::to_string(render);
    file("/dev/dri/" + c);
    file("/dev/dri/" + r);
    link("/dev/dri/by-path/pci-" + pci + "-card", "../" + c);
    link("/dev/dri/by-path/pci-" + pci + "-render", "../" + r);
    std::string dev = "/sys/devices/pci0000:00/0000:00:01.0/" + pci;
    file(dev + "/vendor", "0x10de\n");
    std::filesystem::create_directories(at(dev + "/drm/" + c));
    std::filesystem::create_directories(at(dev + "/drm/" + r));
    link(dev + "/drm/" + c + "/device", "../../../" + pci);
    link(dev + "/drm/" + r + "/device", "../../../" + pci);
    link("/sys/class/drm/" + c, "../../devices/pci0000:00/0000:00:01.0/" + pci + "/drm/" + c);
    link("/sys/class/drm/" + r, "../../devices/pci0000:00/0000:00:01.0/" + pci + "/drm/" + r);
  }

  std::filesystem::path at(const std::string& abs) const { return root_ / abs.substr(1); }

 private:
  std::filesystem::path root_;
};

}  // namespace eglrun::testing
