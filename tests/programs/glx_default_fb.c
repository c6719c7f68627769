/* glx_default_fb: default-framebuffer semantics that eglrun emulates with FBOs, checked from inside
 * the program (pixels read with glReadPixels, GL errors with glGetError):
 *   - a multisampled window (4 samples, depth + stencil) is resolved for reads, as a multisampled
 *     window framebuffer is: glReadPixels of colour, depth and stencil, glCopyPixels, glCopyTexImage2D,
 *     glCopyTexSubImage2D and glBlitFramebuffer into a single-sampled FBO give no error and the
 *     cleared values;
 *   - glDrawBuffer/glReadBuffer of framebuffer 0 are context state: GL_FRONT chosen on one window
 *     stays chosen when the context is made current on another window;
 *   - two contexts of different share groups drawing to one window share its depth buffer;
 *   - glDrawBuffer(GL_FRONT) compiled into a display list, or called inside glBegin/glEnd, leaves
 *     no error besides the GL_INVALID_OPERATION of the latter.
 * --skip-front skips the read of a front buffer drawn after a window switch (Mesa's drisw reads
 * front buffers back as black, see docs/testing.md).
 * Prints one "ok"/"FAIL" line per check; exits 1 if any failed. */
#include "common.h"

#ifndef GL_FRAMEBUFFER
#define GL_FRAMEBUFFER 0x8D40
#define GL_RENDERBUFFER 0x8D41
#define GL_READ_FRAMEBUFFER 0x8CA8
#define GL_DRAW_FRAMEBUFFER 0x8CA9
#define GL_COLOR_ATTACHMENT0 0x8CE0
#endif

typedef void (*PFN_GenFramebuffers)(GLsizei, GLuint*);
typedef void (*PFN_BindFramebuffer)(GLenum, GLuint);
typedef void (*PFN_GenRenderbuffers)(GLsizei, GLuint*);
typedef void (*PFN_BindRenderbuffer)(GLenum, GLuint);
typedef void (*PFN_RenderbufferStorage)(GLenum, GLenum, GLsizei, GLsizei);
typedef void (*PFN_FramebufferRenderbuffer)(GLenum, GLenum, GLenum, GLuint);
typedef void (*PFN_BlitFramebuffer)(GLint, GLint, GLint, GLint, GLint, GLint, GLint, GLint, GLbitfield,
                                    GLenum);
typedef void (*PFN_WindowPos2i)(GLint, GLint);

static int skip_front = 0; /* --skip-front: Mesa's drisw reads front buffers back as black */

static void expect_no_error(const char* what) {
  GLenum e = glGetError();
  check(e == GL_NO_ERROR, "%s: GL error 0x%x", what, e);
}

static void expect_rgb(int x, int y, int r, int g, int b, const char* what) {
  unsigned char px[4] = {1, 2, 3, 4};
  glPixelStorei(GL_PACK_ALIGNMENT, 1);
  glReadPixels(x, y, 1, 1, GL_RGBA, GL_UNSIGNED_BYTE, px);
  GLenum e = glGetError();
  check(e == GL_NO_ERROR && px[0] == r && px[1] == g && px[2] == b,
        "%s: pixel (%d,%d) = %d,%d,%d (GL error 0x%x), expected %d,%d,%d", what, x, y, px[0], px[1], px[2], e,
        r, g, b);
}

static Window make_window(Display* dpy, XVisualInfo* vi, int w, int h) {
  XSetWindowAttributes swa = {0};
  swa.colormap = XCreateColormap(dpy, RootWindow(dpy, vi->screen), vi->visual, AllocNone);
  swa.border_pixel = 0;
  Window win = XCreateWindow(dpy, RootWindow(dpy, vi->screen), 0, 0, (unsigned)w, (unsigned)h, 0, vi->depth,
                             InputOutput, vi->visual, CWColormap | CWBorderPixel, &swa);
  XMapWindow(dpy, win);
  XSync(dpy, False);
  return win;
}

static GLXFBConfig choose(Display* dpy, const int* attrs) {
  int n = 0;
  GLXFBConfig* configs = glXChooseFBConfig(dpy, DefaultScreen(dpy), attrs, &n);
  if (!configs || n == 0) return NULL;
  GLXFBConfig c = configs[0];
  XFree(configs);
  return c;
}

