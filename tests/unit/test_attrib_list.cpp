// Attribute-list parsing and the glXChooseFBConfig / glXChooseVisual selection and sort rules.

// gtest first: Xlib's None and Bool macros would break its headers.
#include <gtest/gtest.h>

#include <GL/gl.h>
#include <GL/glext.h>
#include <GL/glx.h>
#include <GL/glxext.h>

#include <climits>
#include <tuple>

#include "glx/attrib_list.hpp"
#include "glx/fbconfig_choose.hpp"

namespace eglrun::glx {
namespace {

// A plain window config; tests change one attribute at a time.
FBConfigDesc plain() {
  FBConfigDesc c;
  c.visual_id = 0x21;
  c.visual_depth = 24;
  c.x_visual_type = GLX_TRUE_COLOR;
  c.red_size = c.green_size = c.blue_size = 8;
  c.buffer_size = 24;
  c.render_type = GLX_RGBA_BIT;
  c.drawable_type = GLX_WINDOW_BIT | GLX_PIXMAP_BIT | GLX_PBUFFER_BIT;
  c.x_renderable = 1;
  c.config_caveat = GLX_NONE;
  c.transparent_type = GLX_NONE;
  return c;
}

// Numbers the configs 1..n in the given order, so a stable sort alone would keep it.
std::vector<FBConfigDesc> numbered(std::vector<FBConfigDesc> v) {
  for (size_t i = 0; i < v.size(); ++i) v[i].fbconfig_id = static_cast<int>(i) + 1;
  return v;
}

std::vector<int> ids(const std::vector<const FBConfigDesc*>& v) {
  std::vector<int> out;
  for (const auto* c : v) out.push_back(c->fbconfig_id);
  return out;
}

std::vector<int> choose_ids(const std::vector<FBConfigDesc>& configs, std::vector<int> attribs) {
  std::string error;
  int status = -1;
  auto chosen = choose_fbconfigs(configs, attribs.data(), &error, &status);
  EXPECT_EQ(status, Success) << error;
  return ids(chosen);
}

using V = std::vector<int>;

// ---- parsing ----

TEST(ParseAttribList, PairsAndLegacyFlags) {
  std::vector<AttribEntry> out;
  std::string error;
  const int fb[] = {GLX_DOUBLEBUFFER, 5, GLX_RED_SIZE, 8, None};
  ASSERT_EQ(parse_attrib_list(fb, AttribListStyle::FBConfig, &out, &error), Success);
  ASSERT_EQ(out.size(), 2u);
  EXPECT_EQ(out[0].value, 1);  // booleans normalised
  EXPECT_EQ(out[1].value, 8);
  const int legacy[] = {GLX_RGBA, GLX_DOUBLEBUFFER, GLX_DEPTH_SIZE, 16, GLX_USE_GL, GLX_STEREO, None};
  ASSERT_EQ(parse_attrib_list(legacy, AttribListStyle::Visual, &out, &error), Success);
  ASSERT_EQ(out.size(), 5u);
  EXPECT_EQ(out[2].attribute, GLX_DEPTH_SIZE);
  EXPECT_EQ(out[2].value, 16);
  EXPECT_EQ(out[4].attribute, GLX_STEREO);
  ASSERT_EQ(parse_attrib_list(nullptr, AttribListStyle::Visual, &out, &error), Success);
  EXPECT_TRUE(out.empty());
}

TEST(ParseAttribList, UnknownAttributeIsNamedInHex) {
  std::vector<AttribEntry> out;
  std::string error;
  const int list[] = {GLX_RED_SIZE, 1, 0x7777, 1, None};
  EXPECT_EQ(parse_attrib_list(list, AttribListStyle::FBConfig, &out, &error), GLX_BAD_ATTRIBUTE);
  EXPECT_NE(error.find("0x7777"), std::string::npos) << error;
  // GLX_RGBA is a glXChooseVisual flag, not an FBConfig attribute; GLX_FBCONFIG_ID the other way round.
  const int rgba_in_fb[] = {GLX_RGBA, 1, None};
  EXPECT_EQ(parse_attrib_list(rgba_in_fb, AttribListStyle::FBConfig, &out, &error), GLX_BAD_ATTRIBUTE);
  const int id_in_legacy[] = {GLX_RGBA, GLX_FBCONFIG_ID, 3, None};
  EXPECT_EQ(parse_attrib_list(id_in_legacy, AttribListStyle::Visual, &out, &error), GLX_BAD_ATTRIBUTE);
}

TEST(ParseAttribList, UnterminatedListsStopAtTheCap) {
  std::vector<AttribEntry> out;
  std::string error;
  std::vector<int> pairs;
  for (int i = 0; i < 10000; ++i) pairs.insert(pairs.end(), {GLX_RED_SIZE, 1});
  EXPECT_EQ(parse_attrib_list(pairs.data(), AttribListStyle::FBConfig, &out, &error), GLX_BAD_ATTRIBUTE);
  EXPECT_NE(error.find("None"), std::string::npos);
  std::vector<int> flags(10000, GLX_RGBA);
  EXPECT_EQ(parse_attrib_list(flags.data(), AttribListStyle::Visual, &out, &error), GLX_BAD_ATTRIBUTE);
  // Exactly at the cap is still fine.
  std::vector<int> full;
  for (int i = 0; i < kMaxAttribPairs - 1; ++i) full.insert(full.end(), {GLX_RED_SIZE, 1});
  full.push_back(None);
  EXPECT_EQ(parse_attrib_list(full.data(), AttribListStyle::FBConfig, &out, &error), Success);
}

TEST(ParseAttribList, BadValues) {
  std::vector<AttribEntry> out;
  std::string error;
  const int negative[] = {GLX_DEPTH_SIZE, -5, None};
  EXPECT_EQ(parse_attrib_list(negative, AttribListStyle::FBConfig, &out, &error), GLX_BAD_VALUE);
  EXPECT_NE(error.find("GLX_DEPTH_SIZE"), std::string::npos) << error;
  const int legacy_negative[] = {GLX_RGBA, GLX_RED_SIZE, INT_MIN, None};
  EXPECT_EQ(parse_attrib_list(legacy_negative, AttribListStyle::Visual, &out, &error), GLX_BAD_VALUE);
  const int bad_enum[] = {GLX_X_VISUAL_TYPE, 12345, None};
  EXPECT_EQ(parse_attrib_list(bad_enum, AttribListStyle::FBConfig, &out, &error), GLX_BAD_VALUE);
  const int bad_caveat[] = {GLX_CONFIG_CAVEAT, 1, None};
  EXPECT_EQ(parse_attrib_list(bad_caveat, AttribListStyle::FBConfig, &out, &error), GLX_BAD_VALUE);
  // Negative levels are underlays, and GLX_DONT_CARE is a fine size.
  const int fine[] = {GLX_LEVEL, -1, GLX_RED_SIZE, static_cast<int>(GLX_DONT_CARE), None};
  EXPECT_EQ(parse_attrib_list(fine, AttribListStyle::FBConfig, &out, &error), Success);
}

TEST(ChooseFBConfig, MalformedListsGiveErrorsNotConfigs) {
  auto configs = numbered({plain(), plain()});
  std::string error;
  int status = Success;
  const int unknown[] = {0x7777, 1, None};
  EXPECT_TRUE(choose_fbconfigs(configs, unknown, &error, &status).empty());
  EXPECT_EQ(status, GLX_BAD_ATTRIBUTE);
  const int negative[] = {GLX_RED_SIZE, -2, None};
  EXPECT_TRUE(choose_fbconfigs(configs, negative, &error, &status).empty());
  EXPECT_EQ(status, GLX_BAD_VALUE);
  // Huge values are valid requests nothing satisfies: no error, no configs.
  const int huge[] = {GLX_RED_SIZE, INT_MAX, GLX_GREEN_SIZE, INT_MAX, GLX_SAMPLES, INT_MAX, None};
  EXPECT_TRUE(choose_fbconfigs(configs, huge, &error, &status).empty());
  EXPECT_EQ(status, Success);
  EXPECT_EQ(choose_visual_config(configs, 24, unknown, &error, &status), nullptr);
  EXPECT_EQ(status, GLX_BAD_ATTRIBUTE);
  // Works without the optional outputs too.
  EXPECT_TRUE(choose_fbconfigs(configs, unknown, nullptr).empty());
}

// ---- glXChooseFBConfig selection ----

TEST(ChooseFBConfig, NullListReturnsEverythingEmptyListAppliesDefaults) {
  auto pbuffer_only = plain();
  pbuffer_only.visual_id = 0;
  pbuffer_only.drawable_type = GLX_PBUFFER_BIT;
  auto configs = numbered({plain(), pbuffer_only});
  std::string error;
  EXPECT_EQ(ids(choose_fbconfigs(configs, nullptr, &error)), (V{1, 2}));
  EXPECT_EQ(choose_ids(configs, {None}), (V{1}));  // GLX_DRAWABLE_TYPE defaults to GLX_WINDOW_BIT
  EXPECT_EQ(choose_ids(configs, {GLX_DRAWABLE_TYPE, GLX_PBUFFER_BIT, None}), (V{1, 2}));
  EXPECT_EQ(choose_ids(configs, {GLX_DRAWABLE_TYPE, static_cast<int>(GLX_DONT_CARE), None}), (V{1, 2}));
  EXPECT_EQ(choose_ids(configs, {GLX_DRAWABLE_TYPE, GLX_WINDOW_BIT | GLX_PBUFFER_BIT, None}), (V{1}));
  EXPECT_EQ(choose_ids(configs, {GLX_X_RENDERABLE, True, GLX_DRAWABLE_TYPE, 0, None}), (V{1, 2}));
}

TEST(ChooseFBConfig, DontCare) {
  auto single = plain(), dbl = plain(), alpha = plain();
  dbl.doublebuffer = 1;
  alpha.alpha_size = 8, alpha.buffer_size = 32;
  auto configs = numbered({dbl, single, alpha});
  const int dc = static_cast<int>(GLX_DONT_CARE);
  // GLX_DOUBLEBUFFER defaults to don't care: both kinds, single-buffered first.
  EXPECT_EQ(choose_ids(configs, {None}), (V{2, 1, 3}));
  EXPECT_EQ(choose_ids(configs, {GLX_DOUBLEBUFFER, dc, None}), (V{2, 1, 3}));
  EXPECT_EQ(choose_ids(configs, {GLX_DOUBLEBUFFER, True, None}), (V{1}));
  EXPECT_EQ(choose_ids(configs, {GLX_DOUBLEBUFFER, False, None}), (V{2, 3}));
  // A don't-care colour size neither filters nor counts in the colour sort.
  EXPECT_EQ(choose_ids(configs, {GLX_ALPHA_SIZE, dc, GLX_DOUBLEBUFFER, False, None}), (V{2, 3}));
  EXPECT_EQ(choose_ids(configs, {GLX_ALPHA_SIZE, 1, None}), (V{3}));
  EXPECT_EQ(choose_ids(configs, {GLX_CONFIG_CAVEAT, dc, GLX_X_VISUAL_TYPE, dc, GLX_LEVEL, dc, None}),
            (V{2, 1, 3}));
}

TEST(ChooseFBConfig, FBConfigIdIgnoresEverythingElse) {
  auto a = plain(), b = plain();
  b.red_size = 10, b.buffer_size = 30;
  auto configs = numbered({a, b});
  EXPECT_EQ(choose_ids(configs, {GLX_FBCONFIG_ID, 1, GLX_RED_SIZE, 99, GLX_LEVEL, 4, None}), (V{1}));
  EXPECT_EQ(choose_ids(configs, {GLX_RED_SIZE, 99, GLX_FBCONFIG_ID, 2, None}), (V{2}));
  EXPECT_EQ(choose_ids(configs, {GLX_FBCONFIG_ID, 77, None}), (V{}));
  EXPECT_EQ(choose_ids(configs, {GLX_FBCONFIG_ID, static_cast<int>(GLX_DONT_CARE), None}), (V{1, 2}));
}

TEST(ChooseFBConfig, ExactMaskAndMinimumCriteria) {
  auto level1 = plain(), stereo = plain(), fl = plain(), slow = plain(), direct = plain();
  level1.level = 1;
  stereo.stereo = 1;
  fl.render_type = GLX_RGBA_FLOAT_BIT_ARB;
  slow.config_caveat = GLX_SLOW_CONFIG;
  direct.x_visual_type = GLX_DIRECT_COLOR;
  auto configs = numbered({plain(), level1, stereo, fl, slow, direct});
  EXPECT_EQ(choose_ids(configs, {GLX_LEVEL, 1, None}), (V{2}));
  EXPECT_EQ(choose_ids(configs, {GLX_STEREO, True, None}), (V{3}));
  EXPECT_EQ(choose_ids(configs, {GLX_RENDER_TYPE, GLX_RGBA_FLOAT_BIT_ARB, None}), (V{4}));
  EXPECT_EQ(choose_ids(configs, {GLX_CONFIG_CAVEAT, GLX_SLOW_CONFIG, None}), (V{5}));
  EXPECT_EQ(choose_ids(configs, {GLX_X_VISUAL_TYPE, GLX_DIRECT_COLOR, None}), (V{6}));
  EXPECT_EQ(choose_ids(configs, {GLX_TRANSPARENT_TYPE, GLX_TRANSPARENT_RGB, None}), (V{}));
  // Transparent values only count when the transparent type asks for them.
  EXPECT_EQ(choose_ids(configs, {GLX_TRANSPARENT_RED_VALUE, 3, GLX_LEVEL, 1, None}), (V{2}));
  EXPECT_EQ(choose_ids(configs, {GLX_RED_SIZE, 9, None}), (V{}));
  EXPECT_EQ(choose_ids(configs, {GLX_BUFFER_SIZE, 25, None}), (V{}));
  // Read-only attributes are accepted and ignored.
  EXPECT_EQ(choose_ids(configs, {GLX_VISUAL_ID, 0x999, GLX_MAX_PBUFFER_WIDTH, 1 << 30, GLX_LEVEL, 1, None}),
            (V{2}));
}

// ---- glXChooseFBConfig sort rules, one attribute at a time, expected-first config listed last ----

TEST(SortFBConfig, CaveatNoneThenSlowThenNonConformant) {
  auto none = plain(), slow = plain(), nonconf = plain();
  slow.config_caveat = GLX_SLOW_CONFIG;
  nonconf.config_caveat = GLX_NON_CONFORMANT_CONFIG;
  slow.red_size = 10;  // more colour does not beat the caveat
  EXPECT_EQ(choose_ids(numbered({nonconf, slow, none}), {GLX_RED_SIZE, 1, None}), (V{3, 2, 1}));
}

TEST(SortFBConfig, ColourBitsCountOnlyRequestedComponents) {
  auto rgb8 = plain(), rgb10 = plain(), rgba8 = plain();
  rgb10.red_size = rgb10.green_size = rgb10.blue_size = 10, rgb10.buffer_size = 30;
  rgba8.alpha_size = 8, rgba8.buffer_size = 32;
  auto configs = numbered({rgb8, rgba8, rgb10});
  // Red requested: 10-bit first; alpha not requested, so 8888 only loses on buffer size.
  EXPECT_EQ(choose_ids(configs, {GLX_RED_SIZE, 1, None}), (V{3, 1, 2}));
  // Alpha requested: only 8888 has it.
  EXPECT_EQ(choose_ids(configs, {GLX_ALPHA_SIZE, 1, None}), (V{2}));
  // Nothing requested: colour is not considered, the smallest buffer wins.
  EXPECT_EQ(choose_ids(configs, {None}), (V{1, 3, 2}));
  // Zero requested counts as not requested.
  EXPECT_EQ(choose_ids(configs, {GLX_RED_SIZE, 0, None}), (V{1, 3, 2}));
}

TEST(SortFBConfig, BufferSizeSmallerBeforeDoubleBuffer) {
  auto small_db = plain(), big_single = plain();
  small_db.doublebuffer = 1;
  big_single.alpha_size = 8, big_single.buffer_size = 32;
  EXPECT_EQ(choose_ids(numbered({big_single, small_db}), {None}), (V{2, 1}));
}

TEST(SortFBConfig, SingleBufferedBeforeDoubleBeforeAux) {
  auto db = plain(), single_aux = plain();
  db.doublebuffer = 1;
  single_aux.aux_buffers = 1;
  EXPECT_EQ(choose_ids(numbered({db, single_aux}), {None}), (V{2, 1}));
  auto aux = plain();
  aux.aux_buffers = 2;
  EXPECT_EQ(choose_ids(numbered({aux, plain()}), {None}), (V{2, 1}));
}

TEST(SortFBConfig, FewerSamplesBeforeDepth) {
  auto ms = plain(), ms8 = plain(), none = plain();
  ms.sample_buffers = 1, ms.samples = 4, ms.depth_size = 32;
  ms8.sample_buffers = 1, ms8.samples = 8;
  none.depth_size = 16;
  auto configs = numbered({ms8, ms, none});
  EXPECT_EQ(choose_ids(configs, {GLX_DEPTH_SIZE, 16, None}), (V{3, 2}));
  EXPECT_EQ(choose_ids(configs, {GLX_SAMPLE_BUFFERS, 1, None}), (V{2, 1}));
  EXPECT_EQ(choose_ids(configs, {GLX_SAMPLE_BUFFERS, 1, GLX_SAMPLES, 5, None}), (V{1}));
}

TEST(SortFBConfig, DepthLargestWhenRequestedNoneWhenNot) {
  auto z0 = plain(), z16 = plain(), z24 = plain(), z32 = plain();
  z16.depth_size = 16, z24.depth_size = 24, z32.depth_size = 32;
  auto configs = numbered({z16, z24, z0, z32});
  EXPECT_EQ(choose_ids(configs, {GLX_DEPTH_SIZE, 1, None}), (V{4, 2, 1}));
  EXPECT_EQ(choose_ids(configs, {GLX_DEPTH_SIZE, 24, None}), (V{4, 2}));
  EXPECT_EQ(choose_ids(configs, {None}), (V{3, 1, 2, 4}));
}

TEST(SortFBConfig, StencilSmallerBeforeAccum) {
  auto s8 = plain(), s0_accum = plain();
  s8.stencil_size = 8;
  s0_accum.accum_red_size = 16;
  EXPECT_EQ(choose_ids(numbered({s8, plain()}), {None}), (V{2, 1}));
  EXPECT_EQ(choose_ids(numbered({s8, plain()}), {GLX_STENCIL_SIZE, 1, None}), (V{1}));
  EXPECT_EQ(choose_ids(numbered({s8, s0_accum}), {GLX_ACCUM_RED_SIZE, 0, None}), (V{2, 1}));
}

TEST(SortFBConfig, AccumLargerWhenRequested) {
  auto a16 = plain(), a32 = plain();
  a16.accum_red_size = 16;
  a32.accum_red_size = 32;
  EXPECT_EQ(choose_ids(numbered({a16, a32}), {GLX_ACCUM_RED_SIZE, 1, None}), (V{2, 1}));
  // Not requested: accum does not sort; the stable order stays.
  EXPECT_EQ(choose_ids(numbered({a16, a32}), {None}), (V{1, 2}));
}

TEST(SortFBConfig, TrueColorBeforeDirectColorThenId) {
  auto direct = plain();
  direct.x_visual_type = GLX_DIRECT_COLOR;
  EXPECT_EQ(choose_ids(numbered({direct, plain()}), {None}), (V{2, 1}));
  EXPECT_EQ(choose_ids(numbered({plain(), plain(), plain()}), {None}), (V{1, 2, 3}));
}

// ---- on the configs derived from Mesa's EGL device ----

std::vector<FBConfigDesc> mesa_configs(FloatConfigs floats = {}) {
  const int rgba[][4] = {{10, 10, 10, 2}, {10, 10, 10, 0}, {8, 8, 8, 8}, {8, 8, 8, 0}, {5, 6, 5, 0}};
  const int ds[][2] = {{0, 0}, {16, 0}, {24, 0}, {24, 8}, {32, 0}};
  std::vector<EglConfigTraits> device;
  int id = 1;
  for (const auto& c : rgba)
    for (int samples : {0, 4})
      for (const auto& d : ds) {
        EglConfigTraits t;
        t.red = c[0], t.green = c[1], t.blue = c[2], t.alpha = c[3];
        t.depth = d[0], t.stencil = d[1], t.samples = samples, t.egl_config_id = id++;
        device.push_back(t);
      }
  return derive_fbconfigs(
      device,
      {{0x21, 24, TrueColor, 0xff0000, 0xff00, 0xff, 8}, {0x40, 32, TrueColor, 0xff0000, 0xff00, 0xff, 8}}, 0,
      floats);
}

const FBConfigDesc* first(const std::vector<FBConfigDesc>& configs, std::vector<int> attribs) {
  std::string error;
  auto chosen = choose_fbconfigs(configs, attribs.data(), &error);
  EXPECT_TRUE(error.empty()) << error;
  return chosen.empty() ? nullptr : chosen.front();
}

TEST(ChooseDerived, Rgb8Depth24Stencil8GivesRgb8AndDepth24Stencil8) {
  auto configs = mesa_configs();
  const auto* c = first(configs, {GLX_X_RENDERABLE,
                                  True,
                                  GLX_DRAWABLE_TYPE,
                                  GLX_WINDOW_BIT,
                                  GLX_RENDER_TYPE,
                                  GLX_RGBA_BIT,
                                  GLX_X_VISUAL_TYPE,
                                  GLX_TRUE_COLOR,
                                  GLX_RED_SIZE,
                                  8,
                                  GLX_GREEN_SIZE,
                                  8,
                                  GLX_BLUE_SIZE,
                                  8,
                                  GLX_DEPTH_SIZE,
                                  24,
                                  GLX_STENCIL_SIZE,
                                  8,
                                  GLX_DOUBLEBUFFER,
                                  True,
                                  None});
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->color_format, GLenum{GL_RGB8});
  EXPECT_EQ(c->depth_stencil_format, GLenum{GL_DEPTH24_STENCIL8});
  EXPECT_EQ(c->visual_id, 0x21);
  EXPECT_EQ(c->samples, 0);
  EXPECT_EQ(c->srgb_capable, 0);
}

TEST(ChooseDerived, Depth24WithoutStencilPrefersTheLargerDepthAsTheSpecSays) {
  // GLX 1.4 sorts GLX_DEPTH_SIZE larger first, so depth 32 wins; Mesa's GLX on Xvfb picks depth 32 too.
  auto configs = mesa_configs();
  const auto* c = first(configs, {GLX_RED_SIZE, 8, GLX_GREEN_SIZE, 8, GLX_BLUE_SIZE, 8, GLX_DEPTH_SIZE, 24,
                                  GLX_DOUBLEBUFFER, True, None});
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->color_format, GLenum{GL_RGB8});
  EXPECT_EQ(c->depth_size, 32);
  EXPECT_EQ(c->stencil_size, 0);
}

