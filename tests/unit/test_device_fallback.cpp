#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <map>

#include "diagnostics/fallback.hpp"
#include "diagnostics/system_facts.hpp"
#include "test_device_fake_fs.hpp"

namespace eglrun::diagnostics {
namespace {

using ::testing::HasSubstr;

struct FakeMachine {
  testing::FakeRoot fs;
  std::map<std::string, std::string> env;
  SystemView view() {
    return SystemView{fs.path(), [this](const char* n) -> const char* {
                        auto it = env.find(n);
                        return it == env.end() ? nullptr : it->second.c_str();
                      }};
  }
  void mesa_vendor() {
    fs.file("/usr/share/glvnd/egl_vendor.d/50_mesa.json",
            R"({"file_format_version":"1.0.0","ICD":{"library_path":"libEGL_mesa.so.0"}})");
  }
  void nvidia_vendor() {
    fs.file("/usr/share/glvnd/egl_vendor.d/10_nvidia.json",
            "{\n  \"file_format_version\" : \"1.0.0\",\n  \"ICD\" : {\n    \"library_path\" : "
            "\"libEGL_nvidia.so.0\"\n  }\n}\n");
  }
  std::vector<std::string> causes() {
    std::vector<std::string> out;
    for (const auto& c : software_causes(gather_facts(view()))) out.push_back(c.what);
    return out;
  }
};

bool mentions(const std::vector<std::string>& causes, const std::string& text) {
  for (const auto& c : causes)
    if (c.find(text) != std::string::npos) return true;
  return false;
}

TEST(Fallback, RecognisesSoftwareRenderers) {
  EXPECT_TRUE(is_software_renderer("llvmpipe (LLVM 15.0.6, 256 bits)"));
  EXPECT_TRUE(is_software_renderer("softpipe"));
  EXPECT_TRUE(is_software_renderer("Software Rasterizer"));
  EXPECT_TRUE(is_software_renderer("Mesa DRI swrast"));
  EXPECT_TRUE(is_software_renderer("Google SwiftShader"));
  EXPECT_FALSE(is_software_renderer("NVIDIA RTX A4000/PCIe/SSE2"));
  EXPECT_FALSE(is_software_renderer("AMD Radeon RX 6800 (navi21, LLVM 15.0.6, DRM 3.49)"));
  EXPECT_FALSE(is_software_renderer(""));
}

TEST(Fallback, ThisKindOfMachineNamesNoDevDriAndNoHardwareVendor) {
  FakeMachine m;
  m.mesa_vendor();
  auto c = m.causes();
  EXPECT_TRUE(mentions(c, "there is no /dev/dri"));
  EXPECT_TRUE(mentions(c, "no hardware EGL vendor"));
  EXPECT_TRUE(mentions(c, "50_mesa.json"));
}

TEST(Fallback, NvidiaNodesWithoutVendorFilePointAtMissingGraphicsLibraries) {
  FakeMachine m;
  m.mesa_vendor();
  m.fs.file("/dev/nvidia0");
  m.fs.file("/dev/nvidiactl");
  m.env["NVIDIA_VISIBLE_DEVICES"] = "all";
  m.env["NVIDIA_DRIVER_CAPABILITIES"] = "compute,utility";
  auto c = m.causes();
  EXPECT_TRUE(mentions(c, "NVIDIA device nodes exist"));
  EXPECT_TRUE(mentions(c, "NVIDIA_DRIVER_CAPABILITIES=compute,utility lacks graphics"));
}

TEST(Fallback, RenderNodeWithMesaOnlyIsNotBlamedOnTheVendor) {
  FakeMachine m;
  m.mesa_vendor();
  m.fs.gpu("0000:03:00.0", 0, 128);
  auto c = m.causes();
  EXPECT_FALSE(mentions(c, "no hardware EGL vendor"));
  EXPECT_FALSE(mentions(c, "/dev/dri"));
}

TEST(Fallback, VariablesThatForceSoftware) {
  FakeMachine m;
  m.nvidia_vendor();
  m.env["LIBGL_ALWAYS_SOFTWARE"] = "1";
  m.env["GALLIUM_DRIVER"] = "llvmpipe";
  m.env["__GLX_VENDOR_LIBRARY_NAME"] = "mesa";
  m.env["__EGL_VENDOR_LIBRARY_FILENAMES"] = "/usr/share/glvnd/egl_vendor.d/50_mesa.json";
  auto c = m.causes();
  EXPECT_TRUE(mentions(c, "LIBGL_ALWAYS_SOFTWARE=1 forces software"));
  EXPECT_TRUE(mentions(c, "GALLIUM_DRIVER=llvmpipe"));
  EXPECT_TRUE(mentions(c, "__GLX_VENDOR_LIBRARY_NAME=mesa"));
  EXPECT_TRUE(mentions(c, "__EGL_VENDOR_LIBRARY_FILENAMES="));
  m.env["GALLIUM_DRIVER"] = "radeonsi";
  m.env["LIBGL_ALWAYS_SOFTWARE"] = "0";
  c = m.causes();
  EXPECT_FALSE(mentions(c, "GALLIUM_DRIVER"));
  EXPECT_FALSE(mentions(c, "LIBGL_ALWAYS_SOFTWARE"));
}

TEST(Fallback, InaccessibleNodesNameTheirGroup) {
  SystemFacts f;
  f.dev_dri_exists = true;
  f.dri_nodes = {{"/dev/dri/renderD128", false, "render"}};
  f.egl_vendor_files = {{"/x/50_mesa.json", "libEGL_mesa.so.0", true, false}};
  auto c = software_causes(f);
  ASSERT_FALSE(c.empty());
  EXPECT_THAT(c.front().what, HasSubstr("/dev/dri/renderD128 is not readable and writable"));
  EXPECT_THAT(c.front().fix, HasSubstr("'render'"));
}

TEST(Fallback, VendorSearchHonoursGlvndOverrides) {
  FakeMachine m;
  m.mesa_vendor();
  m.nvidia_vendor();
  EXPECT_EQ(gather_facts(m.view()).egl_vendor_files.size(), 2u);
  m.fs.file("/opt/egl/20_other.json", R"({"ICD": {"library_path": "/opt/lib/libEGL_other.so"}})");
  m.env["__EGL_VENDOR_LIBRARY_DIRS"] = "/opt/egl";
  SystemFacts f = gather_facts(m.view());
  ASSERT_EQ(f.egl_vendor_files.size(), 1u);
  EXPECT_EQ(f.egl_vendor_files[0].library_path, "/opt/lib/libEGL_other.so");
  EXPECT_THAT(f.vendor_override, HasSubstr("__EGL_VENDOR_LIBRARY_DIRS=/opt/egl"));
}

TEST(Fallback, FindsLibrariesByElfClass) {
  FakeMachine m;
  std::string elf64 = std::string(
                          "\x7f"
                          "ELF\x02",
                          5) +
                      std::string(60, '\0');
  std::string elf32 = std::string(
                          "\x7f"
                          "ELF\x01",
                          5) +
                      std::string(60, '\0');
  m.fs.file("/usr/lib/x86_64-linux-gnu/libEGL_nvidia.so.0", elf64);
  m.fs.file("/usr/lib/libGLX_nvidia.so.0", elf32);
  EXPECT_EQ(find_library(m.view(), "libEGL_nvidia.so.0", 64), "/usr/lib/x86_64-linux-gnu/libEGL_nvidia.so.0");
  EXPECT_EQ(find_library(m.view(), "libEGL_nvidia.so.0", 32), "");
  EXPECT_EQ(find_library(m.view(), "libGLX_nvidia.so.0", 32), "/usr/lib/libGLX_nvidia.so.0");
  EXPECT_EQ(find_library(m.view(), "libGLX_nvidia.so.0", 64), "");
}

TEST(Fallback, CapabilityLists) {
  EXPECT_TRUE(capabilities_include("all", "graphics"));
  EXPECT_TRUE(capabilities_include("compute,graphics,utility", "graphics"));
  EXPECT_FALSE(capabilities_include("compute,utility", "graphics"));
  EXPECT_FALSE(capabilities_include("", "graphics"));
}

TEST(Fallback, WarningTextNamesRendererCausesAndHowToSilenceIt) {
  std::string w = fallback_warning_text("llvmpipe (LLVM 15)", {{"there is no /dev/dri", "pass it"}});
  EXPECT_THAT(w, HasSubstr("llvmpipe (LLVM 15)"));
  EXPECT_THAT(w, HasSubstr("there is no /dev/dri"));
  EXPECT_THAT(w, HasSubstr("fix: pass it"));
  EXPECT_THAT(w, HasSubstr("--quiet"));
  EXPECT_THAT(fallback_warning_text("llvmpipe", {}), HasSubstr("--doctor"));
  EXPECT_THAT(require_gpu_refusal_text("llvmpipe", {}), HasSubstr("refusing"));
}

}  // namespace
}  // namespace eglrun::diagnostics
