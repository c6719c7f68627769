/* Self-checking exercises of eglrun's GLX surface beyond the extension string, one group per run:
 *   glx_features errors|contexts|threads|attribs|es|swap|configs|drawables|xfont
 * Each group prints an "ok:" line per check and exits 0 when all pass, 1 (FAIL: ...) otherwise.
 * Window contents are read back from the X server with XGetImage (what the user would see). */
#define GL_GLEXT_PROTOTYPES 1
#include "glx_check.h"

#include <GL/glxext.h>
#include <pthread.h>

#define GET_PROC(type, name) ((type)glXGetProcAddress((const GLubyte*)(name)))

static Display* dpy;
static XVisualInfo* vi;
static GLXFBConfig cfg;
static struct options opts;

static void ok(const char* what) { printf("ok: %s\n", what); }

static Window new_window(int w, int h, const char* name) {
  struct options o = opts;
  o.width = w, o.height = h, o.name = name;
  Window win = create_window(dpy, vi, &o);
  /* Side by side: XGetImage of an obscured window returns whatever covers it. */
  static int count = 0;
  XMoveWindow(dpy, win, 80 * (count % 12), 80 * (count / 12));
  ++count;
  XSync(dpy, False);
  return win;
}

static GLXContext new_context(GLXContext share) {
  GLXContext c = glXCreateNewContext(dpy, cfg, GLX_RGBA_TYPE, share, True);
  if (!c) die("glXCreateNewContext failed");
  return c;
}

static void make_current(GLXDrawable d, GLXContext c) {
  if (!glXMakeContextCurrent(dpy, d, d, c)) die("glXMakeContextCurrent(0x%lx) failed", d);
}

static void clear_to(float r, float g, float b) {
  glClearColor(r, g, b, 1);
  glClear(GL_COLOR_BUFFER_BIT);
}

static struct rgb gl_pixel(int x, int y) {
  unsigned char p[4];
  glReadPixels(x, y, 1, 1, GL_RGBA, GL_UNSIGNED_BYTE, p);
  struct rgb c = {p[0], p[1], p[2]};
  return c;
}

static void expect_gl_pixel(int x, int y, struct rgb want, int tol, const char* what) {
  struct rgb got = gl_pixel(x, y);
  if (!near(got, want, tol))
    die("%s: GL pixel (%d,%d) is %d,%d,%d, expected %d,%d,%d", what, x, y, got.r, got.g, got.b, want.r,
        want.g, want.b);
  ok(what);
}

static const struct rgb RED = {255, 0, 0}, GREEN = {0, 255, 0}, BLUE = {0, 0, 255}, WHITE = {255, 255, 255};

/* GLX error numbers relative to the first error (glxproto.h; GLX_ARB_create_context_profile). */
enum {
  GLXBadContext = 0,
  GLXBadDrawable = 2,
  GLXBadPixmap = 3,
  GLXBadFBConfig = 9,
  GLXBadPbuffer = 10,
  GLXBadWindow = 12,
  GLXBadProfileARB = 13
};

/* ---- errors: GLX errors arrive as X errors with GLX's codes ---- */
static int last_error, last_request, error_count;
static int on_error(Display* d, XErrorEvent* e) {
  (void)d;
  last_error = e->error_code;
  last_request = e->request_code;
  ++error_count;
  return 0;
}

static void expect_error(int want_code, int opcode, const char* what) {
  XSync(dpy, False);
  if (error_count == 0) die("%s: no X error", what);
  if (last_error != want_code) die("%s: error code %d, expected %d", what, last_error, want_code);
  if (last_request != opcode) die("%s: request code %d, expected GLX's %d", what, last_request, opcode);
  error_count = 0;
  ok(what);
}

static void group_errors(void) {
  int error_base = 0, event_base = 0, opcode = 0, ev2, err2;
  if (!glXQueryExtension(dpy, &error_base, &event_base)) die("glXQueryExtension");
  if (!XQueryExtension(dpy, "GLX", &opcode, &ev2, &err2) || err2 != error_base || ev2 != event_base)
    die("XQueryExtension(GLX) disagrees with glXQueryExtension");
  XSetErrorHandler(on_error);
  Window win = new_window(64, 64, "errors");
  GLXContext ctx = new_context(NULL);

  glXMakeCurrent(dpy, win, (GLXContext)(uintptr_t)0x1234); /* GLXBadContext = first_error + 0 */
  expect_error(error_base + GLXBadContext, opcode, "glXMakeCurrent with a bogus context: GLXBadContext");
  glXIsDirect(dpy, (GLXContext)(uintptr_t)0x5678);
  expect_error(error_base + GLXBadContext, opcode, "glXIsDirect with a bogus context: GLXBadContext");
  unsigned int v = 0;
  glXQueryDrawable(dpy, 0x3fffff, GLX_WIDTH, &v);
  expect_error(error_base + GLXBadDrawable, opcode, "glXQueryDrawable of a non-drawable: GLXBadDrawable");
  glXMakeContextCurrent(dpy, win, None, ctx);
  expect_error(BadMatch, opcode, "glXMakeContextCurrent with draw but no read: BadMatch");
  glXDestroyPbuffer(dpy, 0x3ffffe);
  expect_error(error_base + GLXBadPbuffer, opcode, "glXDestroyPbuffer of a non-pbuffer: GLXBadPbuffer");
  glXDestroyGLXPixmap(dpy, 0x3ffffd);
  expect_error(error_base + GLXBadPixmap, opcode, "glXDestroyGLXPixmap of a non-pixmap: GLXBadPixmap");
  glXCreateNewContext(dpy, (GLXFBConfig)(uintptr_t)0x42, GLX_RGBA_TYPE, NULL, True);
  expect_error(error_base + GLXBadFBConfig, opcode,
               "glXCreateNewContext with a bogus config: GLXBadFBConfig");
  glXDestroyWindow(dpy, 0x3ffffc);
  expect_error(error_base + GLXBadWindow, opcode, "glXDestroyWindow of a non-GLXWindow: GLXBadWindow");
  PFNGLXCREATECONTEXTATTRIBSARBPROC create_attribs =
      GET_PROC(PFNGLXCREATECONTEXTATTRIBSARBPROC, "glXCreateContextAttribsARB");
  const int bad_profile[] = {GLX_CONTEXT_MAJOR_VERSION_ARB,
                             3,
                             GLX_CONTEXT_MINOR_VERSION_ARB,
                             2,
                             GLX_CONTEXT_PROFILE_MASK_ARB,
                             0x100,
                             None};
  create_attribs(dpy, cfg, NULL, True, bad_profile);
  expect_error(error_base + GLXBadProfileARB, opcode, "unknown profile mask: GLXBadProfileARB");
  const int bad_version[] = {GLX_CONTEXT_MAJOR_VERSION_ARB, 9, GLX_CONTEXT_MINOR_VERSION_ARB, 9, None};
  create_attribs(dpy, cfg, NULL, True, bad_version);
  expect_error(BadMatch, opcode, "OpenGL 9.9: BadMatch");
  /* The profile mask is checked whatever the version (GLX_ARB_create_context_profile). */
  const int no_profile[] = {GLX_CONTEXT_PROFILE_MASK_ARB, 0, None};
  create_attribs(dpy, cfg, NULL, True, no_profile);
  expect_error(error_base + GLXBadProfileARB, opcode,
               "empty profile mask without a version: GLXBadProfileARB");
  const int two_profiles[] = {GLX_CONTEXT_PROFILE_MASK_ARB,
                              GLX_CONTEXT_CORE_PROFILE_BIT_ARB | GLX_CONTEXT_COMPATIBILITY_PROFILE_BIT_ARB,
                              None};
  create_attribs(dpy, cfg, NULL, True, two_profiles);
  expect_error(error_base + GLXBadProfileARB, opcode,
               "core|compatibility without a version: GLXBadProfileARB");
  const int color_index_30[] = {GLX_CONTEXT_MAJOR_VERSION_ARB, 3, GLX_RENDER_TYPE, GLX_COLOR_INDEX_TYPE,
                                None};
  create_attribs(dpy, cfg, NULL, True, color_index_30);
  expect_error(BadMatch, opcode, "colour-index 3.0 context: BadMatch");
  const char* glx_ext = glXQueryExtensionsString(dpy, DefaultScreen(dpy));
  if (!has_extension(glx_ext, "GLX_ARB_fbconfig_float")) {
    const int float_type[] = {GLX_RENDER_TYPE, GLX_RGBA_FLOAT_TYPE_ARB, None};
    create_attribs(dpy, cfg, NULL, True, float_type);
    expect_error(BadValue, opcode, "float render type without GLX_ARB_fbconfig_float: BadValue");
  } else {
    /* A float context needs a float config, and a float config backs float contexts only. */
    const int float_type[] = {GLX_RENDER_TYPE, GLX_RGBA_FLOAT_TYPE_ARB, None};
    create_attribs(dpy, cfg, NULL, True, float_type);
    expect_error(BadMatch, opcode, "float context from an RGBA config (attribs): BadMatch");
    glXCreateNewContext(dpy, cfg, GLX_RGBA_FLOAT_TYPE_ARB, NULL, True);
    expect_error(BadMatch, opcode, "float context from an RGBA config (glXCreateNewContext): BadMatch");
    const int fa[] = {GLX_RENDER_TYPE, GLX_RGBA_FLOAT_BIT_ARB, GLX_DRAWABLE_TYPE, GLX_PBUFFER_BIT, None};
    int n = 0;
    GLXFBConfig* fl = glXChooseFBConfig(dpy, DefaultScreen(dpy), fa, &n);
    if (!fl || n < 1) die("GLX_ARB_fbconfig_float advertised but no float config");
    glXCreateNewContext(dpy, fl[0], GLX_RGBA_TYPE, NULL, True);
    expect_error(BadMatch, opcode, "RGBA context from a float config: BadMatch");
    glXCreateWindow(dpy, fl[0], win, NULL);
    expect_error(BadMatch, opcode, "GLX window from a float (pbuffer-only) config: BadMatch");
    XFree(fl);
  }
  if (has_extension(glx_ext, "GLX_EXT_fbconfig_packed_float")) {
    glXCreateNewContext(dpy, cfg, GLX_RGBA_UNSIGNED_FLOAT_TYPE_EXT, NULL, True);
    expect_error(BadMatch, opcode, "unsigned float context from an RGBA config: BadMatch");
  }
  const int bad_reset[] = {GLX_CONTEXT_RESET_NOTIFICATION_STRATEGY_ARB, 0, None};
  create_attribs(dpy, cfg, NULL, True, bad_reset);
  expect_error(BadMatch, opcode, "unknown reset notification strategy: BadMatch");
  if (has_extension(glx_ext, "GLX_EXT_create_context_es_profile")) {
    const int es1[] = {
        GLX_CONTEXT_MAJOR_VERSION_ARB,  1,   GLX_CONTEXT_MINOR_VERSION_ARB, 1, GLX_CONTEXT_PROFILE_MASK_ARB,
        GLX_CONTEXT_ES_PROFILE_BIT_EXT, None};
    if (create_attribs(dpy, cfg, NULL, True, es1)) die("an OpenGL ES 1.1 context was created");
    expect_error(BadMatch, opcode, "OpenGL ES 1.1 (the emulation needs ES 2.0+): BadMatch");
  }
  /* GLX_EXT_import_context shares indirect contexts only: a direct one gives NULL and no error. */
  PFNGLXIMPORTCONTEXTEXTPROC import = GET_PROC(PFNGLXIMPORTCONTEXTEXTPROC, "glXImportContextEXT");
  PFNGLXGETCONTEXTIDEXTPROC get_id = GET_PROC(PFNGLXGETCONTEXTIDEXTPROC, "glXGetContextIDEXT");
  if (import(dpy, get_id(ctx)) != NULL) die("glXImportContextEXT imported a direct context");
  XSync(dpy, False);
  if (error_count != 0) die("glXImportContextEXT of a direct context raised X error %d", last_error);
  ok("glXImportContextEXT of a direct context: NULL, no error");
  if (import(dpy, 0x3ffffb) != NULL) die("glXImportContextEXT imported a bogus ID");
  expect_error(error_base + GLXBadContext, opcode, "glXImportContextEXT of a bogus ID: GLXBadContext");
  /* A context destroyed while current stays usable by its thread until released (GLX 1.4 3.3.7). */
  GLXContext doomed = new_context(NULL);
  make_current(win, doomed);
  glXDestroyContext(dpy, doomed);
  if (!glXMakeCurrent(dpy, win, doomed)) die("glXMakeCurrent of a destroyed, still current context failed");
  clear_to(0, 1, 0);
  expect_gl_pixel(3, 3, GREEN, 0, "destroyed but still current context renders");
  glXDestroyContext(dpy, doomed);
  XSync(dpy, False);
  if (error_count != 0)
    die("making current / destroying again a destroyed current context raised X error %d", last_error);
  ok("a destroyed context current in this thread: made current and destroyed again without error");
  glXMakeCurrent(dpy, None, NULL);
  glXMakeCurrent(dpy, win, doomed);
  expect_error(error_base + GLXBadContext, opcode, "the destroyed context once released: GLXBadContext");
  /* glXCopyContext into a context current in this thread: BadAccess. */
  GLXContext other = new_context(NULL);
  make_current(win, ctx);
  glXCopyContext(dpy, other, ctx, GL_ALL_ATTRIB_BITS);
  expect_error(BadAccess, opcode, "glXCopyContext into a current context: BadAccess");
  glXMakeCurrent(dpy, None, NULL);
  glXDestroyContext(dpy, other);
  glXDestroyContext(dpy, ctx);
  XSetErrorHandler(NULL);
}

