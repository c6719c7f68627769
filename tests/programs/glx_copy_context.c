/* glXCopyContext: the groups of the mask, and only those, reach the destination context.
 *   glx_copy_context [--errors-only]
 * Sets distinct state in a source context, copies it with every single attribute group and with
 * combinations (source released, then current in this thread), and checks every probe of the
 * destination: the source's value for the groups of the mask, the default for the others. Then a
 * frame drawn with the destination after a GL_ALL_ATTRIB_BITS copy must equal the source's frame
 * pixel for pixel (and differ without the copy), and the GLX errors: destination current
 * (BadAccess), bogus context (GLXBadContext), source current in another thread (BadAccess, eglrun's
 * choice: EGL cannot read a context current elsewhere), OpenGL ES context (BadMatch).
 * --errors-only: only the BadAccess check for a destination current in this thread. */
#define GL_GLEXT_PROTOTYPES 1
#include "glx_check.h"

#include <GL/glext.h>
#include <GL/glxext.h>
#include <math.h>
#include <pthread.h>

static Display* dpy;
static XVisualInfo* vi;
static GLXFBConfig cfg;
static Window win_a, win_b;
static int checks;

static void ok(const char* what) {
  ++checks;
  printf("ok: %s\n", what);
}

enum { W = 96, H = 96, MAXV = 132 };

static Window new_window(const char* name, int x) {
  struct options o = {0, W, H, 0.0, name, 0};
  Window w = create_window(dpy, vi, &o);
  XMoveWindow(dpy, w, x, 0); /* side by side: XGetImage of a covered window shows what covers it */
  XSync(dpy, False);
  return w;
}

static GLXContext new_context(GLXContext share) {
  GLXContext c = glXCreateNewContext(dpy, cfg, GLX_RGBA_TYPE, share, True);
  if (!c) die("glXCreateNewContext failed");
  return c;
}

static void make_current(Window w, GLXContext c) {
  if (!glXMakeContextCurrent(dpy, w, w, c)) die("glXMakeContextCurrent failed");
}

/* A context made current once (GLX sets viewport and scissor at the first binding), then released. */
static GLXContext fresh_context(GLXContext share) {
  GLXContext c = new_context(share);
  make_current(win_b, c);
  glXMakeContextCurrent(dpy, None, None, NULL);
  return c;
}

/* ---- probes: one piece of state each, the glPushAttrib groups it belongs to ---- */
struct probe {
  const char* name;
  GLbitfield groups;
  int (*read)(GLenum pname, double* v);
  GLenum pname;
};

static int read_float(GLenum pname, double* v) {
  GLfloat f[MAXV];
  memset(f, 0, sizeof f);
  glGetFloatv(pname, f);
  int n = 16;
  for (int i = 0; i < n; ++i) v[i] = f[i];
  return n;
}
static int read_enabled(GLenum cap, double* v) {
  v[0] = glIsEnabled(cap);
  return 1;
}
static int read_unit0_float(GLenum pname, double* v) {
  GLint active = 0;
  glGetIntegerv(GL_ACTIVE_TEXTURE, &active);
  glActiveTexture(GL_TEXTURE0);
  int n = read_float(pname, v);
  glActiveTexture((GLenum)active);
  return n;
}
static int read_unit0_enabled(GLenum cap, double* v) {
  GLint active = 0;
  glGetIntegerv(GL_ACTIVE_TEXTURE, &active);
  glActiveTexture(GL_TEXTURE0);
  v[0] = glIsEnabled(cap);
  glActiveTexture((GLenum)active);
  return 1;
}
static int read_unit0_env(GLenum pname, double* v) {
  GLint active = 0;
  GLfloat f[4] = {0};
  glGetIntegerv(GL_ACTIVE_TEXTURE, &active);
  glActiveTexture(GL_TEXTURE0);
  glGetTexEnvfv(GL_TEXTURE_ENV, pname, f);
  glActiveTexture((GLenum)active);
  for (int i = 0; i < 4; ++i) v[i] = f[i];
  return 4;
}
static int read_unit0_texgen_s(GLenum pname, double* v) {
  GLint active = 0;
  GLdouble d[4] = {0};
  glGetIntegerv(GL_ACTIVE_TEXTURE, &active);
  glActiveTexture(GL_TEXTURE0);
  glGetTexGendv(GL_S, pname, d);
  glActiveTexture((GLenum)active);
  for (int i = 0; i < 4; ++i) v[i] = d[i];
  return 4;
}
static int read_light1(GLenum pname, double* v) {
  GLfloat f[4] = {0};
  glGetLightfv(GL_LIGHT1, pname, f);
  for (int i = 0; i < 4; ++i) v[i] = f[i];
  return 4;
}
static int read_material_front(GLenum pname, double* v) {
  GLfloat f[4] = {0};
  glGetMaterialfv(GL_FRONT, pname, f);
  for (int i = 0; i < 4; ++i) v[i] = f[i];
  return 4;
}
static int read_clip_plane(GLenum plane, double* v) {
  glGetClipPlane(plane, v);
  return 4;
}
static int read_stipple(GLenum unused, double* v) {
  (void)unused;
  GLubyte p[128];
  glPixelStorei(GL_PACK_ALIGNMENT, 1);
  glGetPolygonStipple(p);
  glPixelStorei(GL_PACK_ALIGNMENT, 4);
  for (int i = 0; i < 128; ++i) v[i] = p[i];
  return 128;
}
static int read_map1(GLenum pname, double* v) {
  GLdouble order = 0;
  glGetMapdv(GL_MAP1_VERTEX_3, GL_ORDER, &order);
  v[0] = order;
  glGetMapdv(GL_MAP1_VERTEX_3, pname, v + 1);
  return 1 + (pname == GL_COEFF ? 3 * (int)order : 2);
}
static int read_pixel_map(GLenum map, double* v) {
  GLint n = 0;
  glGetIntegerv(map + 0x40, &n); /* GL_PIXEL_MAP_x_SIZE */
  GLfloat f[MAXV];
  if (n > MAXV - 1) n = MAXV - 1;
  glGetPixelMapfv(map, f);
  v[0] = n;
  for (int i = 0; i < n; ++i) v[i + 1] = f[i];
  return n + 1;
}
static int read_int(GLenum pname, double* v) { /* through glGetIntegerv, as an application would */
  GLint i[4] = {0};
  glGetIntegerv(pname, i);
  for (int k = 0; k < 4; ++k) v[k] = i[k];
  return 4;
}