TEST(ChooseDerived, AlphaRequestPrefersTheDefaultDepthVisual) {
  auto configs = mesa_configs();
  const auto* c = first(
      configs, {GLX_ALPHA_SIZE, 8, GLX_DEPTH_SIZE, 24, GLX_STENCIL_SIZE, 8, GLX_DOUBLEBUFFER, True, None});
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->visual_id, 0x21);
  EXPECT_EQ(c->color_format, GLenum{GL_RGBA8});
  EXPECT_EQ(c->depth_stencil_format, GLenum{GL_DEPTH24_STENCIL8});
}

TEST(ChooseDerived, PbufferTenBitAndMultisample) {
  auto configs = mesa_configs();
  const auto* ten = first(configs, {GLX_DRAWABLE_TYPE, GLX_PBUFFER_BIT, GLX_RED_SIZE, 10, None});
  ASSERT_NE(ten, nullptr);
  EXPECT_EQ(ten->red_size, 10);
  EXPECT_EQ(ten->visual_id, 0);
  EXPECT_EQ(first(configs, {GLX_RED_SIZE, 10, None}), nullptr);  // no window can show 10 bits here
  const auto* ms = first(configs, {GLX_SAMPLE_BUFFERS, 1, GLX_SAMPLES, 2, GLX_DOUBLEBUFFER, True, None});
  ASSERT_NE(ms, nullptr);
  EXPECT_EQ(ms->samples, 4);
  EXPECT_EQ(ms->color_format, GLenum{GL_RGB8});
  const auto* srgb = first(configs, {GLX_FRAMEBUFFER_SRGB_CAPABLE_ARB, True, GLX_DOUBLEBUFFER, True, None});
  ASSERT_NE(srgb, nullptr);
  EXPECT_EQ(srgb->color_format, GLenum{GL_SRGB8});
}