/* ---- contexts ---- */
static void draw_texture_quad(GLuint tex) {
  glEnable(GL_TEXTURE_2D);
  glBindTexture(GL_TEXTURE_2D, tex);
  glTexEnvi(GL_TEXTURE_ENV, GL_TEXTURE_ENV_MODE, GL_REPLACE);
  glBegin(GL_QUADS);
  glTexCoord2f(0, 0);
  glVertex2f(-1, -1);
  glTexCoord2f(1, 0);
  glVertex2f(1, -1);
  glTexCoord2f(1, 1);
  glVertex2f(1, 1);
  glTexCoord2f(0, 1);
  glVertex2f(-1, 1);
  glEnd();
  glDisable(GL_TEXTURE_2D);
}

static void group_contexts(void) {
  Window w1 = new_window(64, 64, "ctx1"), w2 = new_window(64, 64, "ctx2");
  GLXContext a = new_context(NULL);
  GLXContext b = new_context(a); /* shares a's objects */
  GLXContext c = new_context(NULL);
  if (glXIsDirect(dpy, a) != True) die("glXIsDirect is not True for a direct context");
  ok("glXIsDirect: True (eglrun renders directly on the EGL device)");
  int share = 0;
  glXQueryContext(dpy, b, GLX_SCREEN, &share);

  /* A texture made in a, drawn by b (shared) into w2. */
  make_current(w1, a);
  GLuint tex = 0;
  unsigned char green[4 * 4 * 3];
  for (int i = 0; i < 16; ++i) green[3 * i] = 0, green[3 * i + 1] = 255, green[3 * i + 2] = 0;
  glGenTextures(1, &tex);
  glBindTexture(GL_TEXTURE_2D, tex);
  glTexImage2D(GL_TEXTURE_2D, 0, GL_RGB8, 4, 4, 0, GL_RGB, GL_UNSIGNED_BYTE, green);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
  glFinish();
  make_current(w2, b);
  if (!glIsTexture(tex)) die("texture %u of context a is not a texture in shared context b", tex);
  clear_to(0, 0, 0);
  draw_texture_quad(tex);
  glXSwapBuffers(dpy, w2);
  expect_x_pixel(dpy, w2, vi->visual, 32, 32, GREEN, 0,
                 "texture made in one context drawn by a sharing context");
  make_current(w2, c);
  if (glIsTexture(tex)) die("an unshared context sees the other share group's texture %u", tex);
  ok("an unshared context does not see it");

  /* One context, two windows in turn. */
  make_current(w1, a);
  clear_to(1, 0, 0);
  glXSwapBuffers(dpy, w1);
  make_current(w2, a);
  clear_to(0, 0, 1);
  glXSwapBuffers(dpy, w2);
  make_current(w1, a);
  expect_gl_pixel(10, 10, RED, 0, "back on the first window, its back buffer kept its contents");
  expect_x_pixel(dpy, w1, vi->visual, 10, 10, RED, 0, "one context on window 1");
  expect_x_pixel(dpy, w2, vi->visual, 10, 10, BLUE, 0, "the same context on window 2");

  /* A second connection to the same server, with its own context and window. */
  Display* dpy2 = XOpenDisplay(NULL);
  if (!dpy2) die("second XOpenDisplay failed");
  Display* saved = dpy;
  dpy = dpy2;
  XVisualInfo* vi2 = NULL;
  GLXFBConfig cfg2 = choose_config(dpy2, 1, &vi2);
  XVisualInfo* keep_vi = vi;
  vi = vi2;
  Window w3 = new_window(64, 64, "ctx3");
  GLXContext d2 = glXCreateNewContext(dpy2, cfg2, GLX_RGBA_TYPE, NULL, True);
  if (!d2 || !glXMakeContextCurrent(dpy2, w3, w3, d2)) die("context on the second display");
  if (glXGetCurrentDisplay() != dpy2) die("glXGetCurrentDisplay is not the second display");
  clear_to(1, 1, 0);
  glXSwapBuffers(dpy2, w3);
  expect_x_pixel(saved, w3, vi->visual, 5, 5, (struct rgb){255, 255, 0}, 0,
                 "second Display in the process renders");
  glXMakeContextCurrent(dpy2, None, None, NULL);
  glXDestroyContext(dpy2, d2);
  vi = keep_vi;
  dpy = saved;
  XCloseDisplay(dpy2);
  /* The first display still works after the second is closed. */
  make_current(w1, a);
  clear_to(0, 1, 1);
  glXSwapBuffers(dpy, w1);
  expect_x_pixel(dpy, w1, vi->visual, 5, 5, (struct rgb){0, 255, 255}, 0,
                 "first Display after closing the second");

  /* glXCopyContext itself: integration.glx.copy_context (glx_copy_context.c). */
  glXMakeCurrent(dpy, None, NULL);
  glXDestroyContext(dpy, a);
  glXDestroyContext(dpy, b);
  glXDestroyContext(dpy, c);
}