#define E GL_ENABLE_BIT
static const struct probe probes[] = {
    {"GL_CURRENT_COLOR", GL_CURRENT_BIT, read_float, GL_CURRENT_COLOR},
    {"GL_CURRENT_NORMAL", GL_CURRENT_BIT, read_float, GL_CURRENT_NORMAL},
    {"GL_CURRENT_TEXTURE_COORDS unit 0", GL_CURRENT_BIT, read_unit0_float, GL_CURRENT_TEXTURE_COORDS},
    {"GL_COLOR_CLEAR_VALUE", GL_COLOR_BUFFER_BIT, read_float, GL_COLOR_CLEAR_VALUE},
    {"GL_BLEND_SRC_RGB", GL_COLOR_BUFFER_BIT, read_float, GL_BLEND_SRC_RGB},
    {"GL_BLEND_EQUATION_ALPHA", GL_COLOR_BUFFER_BIT, read_float, GL_BLEND_EQUATION_ALPHA},
    {"GL_BLEND_COLOR", GL_COLOR_BUFFER_BIT, read_float, GL_BLEND_COLOR},
    {"GL_ALPHA_TEST_FUNC", GL_COLOR_BUFFER_BIT, read_float, GL_ALPHA_TEST_FUNC},
    {"GL_ALPHA_TEST_REF", GL_COLOR_BUFFER_BIT, read_float, GL_ALPHA_TEST_REF},
    {"GL_COLOR_WRITEMASK", GL_COLOR_BUFFER_BIT, read_float, GL_COLOR_WRITEMASK},
    {"GL_LOGIC_OP_MODE", GL_COLOR_BUFFER_BIT, read_float, GL_LOGIC_OP_MODE},
    {"GL_DRAW_BUFFER", GL_COLOR_BUFFER_BIT, read_int, GL_DRAW_BUFFER},
    {"GL_BLEND", GL_COLOR_BUFFER_BIT | E, read_enabled, GL_BLEND},
    {"GL_DITHER", GL_COLOR_BUFFER_BIT | E, read_enabled, GL_DITHER},
    {"GL_DEPTH_FUNC", GL_DEPTH_BUFFER_BIT, read_float, GL_DEPTH_FUNC},
    {"GL_DEPTH_CLEAR_VALUE", GL_DEPTH_BUFFER_BIT, read_float, GL_DEPTH_CLEAR_VALUE},
    {"GL_DEPTH_WRITEMASK", GL_DEPTH_BUFFER_BIT, read_float, GL_DEPTH_WRITEMASK},
    {"GL_DEPTH_TEST", GL_DEPTH_BUFFER_BIT | E, read_enabled, GL_DEPTH_TEST},
    {"GL_VIEWPORT", GL_VIEWPORT_BIT, read_float, GL_VIEWPORT},
    {"GL_DEPTH_RANGE", GL_VIEWPORT_BIT, read_float, GL_DEPTH_RANGE},
    {"GL_MATRIX_MODE", GL_TRANSFORM_BIT, read_float, GL_MATRIX_MODE},
    {"GL_CLIP_PLANE2 equation", GL_TRANSFORM_BIT, read_clip_plane, GL_CLIP_PLANE2},
    {"GL_CLIP_PLANE2", GL_TRANSFORM_BIT | E, read_enabled, GL_CLIP_PLANE2},
    {"GL_NORMALIZE", GL_TRANSFORM_BIT | E, read_enabled, GL_NORMALIZE},
    {"GL_SHADE_MODEL", GL_LIGHTING_BIT, read_float, GL_SHADE_MODEL},
    {"GL_LIGHT1 GL_DIFFUSE", GL_LIGHTING_BIT, read_light1, GL_DIFFUSE},
    {"GL_LIGHT1 GL_POSITION", GL_LIGHTING_BIT, read_light1, GL_POSITION},
    {"GL_LIGHT1 GL_SPOT_DIRECTION", GL_LIGHTING_BIT, read_light1, GL_SPOT_DIRECTION},
    {"GL_LIGHT1 GL_SPOT_CUTOFF", GL_LIGHTING_BIT, read_light1, GL_SPOT_CUTOFF},
    {"material GL_FRONT GL_SPECULAR", GL_LIGHTING_BIT, read_material_front, GL_SPECULAR},
    {"material GL_FRONT GL_SHININESS", GL_LIGHTING_BIT, read_material_front, GL_SHININESS},
    {"GL_LIGHT_MODEL_AMBIENT", GL_LIGHTING_BIT, read_float, GL_LIGHT_MODEL_AMBIENT},
    {"GL_LIGHT_MODEL_TWO_SIDE", GL_LIGHTING_BIT, read_float, GL_LIGHT_MODEL_TWO_SIDE},
    {"GL_COLOR_MATERIAL_PARAMETER", GL_LIGHTING_BIT, read_float, GL_COLOR_MATERIAL_PARAMETER},
    {"GL_LIGHTING", GL_LIGHTING_BIT | E, read_enabled, GL_LIGHTING},
    {"GL_LIGHT1", GL_LIGHTING_BIT | E, read_enabled, GL_LIGHT1},
    {"GL_CULL_FACE_MODE", GL_POLYGON_BIT, read_float, GL_CULL_FACE_MODE},
    {"GL_FRONT_FACE", GL_POLYGON_BIT, read_float, GL_FRONT_FACE},
    {"GL_POLYGON_MODE", GL_POLYGON_BIT, read_float, GL_POLYGON_MODE},
    {"GL_POLYGON_OFFSET_FACTOR", GL_POLYGON_BIT, read_float, GL_POLYGON_OFFSET_FACTOR},
    {"GL_CULL_FACE", GL_POLYGON_BIT | E, read_enabled, GL_CULL_FACE},
    {"GL_POLYGON_OFFSET_FILL", GL_POLYGON_BIT | E, read_enabled, GL_POLYGON_OFFSET_FILL},
    {"polygon stipple pattern", GL_POLYGON_STIPPLE_BIT, read_stipple, 0},
    {"GL_POINT_SIZE", GL_POINT_BIT, read_float, GL_POINT_SIZE},
    {"GL_POINT_DISTANCE_ATTENUATION", GL_POINT_BIT, read_float, GL_POINT_DISTANCE_ATTENUATION},
    {"GL_POINT_SMOOTH", GL_POINT_BIT | E, read_enabled, GL_POINT_SMOOTH},
    {"GL_LINE_WIDTH", GL_LINE_BIT, read_float, GL_LINE_WIDTH},
    {"GL_LINE_STIPPLE_PATTERN", GL_LINE_BIT, read_float, GL_LINE_STIPPLE_PATTERN},
    {"GL_LINE_STIPPLE_REPEAT", GL_LINE_BIT, read_float, GL_LINE_STIPPLE_REPEAT},
    {"GL_LINE_STIPPLE", GL_LINE_BIT | E, read_enabled, GL_LINE_STIPPLE},
    {"GL_FOG_COLOR", GL_FOG_BIT, read_float, GL_FOG_COLOR},
    {"GL_FOG_MODE", GL_FOG_BIT, read_float, GL_FOG_MODE},
    {"GL_FOG_END", GL_FOG_BIT, read_float, GL_FOG_END},
    {"GL_FOG", GL_FOG_BIT | E, read_enabled, GL_FOG},
    {"GL_STENCIL_FUNC", GL_STENCIL_BUFFER_BIT, read_float, GL_STENCIL_FUNC},
    {"GL_STENCIL_VALUE_MASK", GL_STENCIL_BUFFER_BIT, read_int, GL_STENCIL_VALUE_MASK},
    {"GL_STENCIL_BACK_PASS_DEPTH_PASS", GL_STENCIL_BUFFER_BIT, read_float, GL_STENCIL_BACK_PASS_DEPTH_PASS},
    {"GL_STENCIL_WRITEMASK", GL_STENCIL_BUFFER_BIT, read_int, GL_STENCIL_WRITEMASK},
    {"GL_STENCIL_CLEAR_VALUE", GL_STENCIL_BUFFER_BIT, read_float, GL_STENCIL_CLEAR_VALUE},
    {"GL_STENCIL_TEST", GL_STENCIL_BUFFER_BIT | E, read_enabled, GL_STENCIL_TEST},
    {"GL_SCISSOR_BOX", GL_SCISSOR_BIT, read_float, GL_SCISSOR_BOX},
    {"GL_SCISSOR_TEST", GL_SCISSOR_BIT | E, read_enabled, GL_SCISSOR_TEST},
    {"GL_ZOOM_X", GL_PIXEL_MODE_BIT, read_float, GL_ZOOM_X},
    {"GL_RED_SCALE", GL_PIXEL_MODE_BIT, read_float, GL_RED_SCALE},
    {"GL_MAP_COLOR", GL_PIXEL_MODE_BIT, read_float, GL_MAP_COLOR},
    {"GL_PIXEL_MAP_I_TO_R", GL_PIXEL_MODE_BIT, read_pixel_map, GL_PIXEL_MAP_I_TO_R},
    {"GL_ACTIVE_TEXTURE", GL_TEXTURE_BIT, read_float, GL_ACTIVE_TEXTURE},
    {"unit 0 GL_TEXTURE_ENV_MODE", GL_TEXTURE_BIT, read_unit0_env, GL_TEXTURE_ENV_MODE},
    {"unit 0 GL_TEXTURE_ENV_COLOR", GL_TEXTURE_BIT, read_unit0_env, GL_TEXTURE_ENV_COLOR},
    {"unit 0 GL_S GL_TEXTURE_GEN_MODE", GL_TEXTURE_BIT, read_unit0_texgen_s, GL_TEXTURE_GEN_MODE},
    {"unit 0 GL_S GL_EYE_PLANE", GL_TEXTURE_BIT, read_unit0_texgen_s, GL_EYE_PLANE},
    {"unit 0 GL_TEXTURE_2D", GL_TEXTURE_BIT | E, read_unit0_enabled, GL_TEXTURE_2D},
    {"GL_PERSPECTIVE_CORRECTION_HINT", GL_HINT_BIT, read_float, GL_PERSPECTIVE_CORRECTION_HINT},
    {"GL_LINE_SMOOTH_HINT", GL_HINT_BIT, read_float, GL_LINE_SMOOTH_HINT},
    {"GL_MAP1_GRID_SEGMENTS", GL_EVAL_BIT, read_float, GL_MAP1_GRID_SEGMENTS},
    {"GL_MAP2_GRID_DOMAIN", GL_EVAL_BIT, read_float, GL_MAP2_GRID_DOMAIN},
    {"GL_MAP1_VERTEX_3 points", GL_EVAL_BIT, read_map1, GL_COEFF},
    {"GL_MAP1_VERTEX_3 domain", GL_EVAL_BIT, read_map1, GL_DOMAIN},
    {"GL_AUTO_NORMAL", GL_EVAL_BIT | E, read_enabled, GL_AUTO_NORMAL},
    {"GL_MAP1_VERTEX_3", GL_EVAL_BIT | E, read_enabled, GL_MAP1_VERTEX_3},
    {"GL_LIST_BASE", GL_LIST_BIT, read_float, GL_LIST_BASE},
    {"GL_ACCUM_CLEAR_VALUE", GL_ACCUM_BUFFER_BIT, read_float, GL_ACCUM_CLEAR_VALUE},
    {"GL_SAMPLE_COVERAGE_VALUE", GL_MULTISAMPLE_BIT, read_float, GL_SAMPLE_COVERAGE_VALUE},
    {"GL_SAMPLE_COVERAGE_INVERT", GL_MULTISAMPLE_BIT, read_float, GL_SAMPLE_COVERAGE_INVERT},
    {"GL_MULTISAMPLE", GL_MULTISAMPLE_BIT | E, read_enabled, GL_MULTISAMPLE},
    {"GL_SAMPLE_ALPHA_TO_COVERAGE", GL_MULTISAMPLE_BIT | E, read_enabled, GL_SAMPLE_ALPHA_TO_COVERAGE},
};
#undef E
enum { NPROBES = sizeof probes / sizeof probes[0] };

