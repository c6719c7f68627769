#include "glx/copy_context.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <utility>

#include "drawable/gl_state.hpp"
#include "symbols/real.hpp"

// Last include: poisons every interposed name in the code below.
#include "symbols/poison.hpp"

namespace eglrun::glx::copy {

using namespace eglrun::real;

namespace {

Values get_doubles(GLenum pname, int n) {
  std::array<GLdouble, 16> v{};
  glGetDoublev_fn(pname, v.data());
  return Values(v.begin(), v.begin() + n);
}

GLint geti(GLenum pname) {
  GLint v = 0;
  glGetIntegerv_fn(pname, &v);
  return v;
}

GLenum en(double v) { return static_cast<GLenum>(v); }
GLint in(double v) { return static_cast<GLint>(v); }
// Masks come back as unsigned values up to 2^32-1 (or as -1 for "all ones" from some drivers).
GLuint un(double v) { return v < 0 ? static_cast<GLuint>(static_cast<GLint>(v)) : static_cast<GLuint>(v); }
GLboolean bo(double v) { return v != 0 ? GL_TRUE : GL_FALSE; }

Values from_floats(const GLfloat* f, int n) { return Values(f, f + n); }
std::array<GLfloat, 16> to_floats(const Values& v) {
  std::array<GLfloat, 16> f{};
  for (size_t i = 0; i < v.size() && i < f.size(); ++i) f[i] = static_cast<GLfloat>(v[i]);
  return f;
}

using Setter = std::function<void(const Values&)>;

class Table {
 public:
  explicit Table(const Api& api) : api_(api) {}

  Item& add(std::string name, GLbitfield groups, int min_version, bool legacy, std::function<Values()> get,
            Setter set) {
    Item it;
    it.name = std::move(name);
    it.groups = groups;
    it.min_version = min_version;
    it.legacy = legacy;
    it.get = std::move(get);
    it.set = std::move(set);
    items_.push_back(std::move(it));
    return items_.back();
  }
  // A glGetDoublev query of n values, set by `set`.
  Item& state(std::string name, GLenum pname, int n, GLbitfield groups, int min_version, bool legacy,
              Setter set) {
    return add(
        std::move(name), groups, min_version, legacy, [pname, n] { return get_doubles(pname, n); },
        std::move(set));
  }
  // An enable flag: in GL_ENABLE_BIT and in its own group.
  Item& enable(std::string name, GLenum cap, GLbitfield groups, int min_version, bool legacy, int unit = -1) {
    auto& it = add(
        std::move(name), groups | GL_ENABLE_BIT, min_version, legacy,
        [cap] { return Values{glIsEnabled_fn(cap) ? 1.0 : 0.0}; },
        [cap](const Values& v) { v[0] != 0 ? glEnable_fn(cap) : glDisable_fn(cap); });
    it.unit = unit;
    return it;
  }

  std::vector<Item> take() {
    std::vector<Item> out;
    for (auto& it : items_)
      if (it.min_version <= api_.version && (!it.legacy || api_.legacy)) out.push_back(std::move(it));
    return out;
  }

  const Api& api() const { return api_; }

