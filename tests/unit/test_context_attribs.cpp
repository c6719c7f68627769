#include <gtest/gtest.h>

#include <GL/glx.h>
#include <GL/glxext.h>

#include "glx/context_attribs.hpp"

using eglrun::glx::config_supports_render_type;
using eglrun::glx::ContextAttribs;
using eglrun::glx::ContextAttribsError;
using eglrun::glx::default_render_type;
using eglrun::glx::parse_context_attribs;
using eglrun::glx::valid_render_type;
using Kind = ContextAttribsError::Kind;

TEST(ContextAttribs, DefaultsAreLegacyCompatibility) {
  ContextAttribs a;
  ASSERT_EQ(parse_context_attribs(nullptr, false, &a).kind, Kind::kNone);
  EXPECT_EQ(a.request.major, 1);
  EXPECT_EQ(a.request.minor, 0);
  EXPECT_FALSE(a.request.core_profile);
  EXPECT_EQ(a.render_type, GLX_RGBA_TYPE);
}

TEST(ContextAttribs, CoreIsTheDefaultProfileFrom32) {
  const int attribs[] = {GLX_CONTEXT_MAJOR_VERSION_ARB, 4, GLX_CONTEXT_MINOR_VERSION_ARB, 5, None};
  ContextAttribs a;
  ASSERT_EQ(parse_context_attribs(attribs, false, &a).kind, Kind::kNone);
  EXPECT_TRUE(a.request.core_profile);
  const int compat[] = {GLX_CONTEXT_MAJOR_VERSION_ARB,
                        3,
                        GLX_CONTEXT_MINOR_VERSION_ARB,
                        3,
                        GLX_CONTEXT_PROFILE_MASK_ARB,
                        GLX_CONTEXT_COMPATIBILITY_PROFILE_BIT_ARB,
                        None};
  ASSERT_EQ(parse_context_attribs(compat, false, &a).kind, Kind::kNone);
  EXPECT_FALSE(a.request.core_profile);
}

TEST(ContextAttribs, FlagsAndRobustness) {
  const int attribs[] = {
      GLX_CONTEXT_MAJOR_VERSION_ARB,
      3,
      GLX_CONTEXT_FLAGS_ARB,
      GLX_CONTEXT_DEBUG_BIT_ARB | GLX_CONTEXT_FORWARD_COMPATIBLE_BIT_ARB | GLX_CONTEXT_ROBUST_ACCESS_BIT_ARB,
      GLX_CONTEXT_RESET_NOTIFICATION_STRATEGY_ARB,
      GLX_LOSE_CONTEXT_ON_RESET_ARB,
      None};
  ContextAttribs a;
  ASSERT_EQ(parse_context_attribs(attribs, false, &a).kind, Kind::kNone);
  EXPECT_TRUE(a.request.debug);
  EXPECT_TRUE(a.request.forward_compatible);
  EXPECT_TRUE(a.request.robust_access);
  EXPECT_TRUE(a.request.lose_context_on_reset);
}

TEST(ContextAttribs, ErrorsTheSpecificationPrescribes) {
  ContextAttribs a;
  const int unknown[] = {0x7777, 1, None};
  EXPECT_EQ(parse_context_attribs(unknown, false, &a).kind, Kind::kBadValue);
  const int bad_flags[] = {GLX_CONTEXT_FLAGS_ARB, 0x100, None};
  EXPECT_EQ(parse_context_attribs(bad_flags, false, &a).kind, Kind::kBadValue);
  const int no_version[] = {GLX_CONTEXT_MAJOR_VERSION_ARB, 2, GLX_CONTEXT_MINOR_VERSION_ARB, 7, None};
  EXPECT_EQ(parse_context_attribs(no_version, false, &a).kind, Kind::kBadMatch);
  const int fwd_old[] = {GLX_CONTEXT_MAJOR_VERSION_ARB, 2, GLX_CONTEXT_FLAGS_ARB,
                         GLX_CONTEXT_FORWARD_COMPATIBLE_BIT_ARB, None};
  EXPECT_EQ(parse_context_attribs(fwd_old, false, &a).kind, Kind::kBadMatch);
  const int two_profiles[] = {GLX_CONTEXT_MAJOR_VERSION_ARB,
                              3,
                              GLX_CONTEXT_MINOR_VERSION_ARB,
                              2,
                              GLX_CONTEXT_PROFILE_MASK_ARB,
                              3,
                              None};
  EXPECT_EQ(parse_context_attribs(two_profiles, false, &a).kind, Kind::kBadProfile);
  const int es_not_offered[] = {GLX_CONTEXT_MAJOR_VERSION_ARB, 2, GLX_CONTEXT_PROFILE_MASK_ARB,
                                GLX_CONTEXT_ES2_PROFILE_BIT_EXT, None};
  EXPECT_EQ(parse_context_attribs(es_not_offered, false, &a).kind, Kind::kBadProfile);
  EXPECT_EQ(parse_context_attribs(es_not_offered, true, &a).kind, Kind::kNone);
  EXPECT_TRUE(a.request.es_profile);
}