struct snapshot {
  int n[NPROBES];
  double v[NPROBES][MAXV];
};

static void read_all(struct snapshot* s) {
  memset(s, 0, sizeof *s);
  for (int i = 0; i < NPROBES; ++i) s->n[i] = probes[i].read(probes[i].pname, s->v[i]);
  GLenum e = glGetError();
  if (e != GL_NO_ERROR) die("GL error 0x%04x while reading the probes", e);
}

static int same(const struct snapshot* a, const struct snapshot* b, int i) {
  if (a->n[i] != b->n[i]) return 0;
  for (int k = 0; k < a->n[i]; ++k)
    if (fabs(a->v[i][k] - b->v[i][k]) > 1e-6) return 0;
  return 1;
}

static const GLubyte* stipple_pattern(void) {
  static GLubyte p[128];
  for (int i = 0; i < 128; ++i) p[i] = (GLubyte)((i & 1) ? 0xAA : 0x55) ^ (GLubyte)(i >> 3);
  return p;
}

/* Distinct, valid values for every probe (and more); the matrices it leaves are not copied state. */
static void set_source_state(void) {
  glMatrixMode(GL_MODELVIEW);
  glLoadIdentity();
  glTranslatef(0.5f, -0.25f, -2.0f); /* eye-space items below are transformed by this */
  glRotatef(30.0f, 0.0f, 1.0f, 0.0f);
  glColor4f(0.2f, 0.4f, 0.6f, 0.8f);
  glNormal3f(0.0f, 0.6f, 0.8f);
  glMultiTexCoord4f(GL_TEXTURE0, 0.1f, 0.2f, 0.3f, 0.4f);
  glClearColor(0.25f, 0.5f, 0.75f, 1.0f);
  glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ZERO);
  glBlendEquationSeparate(GL_FUNC_ADD, GL_MAX);
  glBlendColor(0.1f, 0.2f, 0.3f, 0.4f);
  glEnable(GL_BLEND);
  glAlphaFunc(GL_GEQUAL, 0.25f);
  glColorMask(GL_TRUE, GL_TRUE, GL_TRUE, GL_FALSE);
  glLogicOp(GL_XOR);
  glDrawBuffer(GL_FRONT);
  glDisable(GL_DITHER);
  glDepthFunc(GL_LEQUAL);
  glClearDepth(0.75);
  glDepthMask(GL_FALSE);
  glEnable(GL_DEPTH_TEST);
  glViewport(4, 6, 80, 70);
  glDepthRange(0.125, 0.875);
  const GLdouble plane[4] = {1.0, 0.5, 0.25, 2.0};
  glClipPlane(GL_CLIP_PLANE2, plane);
  glEnable(GL_CLIP_PLANE2);
  glEnable(GL_NORMALIZE);
  glShadeModel(GL_FLAT);
  const GLfloat diffuse[4] = {0.9f, 0.5f, 0.1f, 1.0f}, position[4] = {1.0f, 2.0f, 3.0f, 1.0f},
                spot[3] = {0.0f, -1.0f, -0.5f}, specular[4] = {0.3f, 0.3f, 0.2f, 1.0f},
                model_ambient[4] = {0.1f, 0.1f, 0.3f, 1.0f};
  glLightfv(GL_LIGHT1, GL_DIFFUSE, diffuse);
  glLightfv(GL_LIGHT1, GL_POSITION, position);
  glLightfv(GL_LIGHT1, GL_SPOT_DIRECTION, spot);
  glLightf(GL_LIGHT1, GL_SPOT_CUTOFF, 60.0f);
  glMaterialfv(GL_FRONT, GL_SPECULAR, specular);
  glMaterialf(GL_FRONT, GL_SHININESS, 20.0f);
  glLightModelfv(GL_LIGHT_MODEL_AMBIENT, model_ambient);
  glLightModeli(GL_LIGHT_MODEL_TWO_SIDE, GL_TRUE);
  glColorMaterial(GL_FRONT_AND_BACK, GL_DIFFUSE);
  glEnable(GL_LIGHTING);
  glEnable(GL_LIGHT1);
  glCullFace(GL_FRONT);
  glFrontFace(GL_CW);
  glPolygonMode(GL_FRONT, GL_LINE);
  glPolygonOffset(1.5f, 2.0f);
  glEnable(GL_CULL_FACE);
  glEnable(GL_POLYGON_OFFSET_FILL);
  glPolygonStipple(stipple_pattern());
  glPointSize(4.0f);
  const GLfloat atten[3] = {1.0f, 0.5f, 0.25f};
  glPointParameterfv(GL_POINT_DISTANCE_ATTENUATION, atten);
  glEnable(GL_POINT_SMOOTH);
  glLineWidth(3.0f);
  glLineStipple(2, 0x0F0F);
  glEnable(GL_LINE_STIPPLE);
  const GLfloat fog[4] = {0.5f, 0.25f, 0.125f, 1.0f};
  glFogfv(GL_FOG_COLOR, fog);
  glFogi(GL_FOG_MODE, GL_LINEAR);
  glFogf(GL_FOG_END, 7.0f);
  glEnable(GL_FOG);
  glStencilFunc(GL_NOTEQUAL, 3, 0x7F);
  glStencilOpSeparate(GL_BACK, GL_KEEP, GL_KEEP, GL_INCR);
  glStencilMask(0x3C);
  glClearStencil(5);
  glEnable(GL_STENCIL_TEST);
  glScissor(8, 9, 50, 40);
  glEnable(GL_SCISSOR_TEST);
  glPixelZoom(2.0f, 1.5f);
  glPixelTransferf(GL_RED_SCALE, 0.5f);
  glPixelTransferi(GL_MAP_COLOR, GL_TRUE);
  const GLfloat map[4] = {0.0f, 0.25f, 0.75f, 1.0f};
  glPixelMapfv(GL_PIXEL_MAP_I_TO_R, 4, map);
  glActiveTexture(GL_TEXTURE0);
  glTexEnvi(GL_TEXTURE_ENV, GL_TEXTURE_ENV_MODE, GL_DECAL);
  const GLfloat env[4] = {0.6f, 0.7f, 0.8f, 0.9f};
  glTexEnvfv(GL_TEXTURE_ENV, GL_TEXTURE_ENV_COLOR, env);
  glTexGeni(GL_S, GL_TEXTURE_GEN_MODE, GL_SPHERE_MAP);
  const GLdouble eye[4] = {0.5, 1.0, 0.0, 0.25};
  glTexGendv(GL_S, GL_EYE_PLANE, eye);
  glEnable(GL_TEXTURE_2D);
  glHint(GL_PERSPECTIVE_CORRECTION_HINT, GL_NICEST);
  glHint(GL_LINE_SMOOTH_HINT, GL_FASTEST);
  glMapGrid1d(12, 0.0, 2.0);
  glMapGrid2d(3, 0.0, 1.0, 5, -1.0, 1.0);
  const GLdouble points[9] = {0, 0, 0, 1, 2, 0, 3, 0, 1};
  glMap1d(GL_MAP1_VERTEX_3, 0.5, 1.5, 3, 3, points);
  glEnable(GL_AUTO_NORMAL);
  glEnable(GL_MAP1_VERTEX_3);
  glListBase(5);
  glClearAccum(0.5f, 0.25f, 0.125f, 1.0f);
  glSampleCoverage(0.5f, GL_TRUE);
  glDisable(GL_MULTISAMPLE);
  glEnable(GL_SAMPLE_ALPHA_TO_COVERAGE);
  glActiveTexture(GL_TEXTURE1); /* GL_ACTIVE_TEXTURE probe; glMap1d needs unit 0 */
  glMatrixMode(GL_PROJECTION);  /* GL_MATRIX_MODE probe */
  check_gl("setting the source state");
}