 private:
  Api api_;
  std::vector<Item> items_;
};

void current_state(Table& t) {
  constexpr GLbitfield g = GL_CURRENT_BIT;
  t.state("GL_CURRENT_COLOR", GL_CURRENT_COLOR, 4, g, 10, true,
          [](const Values& v) { glColor4d_fn(v[0], v[1], v[2], v[3]); });
  // Its alpha is always 1: only RGB can be set.
  t.state("GL_CURRENT_SECONDARY_COLOR", GL_CURRENT_SECONDARY_COLOR, 3, g, 14, true,
          [](const Values& v) { glSecondaryColor3d_fn(v[0], v[1], v[2]); });
  t.state("GL_CURRENT_INDEX", GL_CURRENT_INDEX, 1, g, 10, true, [](const Values& v) { glIndexd_fn(v[0]); });
  t.state("GL_CURRENT_NORMAL", GL_CURRENT_NORMAL, 3, g, 10, true,
          [](const Values& v) { glNormal3d_fn(v[0], v[1], v[2]); });
  t.state("GL_EDGE_FLAG", GL_EDGE_FLAG, 1, g, 10, true, [](const Values& v) { glEdgeFlag_fn(bo(v[0])); });
  t.state("GL_CURRENT_FOG_COORD", GL_CURRENT_FOG_COORD, 1, g, 14, true,
          [](const Values& v) { glFogCoordd_fn(v[0]); });
  for (int u = 0; u < t.api().texture_coords; ++u) {
    const auto unit = static_cast<GLenum>(GL_TEXTURE0 + u);
    t.state(fmt::format("unit {} GL_CURRENT_TEXTURE_COORDS", u), GL_CURRENT_TEXTURE_COORDS, 4, g, 13, true,
            [unit](const Values& v) { glMultiTexCoord4d_fn(unit, v[0], v[1], v[2], v[3]); })
        .unit = u;
  }
}

void color_buffer_state(Table& t) {
  constexpr GLbitfield g = GL_COLOR_BUFFER_BIT;
  t.enable("GL_ALPHA_TEST", GL_ALPHA_TEST, g, 10, true);
  t.add(
      "glAlphaFunc", g, 10, true,
      [] {
        return Values{static_cast<double>(geti(GL_ALPHA_TEST_FUNC)), get_doubles(GL_ALPHA_TEST_REF, 1)[0]};
      },
      [](const Values& v) { glAlphaFunc_fn(en(v[0]), static_cast<GLfloat>(v[1])); });
  t.enable("GL_BLEND", GL_BLEND, g, 10, false);
  t.add(
      "glBlendFuncSeparate", g, 14, false,
      [] {
        return Values{
            static_cast<double>(geti(GL_BLEND_SRC_RGB)), static_cast<double>(geti(GL_BLEND_DST_RGB)),
            static_cast<double>(geti(GL_BLEND_SRC_ALPHA)), static_cast<double>(geti(GL_BLEND_DST_ALPHA))};
      },
      [](const Values& v) { glBlendFuncSeparate_fn(en(v[0]), en(v[1]), en(v[2]), en(v[3])); });
  t.add(
      "glBlendEquationSeparate", g, 20, false,
      [] {
        return Values{static_cast<double>(geti(GL_BLEND_EQUATION_RGB)),
                      static_cast<double>(geti(GL_BLEND_EQUATION_ALPHA))};
      },
      [](const Values& v) { glBlendEquationSeparate_fn(en(v[0]), en(v[1])); });
  t.state("GL_BLEND_COLOR", GL_BLEND_COLOR, 4, g, 14, false, [](const Values& v) {
    glBlendColor_fn(static_cast<GLfloat>(v[0]), static_cast<GLfloat>(v[1]), static_cast<GLfloat>(v[2]),
                    static_cast<GLfloat>(v[3]));
  });
  t.enable("GL_DITHER", GL_DITHER, g, 10, false);
  t.enable("GL_INDEX_LOGIC_OP", GL_INDEX_LOGIC_OP, g, 11, true);
  t.enable("GL_COLOR_LOGIC_OP", GL_COLOR_LOGIC_OP, g, 11, false);
  t.state("GL_LOGIC_OP_MODE", GL_LOGIC_OP_MODE, 1, g, 10, false,
          [](const Values& v) { glLogicOp_fn(en(v[0])); });
  t.state("GL_COLOR_CLEAR_VALUE", GL_COLOR_CLEAR_VALUE, 4, g, 10, false, [](const Values& v) {
    glClearColor_fn(static_cast<GLfloat>(v[0]), static_cast<GLfloat>(v[1]), static_cast<GLfloat>(v[2]),
                    static_cast<GLfloat>(v[3]));
  });
  t.state("GL_INDEX_CLEAR_VALUE", GL_INDEX_CLEAR_VALUE, 1, g, 10, true,
          [](const Values& v) { glClearIndex_fn(static_cast<GLfloat>(v[0])); });
  t.state("GL_COLOR_WRITEMASK", GL_COLOR_WRITEMASK, 4, g, 10, false,
          [](const Values& v) { glColorMask_fn(bo(v[0]), bo(v[1]), bo(v[2]), bo(v[3])); });
  t.state("GL_INDEX_WRITEMASK", GL_INDEX_WRITEMASK, 1, g, 10, true,
          [](const Values& v) { glIndexMask_fn(un(v[0])); });
  t.enable("GL_FRAMEBUFFER_SRGB", GL_FRAMEBUFFER_SRGB, g, 30, false);
  t.state("GL_CLAMP_FRAGMENT_COLOR", GL_CLAMP_FRAGMENT_COLOR, 1, g, 30, true,
          [](const Values& v) { glClampColor_fn(GL_CLAMP_FRAGMENT_COLOR, en(v[0])); });
  t.state("GL_CLAMP_READ_COLOR", GL_CLAMP_READ_COLOR, 1, g, 30, false,
          [](const Values& v) { glClampColor_fn(GL_CLAMP_READ_COLOR, en(v[0])); });
  // The draw buffers of framebuffer 0 are eglrun's own state (glx::Context::fb0_draw_buffers):
  // copy_context() copies them.
}

void depth_state(Table& t) {
  constexpr GLbitfield g = GL_DEPTH_BUFFER_BIT;
  t.enable("GL_DEPTH_TEST", GL_DEPTH_TEST, g, 10, false);
  t.state("GL_DEPTH_FUNC", GL_DEPTH_FUNC, 1, g, 10, false, [](const Values& v) { glDepthFunc_fn(en(v[0])); });
  t.state("GL_DEPTH_CLEAR_VALUE", GL_DEPTH_CLEAR_VALUE, 1, g, 10, false,
          [](const Values& v) { glClearDepth_fn(v[0]); });
  t.state("GL_DEPTH_WRITEMASK", GL_DEPTH_WRITEMASK, 1, g, 10, false,
          [](const Values& v) { glDepthMask_fn(bo(v[0])); });
}

void enable_only_state(Table& t) {
  t.enable("GL_COLOR_SUM", GL_COLOR_SUM, 0, 14, true);
  t.enable("GL_VERTEX_PROGRAM_POINT_SIZE", GL_VERTEX_PROGRAM_POINT_SIZE, 0, 20, false);
  t.enable("GL_VERTEX_PROGRAM_TWO_SIDE", GL_VERTEX_PROGRAM_TWO_SIDE, 0, 20, true);
}

void viewport_state(Table& t) {
  constexpr GLbitfield g = GL_VIEWPORT_BIT;
  // The real glViewport: the destination is not current, so no resize hint is due.
  t.state("GL_VIEWPORT", GL_VIEWPORT, 4, g, 10, false,
          [](const Values& v) { glViewport_fn(in(v[0]), in(v[1]), in(v[2]), in(v[3])); });
  t.state("GL_DEPTH_RANGE", GL_DEPTH_RANGE, 2, g, 10, false,
          [](const Values& v) { glDepthRange_fn(v[0], v[1]); });
}

void transform_state(Table& t) {
  constexpr GLbitfield g = GL_TRANSFORM_BIT;
  t.state("GL_MATRIX_MODE", GL_MATRIX_MODE, 1, g, 10, true, [](const Values& v) {
     glMatrixMode_fn(en(v[0]));
   }).phase = Phase::kLast;
  for (int i = 0; i < t.api().clip_planes; ++i) {
    const auto plane = static_cast<GLenum>(GL_CLIP_PLANE0 + i);
    t.enable(fmt::format("GL_CLIP_PLANE{}", i), plane, g, 10, false);
    t.add(
         fmt::format("GL_CLIP_PLANE{} equation", i), g, 10, true,
         [plane] {
           Values v(4);
           glGetClipPlane_fn(plane, v.data());
           return v;
         },
         [plane](const Values& v) { glClipPlane_fn(plane, v.data()); })
        .phase = Phase::kEyeSpace;
  }
  t.enable("GL_NORMALIZE", GL_NORMALIZE, g, 10, true);
  t.enable("GL_RESCALE_NORMAL", GL_RESCALE_NORMAL, g, 12, true);
  t.enable("GL_DEPTH_CLAMP", GL_DEPTH_CLAMP, g, 32, false);
}

void lighting_state(Table& t) {
  constexpr GLbitfield g = GL_LIGHTING_BIT;
  t.enable("GL_LIGHTING", GL_LIGHTING, g, 10, true);
  // Enabling it copies the current colour into the tracked material: set after everything else.
  t.enable("GL_COLOR_MATERIAL", GL_COLOR_MATERIAL, g, 10, true).phase = Phase::kLast;
  t.add(
      "glColorMaterial", g, 10, true,
      [] {
        return Values{static_cast<double>(geti(GL_COLOR_MATERIAL_FACE)),
                      static_cast<double>(geti(GL_COLOR_MATERIAL_PARAMETER))};
      },
      [](const Values& v) { glColorMaterial_fn(en(v[0]), en(v[1])); });
  static constexpr std::pair<GLenum, const char*> kFaces[] = {{GL_FRONT, "GL_FRONT"}, {GL_BACK, "GL_BACK"}};
  static constexpr std::tuple<GLenum, const char*, int> kMaterial[] = {
      {GL_AMBIENT, "GL_AMBIENT", 4},     {GL_DIFFUSE, "GL_DIFFUSE", 4},
      {GL_SPECULAR, "GL_SPECULAR", 4},   {GL_EMISSION, "GL_EMISSION", 4},
      {GL_SHININESS, "GL_SHININESS", 1}, {GL_COLOR_INDEXES, "GL_COLOR_INDEXES", 3},
  };
  for (const auto& [face, face_name] : kFaces) {
    for (const auto& [pname, pname_name, n] : kMaterial) {
      t.add(
          fmt::format("material {} {}", face_name, pname_name), g, 10, true,
          [face = face, pname = pname, n = n] {
            std::array<GLfloat, 4> f{};
            glGetMaterialfv_fn(face, pname, f.data());
            return from_floats(f.data(), n);
          },
          [face = face, pname = pname](const Values& v) {
            glMaterialfv_fn(face, pname, to_floats(v).data());
          });
    }
  }
  auto model = [&t](const char* name, GLenum pname, int n, int version) {
    t.state(name, pname, n, GL_LIGHTING_BIT, version, true,
            [pname](const Values& v) { glLightModelfv_fn(pname, to_floats(v).data()); });
  };
  model("GL_LIGHT_MODEL_AMBIENT", GL_LIGHT_MODEL_AMBIENT, 4, 10);
  model("GL_LIGHT_MODEL_LOCAL_VIEWER", GL_LIGHT_MODEL_LOCAL_VIEWER, 1, 10);
  model("GL_LIGHT_MODEL_TWO_SIDE", GL_LIGHT_MODEL_TWO_SIDE, 1, 10);
  model("GL_LIGHT_MODEL_COLOR_CONTROL", GL_LIGHT_MODEL_COLOR_CONTROL, 1, 12);
  t.state("GL_SHADE_MODEL", GL_SHADE_MODEL, 1, g, 10, true,
          [](const Values& v) { glShadeModel_fn(en(v[0])); });
  t.state("GL_CLAMP_VERTEX_COLOR", GL_CLAMP_VERTEX_COLOR, 1, g, 30, true,
          [](const Values& v) { glClampColor_fn(GL_CLAMP_VERTEX_COLOR, en(v[0])); });
  t.state("GL_PROVOKING_VERTEX", GL_PROVOKING_VERTEX, 1, g, 32, false,
          [](const Values& v) { glProvokingVertex_fn(en(v[0])); });
  static constexpr std::tuple<GLenum, const char*, int, bool> kLight[] = {
      {GL_AMBIENT, "GL_AMBIENT", 4, false},
      {GL_DIFFUSE, "GL_DIFFUSE", 4, false},
      {GL_SPECULAR, "GL_SPECULAR", 4, false},
      {GL_POSITION, "GL_POSITION", 4, true},
      {GL_SPOT_DIRECTION, "GL_SPOT_DIRECTION", 3, true},
      {GL_SPOT_EXPONENT, "GL_SPOT_EXPONENT", 1, false},
      {GL_SPOT_CUTOFF, "GL_SPOT_CUTOFF", 1, false},
      {GL_CONSTANT_ATTENUATION, "GL_CONSTANT_ATTENUATION", 1, false},
      {GL_LINEAR_ATTENUATION, "GL_LINEAR_ATTENUATION", 1, false},
      {GL_QUADRATIC_ATTENUATION, "GL_QUADRATIC_ATTENUATION", 1, false},
  };
  for (int i = 0; i < t.api().lights; ++i) {
    const auto light = static_cast<GLenum>(GL_LIGHT0 + i);
    t.enable(fmt::format("GL_LIGHT{}", i), light, g, 10, true);
    for (const auto& [pname, pname_name, n, eye] : kLight) {
      // glGetLight gives position and direction in eye coordinates, glLight transforms them by the
      // modelview matrix: set under an identity one.
      t.add(
           fmt::format("GL_LIGHT{} {}", i, pname_name), g, 10, true,
           [light, pname = pname, n = n] {
             std::array<GLfloat, 4> f{};
             glGetLightfv_fn(light, pname, f.data());
             return from_floats(f.data(), n);
           },
           [light, pname = pname](const Values& v) { glLightfv_fn(light, pname, to_floats(v).data()); })
          .phase = eye ? Phase::kEyeSpace : Phase::kNormal;
    }
  }
}

void polygon_state(Table& t, bool legacy) {
  constexpr GLbitfield g = GL_POLYGON_BIT;
  t.enable("GL_CULL_FACE", GL_CULL_FACE, g, 10, false);
  t.state("GL_CULL_FACE_MODE", GL_CULL_FACE_MODE, 1, g, 10, false,
          [](const Values& v) { glCullFace_fn(en(v[0])); });
  t.state("GL_FRONT_FACE", GL_FRONT_FACE, 1, g, 10, false, [](const Values& v) { glFrontFace_fn(en(v[0])); });
  // Front and back modes in a compatibility context; one mode for both in a core one.
  t.state("GL_POLYGON_MODE", GL_POLYGON_MODE, 2, g, 10, false, [legacy](const Values& v) {
    if (legacy) {
      glPolygonMode_fn(GL_FRONT, en(v[0]));
      glPolygonMode_fn(GL_BACK, en(v[1]));
    } else {
      glPolygonMode_fn(GL_FRONT_AND_BACK, en(v[0]));
    }
  });
  t.enable("GL_POLYGON_SMOOTH", GL_POLYGON_SMOOTH, g, 10, false);
  t.enable("GL_POLYGON_STIPPLE", GL_POLYGON_STIPPLE, g, 10, true);
  t.add(
      "glPolygonOffset", g, 11, false,
      [] {
        return Values{get_doubles(GL_POLYGON_OFFSET_FACTOR, 1)[0],
                      get_doubles(GL_POLYGON_OFFSET_UNITS, 1)[0]};
      },
      [](const Values& v) { glPolygonOffset_fn(static_cast<GLfloat>(v[0]), static_cast<GLfloat>(v[1])); });
  t.enable("GL_POLYGON_OFFSET_POINT", GL_POLYGON_OFFSET_POINT, g, 11, false);
  t.enable("GL_POLYGON_OFFSET_LINE", GL_POLYGON_OFFSET_LINE, g, 11, false);
  t.enable("GL_POLYGON_OFFSET_FILL", GL_POLYGON_OFFSET_FILL, g, 11, false);
  // The stipple pattern: read and written with default pixel-store state (capture()/apply()).
  t.add(
      "glPolygonStipple", GL_POLYGON_STIPPLE_BIT, 10, true,
      [] {
        std::array<GLubyte, 128> p{};
        glGetPolygonStipple_fn(p.data());
        return Values(p.begin(), p.end());
      },
      [](const Values& v) {
        std::array<GLubyte, 128> p{};
        for (size_t i = 0; i < p.size() && i < v.size(); ++i) p[i] = static_cast<GLubyte>(v[i]);
        glPolygonStipple_fn(p.data());
      });
}

void point_line_state(Table& t) {
  constexpr GLbitfield p = GL_POINT_BIT, l = GL_LINE_BIT;
  t.enable("GL_POINT_SMOOTH", GL_POINT_SMOOTH, p, 10, true);
  t.state("GL_POINT_SIZE", GL_POINT_SIZE, 1, p, 10, false,
          [](const Values& v) { glPointSize_fn(static_cast<GLfloat>(v[0])); });
  auto param = [&t](const char* name, GLenum pname, int n, bool legacy) {
    t.state(name, pname, n, GL_POINT_BIT, 14, legacy,
            [pname](const Values& v) { glPointParameterfv_fn(pname, to_floats(v).data()); });
  };
  param("GL_POINT_SIZE_MIN", GL_POINT_SIZE_MIN, 1, true);
  param("GL_POINT_SIZE_MAX", GL_POINT_SIZE_MAX, 1, true);
  param("GL_POINT_DISTANCE_ATTENUATION", GL_POINT_DISTANCE_ATTENUATION, 3, true);
  param("GL_POINT_FADE_THRESHOLD_SIZE", GL_POINT_FADE_THRESHOLD_SIZE, 1, false);
  t.state("GL_POINT_SPRITE_COORD_ORIGIN", GL_POINT_SPRITE_COORD_ORIGIN, 1, p, 20, false,
          [](const Values& v) { glPointParameterfv_fn(GL_POINT_SPRITE_COORD_ORIGIN, to_floats(v).data()); });
  t.enable("GL_POINT_SPRITE", GL_POINT_SPRITE, p, 20, true);
  for (int u = 0; u < t.api().texture_units; ++u) {
    t.add(
         fmt::format("unit {} GL_COORD_REPLACE", u), p, 20, true,
         [] {
           GLfloat f = 0;
           glGetTexEnvfv_fn(GL_POINT_SPRITE, GL_COORD_REPLACE, &f);
           return Values{f};
         },
         [](const Values& v) {
           const GLfloat f = static_cast<GLfloat>(v[0]);
           glTexEnvfv_fn(GL_POINT_SPRITE, GL_COORD_REPLACE, &f);
         })
        .unit = u;
  }

  t.enable("GL_LINE_SMOOTH", GL_LINE_SMOOTH, l, 10, false);
  t.enable("GL_LINE_STIPPLE", GL_LINE_STIPPLE, l, 10, true);
  t.add(
      "glLineStipple", l, 10, true,
      [] {
        return Values{static_cast<double>(geti(GL_LINE_STIPPLE_REPEAT)),
                      static_cast<double>(geti(GL_LINE_STIPPLE_PATTERN))};
      },
      [](const Values& v) { glLineStipple_fn(in(v[0]), static_cast<GLushort>(in(v[1]))); });
  t.state("GL_LINE_WIDTH", GL_LINE_WIDTH, 1, l, 10, false,
          [](const Values& v) { glLineWidth_fn(static_cast<GLfloat>(v[0])); });
}

void fog_state(Table& t) {
  constexpr GLbitfield g = GL_FOG_BIT;
  t.enable("GL_FOG", GL_FOG, g, 10, true);
  auto fog = [&t](const char* name, GLenum pname, int n, int version) {
    t.state(name, pname, n, GL_FOG_BIT, version, true,
            [pname](const Values& v) { glFogfv_fn(pname, to_floats(v).data()); });
  };
  fog("GL_FOG_COLOR", GL_FOG_COLOR, 4, 10);
  fog("GL_FOG_DENSITY", GL_FOG_DENSITY, 1, 10);
  fog("GL_FOG_START", GL_FOG_START, 1, 10);
  fog("GL_FOG_END", GL_FOG_END, 1, 10);
  fog("GL_FOG_MODE", GL_FOG_MODE, 1, 10);
  fog("GL_FOG_INDEX", GL_FOG_INDEX, 1, 10);
  fog("GL_FOG_COORD_SRC", GL_FOG_COORD_SRC, 1, 14);
}

void stencil_state(Table& t) {
  constexpr GLbitfield g = GL_STENCIL_BUFFER_BIT;
  t.enable("GL_STENCIL_TEST", GL_STENCIL_TEST, g, 10, false);
  struct Face {
    GLenum face;
    const char* name;
    GLenum func, ref, value_mask, fail, zfail, zpass, writemask;
  };
  static constexpr Face kFaces[] = {
      {GL_FRONT, "GL_FRONT", GL_STENCIL_FUNC, GL_STENCIL_REF, GL_STENCIL_VALUE_MASK, GL_STENCIL_FAIL,
       GL_STENCIL_PASS_DEPTH_FAIL, GL_STENCIL_PASS_DEPTH_PASS, GL_STENCIL_WRITEMASK},
      {GL_BACK, "GL_BACK", GL_STENCIL_BACK_FUNC, GL_STENCIL_BACK_REF, GL_STENCIL_BACK_VALUE_MASK,
       GL_STENCIL_BACK_FAIL, GL_STENCIL_BACK_PASS_DEPTH_FAIL, GL_STENCIL_BACK_PASS_DEPTH_PASS,
       GL_STENCIL_BACK_WRITEMASK},
  };
  for (const auto& f : kFaces) {
    t.add(
        fmt::format("glStencilFuncSeparate {}", f.name), g, 20, false,
        [f] {
          return Values{static_cast<double>(geti(f.func)), get_doubles(f.ref, 1)[0],
                        get_doubles(f.value_mask, 1)[0]};
        },
        [f](const Values& v) { glStencilFuncSeparate_fn(f.face, en(v[0]), in(v[1]), un(v[2])); });
    t.add(
        fmt::format("glStencilOpSeparate {}", f.name), g, 20, false,
        [f] {
          return Values{static_cast<double>(geti(f.fail)), static_cast<double>(geti(f.zfail)),
                        static_cast<double>(geti(f.zpass))};
        },
        [f](const Values& v) { glStencilOpSeparate_fn(f.face, en(v[0]), en(v[1]), en(v[2])); });
    t.state(fmt::format("glStencilMaskSeparate {}", f.name), f.writemask, 1, g, 20, false,
            [f](const Values& v) { glStencilMaskSeparate_fn(f.face, un(v[0])); });
  }
  t.state("GL_STENCIL_CLEAR_VALUE", GL_STENCIL_CLEAR_VALUE, 1, g, 10, false,
          [](const Values& v) { glClearStencil_fn(in(v[0])); });
}

void scissor_state(Table& t) {
  t.enable("GL_SCISSOR_TEST", GL_SCISSOR_TEST, GL_SCISSOR_BIT, 10, false);
  t.state("GL_SCISSOR_BOX", GL_SCISSOR_BOX, 4, GL_SCISSOR_BIT, 10, false,
          [](const Values& v) { glScissor_fn(in(v[0]), in(v[1]), in(v[2]), in(v[3])); });
}

void pixel_mode_state(Table& t) {
  constexpr GLbitfield g = GL_PIXEL_MODE_BIT;
  static constexpr std::pair<GLenum, const char*> kTransfer[] = {
      {GL_MAP_COLOR, "GL_MAP_COLOR"},     {GL_MAP_STENCIL, "GL_MAP_STENCIL"},
      {GL_INDEX_SHIFT, "GL_INDEX_SHIFT"}, {GL_INDEX_OFFSET, "GL_INDEX_OFFSET"},
      {GL_RED_SCALE, "GL_RED_SCALE"},     {GL_RED_BIAS, "GL_RED_BIAS"},
      {GL_GREEN_SCALE, "GL_GREEN_SCALE"}, {GL_GREEN_BIAS, "GL_GREEN_BIAS"},
      {GL_BLUE_SCALE, "GL_BLUE_SCALE"},   {GL_BLUE_BIAS, "GL_BLUE_BIAS"},
      {GL_ALPHA_SCALE, "GL_ALPHA_SCALE"}, {GL_ALPHA_BIAS, "GL_ALPHA_BIAS"},
      {GL_DEPTH_SCALE, "GL_DEPTH_SCALE"}, {GL_DEPTH_BIAS, "GL_DEPTH_BIAS"},
  };
  for (const auto& [pname, name] : kTransfer)
    t.state(name, pname, 1, g, 10, true,
            [pname = pname](const Values& v) { glPixelTransferf_fn(pname, static_cast<GLfloat>(v[0])); });
  t.add(
      "glPixelZoom", g, 10, true,
      [] {
        return Values{get_doubles(GL_ZOOM_X, 1)[0], get_doubles(GL_ZOOM_Y, 1)[0]};
      },
      [](const Values& v) { glPixelZoom_fn(static_cast<GLfloat>(v[0]), static_cast<GLfloat>(v[1])); });
  // Pixel maps, read and written with no pixel buffer bound (capture()/apply()).
  static constexpr std::pair<GLenum, const char*> kMaps[] = {
      {GL_PIXEL_MAP_I_TO_I, "GL_PIXEL_MAP_I_TO_I"}, {GL_PIXEL_MAP_S_TO_S, "GL_PIXEL_MAP_S_TO_S"},
      {GL_PIXEL_MAP_I_TO_R, "GL_PIXEL_MAP_I_TO_R"}, {GL_PIXEL_MAP_I_TO_G, "GL_PIXEL_MAP_I_TO_G"},
      {GL_PIXEL_MAP_I_TO_B, "GL_PIXEL_MAP_I_TO_B"}, {GL_PIXEL_MAP_I_TO_A, "GL_PIXEL_MAP_I_TO_A"},
      {GL_PIXEL_MAP_R_TO_R, "GL_PIXEL_MAP_R_TO_R"}, {GL_PIXEL_MAP_G_TO_G, "GL_PIXEL_MAP_G_TO_G"},
      {GL_PIXEL_MAP_B_TO_B, "GL_PIXEL_MAP_B_TO_B"}, {GL_PIXEL_MAP_A_TO_A, "GL_PIXEL_MAP_A_TO_A"},
  };
  for (const auto& [map, name] : kMaps) {
    t.add(
        name, g, 10, true,
        [map = map] {
          // GL_PIXEL_MAP_x_SIZE is the map's name + 0x40 for every map.
          std::vector<GLfloat> f(static_cast<size_t>(std::max(1, geti(map + 0x40))));
          glGetPixelMapfv_fn(map, f.data());
          return Values(f.begin(), f.end());
        },
        [map = map](const Values& v) {
          std::vector<GLfloat> f(v.begin(), v.end());
          glPixelMapfv_fn(map, static_cast<GLsizei>(f.size()), f.data());
        });
  }
  // GL_READ_BUFFER stays the drawable's own (as at make-current; gl::carry_buffer_selection).
}

void texture_state(Table& t) {
  constexpr GLbitfield g = GL_TEXTURE_BIT;
  const Api& api = t.api();
  t.state("GL_ACTIVE_TEXTURE", GL_ACTIVE_TEXTURE, 1, g, 13, false, [](const Values& v) {
     glActiveTexture_fn(en(v[0]));
   }).phase = Phase::kLast;
  struct Target {
    GLenum target, binding, enable;
    const char* name;
    int version;
  };
  static constexpr Target kTargets[] = {
      {GL_TEXTURE_1D, GL_TEXTURE_BINDING_1D, GL_TEXTURE_1D, "GL_TEXTURE_1D", 11},
      {GL_TEXTURE_2D, GL_TEXTURE_BINDING_2D, GL_TEXTURE_2D, "GL_TEXTURE_2D", 11},
      {GL_TEXTURE_3D, GL_TEXTURE_BINDING_3D, GL_TEXTURE_3D, "GL_TEXTURE_3D", 12},
      {GL_TEXTURE_CUBE_MAP, GL_TEXTURE_BINDING_CUBE_MAP, GL_TEXTURE_CUBE_MAP, "GL_TEXTURE_CUBE_MAP", 13},
      {GL_TEXTURE_RECTANGLE, GL_TEXTURE_BINDING_RECTANGLE, GL_TEXTURE_RECTANGLE, "GL_TEXTURE_RECTANGLE", 31},
      {GL_TEXTURE_1D_ARRAY, GL_TEXTURE_BINDING_1D_ARRAY, 0, "GL_TEXTURE_1D_ARRAY", 30},
      {GL_TEXTURE_2D_ARRAY, GL_TEXTURE_BINDING_2D_ARRAY, 0, "GL_TEXTURE_2D_ARRAY", 30},
      {GL_TEXTURE_CUBE_MAP_ARRAY, GL_TEXTURE_BINDING_CUBE_MAP_ARRAY, 0, "GL_TEXTURE_CUBE_MAP_ARRAY", 40},
      {GL_TEXTURE_BUFFER, GL_TEXTURE_BINDING_BUFFER, 0, "GL_TEXTURE_BUFFER", 31},
      {GL_TEXTURE_2D_MULTISAMPLE, GL_TEXTURE_BINDING_2D_MULTISAMPLE, 0, "GL_TEXTURE_2D_MULTISAMPLE", 32},
      {GL_TEXTURE_2D_MULTISAMPLE_ARRAY, GL_TEXTURE_BINDING_2D_MULTISAMPLE_ARRAY, 0,
       "GL_TEXTURE_2D_MULTISAMPLE_ARRAY", 32},
  };
  // Bindings only between contexts that share objects: elsewhere a name means another texture.
  if (api.shares_objects) {
    for (int u = 0; u < api.image_units; ++u) {
      for (const auto& tg : kTargets) {
        t.state(fmt::format("unit {} {} binding", u, tg.name), tg.binding, 1, g, tg.version, false,
                [target = tg.target](const Values& v) { glBindTexture_fn(target, un(v[0])); })
            .unit = u;
      }
    }
  }
  static constexpr std::pair<GLenum, const char*> kCoords[] = {
      {GL_S, "GL_S"}, {GL_T, "GL_T"}, {GL_R, "GL_R"}, {GL_Q, "GL_Q"}};
  static constexpr GLenum kGenEnables[] = {GL_TEXTURE_GEN_S, GL_TEXTURE_GEN_T, GL_TEXTURE_GEN_R,
                                           GL_TEXTURE_GEN_Q};
  static constexpr std::tuple<GLenum, const char*, int> kEnv[] = {
      {GL_TEXTURE_ENV_MODE, "GL_TEXTURE_ENV_MODE", 1},
      {GL_TEXTURE_ENV_COLOR, "GL_TEXTURE_ENV_COLOR", 4},
      {GL_COMBINE_RGB, "GL_COMBINE_RGB", 1},
      {GL_COMBINE_ALPHA, "GL_COMBINE_ALPHA", 1},
      {GL_SRC0_RGB, "GL_SRC0_RGB", 1},
      {GL_SRC1_RGB, "GL_SRC1_RGB", 1},
      {GL_SRC2_RGB, "GL_SRC2_RGB", 1},
      {GL_SRC0_ALPHA, "GL_SRC0_ALPHA", 1},
      {GL_SRC1_ALPHA, "GL_SRC1_ALPHA", 1},
      {GL_SRC2_ALPHA, "GL_SRC2_ALPHA", 1},
      {GL_OPERAND0_RGB, "GL_OPERAND0_RGB", 1},
      {GL_OPERAND1_RGB, "GL_OPERAND1_RGB", 1},
      {GL_OPERAND2_RGB, "GL_OPERAND2_RGB", 1},
      {GL_OPERAND0_ALPHA, "GL_OPERAND0_ALPHA", 1},
      {GL_OPERAND1_ALPHA, "GL_OPERAND1_ALPHA", 1},
      {GL_OPERAND2_ALPHA, "GL_OPERAND2_ALPHA", 1},
      {GL_RGB_SCALE, "GL_RGB_SCALE", 1},
      {GL_ALPHA_SCALE, "GL_ALPHA_SCALE", 1},
  };
  for (int u = 0; u < api.texture_units; ++u) {
    for (const auto& tg : kTargets)
      if (tg.enable != 0) t.enable(fmt::format("unit {} {}", u, tg.name), tg.enable, g, tg.version, true, u);
    for (const auto& [pname, name, n] : kEnv) {
      t.add(
           fmt::format("unit {} {}", u, name), g, pname == GL_TEXTURE_ENV_MODE || n == 4 ? 10 : 13, true,
           [pname = pname, n = n] {
             std::array<GLfloat, 4> f{};
             glGetTexEnvfv_fn(GL_TEXTURE_ENV, pname, f.data());
             return from_floats(f.data(), n);
           },
           [pname = pname](const Values& v) { glTexEnvfv_fn(GL_TEXTURE_ENV, pname, to_floats(v).data()); })
          .unit = u;
    }
    t.add(
         fmt::format("unit {} GL_TEXTURE_LOD_BIAS", u), g, 14, true,
         [] {
           GLfloat f = 0;
           glGetTexEnvfv_fn(GL_TEXTURE_FILTER_CONTROL, GL_TEXTURE_LOD_BIAS, &f);
           return Values{f};
         },
         [](const Values& v) {
           const GLfloat f = static_cast<GLfloat>(v[0]);
           glTexEnvfv_fn(GL_TEXTURE_FILTER_CONTROL, GL_TEXTURE_LOD_BIAS, &f);
         })
        .unit = u;
    for (size_t c = 0; c < 4; ++c) {
      const auto [coord, coord_name] = kCoords[c];
      t.enable(fmt::format("unit {} GL_TEXTURE_GEN_{}", u, coord_name + 3), kGenEnables[c], g, 10, true, u);
      static constexpr std::tuple<GLenum, const char*, int, bool> kGen[] = {
          {GL_TEXTURE_GEN_MODE, "GL_TEXTURE_GEN_MODE", 1, false},
          {GL_OBJECT_PLANE, "GL_OBJECT_PLANE", 4, false},
          {GL_EYE_PLANE, "GL_EYE_PLANE", 4, true},
      };
      for (const auto& [pname, name, n, eye] : kGen) {
        auto& it = t.add(
            fmt::format("unit {} {} {}", u, coord_name, name), g, 10, true,
            [coord = coord, pname = pname, n = n] {
              std::array<GLdouble, 4> d{};
              glGetTexGendv_fn(coord, pname, d.data());
              return Values(d.begin(), d.begin() + n);
            },
            [coord = coord, pname = pname](const Values& v) { glTexGendv_fn(coord, pname, v.data()); });
        it.unit = u;
        it.phase = eye ? Phase::kEyeSpace : Phase::kNormal;
      }
    }
  }
}

void hint_state(Table& t) {
  static constexpr std::tuple<GLenum, const char*, int, bool> kHints[] = {
      {GL_PERSPECTIVE_CORRECTION_HINT, "GL_PERSPECTIVE_CORRECTION_HINT", 10, true},
      {GL_POINT_SMOOTH_HINT, "GL_POINT_SMOOTH_HINT", 10, true},
      {GL_LINE_SMOOTH_HINT, "GL_LINE_SMOOTH_HINT", 10, false},
      {GL_POLYGON_SMOOTH_HINT, "GL_POLYGON_SMOOTH_HINT", 10, false},
      {GL_FOG_HINT, "GL_FOG_HINT", 10, true},
      {GL_GENERATE_MIPMAP_HINT, "GL_GENERATE_MIPMAP_HINT", 14, true},
      {GL_TEXTURE_COMPRESSION_HINT, "GL_TEXTURE_COMPRESSION_HINT", 13, false},
      {GL_FRAGMENT_SHADER_DERIVATIVE_HINT, "GL_FRAGMENT_SHADER_DERIVATIVE_HINT", 20, false},
  };
  for (const auto& [target, name, version, legacy] : kHints)
    t.state(name, target, 1, GL_HINT_BIT, version, legacy,
            [target = target](const Values& v) { glHint_fn(target, en(v[0])); });
}

void eval_state(Table& t) {
  constexpr GLbitfield g = GL_EVAL_BIT;
  struct Map {
    GLenum target;
    const char* name;
    int k;  // values per control point
  };
  static constexpr Map kMap1[] = {
      {GL_MAP1_COLOR_4, "GL_MAP1_COLOR_4", 4},
      {GL_MAP1_INDEX, "GL_MAP1_INDEX", 1},
      {GL_MAP1_NORMAL, "GL_MAP1_NORMAL", 3},
      {GL_MAP1_TEXTURE_COORD_1, "GL_MAP1_TEXTURE_COORD_1", 1},
      {GL_MAP1_TEXTURE_COORD_2, "GL_MAP1_TEXTURE_COORD_2", 2},
      {GL_MAP1_TEXTURE_COORD_3, "GL_MAP1_TEXTURE_COORD_3", 3},
      {GL_MAP1_TEXTURE_COORD_4, "GL_MAP1_TEXTURE_COORD_4", 4},
      {GL_MAP1_VERTEX_3, "GL_MAP1_VERTEX_3", 3},
      {GL_MAP1_VERTEX_4, "GL_MAP1_VERTEX_4", 4},
  };
  static constexpr Map kMap2[] = {
      {GL_MAP2_COLOR_4, "GL_MAP2_COLOR_4", 4},
      {GL_MAP2_INDEX, "GL_MAP2_INDEX", 1},
      {GL_MAP2_NORMAL, "GL_MAP2_NORMAL", 3},
      {GL_MAP2_TEXTURE_COORD_1, "GL_MAP2_TEXTURE_COORD_1", 1},
      {GL_MAP2_TEXTURE_COORD_2, "GL_MAP2_TEXTURE_COORD_2", 2},
      {GL_MAP2_TEXTURE_COORD_3, "GL_MAP2_TEXTURE_COORD_3", 3},
      {GL_MAP2_TEXTURE_COORD_4, "GL_MAP2_TEXTURE_COORD_4", 4},
      {GL_MAP2_VERTEX_3, "GL_MAP2_VERTEX_3", 3},
      {GL_MAP2_VERTEX_4, "GL_MAP2_VERTEX_4", 4},
  };
  t.enable("GL_AUTO_NORMAL", GL_AUTO_NORMAL, g, 10, true);
  // Values: order, domain u1 u2, then the control points. glMap1/glMap2 need texture unit 0 active
  // (GL_INVALID_OPERATION otherwise), hence unit 0 for the points.
  for (const auto& m : kMap1) {
    t.enable(m.name, m.target, g, 10, true);
    t.add(
         fmt::format("{} points", m.name), g, 10, true,
         [m] {
           GLdouble order = 0;
           std::array<GLdouble, 2> domain{};
           glGetMapdv_fn(m.target, GL_ORDER, &order);
           glGetMapdv_fn(m.target, GL_DOMAIN, domain.data());
           Values v{order, domain[0], domain[1]};
           v.resize(3 + static_cast<size_t>(order) * static_cast<size_t>(m.k));
           glGetMapdv_fn(m.target, GL_COEFF, v.data() + 3);
           return v;
         },
         [m](const Values& v) { glMap1d_fn(m.target, v[1], v[2], m.k, in(v[0]), v.data() + 3); })
        .unit = 0;
  }
  // Values: u order, v order, domain u1 u2 v1 v2, then the control points (u varying slowest).
  for (const auto& m : kMap2) {
    t.enable(m.name, m.target, g, 10, true);
    t.add(
         fmt::format("{} points", m.name), g, 10, true,
         [m] {
           std::array<GLdouble, 2> order{};
           std::array<GLdouble, 4> domain{};
           glGetMapdv_fn(m.target, GL_ORDER, order.data());
           glGetMapdv_fn(m.target, GL_DOMAIN, domain.data());
           Values v{order[0], order[1], domain[0], domain[1], domain[2], domain[3]};
           v.resize(6 + static_cast<size_t>(order[0] * order[1]) * static_cast<size_t>(m.k));
           glGetMapdv_fn(m.target, GL_COEFF, v.data() + 6);
           return v;
         },
         [m](const Values& v) {
           const GLint uorder = in(v[0]), vorder = in(v[1]);
           glMap2d_fn(m.target, v[2], v[3], m.k * vorder, uorder, v[4], v[5], m.k, vorder, v.data() + 6);
         })
        .unit = 0;
  }
  t.add(
      "glMapGrid1d", g, 10, true,
      [] {
        auto d = get_doubles(GL_MAP1_GRID_DOMAIN, 2);
        return Values{get_doubles(GL_MAP1_GRID_SEGMENTS, 1)[0], d[0], d[1]};
      },
      [](const Values& v) { glMapGrid1d_fn(in(v[0]), v[1], v[2]); });
  t.add(
      "glMapGrid2d", g, 10, true,
      [] {
        auto d = get_doubles(GL_MAP2_GRID_DOMAIN, 4);
        auto n = get_doubles(GL_MAP2_GRID_SEGMENTS, 2);
        return Values{n[0], d[0], d[1], n[1], d[2], d[3]};
      },
      [](const Values& v) { glMapGrid2d_fn(in(v[0]), v[1], v[2], in(v[3]), v[4], v[5]); });
}

void misc_state(Table& t) {
  t.state("GL_LIST_BASE", GL_LIST_BASE, 1, GL_LIST_BIT, 10, true,
          [](const Values& v) { glListBase_fn(un(v[0])); });
  t.state("GL_ACCUM_CLEAR_VALUE", GL_ACCUM_CLEAR_VALUE, 4, GL_ACCUM_BUFFER_BIT, 10, true,
          [](const Values& v) {
            glClearAccum_fn(static_cast<GLfloat>(v[0]), static_cast<GLfloat>(v[1]),
                            static_cast<GLfloat>(v[2]), static_cast<GLfloat>(v[3]));
          });
  constexpr GLbitfield m = GL_MULTISAMPLE_BIT;
  t.enable("GL_MULTISAMPLE", GL_MULTISAMPLE, m, 13, false);
  t.enable("GL_SAMPLE_ALPHA_TO_COVERAGE", GL_SAMPLE_ALPHA_TO_COVERAGE, m, 13, false);
  t.enable("GL_SAMPLE_ALPHA_TO_ONE", GL_SAMPLE_ALPHA_TO_ONE, m, 13, false);
  t.enable("GL_SAMPLE_COVERAGE", GL_SAMPLE_COVERAGE, m, 13, false);
  t.add(
      "glSampleCoverage", m, 13, false,
      [] {
        return Values{get_doubles(GL_SAMPLE_COVERAGE_VALUE, 1)[0],
                      get_doubles(GL_SAMPLE_COVERAGE_INVERT, 1)[0]};
      },
      [](const Values& v) { glSampleCoverage_fn(static_cast<GLfloat>(v[0]), bo(v[1])); });
  t.enable("GL_SAMPLE_SHADING", GL_SAMPLE_SHADING, m, 40, false);
  t.state("GL_MIN_SAMPLE_SHADING_VALUE", GL_MIN_SAMPLE_SHADING_VALUE, 1, m, 40, false,
          [](const Values& v) { glMinSampleShading_fn(static_cast<GLfloat>(v[0])); });
}

// Unpack state at its defaults (and no unpack buffer) for glPolygonStipple and glPixelMapfv.
class ScopedUnpackState {
 public:
  ScopedUnpackState() {
    for (size_t i = 0; i < kParams.size(); ++i) saved_[i] = geti(kParams[i]);
    buffer_ = geti(GL_PIXEL_UNPACK_BUFFER_BINDING);
    if (buffer_) glBindBuffer_fn(GL_PIXEL_UNPACK_BUFFER, 0);
    for (GLenum p : kParams) glPixelStorei_fn(p, p == GL_UNPACK_ALIGNMENT ? 4 : 0);
  }
  ~ScopedUnpackState() {
    for (size_t i = 0; i < kParams.size(); ++i) glPixelStorei_fn(kParams[i], saved_[i]);
    if (buffer_) glBindBuffer_fn(GL_PIXEL_UNPACK_BUFFER, static_cast<GLuint>(buffer_));
  }
  ScopedUnpackState(const ScopedUnpackState&) = delete;
  ScopedUnpackState& operator=(const ScopedUnpackState&) = delete;