// ---- glXChooseVisual ----

// The chooser returns pointers into the list: tests keep one list alive for the whole program.
const std::vector<FBConfigDesc>& kept_configs() {
  static const std::vector<FBConfigDesc> configs = mesa_configs();
  return configs;
}

const FBConfigDesc* choose_visual(const std::vector<FBConfigDesc>& configs, std::vector<int> attribs) {
  std::string error;
  int status = -1;
  const auto* c = choose_visual_config(configs, 24, attribs.data(), &error, &status);
  EXPECT_EQ(status, Success) << error;
  return c;
}

TEST(ChooseVisual, Glxgears) {
  const auto* c = choose_visual(kept_configs(), {GLX_RGBA, GLX_DOUBLEBUFFER, GLX_DEPTH_SIZE, 16, None});
  ASSERT_NE(c, nullptr);
  // As Mesa on Xvfb: the depth-24 visual, no alpha, the largest depth, no stencil.
  EXPECT_EQ(c->visual_id, 0x21);
  EXPECT_EQ(c->doublebuffer, 1);
  EXPECT_EQ(c->alpha_size, 0);
  EXPECT_EQ(c->color_format, GLenum{GL_RGB8});
  EXPECT_EQ(c->depth_size, 32);
  EXPECT_EQ(c->stencil_size, 0);
  EXPECT_EQ(c->samples, 0);
}