static void check_multisampled(Display* dpy) {
  static const int attrs[] = {GLX_RENDER_TYPE,
                              GLX_RGBA_BIT,
                              GLX_DRAWABLE_TYPE,
                              GLX_WINDOW_BIT,
                              GLX_DOUBLEBUFFER,
                              True,
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
                              GLX_SAMPLE_BUFFERS,
                              1,
                              GLX_SAMPLES,
                              4,
                              None};
  GLXFBConfig cfg = choose(dpy, attrs);
  check(cfg != NULL, "a double-buffered 4-sample RGB8 config with depth and stencil exists");
  if (!cfg) return;
  XVisualInfo* vi = glXGetVisualFromFBConfig(dpy, cfg);
  if (!vi) die("no visual for the multisampled config");
  const int w = 64, h = 64;
  Window win = make_window(dpy, vi, w, h);
  GLXContext ctx = glXCreateNewContext(dpy, cfg, GLX_RGBA_TYPE, NULL, True);
  if (!ctx || !glXMakeCurrent(dpy, win, ctx)) die("cannot make the multisampled context current");
  check(get_int(GL_SAMPLE_BUFFERS) == 1 && get_int(GL_SAMPLES) >= 2, "GL_SAMPLE_BUFFERS 1, GL_SAMPLES %d",
        get_int(GL_SAMPLES));

  glViewport(0, 0, w, h);
  glClearColor(0.0f, 1.0f, 0.0f, 1.0f);
  glClearDepth(0.25);
  glClearStencil(5);
  glClear(GL_COLOR_BUFFER_BIT | GL_DEPTH_BUFFER_BIT | GL_STENCIL_BUFFER_BIT);
  expect_no_error("clear of the multisampled window");
  expect_rgb(10, 10, 0, 255, 0, "glReadPixels colour of a multisampled window");

  GLfloat depth = -1.0f;
  glReadPixels(3, 3, 1, 1, GL_DEPTH_COMPONENT, GL_FLOAT, &depth);
  GLenum e = glGetError();
  check(e == GL_NO_ERROR && depth > 0.24f && depth < 0.26f,
        "glReadPixels depth = %f (GL error 0x%x), expected 0.25", depth, e);
  GLubyte stencil = 0;
  glReadPixels(3, 3, 1, 1, GL_STENCIL_INDEX, GL_UNSIGNED_BYTE, &stencil);
  e = glGetError();
  check(e == GL_NO_ERROR && stencil == 5, "glReadPixels stencil = %d (GL error 0x%x), expected 5", stencil,
        e);

  /* glCopyPixels: the blue lower-left quarter copied to the upper right. */
  glEnable(GL_SCISSOR_TEST);
  glScissor(0, 0, 16, 16);
  glClearColor(0.0f, 0.0f, 1.0f, 1.0f);
  glClear(GL_COLOR_BUFFER_BIT);
  glDisable(GL_SCISSOR_TEST);
  ((PFN_WindowPos2i)gl_proc("glWindowPos2i"))(40, 40);
  glCopyPixels(0, 0, 16, 16, GL_COLOR);
  expect_no_error("glCopyPixels within a multisampled window");
  expect_rgb(45, 45, 0, 0, 255, "the copied pixels");
  expect_rgb(30, 30, 0, 255, 0, "a pixel outside the copy");

  /* glCopyTexImage2D / glCopyTexSubImage2D, read back with glGetTexImage. */
  GLuint tex = 0;
  glGenTextures(1, &tex);
  glBindTexture(GL_TEXTURE_2D, tex);
  glCopyTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, 0, 0, 32, 32, 0);
  expect_no_error("glCopyTexImage2D from a multisampled window");
  glCopyTexSubImage2D(GL_TEXTURE_2D, 0, 16, 16, 40, 40, 16, 16);
  expect_no_error("glCopyTexSubImage2D from a multisampled window");
  static unsigned char texels[32 * 32 * 4];
  glPixelStorei(GL_PACK_ALIGNMENT, 1);
  glGetTexImage(GL_TEXTURE_2D, 0, GL_RGBA, GL_UNSIGNED_BYTE, texels);
  const unsigned char *t0 = texels + (2 * 32 + 2) * 4, *t1 = texels + (20 * 32 + 2) * 4,
                      *t2 = texels + (20 * 32 + 20) * 4;
  check(t0[2] == 255 && t0[1] == 0 && t1[1] == 255 && t1[2] == 0 && t2[2] == 255 && t2[1] == 0,
        "texture copied from the window: blue %d,%d,%d, green %d,%d,%d, blue %d,%d,%d", t0[0], t0[1], t0[2],
        t1[0], t1[1], t1[2], t2[0], t2[1], t2[2]);
  glDeleteTextures(1, &tex);

  /* glBlitFramebuffer into a single-sampled FBO. */
  PFN_GenFramebuffers gen_fb = (PFN_GenFramebuffers)gl_proc("glGenFramebuffers");
  PFN_BindFramebuffer bind_fb = (PFN_BindFramebuffer)gl_proc("glBindFramebuffer");
  PFN_GenRenderbuffers gen_rb = (PFN_GenRenderbuffers)gl_proc("glGenRenderbuffers");
  PFN_BindRenderbuffer bind_rb = (PFN_BindRenderbuffer)gl_proc("glBindRenderbuffer");
  PFN_RenderbufferStorage rb_storage = (PFN_RenderbufferStorage)gl_proc("glRenderbufferStorage");
  PFN_FramebufferRenderbuffer fb_rb = (PFN_FramebufferRenderbuffer)gl_proc("glFramebufferRenderbuffer");
  PFN_BlitFramebuffer blit = (PFN_BlitFramebuffer)gl_proc("glBlitFramebuffer");
  GLuint fbo = 0, rb = 0;
  gen_fb(1, &fbo);
  gen_rb(1, &rb);
  bind_rb(GL_RENDERBUFFER, rb);
  rb_storage(GL_RENDERBUFFER, GL_RGBA8, w, h);
  bind_fb(GL_DRAW_FRAMEBUFFER, fbo);
  fb_rb(GL_DRAW_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_RENDERBUFFER, rb);
  blit(0, 0, w, h, 0, 0, w, h, GL_COLOR_BUFFER_BIT, GL_NEAREST);
  expect_no_error("glBlitFramebuffer from a multisampled window to a single-sampled FBO");
  bind_fb(GL_READ_FRAMEBUFFER, fbo);
  expect_rgb(5, 5, 0, 0, 255, "blitted FBO, lower left");
  expect_rgb(30, 30, 0, 255, 0, "blitted FBO, middle");
  bind_fb(GL_FRAMEBUFFER, 0);
  check(get_int(GL_READ_FRAMEBUFFER_BINDING) == 0 && get_int(GL_DRAW_FRAMEBUFFER_BINDING) == 0,
        "framebuffer bindings are 0 after the reads");
  expect_rgb(45, 45, 0, 0, 255, "the window after the blit");

  glXMakeCurrent(dpy, None, NULL);
  glXDestroyContext(dpy, ctx);
  XDestroyWindow(dpy, win);
  XFree(vi);
}