/* ---- errors ---- */
static int last_error, error_count, glx_error_base, glx_opcode;
static int on_error(Display* d, XErrorEvent* e) {
  (void)d;
  if (e->request_code == glx_opcode) {
    last_error = e->error_code;
    ++error_count;
  }
  return 0;
}
static void expect_error(int want, const char* what) {
  XSync(dpy, False);
  if (error_count == 0) die("%s: no X error", what);
  if (last_error != want) die("%s: error code %d, expected %d", what, last_error, want);
  error_count = 0;
  ok(what);
}
static void expect_no_error(const char* what) {
  XSync(dpy, False);
  if (error_count != 0) die("%s: X error %d", what, last_error);
}

static void group_name(GLbitfield mask, char* out, size_t size) {
  static const struct {
    GLbitfield bit;
    const char* name;
  } names[] = {{GL_CURRENT_BIT, "CURRENT"},
               {GL_POINT_BIT, "POINT"},
               {GL_LINE_BIT, "LINE"},
               {GL_POLYGON_BIT, "POLYGON"},
               {GL_POLYGON_STIPPLE_BIT, "POLYGON_STIPPLE"},
               {GL_PIXEL_MODE_BIT, "PIXEL_MODE"},
               {GL_LIGHTING_BIT, "LIGHTING"},
               {GL_FOG_BIT, "FOG"},
               {GL_DEPTH_BUFFER_BIT, "DEPTH_BUFFER"},
               {GL_ACCUM_BUFFER_BIT, "ACCUM_BUFFER"},
               {GL_STENCIL_BUFFER_BIT, "STENCIL_BUFFER"},
               {GL_VIEWPORT_BIT, "VIEWPORT"},
               {GL_TRANSFORM_BIT, "TRANSFORM"},
               {GL_ENABLE_BIT, "ENABLE"},
               {GL_COLOR_BUFFER_BIT, "COLOR_BUFFER"},
               {GL_HINT_BIT, "HINT"},
               {GL_EVAL_BIT, "EVAL"},
               {GL_LIST_BIT, "LIST"},
               {GL_TEXTURE_BIT, "TEXTURE"},
               {GL_SCISSOR_BIT, "SCISSOR"},
               {GL_MULTISAMPLE_BIT, "MULTISAMPLE"}};
  out[0] = '\0';
  if (mask == GL_ALL_ATTRIB_BITS) {
    snprintf(out, size, "ALL_ATTRIB");
    return;
  }
  for (size_t i = 0; i < sizeof names / sizeof names[0]; ++i) {
    if (!(mask & names[i].bit)) continue;
    size_t len = strlen(out);
    snprintf(out + len, size - len, "%s%s", len ? "|" : "", names[i].name);
  }
}