TEST(ChooseVisual, MinimalRgb) {
  const auto* c =
      choose_visual(kept_configs(), {GLX_RGBA, GLX_RED_SIZE, 1, GLX_GREEN_SIZE, 1, GLX_BLUE_SIZE, 1, None});
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->visual_id, 0x21);
  EXPECT_EQ(c->doublebuffer, 0);  // absent boolean = False
  EXPECT_EQ(c->red_size, 8);
  EXPECT_EQ(c->alpha_size, 0);
  EXPECT_EQ(c->depth_size, 0);
  EXPECT_EQ(c->stencil_size, 0);
  EXPECT_EQ(c->srgb_capable, 0);
}

TEST(ChooseVisual, DepthStencilAlphaAndFailures) {
  auto configs = mesa_configs();
  const auto* zs =
      choose_visual(configs, {GLX_RGBA, GLX_DOUBLEBUFFER, GLX_DEPTH_SIZE, 24, GLX_STENCIL_SIZE, 8, None});
  ASSERT_NE(zs, nullptr);
  EXPECT_EQ(zs->depth_stencil_format, GLenum{GL_DEPTH24_STENCIL8});
  const auto* alpha = choose_visual(configs, {GLX_RGBA, GLX_ALPHA_SIZE, 1, None});
  ASSERT_NE(alpha, nullptr);
  EXPECT_EQ(alpha->alpha_size, 8);
  EXPECT_EQ(alpha->visual_id, 0x21);  // the screen's depth, not the ARGB visual
  EXPECT_EQ(choose_visual(configs, {GLX_RGBA, GLX_STEREO, None}), nullptr);
  EXPECT_EQ(choose_visual(configs, {GLX_RGBA, GLX_ACCUM_RED_SIZE, 1, None}), nullptr);
  EXPECT_EQ(choose_visual(configs, {GLX_RGBA, GLX_LEVEL, 1, None}), nullptr);
  EXPECT_EQ(choose_visual(configs, {GLX_RGBA, GLX_RED_SIZE, 10, None}), nullptr);  // 10-bit has no visual
  const auto* ms = choose_visual(configs, {GLX_RGBA, GLX_SAMPLE_BUFFERS, 1, GLX_SAMPLES, 4, None});
  ASSERT_NE(ms, nullptr);
  EXPECT_EQ(ms->samples, 4);
  // No GLX_RGBA: there is no colour-index config; like Mesa, an RGBA one is returned.
  const auto* ci = choose_visual(configs, {GLX_DOUBLEBUFFER, None});
  ASSERT_NE(ci, nullptr);
  EXPECT_EQ(ci->render_type, GLX_RGBA_BIT);
  // Preferring a 32-bit screen depth picks the ARGB visual when alpha is wanted.
  std::string error;
  const int argb[] = {GLX_RGBA, GLX_ALPHA_SIZE, 8, None};
  const auto* c32 = choose_visual_config(configs, 32, argb, &error);
  ASSERT_NE(c32, nullptr);
  EXPECT_EQ(c32->visual_id, 0x40);
}