TEST(ContextAttribs, ProfileMaskIsCheckedWhateverTheVersion) {
  ContextAttribs a;
  for (int mask :
       {0, GLX_CONTEXT_CORE_PROFILE_BIT_ARB | GLX_CONTEXT_COMPATIBILITY_PROFILE_BIT_ARB, 0x8, 0x100}) {
    const int no_version[] = {GLX_CONTEXT_PROFILE_MASK_ARB, mask, None};
    EXPECT_EQ(parse_context_attribs(no_version, true, &a).kind, Kind::kBadProfile) << mask;
    const int v21[] = {GLX_CONTEXT_MAJOR_VERSION_ARB,
                       2,
                       GLX_CONTEXT_MINOR_VERSION_ARB,
                       1,
                       GLX_CONTEXT_PROFILE_MASK_ARB,
                       mask,
                       None};
    EXPECT_EQ(parse_context_attribs(v21, true, &a).kind, Kind::kBadProfile) << mask;
  }
  // A valid profile below 3.2 is accepted and ignored.
  const int core_v21[] = {
      GLX_CONTEXT_MAJOR_VERSION_ARB,    2,   GLX_CONTEXT_MINOR_VERSION_ARB, 1, GLX_CONTEXT_PROFILE_MASK_ARB,
      GLX_CONTEXT_CORE_PROFILE_BIT_ARB, None};
  ASSERT_EQ(parse_context_attribs(core_v21, false, &a).kind, Kind::kNone);
  EXPECT_FALSE(a.request.core_profile);
}

TEST(ContextAttribs, RenderTypes) {
  ContextAttribs a;
  for (int type : {GLX_COLOR_INDEX_BIT, GLX_RGBA_BIT, GLX_RGBA_FLOAT_BIT_ARB, 0, -1, ~GLX_RGBA_TYPE}) {
    const int attribs[] = {GLX_RENDER_TYPE, type, None};
    EXPECT_EQ(parse_context_attribs(attribs, false, &a).kind, Kind::kBadValue) << type;
  }
  // Float types are render types only while their extensions are advertised.
  const int flt[] = {GLX_RENDER_TYPE, GLX_RGBA_FLOAT_TYPE_ARB, None};
  const int uflt[] = {GLX_RENDER_TYPE, GLX_RGBA_UNSIGNED_FLOAT_TYPE_EXT, None};
  EXPECT_EQ(parse_context_attribs(flt, false, &a).kind, Kind::kBadValue);
  EXPECT_EQ(parse_context_attribs(uflt, false, &a).kind, Kind::kBadValue);
  EXPECT_EQ(parse_context_attribs(flt, false, &a, {.rgba_float = true}).kind, Kind::kNone);
  EXPECT_EQ(parse_context_attribs(uflt, false, &a, {.rgba_float = true}).kind, Kind::kBadValue);
  EXPECT_EQ(parse_context_attribs(uflt, false, &a, {.rgba_unsigned_float = true}).kind, Kind::kNone);
  // Colour index is a valid type no config offers (and undefined from 3.0): BadMatch.
  const int ci30[] = {GLX_CONTEXT_MAJOR_VERSION_ARB, 3, GLX_RENDER_TYPE, GLX_COLOR_INDEX_TYPE, None};
  EXPECT_EQ(parse_context_attribs(ci30, false, &a).kind, Kind::kBadMatch);
}