/* Copies `mask` from src into a fresh context and checks every probe there. */
static void check_copy(GLXContext src, const struct snapshot* src_state, const struct snapshot* defaults,
                       GLbitfield mask, int src_current) {
  GLXContext dst = fresh_context(NULL);
  if (src_current) make_current(win_a, src);
  glXCopyContext(dpy, src, dst, mask);
  expect_no_error("glXCopyContext");
  if (src_current) {
    /* The source is untouched, still current, and has no error left by the copy. */
    check_gl("source after the copy");
    struct snapshot again;
    read_all(&again);
    for (int i = 0; i < NPROBES; ++i)
      if (!same(&again, src_state, i)) die("the copy changed %s in the source", probes[i].name);
  }
  make_current(win_b, dst);
  check_gl("destination after the copy");
  struct snapshot got;
  read_all(&got);
  char name[256];
  group_name(mask, name, sizeof name);
  int copied = 0;
  for (int i = 0; i < NPROBES; ++i) {
    const int want_src = (probes[i].groups & mask) != 0;
    const struct snapshot* want = want_src ? src_state : defaults;
    if (!same(&got, want, i)) {
      char values[512] = "";
      for (int k = 0; k < got.n[i] && k < 8; ++k)
        snprintf(values + strlen(values), sizeof values - strlen(values), " %g/%g", got.v[i][k],
                 want->v[i][k]);
      die("mask %s: %s is not the %s value (got/want:%s)", name, probes[i].name,
          want_src ? "source's" : "default", values);
    }
    copied += want_src;
  }
  glXMakeContextCurrent(dpy, None, None, NULL);
  glXDestroyContext(dpy, dst);
  char what[400];
  snprintf(what, sizeof what, "mask %s (source %s): %d probes copied, %d left at their defaults", name,
           src_current ? "current here" : "released", copied, NPROBES - copied);
  ok(what);
}