/* ---- threads: contexts current in several threads at once, each on its own window ---- */
struct worker {
  Window win;
  GLXContext ctx;
  int index;
  int failures;
};

static void* worker_main(void* arg) {
  struct worker* w = arg;
  if (!glXMakeContextCurrent(dpy, w->win, w->win, w->ctx)) {
    w->failures = -1;
    return NULL;
  }
  for (int frame = 0; frame < 200; ++frame) {
    int v = (frame * 7 + w->index * 50) % 256;
    clear_to(v / 255.0f, (float)w->index / 4.0f, 1.0f - v / 255.0f);
    glXSwapBuffers(dpy, w->win);
    unsigned char p[4];
    glReadPixels(3, 3, 1, 1, GL_RGBA, GL_UNSIGNED_BYTE, p);
    if (abs(p[0] - v) > 1 || abs(p[1] - (int)(w->index * 255 / 4.0f + 0.5f)) > 1) ++w->failures;
  }
  glXMakeContextCurrent(dpy, None, None, NULL);
  return NULL;
}

static void group_threads(void) {
  struct worker w[4];
  pthread_t t[4];
  for (int i = 0; i < 4; ++i) {
    w[i].win = new_window(48, 48, "thread");
    w[i].ctx = new_context(NULL);
    w[i].index = i;
    w[i].failures = 0;
  }
  for (int i = 0; i < 4; ++i) pthread_create(&t[i], NULL, worker_main, &w[i]);
  for (int i = 0; i < 4; ++i) pthread_join(t[i], NULL);
  for (int i = 0; i < 4; ++i) {
    if (w[i].failures) die("thread %d: %d wrong frames", i, w[i].failures);
    /* The last frame (199) must be in every window. */
    int v = (199 * 7 + i * 50) % 256;
    expect_x_pixel(dpy, w[i].win, vi->visual, 20, 20, (struct rgb){v, (int)(i * 255 / 4.0f + 0.5f), 255 - v},
                   1, "thread's last frame in its window");
    glXDestroyContext(dpy, w[i].ctx);
  }
  ok("4 threads x 200 frames, each context current in its own thread at the same time");
}

/* ---- attribs: GLX_ARB_create_context_robustness / no_error / context_flush_control ---- */
static GLXContext attribs_context(const int* attribs) {
  PFNGLXCREATECONTEXTATTRIBSARBPROC f =
      GET_PROC(PFNGLXCREATECONTEXTATTRIBSARBPROC, "glXCreateContextAttribsARB");
  GLXContext c = f(dpy, cfg, NULL, True, attribs);
  if (!c) die("glXCreateContextAttribsARB failed");
  return c;
}

static void group_attribs(void) {
  Window win = new_window(32, 32, "attribs");
  require_glx_extension(dpy, "GLX_ARB_create_context_robustness");
  const int robust[] = {GLX_CONTEXT_MAJOR_VERSION_ARB,
                        3,
                        GLX_CONTEXT_MINOR_VERSION_ARB,
                        2,
                        GLX_CONTEXT_FLAGS_ARB,
                        GLX_CONTEXT_ROBUST_ACCESS_BIT_ARB,
                        GLX_CONTEXT_RESET_NOTIFICATION_STRATEGY_ARB,
                        GLX_LOSE_CONTEXT_ON_RESET_ARB,
                        None};
  GLXContext c = attribs_context(robust);
  make_current(win, c);
  GLint flags = 0, strategy = 0;
  glGetIntegerv(GL_CONTEXT_FLAGS, &flags);
  glGetIntegerv(GL_RESET_NOTIFICATION_STRATEGY_ARB, &strategy);
  if (!(flags & GL_CONTEXT_FLAG_ROBUST_ACCESS_BIT) || strategy != GL_LOSE_CONTEXT_ON_RESET_ARB)
    die("robust context: flags 0x%x, reset strategy 0x%x", flags, strategy);
  PFNGLGETGRAPHICSRESETSTATUSPROC status =
      GET_PROC(PFNGLGETGRAPHICSRESETSTATUSPROC, "glGetGraphicsResetStatus");
  if (!status || status() != GL_NO_ERROR) die("glGetGraphicsResetStatus");
  clear_to(0, 1, 0);
  glXSwapBuffers(dpy, win);
  expect_x_pixel(dpy, win, vi->visual, 5, 5, GREEN, 0, "robust context renders");
  ok("robust context: GL_CONTEXT_FLAG_ROBUST_ACCESS_BIT and GL_LOSE_CONTEXT_ON_RESET");
  glXMakeCurrent(dpy, None, NULL);
  glXDestroyContext(dpy, c);

  require_glx_extension(dpy, "GLX_ARB_create_context_no_error");
  const int no_error[] = {GLX_CONTEXT_MAJOR_VERSION_ARB,
                          3,
                          GLX_CONTEXT_MINOR_VERSION_ARB,
                          0,
                          GLX_CONTEXT_OPENGL_NO_ERROR_ARB,
                          True,
                          None};
  c = attribs_context(no_error);
  make_current(win, c);
  glGetIntegerv(GL_CONTEXT_FLAGS, &flags);
  if (!(flags & GL_CONTEXT_FLAG_NO_ERROR_BIT_KHR)) die("no-error context: flags 0x%x", flags);
  ok("no-error context: GL_CONTEXT_FLAG_NO_ERROR_BIT");
  glXMakeCurrent(dpy, None, NULL);
  glXDestroyContext(dpy, c);

  require_glx_extension(dpy, "GLX_ARB_context_flush_control");
  const int none[] = {GLX_CONTEXT_RELEASE_BEHAVIOR_ARB, GLX_CONTEXT_RELEASE_BEHAVIOR_NONE_ARB, None};
  c = attribs_context(none);
  make_current(win, c);
  GLint behaviour = -1;
  glGetIntegerv(GL_CONTEXT_RELEASE_BEHAVIOR, &behaviour);
  if (behaviour != GL_NONE) die("release behaviour NONE asked, GL says 0x%x", behaviour);
  glXMakeCurrent(dpy, None, NULL);
  glXDestroyContext(dpy, c);
  c = attribs_context(NULL);
  make_current(win, c);
  glGetIntegerv(GL_CONTEXT_RELEASE_BEHAVIOR, &behaviour);
  if (behaviour != GL_CONTEXT_RELEASE_BEHAVIOR_FLUSH) die("default release behaviour is 0x%x", behaviour);
  ok("GLX_CONTEXT_RELEASE_BEHAVIOR_ARB: NONE and the default FLUSH reach the GL");
  glXMakeCurrent(dpy, None, NULL);
  glXDestroyContext(dpy, c);
}

/* ---- es: GLX_EXT_create_context_es2_profile / es_profile ---- */
static void es_case(int major, int minor, const char* ext) {
  require_glx_extension(dpy, ext);
  Window win = new_window(64, 64, "es");
  const int attribs[] = {GLX_CONTEXT_MAJOR_VERSION_ARB,
                         major,
                         GLX_CONTEXT_MINOR_VERSION_ARB,
                         minor,
                         GLX_CONTEXT_PROFILE_MASK_ARB,
                         GLX_CONTEXT_ES2_PROFILE_BIT_EXT,
                         None};
  GLXContext c = attribs_context(attribs);
  make_current(win, c);
  const char* version = (const char*)glGetString(GL_VERSION);
  if (!version || strncmp(version, "OpenGL ES ", 10) != 0 || version[10] - '0' < major)
    die("ES %d.%d context: GL_VERSION is \"%s\"", major, minor, version ? version : "(null)");
  clear_to(0, 0, 1);
  glEnable(GL_SCISSOR_TEST);
  glScissor(0, 32, 64, 32); /* top half (GL y up) */
  clear_to(1, 0, 0);
  glDisable(GL_SCISSOR_TEST);
  if (glGetError() != GL_NO_ERROR) die("ES: GL error before the swap");
  glXSwapBuffers(dpy, win);
  GLenum e = glGetError();
  if (e != GL_NO_ERROR) die("ES: glXSwapBuffers left GL error 0x%x for the application", e);
  expect_x_pixel(dpy, win, vi->visual, 32, 10, RED, 0, ext);
  expect_x_pixel(dpy, win, vi->visual, 32, 54, BLUE, 0, version);
  expect_gl_pixel(32, 50, RED, 0, "ES glReadPixels of the back buffer");
  glFinish();
  glXMakeCurrent(dpy, None, NULL);
  glXDestroyContext(dpy, c);
}