TEST(ChooseVisual, LegacySortPrefersSmallestUnrequestedComponents) {
  auto rgba = plain(), rgb = plain(), accum = plain();
  rgba.alpha_size = 8, rgba.buffer_size = 32;
  accum.accum_red_size = 16;
  std::string error;
  auto configs = numbered({accum, rgba, rgb});
  const int rgb1[] = {GLX_RGBA, GLX_RED_SIZE, 1, None};
  EXPECT_EQ(choose_visual_config(configs, 24, rgb1, &error)->fbconfig_id, 3);
  const int acc[] = {GLX_RGBA, GLX_ACCUM_RED_SIZE, 1, None};
  EXPECT_EQ(choose_visual_config(configs, 24, acc, &error)->fbconfig_id, 1);
}

// Float configs (GLX_ARB_fbconfig_float, GLX_EXT_fbconfig_packed_float) are chosen only when asked for.
std::vector<int> ids_of(const std::vector<FBConfigDesc>& configs, std::vector<int> attribs) {
  std::string error;
  std::vector<int> ids;
  for (const auto* c : choose_fbconfigs(configs, attribs.data(), &error)) ids.push_back(c->fbconfig_id);
  EXPECT_TRUE(error.empty()) << error;
  return ids;
}

TEST(ChooseDerived, FloatConfigsLeaveDefaultChoicesAlone) {
  const auto plain_configs = mesa_configs();
  const auto with_float = mesa_configs({true, true});
  const std::vector<std::vector<int>> lists = {
      {None},
      {GLX_DRAWABLE_TYPE, GLX_PBUFFER_BIT, None},
      {GLX_DRAWABLE_TYPE, GLX_PBUFFER_BIT, GLX_RED_SIZE, 1, GLX_ALPHA_SIZE, 1, None},
      {GLX_DRAWABLE_TYPE, GLX_PBUFFER_BIT, GLX_RENDER_TYPE, GLX_RGBA_BIT, GLX_DEPTH_SIZE, 24, None},
      {GLX_X_RENDERABLE, True, GLX_DOUBLEBUFFER, True, GLX_RED_SIZE, 8, None}};
  for (const auto& l : lists) EXPECT_EQ(ids_of(with_float, l), ids_of(plain_configs, l)) << l[0];
}