static void group_masks(void) {
  GLXContext src = fresh_context(NULL);
  struct snapshot defaults, src_state;
  make_current(win_a, src);
  read_all(&defaults);
  set_source_state();
  read_all(&src_state);
  for (int i = 0; i < NPROBES; ++i)
    if (same(&src_state, &defaults, i)) die("probe %s: the source value is the default", probes[i].name);
  ok("every probe differs from its default in the source");
  glXMakeContextCurrent(dpy, None, None, NULL);

  static const GLbitfield combos[] = {GL_LIGHTING_BIT | GL_LINE_BIT, GL_DEPTH_BUFFER_BIT | GL_VIEWPORT_BIT,
                                      GL_ALL_ATTRIB_BITS, 0};
  for (int src_current = 0; src_current <= 1; ++src_current) {
    /* GL_CURRENT_BIT (1 << 0) to GL_SCISSOR_BIT (1 << 19), then GL_MULTISAMPLE_BIT (1 << 29). */
    for (int bit = 0; bit < 20; ++bit) check_copy(src, &src_state, &defaults, 1u << bit, src_current);
    check_copy(src, &src_state, &defaults, GL_MULTISAMPLE_BIT, src_current);
    for (size_t i = 0; i < sizeof combos / sizeof combos[0]; ++i)
      check_copy(src, &src_state, &defaults, combos[i], src_current);
  }
  glXMakeContextCurrent(dpy, None, None, NULL);
  glXDestroyContext(dpy, src);
}

/* ---- pixels: a frame drawn with the destination after the copy equals the source's ---- */
static void set_scene_state(void) {
  glClearColor(0.1f, 0.2f, 0.3f, 1.0f);
  glClearDepth(1.0);
  glDepthFunc(GL_LESS);
  glEnable(GL_DEPTH_TEST);
  glViewport(8, 4, 80, 84);
  glEnable(GL_LIGHTING);
  glEnable(GL_LIGHT0);
  glMatrixMode(GL_MODELVIEW);
  glLoadIdentity();
  glTranslatef(0.2f, 0.0f, 0.0f); /* the light position is kept in eye space */
  const GLfloat pos[4] = {-1.0f, 1.0f, 2.0f, 1.0f}, diffuse[4] = {1.0f, 0.8f, 0.3f, 1.0f};
  glLightfv(GL_LIGHT0, GL_POSITION, pos);
  glLightfv(GL_LIGHT0, GL_DIFFUSE, diffuse);
  const GLfloat mat[4] = {0.3f, 0.9f, 0.5f, 1.0f}, spec[4] = {1.0f, 1.0f, 1.0f, 1.0f};
  glMaterialfv(GL_FRONT_AND_BACK, GL_AMBIENT_AND_DIFFUSE, mat);
  glMaterialfv(GL_FRONT_AND_BACK, GL_SPECULAR, spec);
  glMaterialf(GL_FRONT_AND_BACK, GL_SHININESS, 16.0f);
  glShadeModel(GL_SMOOTH);
  glEnable(GL_CULL_FACE);
  glCullFace(GL_BACK);
  glLineWidth(3.0f);
  glColor3f(0.9f, 0.1f, 0.6f);
  glNormal3f(0.0f, 0.0f, 1.0f);
  glScissor(2, 2, 90, 90);
  glEnable(GL_SCISSOR_TEST);
  glPolygonStipple(stipple_pattern());
  glMatrixMode(GL_PROJECTION);
  check_gl("setting the scene state");
}

/* Matrices are not context state glXCopyContext copies: set the same ones on both sides. */
static void draw_copy_scene(void) {
  glMatrixMode(GL_PROJECTION);
  glLoadIdentity();
  glFrustum(-1, 1, -1, 1, 1.5, 10);
  glMatrixMode(GL_MODELVIEW);
  glLoadIdentity();
  glTranslatef(0.0f, 0.0f, -3.0f);
  glRotatef(25.0f, 1.0f, 1.0f, 0.0f);
  glClear(GL_COLOR_BUFFER_BIT | GL_DEPTH_BUFFER_BIT);
  /* A lit pyramid, back faces culled. */
  static const float v[5][3] = {{0, 1.2f, 0}, {-1, -1, 1}, {1, -1, 1}, {1, -1, -1}, {-1, -1, -1}};
  static const int faces[4][3] = {{0, 1, 2}, {0, 2, 3}, {0, 3, 4}, {0, 4, 1}};
  glBegin(GL_TRIANGLES);
  for (int f = 0; f < 4; ++f) {
    const float *a = v[faces[f][0]], *b = v[faces[f][1]], *c = v[faces[f][2]];
    float u[3] = {b[0] - a[0], b[1] - a[1], b[2] - a[2]}, w[3] = {c[0] - a[0], c[1] - a[1], c[2] - a[2]};
    glNormal3f(u[1] * w[2] - u[2] * w[1], u[2] * w[0] - u[0] * w[2], u[0] * w[1] - u[1] * w[0]);
    glVertex3fv(a), glVertex3fv(b), glVertex3fv(c);
  }
  glEnd();
  /* Unlit wide line and stippled quad with the current colour. */
  glDisable(GL_LIGHTING);
  glBegin(GL_LINES);
  glVertex3f(-1.5f, -1.4f, 0.5f), glVertex3f(1.5f, 1.4f, 0.5f);
  glEnd();
  glEnable(GL_POLYGON_STIPPLE);
  glRectf(-1.6f, -1.6f, -0.6f, -0.6f);
  glFinish();
}