static void check_context_state(Display* dpy) {
  static const int attrs[] = {GLX_RENDER_TYPE,
                              GLX_RGBA_BIT,
                              GLX_DRAWABLE_TYPE,
                              GLX_WINDOW_BIT,
                              GLX_DOUBLEBUFFER,
                              True,
                              GLX_RED_SIZE,
                              8,
                              GLX_GREEN_SIZE,
                              8,
                              GLX_BLUE_SIZE,
                              8,
                              None};
  GLXFBConfig cfg = choose(dpy, attrs);
  if (!cfg) die("no double-buffered RGB8 config");
  XVisualInfo* vi = glXGetVisualFromFBConfig(dpy, cfg);
  if (!vi) die("no visual for the double-buffered config");
  Window win1 = make_window(dpy, vi, 32, 32), win2 = make_window(dpy, vi, 32, 32),
         win3 = make_window(dpy, vi, 32, 32);
  GLXContext ctx = glXCreateNewContext(dpy, cfg, GLX_RGBA_TYPE, NULL, True);
  if (!ctx || !glXMakeCurrent(dpy, win1, ctx)) die("cannot make the context current");
  glDrawBuffer(GL_FRONT);
  glReadBuffer(GL_FRONT);
  expect_no_error("glDrawBuffer/glReadBuffer(GL_FRONT)");
  if (!glXMakeCurrent(dpy, win2, ctx)) die("cannot make the context current on the second window");
  check(get_int(GL_DRAW_BUFFER) == GL_FRONT, "GL_DRAW_BUFFER on the second window: 0x%x, expected GL_FRONT",
        get_int(GL_DRAW_BUFFER));
  /* The read buffer is the drawable's own (as with Mesa's GLX). */
  check(get_int(GL_READ_BUFFER) == GL_BACK, "GL_READ_BUFFER on the second window: 0x%x, expected GL_BACK",
        get_int(GL_READ_BUFFER));
  glDisable(GL_SCISSOR_TEST);
  glClearColor(1.0f, 0.0f, 0.0f, 1.0f);
  glClear(GL_COLOR_BUFFER_BIT);
  glFinish();
  glReadBuffer(GL_FRONT);
  if (!skip_front) expect_rgb(4, 4, 255, 0, 0, "second window, front buffer as drawn");
  glReadBuffer(GL_BACK);
  glClearColor(0.0f, 1.0f, 0.0f, 1.0f);
  glDrawBuffer(GL_BACK);
  glClear(GL_COLOR_BUFFER_BIT);
  expect_rgb(4, 4, 0, 255, 0, "second window, back buffer");
  glXMakeCurrent(dpy, None, NULL);
  if (!glXMakeCurrent(dpy, win1, ctx)) die("cannot make the context current on the first window again");
  check(get_int(GL_DRAW_BUFFER) == GL_BACK,
        "back on the first window after release: draw 0x%x, expected GL_BACK", get_int(GL_DRAW_BUFFER));
  glClearColor(1.0f, 1.0f, 0.0f, 1.0f);
  glClear(GL_COLOR_BUFFER_BIT);
  glReadBuffer(GL_BACK);
  expect_rgb(4, 4, 255, 255, 0, "first window, back buffer");
  expect_no_error("switching windows");

  /* A window whose front buffer was never named: naming it while a display list is compiled or
   * inside glBegin/glEnd must not leave errors of its own. */
  if (!glXMakeCurrent(dpy, win3, ctx)) die("cannot make the context current on the third window");
  GLuint list = glGenLists(1);
  glNewList(list, GL_COMPILE);
  glDrawBuffer(GL_FRONT);
  glEndList();
  expect_no_error("glDrawBuffer(GL_FRONT) compiled into a display list");
  check(get_int(GL_DRAW_BUFFER) == GL_BACK, "GL_DRAW_BUFFER after compiling: 0x%x, expected GL_BACK",
        get_int(GL_DRAW_BUFFER));
  glBegin(GL_POINTS);
  glDrawBuffer(GL_FRONT);
  glEnd();
  GLenum e = glGetError();
  check(e == GL_INVALID_OPERATION, "glDrawBuffer inside glBegin/glEnd: 0x%x, expected GL_INVALID_OPERATION",
        e);
  expect_no_error("after glBegin/glEnd");
  glCallList(list);
  expect_no_error("glCallList of the list");
  check(get_int(GL_DRAW_BUFFER) == GL_FRONT, "GL_DRAW_BUFFER after glCallList: 0x%x, expected GL_FRONT",
        get_int(GL_DRAW_BUFFER));
  glDrawBuffer(GL_FRONT);
  glReadBuffer(GL_FRONT);
  glClearColor(0.0f, 0.0f, 1.0f, 1.0f);
  glClear(GL_COLOR_BUFFER_BIT);
  expect_rgb(4, 4, 0, 0, 255, "third window, front buffer");
  glDeleteLists(list, 1);

  /* Depth belongs to the drawable: a second context (own share group) sees what the first cleared. */
  static const int depth_attrs[] = {GLX_RENDER_TYPE,
                                    GLX_RGBA_BIT,
                                    GLX_DRAWABLE_TYPE,
                                    GLX_WINDOW_BIT,
                                    GLX_DOUBLEBUFFER,
                                    True,
                                    GLX_RED_SIZE,
                                    8,
                                    GLX_DEPTH_SIZE,
                                    24,
                                    None};
  GLXFBConfig dcfg = choose(dpy, depth_attrs);
  if (!dcfg) die("no double-buffered config with depth");
  XVisualInfo* dvi = glXGetVisualFromFBConfig(dpy, dcfg);
  if (!dvi) die("no visual for the depth config");
  Window dwin = make_window(dpy, dvi, 32, 32);
  GLXContext a = glXCreateNewContext(dpy, dcfg, GLX_RGBA_TYPE, NULL, True);
  GLXContext b = glXCreateNewContext(dpy, dcfg, GLX_RGBA_TYPE, NULL, True);
  if (!a || !b || !glXMakeCurrent(dpy, dwin, a)) die("cannot make the first depth context current");
  glClearDepth(0.25);
  glClear(GL_DEPTH_BUFFER_BIT);
  glFinish();
  if (!glXMakeCurrent(dpy, dwin, b)) die("cannot make the second depth context current");
  GLfloat depth = -1.0f;
  glReadPixels(2, 2, 1, 1, GL_DEPTH_COMPONENT, GL_FLOAT, &depth);
  GLenum de = glGetError();
  check(de == GL_NO_ERROR && depth > 0.24f && depth < 0.26f,
        "depth seen by a second context = %f (GL error 0x%x), expected 0.25 (cleared by the first)", depth,
        de);
  glXMakeCurrent(dpy, None, NULL);
  glXDestroyContext(dpy, a);
  glXDestroyContext(dpy, b);
  XDestroyWindow(dpy, dwin);
  XFree(dvi);

  glXMakeCurrent(dpy, None, NULL);
  glXDestroyContext(dpy, ctx);
  XDestroyWindow(dpy, win1);
  XDestroyWindow(dpy, win2);
  XDestroyWindow(dpy, win3);
  XFree(vi);
}

int main(int argc, char** argv) {
  skip_front = argc > 1 && strcmp(argv[1], "--skip-front") == 0;
  Display* dpy = XOpenDisplay(NULL);
  if (!dpy) die("cannot open display");
  check_multisampled(dpy);
  check_context_state(dpy);
  XCloseDisplay(dpy);
  if (check_failures) fprintf(stderr, "%d check(s) failed\n", check_failures);
  return check_failures ? 1 : 0;
}