TEST(ChooseDerived, FloatRenderTypesSelectTheirFormats) {
  const auto configs = mesa_configs({true, true});
  const auto* f =
      first(configs, {GLX_RENDER_TYPE, GLX_RGBA_FLOAT_BIT_ARB, GLX_DRAWABLE_TYPE, GLX_PBUFFER_BIT, None});
  ASSERT_NE(f, nullptr);
  // No size asked for: GLX_BUFFER_SIZE ascending puts half floats first, single-buffered, no depth.
  EXPECT_EQ(f->color_format, GLenum{GL_RGBA16F});
  EXPECT_EQ(std::tuple(f->doublebuffer, f->depth_size, f->samples), std::tuple(0, 0, 0));
  // Asking for red bits: more requested bits first, so 32-bit floats.
  f = first(configs, {GLX_RENDER_TYPE, GLX_RGBA_FLOAT_BIT_ARB, GLX_DRAWABLE_TYPE, GLX_PBUFFER_BIT,
                      GLX_RED_SIZE, 16, GLX_DEPTH_SIZE, 24, GLX_STENCIL_SIZE, 8, None});
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->color_format, GLenum{GL_RGBA32F});
  EXPECT_EQ(f->depth_stencil_format, GLenum{GL_DEPTH24_STENCIL8});
  f = first(configs, {GLX_RENDER_TYPE, GLX_RGBA_UNSIGNED_FLOAT_BIT_EXT, GLX_DRAWABLE_TYPE, GLX_PBUFFER_BIT,
                      GLX_SAMPLE_BUFFERS, 1, None});
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->color_format, GLenum{GL_R11F_G11F_B10F});
  EXPECT_EQ(f->samples, 4);
  // Every float config, and only those; none for windows or for both bits at once.
  EXPECT_EQ(
      ids_of(configs, {GLX_RENDER_TYPE, GLX_RGBA_FLOAT_BIT_ARB, GLX_DRAWABLE_TYPE, GLX_PBUFFER_BIT, None})
          .size(),
      40u);
  EXPECT_EQ(ids_of(configs, {GLX_RENDER_TYPE, GLX_RGBA_UNSIGNED_FLOAT_BIT_EXT, GLX_DRAWABLE_TYPE,
                             static_cast<int>(GLX_DONT_CARE), None})
                .size(),
            20u);
  EXPECT_TRUE(
      ids_of(configs, {GLX_RENDER_TYPE, GLX_RGBA_FLOAT_BIT_ARB, None}).empty());  // windows by default
  EXPECT_TRUE(ids_of(configs, {GLX_RENDER_TYPE, GLX_RGBA_BIT | GLX_RGBA_FLOAT_BIT_ARB, GLX_DRAWABLE_TYPE,
                               GLX_PBUFFER_BIT, None})
                  .empty());
  EXPECT_EQ(ids_of(configs, {GLX_RENDER_TYPE, static_cast<int>(GLX_DONT_CARE), GLX_DRAWABLE_TYPE,
                             GLX_PBUFFER_BIT, None})
                .size(),
            configs.size());
  // glXChooseVisual never sees them: they have no visual.
  std::string error;
  const int rgba[] = {GLX_RGBA, GLX_RED_SIZE, 16, None};
  EXPECT_EQ(choose_visual_config(configs, 24, rgba, &error), nullptr);
}

}  // namespace
}  // namespace eglrun::glx