TEST(ContextAttribs, RenderTypeAgainstTheConfig) {
  // Float configs carry only their float bit: float contexts need them, and they back nothing else.
  EXPECT_TRUE(config_supports_render_type(GLX_RGBA_BIT, GLX_RGBA_TYPE));
  EXPECT_FALSE(config_supports_render_type(GLX_RGBA_BIT, GLX_RGBA_FLOAT_TYPE_ARB));
  EXPECT_FALSE(config_supports_render_type(GLX_RGBA_BIT, GLX_RGBA_UNSIGNED_FLOAT_TYPE_EXT));
  EXPECT_FALSE(config_supports_render_type(GLX_RGBA_BIT, GLX_COLOR_INDEX_TYPE));
  EXPECT_TRUE(config_supports_render_type(GLX_RGBA_FLOAT_BIT_ARB, GLX_RGBA_FLOAT_TYPE_ARB));
  EXPECT_FALSE(config_supports_render_type(GLX_RGBA_FLOAT_BIT_ARB, GLX_RGBA_TYPE));
  EXPECT_FALSE(config_supports_render_type(GLX_RGBA_FLOAT_BIT_ARB, GLX_RGBA_UNSIGNED_FLOAT_TYPE_EXT));
  EXPECT_TRUE(config_supports_render_type(GLX_RGBA_UNSIGNED_FLOAT_BIT_EXT, GLX_RGBA_UNSIGNED_FLOAT_TYPE_EXT));
  EXPECT_FALSE(config_supports_render_type(GLX_RGBA_UNSIGNED_FLOAT_BIT_EXT, GLX_RGBA_FLOAT_TYPE_ARB));
  EXPECT_FALSE(config_supports_render_type(GLX_RGBA_BIT, GLX_RGBA_BIT));  // a bit is not a type
  // Without GLX_RENDER_TYPE, the config's own type.
  EXPECT_EQ(default_render_type(GLX_RGBA_BIT), GLX_RGBA_TYPE);
  EXPECT_EQ(default_render_type(GLX_RGBA_FLOAT_BIT_ARB), GLX_RGBA_FLOAT_TYPE_ARB);
  EXPECT_EQ(default_render_type(GLX_RGBA_UNSIGNED_FLOAT_BIT_EXT), GLX_RGBA_UNSIGNED_FLOAT_TYPE_EXT);
  ContextAttribs a;
  ASSERT_EQ(parse_context_attribs(nullptr, false, &a).kind, Kind::kNone);
  EXPECT_FALSE(a.render_type_given);
  EXPECT_EQ(a.render_type, GLX_RGBA_TYPE);
  const int rgba[] = {GLX_RENDER_TYPE, GLX_RGBA_TYPE, None};
  ASSERT_EQ(parse_context_attribs(rgba, false, &a).kind, Kind::kNone);
  EXPECT_TRUE(a.render_type_given);
  // Valid tokens for glXCreateNewContext: floats only while advertised.
  EXPECT_TRUE(valid_render_type(GLX_RGBA_TYPE, {}));
  EXPECT_FALSE(valid_render_type(GLX_RGBA_FLOAT_TYPE_ARB, {}));
  EXPECT_TRUE(valid_render_type(GLX_RGBA_FLOAT_TYPE_ARB, {.rgba_float = true}));
  EXPECT_FALSE(valid_render_type(GLX_RGBA_UNSIGNED_FLOAT_TYPE_EXT, {.rgba_float = true}));
  EXPECT_TRUE(valid_render_type(GLX_RGBA_UNSIGNED_FLOAT_TYPE_EXT, {.rgba_unsigned_float = true}));
  EXPECT_FALSE(valid_render_type(GLX_RGBA_FLOAT_BIT_ARB, {true, true}));
}

TEST(ContextAttribs, UnknownResetStrategyIsBadMatch) {
  ContextAttribs a;
  const int attribs[] = {GLX_CONTEXT_RESET_NOTIFICATION_STRATEGY_ARB, 0, None};
  EXPECT_EQ(parse_context_attribs(attribs, false, &a).kind, Kind::kBadMatch);
}

TEST(ContextAttribs, OpenGLES1IsRefused) {
  ContextAttribs a;
  for (int minor : {0, 1}) {
    const int es1[] = {GLX_CONTEXT_MAJOR_VERSION_ARB,
                       1,
                       GLX_CONTEXT_MINOR_VERSION_ARB,
                       minor,
                       GLX_CONTEXT_PROFILE_MASK_ARB,
                       GLX_CONTEXT_ES_PROFILE_BIT_EXT,
                       None};
    EXPECT_EQ(parse_context_attribs(es1, true, &a).kind, Kind::kBadMatch) << minor;
  }
  const int es32[] = {
      GLX_CONTEXT_MAJOR_VERSION_ARB,  3,   GLX_CONTEXT_MINOR_VERSION_ARB, 2, GLX_CONTEXT_PROFILE_MASK_ARB,
      GLX_CONTEXT_ES_PROFILE_BIT_EXT, None};
  EXPECT_EQ(parse_context_attribs(es32, true, &a).kind, Kind::kNone);
}

TEST(ContextAttribs, UnterminatedListIsRejectedNotReadForever) {
  std::vector<int> endless(1000, GLX_CONTEXT_MAJOR_VERSION_ARB);
  for (size_t i = 1; i < endless.size(); i += 2) endless[i] = 3;
  ContextAttribs a;
  EXPECT_EQ(parse_context_attribs(endless.data(), false, &a).kind, Kind::kBadValue);
}