static void group_es(void) {
  es_case(2, 0, "GLX_EXT_create_context_es2_profile");
  es_case(3, 0, "GLX_EXT_create_context_es_profile");
  es_case(3, 2, "GLX_EXT_create_context_es_profile");
}

/* ---- swap: swap control (+tear), video sync, buffer age, swap events, copy_sub_buffer, make_current_read,
 *      query_renderer, import_context ---- */
static void group_swap(void) {
  Window win = new_window(64, 64, "swap");
  GLXContext ctx = new_context(NULL);
  make_current(win, ctx);
  unsigned int v = 0;

  require_glx_extension(dpy, "GLX_EXT_swap_control");
  PFNGLXSWAPINTERVALEXTPROC swap_ext = GET_PROC(PFNGLXSWAPINTERVALEXTPROC, "glXSwapIntervalEXT");
  swap_ext(dpy, win, 2);
  glXQueryDrawable(dpy, win, GLX_SWAP_INTERVAL_EXT, &v);
  if (v != 2) die("GLX_SWAP_INTERVAL_EXT after glXSwapIntervalEXT(2) is %u", v);
  glXQueryDrawable(dpy, win, GLX_MAX_SWAP_INTERVAL_EXT, &v);
  if (v < 2) die("GLX_MAX_SWAP_INTERVAL_EXT is %u", v);
  ok("glXSwapIntervalEXT(2) / GLX_SWAP_INTERVAL_EXT");
  require_glx_extension(dpy, "GLX_EXT_swap_control_tear");
  swap_ext(dpy, win, -1);
  unsigned int tear = 0;
  glXQueryDrawable(dpy, win, GLX_SWAP_INTERVAL_EXT, &v);
  glXQueryDrawable(dpy, win, GLX_LATE_SWAPS_TEAR_EXT, &tear);
  if (v != 1 || tear != 1) die("interval -1: GLX_SWAP_INTERVAL_EXT %u, GLX_LATE_SWAPS_TEAR_EXT %u", v, tear);
  for (int i = 0; i < 3; ++i) glXSwapBuffers(dpy, win);
  ok("glXSwapIntervalEXT(-1): interval 1 with late swaps tearing, swaps go on");
  require_glx_extension(dpy, "GLX_MESA_swap_control");
  PFNGLXSWAPINTERVALMESAPROC swap_mesa = GET_PROC(PFNGLXSWAPINTERVALMESAPROC, "glXSwapIntervalMESA");
  PFNGLXGETSWAPINTERVALMESAPROC get_mesa = GET_PROC(PFNGLXGETSWAPINTERVALMESAPROC, "glXGetSwapIntervalMESA");
  if (swap_mesa(3) != 0 || get_mesa() != 3) die("glXSwapIntervalMESA(3) / glXGetSwapIntervalMESA");
  if (swap_mesa(0) != 0 || get_mesa() != 0) die("glXSwapIntervalMESA(0)");
  ok("glXSwapIntervalMESA / glXGetSwapIntervalMESA");
  require_glx_extension(dpy, "GLX_SGI_swap_control");
  PFNGLXSWAPINTERVALSGIPROC swap_sgi = GET_PROC(PFNGLXSWAPINTERVALSGIPROC, "glXSwapIntervalSGI");
  if (swap_sgi(1) != 0 || get_mesa() != 1) die("glXSwapIntervalSGI(1)");
  if (swap_sgi(0) != GLX_BAD_VALUE) die("glXSwapIntervalSGI(0) must be GLX_BAD_VALUE");
  ok("glXSwapIntervalSGI(1) accepted, 0 refused");
  swap_mesa(0);

  require_glx_extension(dpy, "GLX_SGI_video_sync");
  PFNGLXGETVIDEOSYNCSGIPROC get_sync = GET_PROC(PFNGLXGETVIDEOSYNCSGIPROC, "glXGetVideoSyncSGI");
  PFNGLXWAITVIDEOSYNCSGIPROC wait_sync = GET_PROC(PFNGLXWAITVIDEOSYNCSGIPROC, "glXWaitVideoSyncSGI");
  unsigned int c1 = 0, c2 = 0;
  if (get_sync(&c1) != 0 || wait_sync(3, 1, &c2) != 0) die("glXGetVideoSyncSGI / glXWaitVideoSyncSGI failed");
  if (c2 % 3 != 1 || c2 <= c1) die("glXWaitVideoSyncSGI(3, 1): count %u after %u", c2, c1);
  if (wait_sync(2, 2, &c2) != GLX_BAD_VALUE) die("glXWaitVideoSyncSGI(2, 2) must be GLX_BAD_VALUE");
  ok("glXWaitVideoSyncSGI(3, 1) returns a later count with count % 3 == 1");

  /* GLX_EXT_buffer_age: after a swap the back buffer holds the frame shown `age` swaps ago, or
   * undefined contents (age 0, e.g. a swap chain's image not used yet). Frames of their own colour
   * tell which frame it holds. */
  require_glx_extension(dpy, "GLX_EXT_buffer_age");
  Window aw = new_window(64, 64, "age");
  make_current(aw, ctx);
  glXQueryDrawable(dpy, aw, GLX_BACK_BUFFER_AGE_EXT, &v);
  if (v != 0) die("buffer age before any swap is %u", v);
  static const struct rgb shades[5] = {{255, 0, 255}, {0, 255, 255}, {255, 255, 0}, {0, 0, 255}, {255, 0, 0}};
  for (int i = 0; i < 5; ++i) {
    clear_to(shades[i].r / 255.0f, shades[i].g / 255.0f, shades[i].b / 255.0f);
    glXSwapBuffers(dpy, aw);
    glXQueryDrawable(dpy, aw, GLX_BACK_BUFFER_AGE_EXT, &v);
    if (v > (unsigned)(i + 1)) die("buffer age %u after %d swaps", v, i + 1);
    if (v > 0)
      expect_gl_pixel(7, 7, shades[i + 1 - (int)v], 0,
                      "the back buffer holds the frame shown `age` swaps ago");
  }
  if (v == 0) die("buffer age still 0 after 5 swaps");
  ok("GLX_BACK_BUFFER_AGE_EXT: 0 before a swap, then the age of the frame the back buffer holds");
  make_current(win, ctx);

  /* GLX_INTEL_swap_event: GLX_BufferSwapComplete on the application's own queue, in order. */
  require_glx_extension(dpy, "GLX_INTEL_swap_event");
  int error_base, event_base;
  glXQueryExtension(dpy, &error_base, &event_base);
  glXSelectEvent(dpy, win, GLX_BUFFER_SWAP_COMPLETE_INTEL_MASK);
  unsigned long mask = 0;
  glXGetSelectedEvent(dpy, win, &mask);
  if (mask != GLX_BUFFER_SWAP_COMPLETE_INTEL_MASK) die("glXGetSelectedEvent: 0x%lx", mask);
  glXSwapBuffers(dpy, win);
  glXSwapBuffers(dpy, win);
  int64_t last_sbc = -1;
  for (int got = 0; got < 2;) {
    if (!wait_for_event(dpy, 5.0)) die("no GLX_BufferSwapComplete event within 5 s (%d seen)", got);
    XEvent ev;
    XNextEvent(dpy, &ev);
    if (ev.type != event_base + GLX_BufferSwapComplete) continue;
    GLXBufferSwapComplete* sc = (GLXBufferSwapComplete*)&ev;
    if (sc->drawable != win || sc->sbc <= last_sbc)
      die("swap event: drawable 0x%lx sbc %lld", sc->drawable, (long long)sc->sbc);
    if (sc->event_type != GLX_EXCHANGE_COMPLETE_INTEL && sc->event_type != GLX_COPY_COMPLETE_INTEL &&
        sc->event_type != GLX_FLIP_COMPLETE_INTEL)
      die("swap event type %d", sc->event_type);
    last_sbc = sc->sbc;
    ++got;
  }
  glXSelectEvent(dpy, win, 0);
  ok("GLX_BufferSwapComplete events arrive through XNextEvent, sbc increasing");

  /* GLX_MESA_copy_sub_buffer: only the rectangle reaches the window. */
  require_glx_extension(dpy, "GLX_MESA_copy_sub_buffer");
  PFNGLXCOPYSUBBUFFERMESAPROC copy_sub = GET_PROC(PFNGLXCOPYSUBBUFFERMESAPROC, "glXCopySubBufferMESA");
  /* Known limitation: the front buffer is made on first use from the back buffer's current contents,
   * so a first glXCopySubBufferMESA after new drawing shows it whole. One call first makes it exist. */
  copy_sub(dpy, win, 0, 0, 1, 1);
  clear_to(1, 0, 0);
  glXSwapBuffers(dpy, win);
  clear_to(0, 1, 0);
  copy_sub(dpy, win, 0, 0, 16, 16); /* GL's bottom-left corner */
  expect_x_pixel(dpy, win, vi->visual, 5, 58, GREEN, 0, "glXCopySubBufferMESA: the rectangle is shown");
  expect_x_pixel(dpy, win, vi->visual, 40, 20, RED, 0,
                 "glXCopySubBufferMESA: outside it, the previous frame");

  /* GLX_SGI_make_current_read / GLX 1.3 read drawables: read from a pbuffer, draw to the window. */
  require_glx_extension(dpy, "GLX_SGI_make_current_read");
  const int pb_attr[] = {GLX_PBUFFER_WIDTH, 64, GLX_PBUFFER_HEIGHT, 64, GLX_PRESERVED_CONTENTS, True, None};
  int n = 0;
  const int pb_cfg_attr[] = {
      GLX_DRAWABLE_TYPE, GLX_PBUFFER_BIT | GLX_WINDOW_BIT, GLX_RED_SIZE, 8, GLX_DOUBLEBUFFER, True, None};
  GLXFBConfig* pcs = glXChooseFBConfig(dpy, DefaultScreen(dpy), pb_cfg_attr, &n);
  if (!n) die("no pbuffer config");
  GLXPbuffer pb = glXCreatePbuffer(dpy, cfg, pb_attr);
  XFree(pcs);
  make_current(pb, ctx);
  clear_to(0, 0, 1);
  glFinish();
  PFNGLXMAKECURRENTREADSGIPROC make_read = GET_PROC(PFNGLXMAKECURRENTREADSGIPROC, "glXMakeCurrentReadSGI");
  PFNGLXGETCURRENTREADDRAWABLESGIPROC get_read =
      GET_PROC(PFNGLXGETCURRENTREADDRAWABLESGIPROC, "glXGetCurrentReadDrawableSGI");
  if (!make_read(dpy, win, pb, ctx) || get_read() != pb || glXGetCurrentDrawable() != win)
    die("glXMakeCurrentReadSGI(draw=window, read=pbuffer)");
  expect_gl_pixel(10, 10, BLUE, 0, "glReadPixels reads the read drawable (pbuffer)");
  clear_to(0, 0, 0);
  glDrawBuffer(GL_BACK);
  glRasterPos2f(-1, -1);
  glCopyPixels(0, 0, 64, 64, GL_COLOR);
  glXSwapBuffers(dpy, win);
  expect_x_pixel(dpy, win, vi->visual, 30, 30, BLUE, 0, "glCopyPixels from the read pbuffer into the window");
  glXMakeContextCurrent(dpy, win, win, ctx);

  /* GLX_MESA_query_renderer */
  require_glx_extension(dpy, "GLX_MESA_query_renderer");
  PFNGLXQUERYCURRENTRENDERERINTEGERMESAPROC cur_int =
      GET_PROC(PFNGLXQUERYCURRENTRENDERERINTEGERMESAPROC, "glXQueryCurrentRendererIntegerMESA");
  PFNGLXQUERYRENDERERSTRINGMESAPROC rend_str =
      GET_PROC(PFNGLXQUERYRENDERERSTRINGMESAPROC, "glXQueryRendererStringMESA");
  unsigned int ver[3] = {0, 0, 0}, mem = 0;
  if (!cur_int(GLX_RENDERER_VERSION_MESA, ver) || ver[0] == 0) die("GLX_RENDERER_VERSION_MESA");
  if (!cur_int(GLX_RENDERER_VIDEO_MEMORY_MESA, &mem)) die("GLX_RENDERER_VIDEO_MEMORY_MESA");
  const char* dev = rend_str(dpy, DefaultScreen(dpy), 0, GLX_RENDERER_DEVICE_ID_MESA);
  if (!dev || !*dev) die("GLX_RENDERER_DEVICE_ID_MESA string");
  if (!strstr((const char*)glGetString(GL_RENDERER), dev) &&
      !strstr(dev, (const char*)glGetString(GL_RENDERER)))
    printf("note: renderer string \"%s\" vs GL_RENDERER \"%s\"\n", dev, glGetString(GL_RENDERER));
  printf("ok: renderer version %u.%u.%u, memory %u MB, device \"%s\"\n", ver[0], ver[1], ver[2], mem, dev);

  /* GLX_EXT_import_context: IDs and context info work; importing (indirect contexts only) is in the
   * errors group, since every eglrun context is direct. */
  require_glx_extension(dpy, "GLX_EXT_import_context");
  PFNGLXGETCONTEXTIDEXTPROC get_id = GET_PROC(PFNGLXGETCONTEXTIDEXTPROC, "glXGetContextIDEXT");
  PFNGLXQUERYCONTEXTINFOEXTPROC info = GET_PROC(PFNGLXQUERYCONTEXTINFOEXTPROC, "glXQueryContextInfoEXT");
  PFNGLXGETCURRENTDISPLAYEXTPROC cur_dpy =
      GET_PROC(PFNGLXGETCURRENTDISPLAYEXTPROC, "glXGetCurrentDisplayEXT");
  GLXContextID id = get_id(ctx);
  int vid = 0, screen = -1;
  if (id == 0 || info(dpy, ctx, GLX_VISUAL_ID_EXT, &vid) != Success ||
      info(dpy, ctx, GLX_SCREEN_EXT, &screen) != Success || screen != DefaultScreen(dpy) ||
      vid != (int)vi->visualid || cur_dpy() != dpy)
    die("GLX_EXT_import_context: ID 0x%lx, visual 0x%x, screen %d", id, vid, screen);
  ok("glXGetContextIDEXT, glXQueryContextInfoEXT: visual and screen, glXGetCurrentDisplayEXT");
  glXMakeCurrent(dpy, None, NULL);
  glXDestroyPbuffer(dpy, pb);
  glXDestroyContext(dpy, ctx);
}

