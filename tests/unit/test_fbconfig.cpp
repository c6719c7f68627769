// Derivation of FBConfigs from EGL configs and visuals, attribute queries, and the real EGL device.

// gtest first: Xlib's None and Bool macros would break its headers.
#include <gtest/gtest.h>

#include <cstdlib>

#include <EGL/egl.h>
#include <EGL/eglext.h>
#include <GL/gl.h>
#include <GL/glext.h>
#include <GL/glx.h>
#include <GL/glxext.h>

#include <set>
#include <tuple>

#include "glx/fbconfig.hpp"
#include "glx/visuals.hpp"

namespace eglrun::glx {
namespace {

// The 50 configs of Mesa's EGL device here, in its order.
std::vector<EglConfigTraits> mesa_device_configs() {
  const int rgba[][4] = {{10, 10, 10, 2}, {10, 10, 10, 0}, {8, 8, 8, 8}, {8, 8, 8, 0}, {5, 6, 5, 0}};
  const int ds[][2] = {{0, 0}, {16, 0}, {24, 0}, {24, 8}, {32, 0}};
  std::vector<EglConfigTraits> out;
  int id = 1;
  for (const auto& c : rgba)
    for (int samples : {0, 4})
      for (const auto& d : ds) {
        EglConfigTraits t;
        t.red = c[0], t.green = c[1], t.blue = c[2], t.alpha = c[3];
        t.depth = d[0], t.stencil = d[1], t.samples = samples, t.egl_config_id = id++;
        out.push_back(t);
      }
  return out;
}

const VisualTraits kVis24{0x21, 24, TrueColor, 0xff0000, 0xff00, 0xff, 8};
const VisualTraits kVis32{0x40, 32, TrueColor, 0xff0000, 0xff00, 0xff, 8};
const VisualTraits kDirect24{0x22, 24, DirectColor, 0xff0000, 0xff00, 0xff, 8};

int count_if(const std::vector<FBConfigDesc>& v, auto pred) {
  return static_cast<int>(std::count_if(v.begin(), v.end(), pred));
}

TEST(DeriveFBConfigs, MesaDeviceWithDepth24And32Visuals) {
  auto configs = derive_fbconfigs(mesa_device_configs(), {kVis24, kDirect24, kVis32});
  // 8/8/8/0: 10 EGL configs x {single, double} x {plain, sRGB} on 0x21; 8/8/8/8 the same on 0x21 and
  // on 0x40; 10-bit and 565 have no visual: 30 x {single, double}, pbuffer only.
  ASSERT_EQ(configs.size(), 40u + 80u + 60u);
  std::set<int> ids;
  for (size_t i = 0; i < configs.size(); ++i) {
    EXPECT_EQ(configs[i].fbconfig_id, static_cast<int>(i) + 1);
    ids.insert(configs[i].fbconfig_id);
  }
  EXPECT_EQ(ids.size(), configs.size());
  EXPECT_EQ(count_if(configs, [](auto& c) { return c.visual_id == 0x22; }), 0);  // DirectColor never used
  EXPECT_EQ(count_if(configs, [](auto& c) { return c.visual_id == 0x21 && c.alpha_size == 0; }), 40);
  EXPECT_EQ(count_if(configs, [](auto& c) { return c.visual_id == 0x21 && c.alpha_size == 8; }), 40);
  EXPECT_EQ(count_if(configs, [](auto& c) { return c.visual_id == 0x40; }), 40);
  EXPECT_EQ(count_if(configs, [](auto& c) { return c.visual_id == 0x40 && c.alpha_size != 8; }), 0);
  for (const auto& c : configs) {
    if (c.visual_id == 0) {
      EXPECT_EQ(c.drawable_type, GLX_PBUFFER_BIT);
      EXPECT_EQ(c.x_renderable, 0);
      EXPECT_EQ(c.x_visual_type, GLX_NONE);
      EXPECT_NE(c.red_size, 8);
    } else {
      EXPECT_EQ(c.drawable_type, GLX_WINDOW_BIT | GLX_PIXMAP_BIT | GLX_PBUFFER_BIT);
      EXPECT_EQ(c.x_renderable, 1);
      EXPECT_EQ(c.x_visual_type, GLX_TRUE_COLOR);
      EXPECT_EQ(c.visual_depth, c.visual_id == 0x21 ? 24 : 32);
    }
    EXPECT_EQ(c.buffer_size, c.red_size + c.green_size + c.blue_size + c.alpha_size);
    EXPECT_EQ(c.render_type, GLX_RGBA_BIT);
    EXPECT_EQ(c.config_caveat, GLX_NONE);
    EXPECT_EQ(c.sample_buffers, c.samples > 0 ? 1 : 0);
    EXPECT_EQ(c.aux_buffers + c.accum_red_size + c.accum_alpha_size + c.stereo + c.level, 0);
    EXPECT_EQ(c.srgb_capable != 0, c.color_format == GL_SRGB8 || c.color_format == GL_SRGB8_ALPHA8);
    EXPECT_EQ(c.max_pbuffer_pixels, 4096 * 4096);
  }
}

TEST(DeriveFBConfigs, BackingFormats) {
  auto configs = derive_fbconfigs(mesa_device_configs(), {kVis24, kVis32});
  auto find = [&](int r, int a, int depth, int stencil, int samples, bool srgb,
                  int visual) -> const FBConfigDesc* {
    for (const auto& c : configs)
      if (c.red_size == r && c.alpha_size == a && c.depth_size == depth && c.stencil_size == stencil &&
          c.samples == samples && c.srgb_capable == srgb && c.visual_id == visual && c.doublebuffer)
        return &c;
    return nullptr;
  };
  const auto* rgb8_z24 = find(8, 0, 24, 0, 0, false, 0x21);
  ASSERT_NE(rgb8_z24, nullptr);
  EXPECT_EQ(rgb8_z24->color_format, GLenum{GL_RGB8});
  EXPECT_EQ(rgb8_z24->depth_stencil_format, GLenum{GL_DEPTH_COMPONENT24});
  EXPECT_EQ(find(8, 0, 24, 8, 0, false, 0x21)->depth_stencil_format, GLenum{GL_DEPTH24_STENCIL8});
  EXPECT_EQ(find(8, 0, 16, 0, 0, false, 0x21)->depth_stencil_format, GLenum{GL_DEPTH_COMPONENT16});
  EXPECT_EQ(find(8, 0, 32, 0, 0, false, 0x21)->depth_stencil_format, GLenum{GL_DEPTH_COMPONENT32});
  EXPECT_EQ(find(8, 0, 0, 0, 0, false, 0x21)->depth_stencil_format, GLenum{0});
  EXPECT_EQ(find(8, 8, 24, 8, 4, false, 0x40)->color_format, GLenum{GL_RGBA8});
  EXPECT_EQ(find(8, 8, 24, 8, 4, false, 0x40)->samples, 4);
  EXPECT_EQ(find(8, 8, 24, 8, 0, true, 0x21)->color_format, GLenum{GL_SRGB8_ALPHA8});
  EXPECT_EQ(find(8, 0, 24, 8, 0, true, 0x21)->color_format, GLenum{GL_SRGB8});
  EXPECT_EQ(find(10, 2, 0, 0, 0, false, 0)->color_format, GLenum{GL_RGB10_A2});
  EXPECT_EQ(find(10, 0, 0, 0, 0, false, 0)->color_format, GLenum{GL_RGB10});
  EXPECT_EQ(find(5, 0, 0, 0, 0, false, 0)->color_format, GLenum{GL_RGB565});
  EXPECT_EQ(find(10, 2, 0, 0, 0, true, 0), nullptr);  // sRGB only for 8-bit channels
}

TEST(DeriveFBConfigs, VisualsTieOnlyWhenMasksMatch) {
  const VisualTraits vis30{0x50, 30, TrueColor, 0x3ff00000, 0xffc00, 0x3ff, 10};
  const VisualTraits vis16{0x60, 16, TrueColor, 0xf800, 0x7e0, 0x1f, 6};
  auto configs = derive_fbconfigs(mesa_device_configs(), {vis16, vis30});
  for (const auto& c : configs) {
    if (c.red_size == 10) EXPECT_EQ(c.visual_id, 0x50);  // 10/10/10/2 and 10/10/10/0 both show on depth 30
    if (c.red_size == 5) EXPECT_EQ(c.visual_id, 0x60);
    if (c.red_size == 8) EXPECT_EQ(c.visual_id, 0);  // no depth-24 visual: pbuffer only
  }
  // The same depth and masks twice: configs go to the first visual only.
  const VisualTraits other24{0x99, 24, TrueColor, 0xff0000, 0xff00, 0xff, 8};
  auto twice = derive_fbconfigs(mesa_device_configs(), {kVis24, other24});
  EXPECT_EQ(count_if(twice, [](auto& c) { return c.visual_id == 0x99; }), 0);
  // BGR order masks are still 8 bits each.
  const VisualTraits bgr24{0x77, 24, TrueColor, 0xff, 0xff00, 0xff0000, 8};
  EXPECT_GT(
      count_if(derive_fbconfigs(mesa_device_configs(), {bgr24}), [](auto& c) { return c.visual_id == 0x77; }),
      0);
}

TEST(DeriveFBConfigs, DeterministicAndDeduplicated) {
  auto device = mesa_device_configs();
  auto a = derive_fbconfigs(device, {kVis24, kVis32});
  device.insert(device.end(), device.begin(), device.begin() + 5);  // duplicates of the first five
  auto b = derive_fbconfigs(device, {kVis24, kVis32});
  ASSERT_EQ(a.size(), b.size());
  for (size_t i = 0; i < a.size(); ++i) {
    EXPECT_EQ(a[i].fbconfig_id, b[i].fbconfig_id);
    EXPECT_EQ(a[i].egl_config_id, b[i].egl_config_id);
    EXPECT_EQ(a[i].visual_id, b[i].visual_id);
  }
  EXPECT_TRUE(derive_fbconfigs({}, {kVis24}).empty());
}

TEST(DeriveFBConfigs, DeviceFloatConfigsAreIgnored) {
  // Drawables are float textures, not float EGL surfaces: a device's own float configs add nothing.
  EglConfigTraits f16;
  f16.red = f16.green = f16.blue = f16.alpha = 16;
  f16.depth = 24, f16.stencil = 8, f16.is_float = true, f16.egl_config_id = 99;
  EglConfigTraits slow = mesa_device_configs()[33];  // an 8/8/8/0 config
  slow.caveat = Caveat::Slow;
  auto configs = derive_fbconfigs({f16, slow}, {kVis24});
  ASSERT_EQ(configs.size(), 4u);
  for (const auto& c : configs) {
    EXPECT_EQ(c.config_caveat, GLX_SLOW_CONFIG);
    EXPECT_EQ(c.render_type, GLX_RGBA_BIT);
  }
  EXPECT_EQ(derive_fbconfigs({f16}, {kVis24}, 0, {true, true}).size(), 0u);  // no ancillary combination
}

TEST(DeriveFBConfigs, FloatConfigsComeLastAndLeaveTheOthersAlone) {
  const auto fixed = derive_fbconfigs(mesa_device_configs(), {kVis24, kVis32});
  const auto all = derive_fbconfigs(mesa_device_configs(), {kVis24, kVis32}, 0, {true, true});
  // 10 depth/stencil/samples combinations x {RGBA16F, RGBA32F, R11F_G11F_B10F} x {single, double}.
  ASSERT_EQ(fixed.size(), 180u);
  ASSERT_EQ(all.size(), 180u + 60u);
  for (size_t i = 0; i < fixed.size(); ++i) {
    EXPECT_EQ(all[i].fbconfig_id, fixed[i].fbconfig_id);
    EXPECT_EQ(all[i].egl_config_id, fixed[i].egl_config_id);
    EXPECT_EQ(all[i].visual_id, fixed[i].visual_id);
    EXPECT_EQ(all[i].color_format, fixed[i].color_format);
    EXPECT_EQ(all[i].render_type, GLX_RGBA_BIT);
  }
  std::set<std::tuple<GLenum, int, int, int, int>> seen;
  for (size_t i = fixed.size(); i < all.size(); ++i) {
    const auto& c = all[i];
    EXPECT_EQ(c.fbconfig_id, static_cast<int>(i) + 1);
    EXPECT_EQ(c.visual_id, 0);
    EXPECT_EQ(c.x_visual_type, GLX_NONE);
    EXPECT_EQ(c.x_renderable, 0);
    EXPECT_EQ(c.drawable_type, GLX_PBUFFER_BIT);  // the extensions allow float pbuffers only
    EXPECT_EQ(c.srgb_capable, 0);
    EXPECT_EQ(c.bind_to_texture_rgb + c.bind_to_texture_rgba + c.bind_to_mipmap_texture, 0);
    EXPECT_EQ(c.buffer_size, c.red_size + c.green_size + c.blue_size + c.alpha_size);
    if (c.color_format == GL_R11F_G11F_B10F) {
      EXPECT_EQ(c.render_type, GLX_RGBA_UNSIGNED_FLOAT_BIT_EXT);
      EXPECT_EQ(std::tuple(c.red_size, c.green_size, c.blue_size, c.alpha_size), std::tuple(11, 11, 10, 0));
    } else {
      EXPECT_EQ(c.render_type, GLX_RGBA_FLOAT_BIT_ARB);
      const int bits = c.color_format == GL_RGBA16F ? 16 : 32;
      EXPECT_TRUE(c.color_format == GL_RGBA16F || c.color_format == GL_RGBA32F) << c.color_format;
      EXPECT_EQ(std::tuple(c.red_size, c.green_size, c.blue_size, c.alpha_size),
                std::tuple(bits, bits, bits, bits));
    }
    EXPECT_TRUE(
        seen.insert({c.color_format, c.depth_size, c.stencil_size, c.samples, c.doublebuffer}).second);
  }
  EXPECT_EQ(count_if(all, [](auto& c) { return c.color_format == GL_RGBA16F; }), 20);
  EXPECT_EQ(count_if(all, [](auto& c) { return c.color_format == GL_RGBA32F; }), 20);
  EXPECT_EQ(count_if(all, [](auto& c) { return c.color_format == GL_R11F_G11F_B10F; }), 20);
  EXPECT_EQ(count_if(all, [](auto& c) { return c.render_type != GLX_RGBA_BIT && c.samples == 4; }), 30);
  EXPECT_EQ(count_if(all,
                     [](auto& c) {
                       return c.render_type != GLX_RGBA_BIT && c.depth_stencil_format == GL_DEPTH24_STENCIL8;
                     }),
            12);
}

TEST(DeriveFBConfigs, FloatFormatsFollowWhatWorks) {
  const auto device = mesa_device_configs();
  auto only_rgba = derive_fbconfigs(device, {kVis24}, 0, {.rgba_float = true});
  auto only_packed = derive_fbconfigs(device, {kVis24}, 0, {.unsigned_float = true});
  auto none = derive_fbconfigs(device, {kVis24});
  EXPECT_EQ(only_rgba.size(), none.size() + 40u);
  EXPECT_EQ(only_packed.size(), none.size() + 20u);
  EXPECT_EQ(count_if(only_rgba, [](auto& c) { return c.render_type == GLX_RGBA_UNSIGNED_FLOAT_BIT_EXT; }), 0);
  EXPECT_EQ(count_if(only_packed, [](auto& c) { return c.render_type == GLX_RGBA_FLOAT_BIT_ARB; }), 0);
  // Pbuffer limits come from the device config the ancillary buffers were taken from.
  auto limited = device;
  for (auto& t : limited) t.max_pbuffer_width = 512, t.max_pbuffer_height = 256;
  for (const auto& c : derive_fbconfigs(limited, {kVis24}, 0, {true, true}))
    EXPECT_EQ(std::tuple(c.max_pbuffer_width, c.max_pbuffer_height, c.max_pbuffer_pixels),
              std::tuple(512, 256, 512 * 256));
}

TEST(FBConfigAttrib, AnswersEveryGlx14Attribute) {
  auto configs = derive_fbconfigs(mesa_device_configs(), {kVis24, kVis32});
  const auto& c = configs.front();
  const int attribs[] = {GLX_FBCONFIG_ID,
                         GLX_VISUAL_ID,
                         GLX_X_VISUAL_TYPE,
                         GLX_BUFFER_SIZE,
                         GLX_LEVEL,
                         GLX_DOUBLEBUFFER,
                         GLX_STEREO,
                         GLX_AUX_BUFFERS,
                         GLX_RED_SIZE,
                         GLX_GREEN_SIZE,
                         GLX_BLUE_SIZE,
                         GLX_ALPHA_SIZE,
                         GLX_DEPTH_SIZE,
                         GLX_STENCIL_SIZE,
                         GLX_ACCUM_RED_SIZE,
                         GLX_ACCUM_GREEN_SIZE,
                         GLX_ACCUM_BLUE_SIZE,
                         GLX_ACCUM_ALPHA_SIZE,
                         GLX_RENDER_TYPE,
                         GLX_DRAWABLE_TYPE,
                         GLX_X_RENDERABLE,
                         GLX_CONFIG_CAVEAT,
                         GLX_TRANSPARENT_TYPE,
                         GLX_TRANSPARENT_INDEX_VALUE,
                         GLX_TRANSPARENT_RED_VALUE,
                         GLX_TRANSPARENT_GREEN_VALUE,
                         GLX_TRANSPARENT_BLUE_VALUE,
                         GLX_TRANSPARENT_ALPHA_VALUE,
                         GLX_MAX_PBUFFER_WIDTH,
                         GLX_MAX_PBUFFER_HEIGHT,
                         GLX_MAX_PBUFFER_PIXELS,
                         GLX_SAMPLE_BUFFERS,
                         GLX_SAMPLES,
                         GLX_FRAMEBUFFER_SRGB_CAPABLE_ARB,
                         GLX_BIND_TO_TEXTURE_RGB_EXT,
                         GLX_BIND_TO_TEXTURE_RGBA_EXT,
                         GLX_BIND_TO_MIPMAP_TEXTURE_EXT,
                         GLX_BIND_TO_TEXTURE_TARGETS_EXT,
                         GLX_Y_INVERTED_EXT,
                         GLX_SCREEN};
  for (int a : attribs) {
    int v = -12345;
    EXPECT_EQ(get_fbconfig_attrib(c, a, &v), Success) << std::hex << a;
    EXPECT_NE(v, -12345) << std::hex << a;
  }
  int v = 0;
  ASSERT_EQ(get_fbconfig_attrib(c, GLX_FBCONFIG_ID, &v), Success);
  EXPECT_EQ(v, c.fbconfig_id);
  ASSERT_EQ(get_fbconfig_attrib(c, GLX_VISUAL_ID, &v), Success);
  EXPECT_EQ(v, 0x21);
  ASSERT_EQ(get_fbconfig_attrib(c, GLX_TRANSPARENT_TYPE, &v), Success);
  EXPECT_EQ(v, GLX_NONE);
  v = 7;
  EXPECT_EQ(get_fbconfig_attrib(c, 0x7777, &v), GLX_BAD_ATTRIBUTE);
  EXPECT_EQ(get_fbconfig_attrib(c, GLX_USE_GL, &v), GLX_BAD_ATTRIBUTE);
  EXPECT_EQ(v, 7);
  EXPECT_EQ(get_visual_config_attrib(c, GLX_USE_GL, &v), Success);
  EXPECT_EQ(v, 1);
  EXPECT_EQ(get_visual_config_attrib(c, GLX_RGBA, &v), Success);
  EXPECT_EQ(v, 1);
}

TEST(FBConfigAttrib, ConfigForAForeignVisual) {
  auto configs = derive_fbconfigs(mesa_device_configs(), {kVis24, kVis32});
  for (const auto& visual : {kVis24, VisualTraits{0x99, 24, TrueColor, 0xff0000, 0xff00, 0xff, 8}}) {
    const auto* c = config_for_visual(configs, visual);
    ASSERT_NE(c, nullptr);
    EXPECT_EQ(c->visual_id, 0x21);
    EXPECT_EQ(c->doublebuffer, 1);
    EXPECT_EQ(c->depth_size, 24);
    EXPECT_EQ(c->stencil_size, 8);
    EXPECT_EQ(c->samples, 0);
    EXPECT_EQ(c->color_format, GLenum{GL_RGB8});
  }
  const auto* argb = config_for_visual(configs, kVis32);
  ASSERT_NE(argb, nullptr);
  EXPECT_EQ(argb->color_format, GLenum{GL_RGBA8});
  EXPECT_EQ(config_for_visual(configs, kDirect24), nullptr);
  EXPECT_EQ(find_fbconfig(configs, 5)->fbconfig_id, 5);
  EXPECT_EQ(find_fbconfig(configs, 100000), nullptr);
}

// The real device: whatever EGL offers here must give usable configs.
TEST(EglDevice, QueryAndDerive) {
  auto query_devices = reinterpret_cast<PFNEGLQUERYDEVICESEXTPROC>(eglGetProcAddress("eglQueryDevicesEXT"));
  auto get_display =
      reinterpret_cast<PFNEGLGETPLATFORMDISPLAYEXTPROC>(eglGetProcAddress("eglGetPlatformDisplayEXT"));
  ASSERT_NE(query_devices, nullptr);
  ASSERT_NE(get_display, nullptr);
  EGLDeviceEXT devices[8];
  EGLint n = 0;
  ASSERT_TRUE(query_devices(8, devices, &n));
  ASSERT_GT(n, 0);
  EGLDisplay dpy = get_display(EGL_PLATFORM_DEVICE_EXT, devices[0], nullptr);
  ASSERT_NE(dpy, EGL_NO_DISPLAY);
  ASSERT_TRUE(eglInitialize(dpy, nullptr, nullptr));
  auto traits = query_egl_configs(dpy);
  EXPECT_GT(traits.size(), 0u);
  auto configs = derive_fbconfigs(traits, {kVis24, kVis32});
  EXPECT_GT(configs.size(), 0u);
  EXPECT_GT(count_if(configs, [](auto& c) { return c.visual_id == 0x21 && c.color_format == GL_RGB8; }), 0);
  eglTerminate(dpy);
}

// Needs an X server; skipped without one.
TEST(XVisuals, QueryAndMakeVisualInfo) {
  Display* dpy = XOpenDisplay(nullptr);
  if (!dpy) {
    // Registered to run on its own Xvfb: there, no display is a failure, not a skip.
    if (std::getenv("EGLRUN_TEST_NEEDS_X")) FAIL() << "no X display although one was started";
    GTEST_SKIP() << "no X display";
  }
  const int screen = DefaultScreen(dpy);
  auto visuals = query_visuals(dpy, screen);
  ASSERT_FALSE(visuals.empty());
  EXPECT_EQ(visuals.front().visual_id, XVisualIDFromVisual(DefaultVisual(dpy, screen)));
  for (const auto& v : visuals) EXPECT_EQ(v.c_class, TrueColor);
  XVisualInfo* info = make_visual_info(dpy, screen, visuals.front().visual_id);
  ASSERT_NE(info, nullptr);
  EXPECT_EQ(info->visualid, visuals.front().visual_id);
  XFree(info);
  EXPECT_EQ(make_visual_info(dpy, screen, 0x7fffffff), nullptr);
  EXPECT_TRUE(query_visuals(dpy, 99).empty());
  XCloseDisplay(dpy);
}

}  // namespace
}  // namespace eglrun::glx
