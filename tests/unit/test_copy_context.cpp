// glXCopyContext's state table (glx/copy_context.hpp): built without GL, checked for coverage of every
// glPushAttrib group, unique names and the filtering by profile, version and object sharing.
#include <gtest/gtest.h>

#include <set>
#include <string>

#include "glx/copy_context.hpp"

namespace copy = eglrun::glx::copy;

namespace {

copy::Api compat45(bool shares = true) {
  copy::Api a;
  a.version = 45;
  a.legacy = true;
  a.lights = 8;
  a.clip_planes = 8;
  a.texture_units = 8;
  a.texture_coords = 8;
  a.image_units = 32;
  a.shares_objects = shares;
  return a;
}

bool has(const std::vector<copy::Item>& items, const std::string& name) {
  for (const auto& it : items)
    if (it.name == name) return true;
  return false;
}

GLbitfield groups_of(const std::vector<copy::Item>& items) {
  GLbitfield g = 0;
  for (const auto& it : items) g |= it.groups;
  return g;
}

constexpr GLbitfield kAllGroups[] = {
    GL_CURRENT_BIT,        GL_POINT_BIT,    GL_LINE_BIT,      GL_POLYGON_BIT,      GL_POLYGON_STIPPLE_BIT,
    GL_PIXEL_MODE_BIT,     GL_LIGHTING_BIT, GL_FOG_BIT,       GL_DEPTH_BUFFER_BIT, GL_ACCUM_BUFFER_BIT,
    GL_STENCIL_BUFFER_BIT, GL_VIEWPORT_BIT, GL_TRANSFORM_BIT, GL_ENABLE_BIT,       GL_COLOR_BUFFER_BIT,
    GL_HINT_BIT,           GL_EVAL_BIT,     GL_LIST_BIT,      GL_TEXTURE_BIT,      GL_SCISSOR_BIT,
    GL_MULTISAMPLE_BIT};

}  // namespace

TEST(CopyContextTable, CompatibilityContextCoversEveryAttributeGroup) {
  const auto items = copy::items(compat45());
  const GLbitfield groups = groups_of(items);
  for (GLbitfield g : kAllGroups) EXPECT_NE(groups & g, 0u) << "no item for group 0x" << std::hex << g;
}

TEST(CopyContextTable, NamesAreUniqueAndEveryItemCanBeReadAndSet) {
  const auto items = copy::items(compat45());
  std::set<std::string> names;
  for (const auto& it : items) {
    EXPECT_TRUE(names.insert(it.name).second) << "duplicate " << it.name;
    EXPECT_TRUE(it.get) << it.name;
    EXPECT_TRUE(it.set) << it.name;
    EXPECT_NE(it.groups, 0u) << it.name;
    EXPECT_FALSE(it.name.empty());
  }
  EXPECT_GT(items.size(), 500u);  // 8 lights, 8 units of env/texgen, 32 units of bindings
}

TEST(CopyContextTable, PerIndexItemsFollowTheLimits) {
  auto api = compat45();
  api.lights = 2;
  api.texture_units = 1;
  const auto items = copy::items(api);
  EXPECT_TRUE(has(items, "GL_LIGHT1 GL_POSITION"));
  EXPECT_FALSE(has(items, "GL_LIGHT2 GL_POSITION"));
  EXPECT_TRUE(has(items, "unit 0 GL_TEXTURE_ENV_MODE"));
  EXPECT_FALSE(has(items, "unit 1 GL_TEXTURE_ENV_MODE"));
  for (const auto& it : items)
    if (it.name == "GL_LIGHT1 GL_POSITION" || it.name == "GL_CLIP_PLANE0 equation")
      EXPECT_EQ(it.phase, copy::Phase::kEyeSpace) << it.name;
}

TEST(CopyContextTable, CoreProfileHasNoFixedFunctionState) {
  auto api = compat45();
  api.legacy = false;
  api.lights = api.texture_units = api.texture_coords = 0;
  const auto items = copy::items(api);
  for (const auto& it : items) EXPECT_FALSE(it.legacy) << it.name;
  const GLbitfield groups = groups_of(items);
  // GL_PROVOKING_VERTEX (GL 3.2, core) is the one lighting-group item left.
  for (const auto& it : items)
    if (it.groups & GL_LIGHTING_BIT) EXPECT_EQ(it.name, "GL_PROVOKING_VERTEX");
  for (GLbitfield g : {GL_FOG_BIT, GL_EVAL_BIT, GL_LIST_BIT, GL_ACCUM_BUFFER_BIT, GL_POLYGON_STIPPLE_BIT,
                       GL_PIXEL_MODE_BIT, GL_CURRENT_BIT})
    EXPECT_EQ(groups & g, 0u) << "group 0x" << std::hex << g;
  EXPECT_TRUE(has(items, "GL_COLOR_CLEAR_VALUE"));
  EXPECT_TRUE(has(items, "GL_DEPTH_FUNC"));
  EXPECT_TRUE(has(items, "GL_VIEWPORT"));
  EXPECT_FALSE(has(items, "GL_MATRIX_MODE"));
}

TEST(CopyContextTable, VersionAndSharingFilter) {
  auto old_gl = compat45();
  old_gl.version = 14;
  auto items = copy::items(old_gl);
  EXPECT_FALSE(has(items, "GL_SAMPLE_SHADING"));
  EXPECT_FALSE(has(items, "glBlendEquationSeparate"));
  EXPECT_TRUE(has(items, "glBlendFuncSeparate"));
  EXPECT_TRUE(has(copy::items(compat45()), "GL_SAMPLE_SHADING"));
  // Texture names mean the same textures only within a share group.
  EXPECT_TRUE(has(copy::items(compat45(true)), "unit 3 GL_TEXTURE_2D binding"));
  for (const auto& it : copy::items(compat45(false)))
    EXPECT_EQ(it.name.find("binding"), std::string::npos) << it.name;
}