 private:
  static constexpr std::array<GLenum, 8> kParams = {
      GL_UNPACK_SWAP_BYTES,  GL_UNPACK_LSB_FIRST, GL_UNPACK_ROW_LENGTH,   GL_UNPACK_SKIP_ROWS,
      GL_UNPACK_SKIP_PIXELS, GL_UNPACK_ALIGNMENT, GL_UNPACK_IMAGE_HEIGHT, GL_UNPACK_SKIP_IMAGES};
  std::array<GLint, 8> saved_{};
  GLint buffer_ = 0;
};

// Per-unit items: the unit is made active only when it changes.
class UnitSelector {
 public:
  explicit UnitSelector(const Api& api) : enabled_(api.version >= 13) {
    if (enabled_) saved_ = geti(GL_ACTIVE_TEXTURE);
  }
  void select(int unit) {
    if (unit < 0 || unit == current_ || !enabled_) return;
    glActiveTexture_fn(static_cast<GLenum>(GL_TEXTURE0 + unit));
    current_ = unit;
  }
  void restore() {
    if (current_ >= 0) glActiveTexture_fn(static_cast<GLenum>(saved_));
    current_ = -1;
  }

 private:
  bool enabled_;
  GLint saved_ = GL_TEXTURE0;
  int current_ = -1;
};

int parse_version(const char* s) {
  int major = 0, minor = 0;
  const char* p = s;
  while (p && *p >= '0' && *p <= '9') major = major * 10 + (*p++ - '0');
  if (p && *p == '.') {
    ++p;
    if (*p >= '0' && *p <= '9') minor = *p - '0';
  }
  return major * 10 + minor;
}

}  // namespace

Api query_current_api(bool legacy) {
  Api a;
  a.legacy = legacy;
  a.version = parse_version(reinterpret_cast<const char*>(glGetString_fn(GL_VERSION)));
  if (legacy) {
    a.lights = geti(GL_MAX_LIGHTS);
    a.texture_units = a.version >= 13 ? geti(GL_MAX_TEXTURE_UNITS) : 1;
    a.texture_coords = a.version >= 20 ? geti(GL_MAX_TEXTURE_COORDS) : a.texture_units;
  }
  // GL_MAX_CLIP_DISTANCES in a core context: the same enum.
  a.clip_planes = geti(GL_MAX_CLIP_PLANES);
  a.image_units = a.version >= 20 ? geti(GL_MAX_COMBINED_TEXTURE_IMAGE_UNITS) : a.texture_units;
  return a;
}

std::vector<Item> items(const Api& api) {
  Table t(api);
  current_state(t);
  color_buffer_state(t);
  depth_state(t);
  enable_only_state(t);
  viewport_state(t);
  transform_state(t);
  lighting_state(t);
  polygon_state(t, api.legacy);
  point_line_state(t);
  fog_state(t);
  stencil_state(t);
  scissor_state(t);
  pixel_mode_state(t);
  texture_state(t);
  hint_state(t);
  eval_state(t);
  misc_state(t);
  return t.take();
}

Snapshot capture(const Api& api, GLbitfield mask, bool has_pack_invert) {
  Snapshot snapshot;
  UnitSelector units(api);
  // glGetPolygonStipple and glGetPixelMapfv write through the pack state.
  drawable::ScopedPackState pack(has_pack_invert);
  const auto list = items(api);
  // Items of no unit first, while the application's unit is still active (GL_ACTIVE_TEXTURE itself).
  for (bool per_unit : {false, true}) {
    for (const auto& it : list) {
      if ((it.groups & mask) == 0 || (it.unit >= 0) != per_unit) continue;
      units.select(it.unit);
      snapshot.emplace(it.name, it.get());
    }
  }
  units.restore();
  return snapshot;
}

int apply(const Api& api, GLbitfield mask, const Snapshot& snapshot) {
  const auto list = items(api);
  UnitSelector units(api);
  GLint matrix_mode = GL_MODELVIEW;
  bool color_material = false;
  std::array<GLdouble, 16> modelview{};
  if (api.legacy) {
    // glColor would change a tracked material, glMaterial may not: tracking off until the end.
    color_material = glIsEnabled_fn(GL_COLOR_MATERIAL);
    if (color_material) glDisable_fn(GL_COLOR_MATERIAL);
    matrix_mode = geti(GL_MATRIX_MODE);
    glMatrixMode_fn(GL_MODELVIEW);
    glGetDoublev_fn(GL_MODELVIEW_MATRIX, modelview.data());
  }
  int count = 0;
  auto set_phase = [&](Phase phase) {
    for (const auto& it : list) {
      if ((it.groups & mask) == 0 || it.phase != phase) continue;
      auto found = snapshot.find(it.name);
      if (found == snapshot.end()) continue;  // the source does not have it
      units.select(it.unit);
      it.set(found->second);
      ++count;
    }
  };
  {
    ScopedUnpackState unpack;
    set_phase(Phase::kNormal);
    if (api.legacy) glLoadIdentity_fn();
    set_phase(Phase::kEyeSpace);
  }
  if (api.legacy) {
    glLoadMatrixd_fn(modelview.data());
    glMatrixMode_fn(static_cast<GLenum>(matrix_mode));
    if (color_material) glEnable_fn(GL_COLOR_MATERIAL);
  }
  units.restore();
  set_phase(Phase::kLast);
  return count;
}

}  // namespace eglrun::glx::copy