/* ---- configs: multisample, sRGB, visual_info, visual_rating, float ---- */
static GLXFBConfig find_config(const int* attribs, XVisualInfo** vis) {
  int n = 0;
  GLXFBConfig* l = glXChooseFBConfig(dpy, DefaultScreen(dpy), attribs, &n);
  GLXFBConfig found = NULL;
  for (int i = 0; i < n && !found; ++i) {
    XVisualInfo* v = vis ? glXGetVisualFromFBConfig(dpy, l[i]) : NULL;
    if (!vis)
      found = l[i];
    else if (v && v->depth == 24)
      found = l[i], *vis = v;
    else if (v)
      XFree(v);
  }
  if (l) XFree(l);
  return found;
}

/* GLX_ARB_fbconfig_float / GLX_EXT_fbconfig_packed_float: float pbuffers
 * keep values outside [0, 1] from clears and from drawing, at their format's precision. */
static GLXFBConfig float_config(int render_bit, int red_size) {
  const int fa[] = {GLX_RENDER_TYPE, render_bit, GLX_DRAWABLE_TYPE, GLX_PBUFFER_BIT, GLX_RED_SIZE,
                    red_size,        None};
  return find_config(fa, NULL);
}

static int fb_attrib(GLXFBConfig c, int attribute) {
  int v = -1;
  if (glXGetFBConfigAttrib(dpy, c, attribute, &v) != Success) die("glXGetFBConfigAttrib(0x%x)", attribute);
  return v;
}

static float abs_f(float v) { return v < 0 ? -v : v; }

static void read_float(int x, int y, float px[4]) { glReadPixels(x, y, 1, 1, GL_RGBA, GL_FLOAT, px); }

/* Makes a context of `type` current on a new 8x8 pbuffer of `fc`; *pb gets the pbuffer. */
static GLXContext float_pbuffer(GLXFBConfig fc, int type, GLXPbuffer* pb) {
  const int pa[] = {GLX_PBUFFER_WIDTH, 8, GLX_PBUFFER_HEIGHT, 8, None};
  *pb = glXCreatePbuffer(dpy, fc, pa);
  GLXContext c = glXCreateNewContext(dpy, fc, type, NULL, True);
  if (!*pb || !c || !glXMakeContextCurrent(dpy, *pb, *pb, c))
    die("context of type 0x%x on a float pbuffer", type);
  int queried = 0;
  if (glXQueryContext(dpy, c, GLX_RENDER_TYPE, &queried) != Success || queried != type)
    die("glXQueryContext(GLX_RENDER_TYPE) = 0x%x, expected 0x%x", queried, type);
  return c;
}

static void drop_float_pbuffer(GLXContext c, GLXPbuffer pb) {
  glXMakeCurrent(dpy, None, NULL);
  glXDestroyContext(dpy, c);
  glXDestroyPbuffer(dpy, pb);
}