static unsigned char* read_frame(void) {
  unsigned char* p = malloc((size_t)W * H * 4);
  if (!p) die("out of memory");
  glReadBuffer(GL_BACK);
  glReadPixels(0, 0, W, H, GL_RGBA, GL_UNSIGNED_BYTE, p);
  check_gl("glReadPixels");
  return p;
}

static int differing_pixels(const unsigned char* a, const unsigned char* b) {
  int n = 0;
  for (int i = 0; i < W * H; ++i) n += memcmp(a + 4 * i, b + 4 * i, 3) != 0;
  return n;
}

static void group_pixels(void) {
  GLXContext src = fresh_context(NULL), dst = fresh_context(NULL), plain = fresh_context(NULL);
  make_current(win_a, src);
  set_scene_state();
  glXMakeContextCurrent(dpy, None, None, NULL);
  glXCopyContext(dpy, src, dst, GL_ALL_ATTRIB_BITS);
  expect_no_error("glXCopyContext for the frame");

  make_current(win_a, src);
  draw_copy_scene();
  unsigned char* a = read_frame();
  glXSwapBuffers(dpy, win_a);
  make_current(win_b, dst);
  draw_copy_scene();
  unsigned char* b = read_frame();
  glXSwapBuffers(dpy, win_b);
  int diff = differing_pixels(a, b);
  if (diff != 0) die("the destination's frame differs from the source's in %d pixels", diff);
  ok("a frame drawn with the destination equals the source's (glReadPixels, every pixel)");

  /* What the window shows: the same on both. */
  glXWaitGL();
  int mismatch = -1;
  for (int attempt = 0; attempt < 100 && mismatch != 0; ++attempt) { /* presentation may lag */
    if (attempt) usleep(50000);
    XImage* ia = XGetImage(dpy, win_a, 0, 0, W, H, AllPlanes, ZPixmap);
    XImage* ib = XGetImage(dpy, win_b, 0, 0, W, H, AllPlanes, ZPixmap);
    if (!ia || !ib) die("XGetImage of the windows failed");
    mismatch = 0;
    for (int y = 0; y < H; ++y)
      for (int x = 0; x < W; ++x) mismatch += XGetPixel(ia, x, y) != XGetPixel(ib, x, y);
    XDestroyImage(ia), XDestroyImage(ib);
  }
  if (mismatch != 0) die("the windows show different frames (%d pixels differ)", mismatch);
  ok("both windows show the same frame (XGetImage, every pixel)");

  /* The check can fail: a context without the copy draws another frame. */
  make_current(win_b, plain);
  draw_copy_scene();
  unsigned char* c = read_frame();
  diff = differing_pixels(a, c);
  if (diff < 100)
    die("a context without the copied state drew nearly the same frame (%d pixels differ)", diff);
  printf("ok: without the copy the frame differs in %d pixels\n", diff);
  ++checks;
  free(a), free(b), free(c);
  glXMakeContextCurrent(dpy, None, None, NULL);
  glXDestroyContext(dpy, src), glXDestroyContext(dpy, dst), glXDestroyContext(dpy, plain);
}

/* ---- texture bindings: copied between contexts that share objects only ---- */
static void group_bindings(void) {
  GLXContext src = fresh_context(NULL);
  GLXContext shared = fresh_context(src), unshared = fresh_context(NULL);
  make_current(win_a, src);
  GLuint tex = 0;
  glGenTextures(1, &tex);
  glActiveTexture(GL_TEXTURE2);
  glBindTexture(GL_TEXTURE_2D, tex);
  glActiveTexture(GL_TEXTURE0);
  glXMakeContextCurrent(dpy, None, None, NULL);
  glXCopyContext(dpy, src, shared, GL_TEXTURE_BIT);
  glXCopyContext(dpy, src, unshared, GL_TEXTURE_BIT);
  expect_no_error("glXCopyContext of GL_TEXTURE_BIT");
  GLint bound = -1;
  make_current(win_b, shared);
  glActiveTexture(GL_TEXTURE2);
  glGetIntegerv(GL_TEXTURE_BINDING_2D, &bound);
  if (bound != (GLint)tex) die("shared destination: unit 2 binds %d, expected %u", bound, tex);
  ok("GL_TEXTURE_BIT: a context sharing objects gets the texture bindings");
  make_current(win_b, unshared);
  glActiveTexture(GL_TEXTURE2);
  glGetIntegerv(GL_TEXTURE_BINDING_2D, &bound);
  if (bound != 0) die("unshared destination: unit 2 binds %d, expected 0", bound);
  check_gl("bindings");
  ok("GL_TEXTURE_BIT: a context not sharing objects keeps its own (names would mean other textures)");
  glXMakeContextCurrent(dpy, None, None, NULL);
  glXDestroyContext(dpy, src), glXDestroyContext(dpy, shared), glXDestroyContext(dpy, unshared);
}

/* ---- core profile: the groups that exist there ---- */
static void group_core(void) {
  PFNGLXCREATECONTEXTATTRIBSARBPROC create =
      (PFNGLXCREATECONTEXTATTRIBSARBPROC)glXGetProcAddress((const GLubyte*)"glXCreateContextAttribsARB");
  if (!create) die("no glXCreateContextAttribsARB");
  const int attribs[] = {
      GLX_CONTEXT_MAJOR_VERSION_ARB,    3,   GLX_CONTEXT_MINOR_VERSION_ARB, 3, GLX_CONTEXT_PROFILE_MASK_ARB,
      GLX_CONTEXT_CORE_PROFILE_BIT_ARB, None};
  GLXContext src = create(dpy, cfg, NULL, True, attribs), dst = create(dpy, cfg, NULL, True, attribs);
  if (!src || !dst) die("no OpenGL 3.3 core context");
  make_current(win_b, dst);
  make_current(win_a, src);
  glClearColor(0.5f, 0.25f, 1.0f, 0.0f);
  glDepthFunc(GL_GEQUAL);
  glViewport(1, 2, 30, 40);
  glEnable(GL_PROGRAM_POINT_SIZE);
  glLineWidth(1.0f);
  check_gl("core source state");
  glXCopyContext(dpy, src, dst, GL_ALL_ATTRIB_BITS);
  expect_no_error("glXCopyContext between core-profile contexts");
  make_current(win_b, dst);
  GLfloat clear[4];
  GLint func = 0, vp[4];
  glGetFloatv(GL_COLOR_CLEAR_VALUE, clear);
  glGetIntegerv(GL_DEPTH_FUNC, &func);
  glGetIntegerv(GL_VIEWPORT, vp);
  check_gl("core destination after the copy (no GL error from legacy state)");
  if (clear[0] != 0.5f || clear[1] != 0.25f || clear[2] != 1.0f || func != GL_GEQUAL || vp[0] != 1 ||
      vp[3] != 40 || !glIsEnabled(GL_PROGRAM_POINT_SIZE))
    die("core destination did not get the copied state");
  ok("core profile: clear colour, depth function, viewport and enables copied, no GL error");
  glXMakeContextCurrent(dpy, None, None, NULL);
  glXDestroyContext(dpy, src), glXDestroyContext(dpy, dst);
}

/* ---- errors ---- */
static GLXContext thread_ctx;
static Window thread_win;
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t cond = PTHREAD_COND_INITIALIZER;
static int thread_state; /* 1: current there, 2: may release */

static void* hold_current(void* arg) {
  (void)arg;
  make_current(thread_win, thread_ctx);
  pthread_mutex_lock(&lock);
  thread_state = 1;
  pthread_cond_broadcast(&cond);
  while (thread_state != 2) pthread_cond_wait(&cond, &lock);
  pthread_mutex_unlock(&lock);
  glXMakeContextCurrent(dpy, None, None, NULL);
  return NULL;
}

static void group_errors(int errors_only) {
  GLXContext a = fresh_context(NULL), b = fresh_context(NULL);
  make_current(win_a, a);
  glXCopyContext(dpy, b, a, GL_ALL_ATTRIB_BITS);
  expect_error(BadAccess, "destination current in this thread: BadAccess");
  glXMakeContextCurrent(dpy, None, None, NULL);
  if (errors_only) return;

  glXCopyContext(dpy, (GLXContext)(uintptr_t)0x1234, b, GL_ALL_ATTRIB_BITS);
  expect_error(glx_error_base + 0, "bogus source: GLXBadContext");
  glXCopyContext(dpy, a, (GLXContext)(uintptr_t)0x5678, GL_ALL_ATTRIB_BITS);
  expect_error(glx_error_base + 0, "bogus destination: GLXBadContext");

  /* Current in another thread: as destination (GLX: BadAccess) and as source (eglrun: BadAccess). */
  thread_ctx = a, thread_win = win_a, thread_state = 0;
  pthread_t t;
  if (pthread_create(&t, NULL, hold_current, NULL) != 0) die("pthread_create");
  pthread_mutex_lock(&lock);
  while (thread_state != 1) pthread_cond_wait(&cond, &lock);
  pthread_mutex_unlock(&lock);
  glXCopyContext(dpy, b, a, GL_ALL_ATTRIB_BITS);
  expect_error(BadAccess, "destination current in another thread: BadAccess");
  glXCopyContext(dpy, a, b, GL_ALL_ATTRIB_BITS);
  expect_error(BadAccess, "source current in another thread: BadAccess");
  pthread_mutex_lock(&lock);
  thread_state = 2;
  pthread_cond_broadcast(&cond);
  pthread_mutex_unlock(&lock);
  pthread_join(t, NULL);
  glXCopyContext(dpy, a, b, GL_ALL_ATTRIB_BITS);
  expect_no_error("the same copy once the source is released");
  make_current(win_b, b);
  check_gl("the destination of a GL_ALL_ATTRIB_BITS copy");
  glXMakeContextCurrent(dpy, None, None, NULL);
  ok("the same copy once the source is released: no error");

  const char* ext = glXQueryExtensionsString(dpy, DefaultScreen(dpy));
  if (has_extension(ext, "GLX_EXT_create_context_es2_profile")) {
    PFNGLXCREATECONTEXTATTRIBSARBPROC create =
        (PFNGLXCREATECONTEXTATTRIBSARBPROC)glXGetProcAddress((const GLubyte*)"glXCreateContextAttribsARB");
    const int attribs[] = {
        GLX_CONTEXT_MAJOR_VERSION_ARB,   2,   GLX_CONTEXT_MINOR_VERSION_ARB, 0, GLX_CONTEXT_PROFILE_MASK_ARB,
        GLX_CONTEXT_ES2_PROFILE_BIT_EXT, None};
    GLXContext es = create(dpy, cfg, NULL, True, attribs);
    if (!es) die("no OpenGL ES 2.0 context although GLX_EXT_create_context_es2_profile is advertised");
    glXCopyContext(dpy, es, b, GL_ALL_ATTRIB_BITS);
    expect_error(BadMatch, "OpenGL ES source: BadMatch");
    glXDestroyContext(dpy, es);
  } else {
    die("GLX_EXT_create_context_es2_profile is not advertised: the ES check cannot run");
  }
  glXDestroyContext(dpy, a), glXDestroyContext(dpy, b);
}

int main(int argc, char** argv) {
  int errors_only = argc > 1 && !strcmp(argv[1], "--errors-only");
  if (argc > 1 && !errors_only) {
    fprintf(stderr, "usage: %s [--errors-only]\n", argv[0]);
    return 2;
  }
  XInitThreads();
  dpy = open_display_with_glx();
  int ev = 0, err = 0;
  if (!glXQueryExtension(dpy, &glx_error_base, &ev) || !XQueryExtension(dpy, "GLX", &glx_opcode, &ev, &err))
    die("no GLX");
  XSetErrorHandler(on_error);
  cfg = choose_config(dpy, 1, &vi);
  win_a = new_window("copy-context a", 0);
  win_b = new_window("copy-context b", W + 10);
  group_errors(errors_only);
  if (!errors_only) {
    group_masks();
    group_pixels();
    group_bindings();
    group_core();
  }
  printf("glx_copy_context: %d checks passed\n", checks);
  XCloseDisplay(dpy);
  return 0;
}