static void check_float_configs(void) {
  /* The default GLX_RENDER_TYPE (GLX_RGBA_BIT) never selects a float config. */
  const int pbuffers[] = {GLX_DRAWABLE_TYPE, GLX_PBUFFER_BIT, None};
  int n = 0;
  GLXFBConfig* l = glXChooseFBConfig(dpy, DefaultScreen(dpy), pbuffers, &n);
  for (int i = 0; i < n; ++i)
    if (fb_attrib(l[i], GLX_RENDER_TYPE) != GLX_RGBA_BIT)
      die("default GLX_RENDER_TYPE chose config 0x%x of type 0x%x", fb_attrib(l[i], GLX_FBCONFIG_ID),
          fb_attrib(l[i], GLX_RENDER_TYPE));
  if (l) XFree(l);
  printf("ok: the default GLX_RENDER_TYPE chooses %d pbuffer configs, none of them float\n", n);

  /* Both are advertised whenever the device renders into float textures, as llvmpipe does. */
  require_glx_extension(dpy, "GLX_ARB_fbconfig_float");
  require_glx_extension(dpy, "GLX_EXT_fbconfig_packed_float");
  {
    /* No size asked for: the smallest buffer (GLX_BUFFER_SIZE sorts ascending) comes first. */
    GLXFBConfig fc = float_config(GLX_RGBA_FLOAT_BIT_ARB, 0);
    if (!fc) die("GLX_ARB_fbconfig_float advertised but no float config");
    XVisualInfo* fv = glXGetVisualFromFBConfig(dpy, fc);
    if (fb_attrib(fc, GLX_RENDER_TYPE) != GLX_RGBA_FLOAT_BIT_ARB ||
        fb_attrib(fc, GLX_DRAWABLE_TYPE) != GLX_PBUFFER_BIT || fb_attrib(fc, GLX_RED_SIZE) != 16 ||
        fb_attrib(fc, GLX_ALPHA_SIZE) != 16 || fb_attrib(fc, GLX_X_RENDERABLE) || fv)
      die("float config: render 0x%x drawable 0x%x red %d alpha %d, visual %p",
          fb_attrib(fc, GLX_RENDER_TYPE), fb_attrib(fc, GLX_DRAWABLE_TYPE), fb_attrib(fc, GLX_RED_SIZE),
          fb_attrib(fc, GLX_ALPHA_SIZE), (void*)fv);
    ok("float config: GLX_RGBA_FLOAT_BIT_ARB, pbuffer only, no visual; RGBA16F first");

    GLXPbuffer fpb;
    GLXContext fctx = float_pbuffer(fc, GLX_RGBA_FLOAT_TYPE_ARB, &fpb);
    /* ARB_color_buffer_float: FIXED_ONLY clamping leaves a float framebuffer unclamped. */
    GLint frag = 0, rd = 0;
    GLboolean float_mode = GL_FALSE;
    glGetIntegerv(GL_CLAMP_FRAGMENT_COLOR, &frag);
    glGetIntegerv(GL_CLAMP_READ_COLOR, &rd);
    glGetBooleanv(GL_RGBA_FLOAT_MODE_ARB, &float_mode);
    if (frag != GL_FIXED_ONLY || rd != GL_FIXED_ONLY || !float_mode)
      die("float context: clamp fragment 0x%x read 0x%x, GL_RGBA_FLOAT_MODE_ARB %d", frag, rd, float_mode);
    ok("float context: fragment and read clamping GL_FIXED_ONLY, GL_RGBA_FLOAT_MODE_ARB true");
    glClearColor(2.5f, -0.5f, 0.25f, 4.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    float px[4];
    read_float(1, 1, px);
    if (px[0] != 2.5f || px[1] != -0.5f || px[2] != 0.25f || px[3] != 4.0f)
      die("float pbuffer clear read %g %g %g %g", px[0], px[1], px[2], px[3]);
    ok("float pbuffer: a clear to 2.5, -0.5, 0.25, 4 reads back unclamped");
    /* Drawn, not cleared: vertex colour clamping off, then additive blending beyond 1. */
    PFNGLCLAMPCOLORPROC clamp = GET_PROC(PFNGLCLAMPCOLORPROC, "glClampColor");
    clamp(GL_CLAMP_VERTEX_COLOR, GL_FALSE);
    glEnable(GL_BLEND);
    glBlendFunc(GL_ONE, GL_ONE);
    glColor4f(3.0f, -2.0f, 0.5f, 1.0f);
    glRectf(-1, -1, 0, 1); /* left half, over the cleared colour */
    glDisable(GL_BLEND);
    glFinish();
    read_float(1, 4, px);
    if (px[0] != 5.5f || px[1] != -2.5f || px[2] != 0.75f || px[3] != 5.0f)
      die("float pbuffer draw read %g %g %g %g, expected 5.5 -2.5 0.75 5", px[0], px[1], px[2], px[3]);
    read_float(6, 4, px);
    if (px[0] != 2.5f || px[1] != -0.5f)
      die("float pbuffer right half %g %g, expected the clear", px[0], px[1]);
    ok("float pbuffer: drawn and blended 2.5 + 3 = 5.5, -0.5 - 2 = -2.5 (unclamped)");
    /* The clamp control still works: the values came from the buffer. */
    clamp(GL_CLAMP_READ_COLOR, GL_TRUE);
    read_float(1, 4, px);
    if (px[0] != 1.0f || px[1] != 0.0f) die("clamped read %g %g, expected 1 0", px[0], px[1]);
    ok("float pbuffer: GL_CLAMP_READ_COLOR on clamps the same pixel to 1, 0");
    /* Half-float storage: 1/3 rounds to 11 significant bits. */
    clamp(GL_CLAMP_READ_COLOR, GL_FIXED_ONLY);
    glClearColor(1.0f / 3.0f, 1000.0f, -7.0f, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    read_float(1, 1, px);
    if (px[0] == 1.0f / 3.0f || abs_f(px[0] - 1.0f / 3.0f) > 1.0f / 2048 || px[1] != 1000.0f ||
        px[2] != -7.0f)
      die("RGBA16F pbuffer read %.9g %g %g", px[0], px[1], px[2]);
    printf("ok: RGBA16F pbuffer: 1/3 stored as %.9g (half precision), 1000 and -7 exact\n", px[0]);
    drop_float_pbuffer(fctx, fpb);

    /* 32 bits a channel (asking for 16 bits sorts them first too: more requested bits win). */
    GLXFBConfig f32 = float_config(GLX_RGBA_FLOAT_BIT_ARB, 16);
    if (!f32 || fb_attrib(f32, GLX_RED_SIZE) != 32) die("no 32-bit float config");
    fctx = float_pbuffer(f32, GLX_RGBA_FLOAT_TYPE_ARB, &fpb);
    glClearColor(1.0f / 3.0f, 1.0e20f, -65536.5f, 0.1f);
    glClear(GL_COLOR_BUFFER_BIT);
    read_float(7, 7, px);
    if (px[0] != 1.0f / 3.0f || px[1] != 1.0e20f || px[2] != -65536.5f || px[3] != 0.1f)
      die("RGBA32F pbuffer read %.9g %g %g %g", px[0], px[1], px[2], px[3]);
    ok("RGBA32F pbuffer: 1/3, 1e20, -65536.5 exact");
    drop_float_pbuffer(fctx, fpb);

    /* glXCreateContextAttribsARB without GLX_RENDER_TYPE on a float config: a float context. */
    PFNGLXCREATECONTEXTATTRIBSARBPROC create_attribs =
        GET_PROC(PFNGLXCREATECONTEXTATTRIBSARBPROC, "glXCreateContextAttribsARB");
    const int v30[] = {GLX_CONTEXT_MAJOR_VERSION_ARB, 3, GLX_CONTEXT_MINOR_VERSION_ARB, 0, None};
    GLXContext actx = create_attribs(dpy, fc, NULL, True, v30);
    int type = 0;
    if (!actx || glXQueryContext(dpy, actx, GLX_RENDER_TYPE, &type) != Success ||
        type != GLX_RGBA_FLOAT_TYPE_ARB)
      die("glXCreateContextAttribsARB on a float config: context %p, render type 0x%x", (void*)actx, type);
    glXDestroyContext(dpy, actx);
    ok("glXCreateContextAttribsARB without GLX_RENDER_TYPE on a float config: GLX_RGBA_FLOAT_TYPE_ARB");
  }
  {
    GLXFBConfig fc = float_config(GLX_RGBA_UNSIGNED_FLOAT_BIT_EXT, 1);
    if (!fc) die("GLX_EXT_fbconfig_packed_float advertised but no unsigned float config");
    if (fb_attrib(fc, GLX_RENDER_TYPE) != GLX_RGBA_UNSIGNED_FLOAT_BIT_EXT ||
        fb_attrib(fc, GLX_DRAWABLE_TYPE) != GLX_PBUFFER_BIT || fb_attrib(fc, GLX_RED_SIZE) != 11 ||
        fb_attrib(fc, GLX_GREEN_SIZE) != 11 || fb_attrib(fc, GLX_BLUE_SIZE) != 10 ||
        fb_attrib(fc, GLX_ALPHA_SIZE) != 0)
      die("packed float config: render 0x%x drawable 0x%x sizes %d/%d/%d/%d", fb_attrib(fc, GLX_RENDER_TYPE),
          fb_attrib(fc, GLX_DRAWABLE_TYPE), fb_attrib(fc, GLX_RED_SIZE), fb_attrib(fc, GLX_GREEN_SIZE),
          fb_attrib(fc, GLX_BLUE_SIZE), fb_attrib(fc, GLX_ALPHA_SIZE));
    ok("packed float config: GLX_RGBA_UNSIGNED_FLOAT_BIT_EXT, 11/11/10/0, pbuffer only");
    GLXPbuffer fpb;
    GLXContext fctx = float_pbuffer(fc, GLX_RGBA_UNSIGNED_FLOAT_TYPE_EXT, &fpb);
    glClearColor(3.0f, 0.5f, 1.5f, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    float px[4];
    read_float(1, 1, px);
    if (px[0] != 3.0f || px[1] != 0.5f || px[2] != 1.5f || px[3] != 1.0f)
      die("packed float pbuffer read %g %g %g %g", px[0], px[1], px[2], px[3]);
    ok("packed float pbuffer keeps 3.0, 0.5, 1.5 (alpha reads 1)");
    /* R11F_G11F_B10F: red and green keep 6 mantissa bits, blue 5; no sign. 1000 = 1.953125 * 2^9
     * (61/64) fits 6 bits but not 5; 1 + 1/64 likewise. */
    glClearColor(1000.0f, 1.0f + 1.0f / 64, 1000.0f, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    read_float(2, 2, px);
    if (px[0] != 1000.0f || px[1] != 1.0f + 1.0f / 64 || px[2] == 1000.0f || abs_f(px[2] - 1000.0f) > 16.0f)
      die("R11F_G11F_B10F precision: read %g %g %g, expected 1000, 1.015625, 1000 +- 16 (not exact)", px[0],
          px[1], px[2]);
    printf("ok: R11F_G11F_B10F: 1000 and 1.015625 exact in red and green, blue (5-bit mantissa) %g\n", px[2]);
    glClearColor(-2.0f, 70000.0f, 0.0f, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    read_float(2, 2, px);
    if (px[0] != 0.0f || px[1] < 65024.0f)
      die("R11F_G11F_B10F: -2 read as %g (expected 0), 70000 as %g (expected >= 65024)", px[0], px[1]);
    printf("ok: R11F_G11F_B10F: negative stored as 0, 70000 as %g (beyond the format's largest finite)\n",
           px[1]);
    drop_float_pbuffer(fctx, fpb);
  }
}

static void group_configs(void) {
  /* GLX_ARB_multisample: a 4-sample window antialiases a diagonal edge. */
  require_glx_extension(dpy, "GLX_ARB_multisample");
  const int ms_attr[] = {
      GLX_DRAWABLE_TYPE, GLX_WINDOW_BIT, GLX_RED_SIZE, 8, GLX_SAMPLE_BUFFERS, 1, GLX_SAMPLES, 4,
      GLX_DOUBLEBUFFER,  True,           None};
  XVisualInfo* mvi = NULL;
  GLXFBConfig ms = find_config(ms_attr, &mvi);
  if (!ms) die("no 4-sample window config");
  int samples = 0;
  glXGetFBConfigAttrib(dpy, ms, GLX_SAMPLES, &samples);
  XVisualInfo* keep = vi;
  vi = mvi;
  Window mw = new_window(64, 64, "multisample");
  GLXContext mc = glXCreateNewContext(dpy, ms, GLX_RGBA_TYPE, NULL, True);
  make_current(mw, mc);
  GLint gl_samples = 0;
  glGetIntegerv(GL_SAMPLES, &gl_samples);
  clear_to(0, 0, 0);
  glColor3f(1, 1, 1);
  glBegin(GL_TRIANGLES);
  glVertex2f(-1, -1);
  glVertex2f(1, -1);
  glVertex2f(1, 0.7f);
  glEnd();
  glXSwapBuffers(dpy, mw);
  glFinish();
  expect_x_pixel(dpy, mw, vi->visual, 60, 60, WHITE, 0, "multisample: inside the triangle");
  int partial = 0;
  for (int y = 0; y < 64; ++y)
    for (int x = 0; x < 64; ++x) {
      struct rgb p = x_pixel(dpy, mw, vi->visual, x, y);
      if (p.r > 8 && p.r < 247) ++partial;
    }
  if (gl_samples < 4 || partial < 20)
    die("multisample: GL_SAMPLES %d, %d partly covered edge pixels", gl_samples, partial);
  printf("ok: multisample: GLX_SAMPLES %d, GL_SAMPLES %d, %d antialiased edge pixels in the window\n",
         samples, gl_samples, partial);
  glXMakeCurrent(dpy, None, NULL);
  glXDestroyContext(dpy, mc);
  vi = keep;

  /* GLX_ARB_framebuffer_sRGB: mid-grey is encoded (0.5 -> 188) only with GL_FRAMEBUFFER_SRGB on. */
  require_glx_extension(dpy, "GLX_ARB_framebuffer_sRGB");
  require_glx_extension(dpy, "GLX_EXT_framebuffer_sRGB");
  const int srgb_attr[] = {
      GLX_DRAWABLE_TYPE, GLX_WINDOW_BIT, GLX_RED_SIZE, 8, GLX_FRAMEBUFFER_SRGB_CAPABLE_ARB, True,
      GLX_DOUBLEBUFFER,  True,           None};
  XVisualInfo* svi = NULL;
  GLXFBConfig sc = find_config(srgb_attr, &svi);
  if (!sc) die("no sRGB-capable window config");
  vi = svi;
  Window sw = new_window(64, 64, "srgb");
  GLXContext sctx = glXCreateNewContext(dpy, sc, GLX_RGBA_TYPE, NULL, True);
  make_current(sw, sctx);
  GLint capable = 0;
  glGetIntegerv(GL_FRAMEBUFFER_SRGB_CAPABLE_EXT, &capable);
  glEnable(GL_FRAMEBUFFER_SRGB);
  clear_to(0.5f, 0.5f, 0.5f);
  glDisable(GL_FRAMEBUFFER_SRGB);
  glEnable(GL_SCISSOR_TEST);
  glScissor(0, 0, 32, 64);
  clear_to(0.5f, 0.5f, 0.5f); /* left half: not encoded */
  glDisable(GL_SCISSOR_TEST);
  glXSwapBuffers(dpy, sw);
  expect_x_pixel(dpy, sw, vi->visual, 48, 32, (struct rgb){188, 188, 188}, 1,
                 "sRGB encoding on: 0.5 shows as 188");
  expect_x_pixel(dpy, sw, vi->visual, 16, 32, (struct rgb){128, 128, 128}, 1,
                 "sRGB encoding off: 0.5 shows as 128");
  glXMakeCurrent(dpy, None, NULL);
  glXDestroyContext(dpy, sctx);
  vi = keep;

  /* GLX_EXT_visual_info / GLX_EXT_visual_rating */
  require_glx_extension(dpy, "GLX_EXT_visual_info");
  require_glx_extension(dpy, "GLX_EXT_visual_rating");
  int va[] = {GLX_RGBA,
              GLX_DOUBLEBUFFER,
              GLX_X_VISUAL_TYPE_EXT,
              GLX_TRUE_COLOR_EXT,
              GLX_VISUAL_CAVEAT_EXT,
              GLX_NONE_EXT,
              None};
  XVisualInfo* cv = glXChooseVisual(dpy, DefaultScreen(dpy), va);
  if (!cv || cv->class != TrueColor) die("glXChooseVisual(GLX_X_VISUAL_TYPE_EXT = TrueColor)");
  int type = 0, caveat = -1, transparent = -1;
  glXGetConfig(dpy, cv, GLX_X_VISUAL_TYPE_EXT, &type);
  glXGetConfig(dpy, cv, GLX_VISUAL_CAVEAT_EXT, &caveat);
  glXGetConfig(dpy, cv, GLX_TRANSPARENT_TYPE_EXT, &transparent);
  if (type != GLX_TRUE_COLOR_EXT || caveat != GLX_NONE_EXT || transparent != GLX_NONE_EXT)
    die("visual attributes: type 0x%x caveat 0x%x transparent 0x%x", type, caveat, transparent);
  int dc[] = {GLX_RGBA, GLX_X_VISUAL_TYPE_EXT, GLX_DIRECT_COLOR_EXT, None};
  XVisualInfo* none = glXChooseVisual(dpy, DefaultScreen(dpy), dc);
  if (none && none->class != DirectColor) die("asked for DirectColor, got class %d", none->class);
  ok("GLX_X_VISUAL_TYPE_EXT, GLX_VISUAL_CAVEAT_EXT, GLX_TRANSPARENT_TYPE_EXT answered and matched");
  XFree(cv);

  check_float_configs();
}

/* ---- drawables: GLX pixmaps synchronised with the X pixmap, pbuffers keep their contents ---- */
static void group_drawables(void) {
  Window win = new_window(64, 64, "drawables");
  GLXContext ctx = new_context(NULL);
  /* GLX_FBCONFIG_ID of a plain X window made current: the first config of the window's visual (as
   * Mesa), even when the context was made from another config of that visual. */
  {
    int n = 0;
    GLXFBConfig* all = glXGetFBConfigs(dpy, DefaultScreen(dpy), &n);
    int first = -1, other = -1;
    for (int i = 0; i < n; ++i) {
      int vid = 0, samples = 0;
      glXGetFBConfigAttrib(dpy, all[i], GLX_VISUAL_ID, &vid);
      glXGetFBConfigAttrib(dpy, all[i], GLX_SAMPLES, &samples);
      if (vid != (int)vi->visualid) continue;
      if (first < 0)
        first = i;
      else if (samples == 0)
        other = i; /* single-sampled: the check below reads the back buffer */
    }
    if (first < 0) die("no FBConfig has the window's visual 0x%lx", vi->visualid);
    int want = 0;
    glXGetFBConfigAttrib(dpy, all[first], GLX_FBCONFIG_ID, &want);
    GLXContext c2 = glXCreateNewContext(dpy, all[other >= 0 ? other : first], GLX_RGBA_TYPE, NULL, True);
    Window plain = new_window(32, 32, "fbconfig-id");
    if (!c2 || !glXMakeCurrent(dpy, plain, c2)) die("context on a plain window");
    unsigned int got = 0;
    glXQueryDrawable(dpy, plain, GLX_FBCONFIG_ID, &got);
    if ((int)got != want)
      die("GLX_FBCONFIG_ID of a plain window is 0x%x, expected its visual's first config 0x%x", got, want);
    clear_to(0, 1, 0);
    expect_gl_pixel(3, 3, GREEN, 0, "plain window renders with the context's config");
    printf("ok: GLX_FBCONFIG_ID of a plain window: 0x%x (context config differs: %s)\n", got,
           other >= 0 ? "yes" : "no");
    glXMakeCurrent(dpy, None, NULL);
    glXDestroyContext(dpy, c2);
    XDestroyWindow(dpy, plain);
    XFree(all);
  }
  Pixmap pm = XCreatePixmap(dpy, win, 64, 64, (unsigned)vi->depth);
  GLXPixmap gpm = glXCreatePixmap(dpy, cfg, pm, NULL);
  make_current(gpm, ctx);
  clear_to(1, 0, 1);
  glEnable(GL_SCISSOR_TEST);
  glScissor(0, 0, 16, 16); /* GL's bottom-left = the pixmap's bottom-left */
  clear_to(1, 1, 1);
  glDisable(GL_SCISSOR_TEST);
  glFinish();
  expect_x_pixel(dpy, pm, vi->visual, 40, 10, (struct rgb){255, 0, 255}, 0,
                 "GLX pixmap after glFinish: XGetImage sees GL's clear");
  expect_x_pixel(dpy, pm, vi->visual, 5, 58, WHITE, 0,
                 "GLX pixmap: GL's bottom-left is the pixmap's bottom-left");
  GC gc = XCreateGC(dpy, win, 0, NULL);
  XCopyArea(dpy, pm, win, gc, 0, 0, 64, 64, 0, 0);
  expect_x_pixel(dpy, win, vi->visual, 40, 10, (struct rgb){255, 0, 255}, 0,
                 "XCopyArea of the GLX pixmap into a window");
  clear_to(0, 1, 1);
  glXWaitGL();
  expect_x_pixel(dpy, pm, vi->visual, 30, 30, (struct rgb){0, 255, 255}, 0, "GLX pixmap after glXWaitGL");
  /* X draws into the pixmap, GL reads it back? GL's copy is not refreshed from X (as with direct
   * rendering drivers, X and GL rendering to a pixmap must be synchronised by the application). */

  /* Legacy GLX 1.2 pixmap. */
  Pixmap pm2 = XCreatePixmap(dpy, win, 32, 32, (unsigned)vi->depth);
  GLXPixmap lpm = glXCreateGLXPixmap(dpy, vi, pm2);
  if (!glXMakeCurrent(dpy, lpm, ctx)) die("glXMakeCurrent on a glXCreateGLXPixmap pixmap");
  clear_to(1, 1, 0);
  glFlush();
  expect_x_pixel(dpy, pm2, vi->visual, 3, 3, (struct rgb){255, 255, 0}, 0, "legacy GLX pixmap after glFlush");

  /* Pbuffer: contents survive making another drawable current. */
  const int pa[] = {GLX_PBUFFER_WIDTH, 40, GLX_PBUFFER_HEIGHT, 30, GLX_PRESERVED_CONTENTS, True, None};
  GLXPbuffer pb = glXCreatePbuffer(dpy, cfg, pa);
  unsigned int w = 0, h = 0, preserved = 0;
  glXQueryDrawable(dpy, pb, GLX_WIDTH, &w);
  glXQueryDrawable(dpy, pb, GLX_HEIGHT, &h);
  glXQueryDrawable(dpy, pb, GLX_PRESERVED_CONTENTS, &preserved);
  if (w != 40 || h != 30 || !preserved) die("pbuffer %ux%u preserved %u", w, h, preserved);
  make_current(pb, ctx);
  clear_to(0, 1, 0);
  make_current(win, ctx);
  clear_to(0, 0, 0);
  glXSwapBuffers(dpy, win);
  make_current(pb, ctx);
  expect_gl_pixel(20, 15, GREEN, 0, "pbuffer keeps its contents across make-current");
  glXMakeCurrent(dpy, None, NULL);
  glXDestroyPbuffer(dpy, pb);
  glXDestroyGLXPixmap(dpy, lpm);
  glXDestroyPixmap(dpy, gpm);
  XFreePixmap(dpy, pm);
  XFreePixmap(dpy, pm2);
  XFreeGC(dpy, gc);
  glXDestroyContext(dpy, ctx);
}

/* ---- xfont: glXUseXFont display lists draw the X font's glyphs ---- */
static void group_xfont(void) {
  Window win = new_window(64, 32, "xfont");
  GLXContext ctx = new_context(NULL);
  make_current(win, ctx);
  XFontStruct* font = XLoadQueryFont(dpy, "fixed");
  if (!font) die("the X font \"fixed\" is missing");
  GLuint base = glGenLists(128);
  glXUseXFont(font->fid, 0, 128, (int)base);
  check_gl("glXUseXFont");
  if (!glIsList(base + 'M')) die("glXUseXFont made no list for 'M'");
  clear_to(0, 0, 0);
  glMatrixMode(GL_PROJECTION);
  glLoadIdentity();
  glOrtho(0, 64, 0, 32, -1, 1);
  glMatrixMode(GL_MODELVIEW);
  glLoadIdentity();
  glColor3f(1, 1, 1);
  glRasterPos2i(4, 10);
  glListBase(base);
  glCallLists(3, GL_UNSIGNED_BYTE, "MWM");
  glXSwapBuffers(dpy, win);
  glFinish();
  int lit_left = 0, lit_right = 0;
  for (int i = 0; i < 100 && lit_left == 0; ++i) {
    usleep(i ? 50000 : 0);
    /* One XGetImage per look: pixel by pixel, a frame arriving mid-scan was counted in part. */
    XImage* img = XGetImage(dpy, win, 0, 0, 64, 32, AllPlanes, ZPixmap);
    if (!img) die("XGetImage of the xfont window failed");
    for (int y = 0; y < 32; ++y)
      for (int x = 0; x < 64; ++x)
        if (mask_value(XGetPixel(img, x, y), vi->visual->red_mask) > 128) (x < 40 ? ++lit_left : ++lit_right);
    XDestroyImage(img);
  }
  /* "MWM" in the 6x13 "fixed" font spans about 18 pixels from x = 4. */
  if (lit_left < 20 || lit_right != 0)
    die("glyphs: %d lit pixels where the text is, %d elsewhere", lit_left, lit_right);
  printf("ok: glXUseXFont: \"MWM\" drawn with %d lit pixels, none outside the text\n", lit_left);
  glXMakeCurrent(dpy, None, NULL);
  glXDestroyContext(dpy, ctx);
  XFreeFont(dpy, font);
}

int main(int argc, char** argv) {
  if (argc < 2) die("usage: %s errors|contexts|threads|attribs|es|swap|configs|drawables|xfont", argv[0]);
  const char* group = argv[1];
  if (!XInitThreads()) die("XInitThreads");
  opts = parse_options(1, argv, "glx_features", 1);
  dpy = open_display_with_glx();
  cfg = choose_config(dpy, 1, &vi);
  if (!strcmp(group, "errors"))
    group_errors();
  else if (!strcmp(group, "contexts"))
    group_contexts();
  else if (!strcmp(group, "threads"))
    group_threads();
  else if (!strcmp(group, "attribs"))
    group_attribs();
  else if (!strcmp(group, "es"))
    group_es();
  else if (!strcmp(group, "swap"))
    group_swap();
  else if (!strcmp(group, "configs"))
    group_configs();
  else if (!strcmp(group, "drawables"))
    group_drawables();
  else if (!strcmp(group, "xfont"))
    group_xfont();
  else
    die("unknown group %s", group);
  XCloseDisplay(dpy);
  printf("PASS %s\n", group);
  return 0;
}
