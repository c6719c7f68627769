/* glx_readpixels: checks GL's default-framebuffer semantics on a double-buffered GLX window,
 * all from inside the program with glReadPixels (no capture needed):
 *   - GL_DOUBLEBUFFER, GL_DRAW_BUFFER/GL_READ_BUFFER == GL_BACK, framebuffer bindings == 0,
 *     attachment object type GL_FRAMEBUFFER_DEFAULT, framebuffer status complete;
 *   - what is drawn into the back buffer reads back exactly from the window (FBO 0);
 *   - a user FBO can be bound and drawn, and glBindFramebuffer(GL_FRAMEBUFFER, 0) returns to the
 *     window with its content untouched;
 *   - after glXSwapBuffers the front buffer holds the swapped frame, and front-buffer drawing
 *     (glDrawBuffer(GL_FRONT)) reads back from GL_FRONT (the read of the swapped frame from
 *     GL_FRONT is skipped with --skip-front: Mesa's own software GLX (drisw) reads it as black,
 *     see docs/testing.md);
 *   - after the window is resized (and one frame swapped), the back buffer has the new size.
 * Prints one "ok"/"FAIL" line per check; exits 1 if any failed. */
#include "common.h"

#ifndef GL_FRAMEBUFFER
#define GL_FRAMEBUFFER 0x8D40
#define GL_RENDERBUFFER 0x8D41
#define GL_READ_FRAMEBUFFER 0x8CA8
#define GL_DRAW_FRAMEBUFFER 0x8CA9
#define GL_DRAW_FRAMEBUFFER_BINDING 0x8CA6
#define GL_READ_FRAMEBUFFER_BINDING 0x8CAA
#define GL_COLOR_ATTACHMENT0 0x8CE0
#define GL_FRAMEBUFFER_COMPLETE 0x8CD5
#define GL_FRAMEBUFFER_ATTACHMENT_OBJECT_TYPE 0x8CD0
#define GL_FRAMEBUFFER_DEFAULT 0x8218
#endif

typedef void (*PFN_GenFramebuffers)(GLsizei, GLuint*);
typedef void (*PFN_BindFramebuffer)(GLenum, GLuint);
typedef void (*PFN_GenRenderbuffers)(GLsizei, GLuint*);
typedef void (*PFN_BindRenderbuffer)(GLenum, GLuint);
typedef void (*PFN_RenderbufferStorage)(GLenum, GLenum, GLsizei, GLsizei);
typedef void (*PFN_FramebufferRenderbuffer)(GLenum, GLenum, GLenum, GLuint);
typedef GLenum (*PFN_CheckFramebufferStatus)(GLenum);
typedef void (*PFN_GetFramebufferAttachmentParameteriv)(GLenum, GLenum, GLenum, GLint*);
typedef void (*PFN_DeleteFramebuffers)(GLsizei, const GLuint*);
typedef void (*PFN_DeleteRenderbuffers)(GLsizei, const GLuint*);

/* Reads one pixel as RGBA8 and compares it to (r,g,b) exactly. */
static void expect_pixel(int x, int y, int r, int g, int b, const char* what) {
  unsigned char px[4] = {1, 2, 3, 4};
  glPixelStorei(GL_PACK_ALIGNMENT, 1);
  glReadPixels(x, y, 1, 1, GL_RGBA, GL_UNSIGNED_BYTE, px);
  GLenum e = glGetError();
  check(e == GL_NO_ERROR && px[0] == r && px[1] == g && px[2] == b,
        "%s: pixel (%d,%d) = %d,%d,%d (GL error 0x%x), expected %d,%d,%d", what, x, y, px[0], px[1], px[2], e,
        r, g, b);
}

static void draw_reference_picture(int w, int h) {
  /* Left half green, right half red, via scissored clears (exact values, no rasterisation rules). */
  glViewport(0, 0, w, h);
  glDisable(GL_SCISSOR_TEST);
  glClearColor(1.0f, 0.0f, 0.0f, 1.0f);
  glClear(GL_COLOR_BUFFER_BIT | GL_DEPTH_BUFFER_BIT);
  glEnable(GL_SCISSOR_TEST);
  glScissor(0, 0, w / 2, h);
  glClearColor(0.0f, 1.0f, 0.0f, 1.0f);
  glClear(GL_COLOR_BUFFER_BIT);
  glDisable(GL_SCISSOR_TEST);
}

int main(int argc, char** argv) {
  struct options o = parse_options(argc, argv, "glx_readpixels", 1);
  Display* dpy = open_display_with_glx();
  XVisualInfo* vi = NULL;
  GLXFBConfig cfg = choose_config(dpy, True, &vi);
  Window win = create_window(dpy, vi, &o);
  GLXWindow glxwin = glXCreateWindow(dpy, cfg, win, NULL);
  GLXContext ctx = glXCreateNewContext(dpy, cfg, GLX_RGBA_TYPE, NULL, True);
  if (!glxwin || !ctx) die("glXCreateWindow/glXCreateNewContext failed");
  if (!glXMakeContextCurrent(dpy, glxwin, glxwin, ctx)) die("glXMakeContextCurrent failed");

  PFN_GenFramebuffers GenFramebuffers = (PFN_GenFramebuffers)gl_proc("glGenFramebuffers");
  PFN_BindFramebuffer BindFramebuffer = (PFN_BindFramebuffer)gl_proc("glBindFramebuffer");
  PFN_GenRenderbuffers GenRenderbuffers = (PFN_GenRenderbuffers)gl_proc("glGenRenderbuffers");
  PFN_BindRenderbuffer BindRenderbuffer = (PFN_BindRenderbuffer)gl_proc("glBindRenderbuffer");
  PFN_RenderbufferStorage RenderbufferStorage = (PFN_RenderbufferStorage)gl_proc("glRenderbufferStorage");
  PFN_FramebufferRenderbuffer FramebufferRenderbuffer =
      (PFN_FramebufferRenderbuffer)gl_proc("glFramebufferRenderbuffer");
  PFN_CheckFramebufferStatus CheckFramebufferStatus =
      (PFN_CheckFramebufferStatus)gl_proc("glCheckFramebufferStatus");
  PFN_GetFramebufferAttachmentParameteriv GetFramebufferAttachmentParameteriv =
      (PFN_GetFramebufferAttachmentParameteriv)gl_proc("glGetFramebufferAttachmentParameteriv");
  PFN_DeleteFramebuffers DeleteFramebuffers = (PFN_DeleteFramebuffers)gl_proc("glDeleteFramebuffers");
  PFN_DeleteRenderbuffers DeleteRenderbuffers = (PFN_DeleteRenderbuffers)gl_proc("glDeleteRenderbuffers");

  const int w = o.width, h = o.height;
  const int lx = w / 4, rx = 3 * w / 4, cy = h / 2;

  /* Default-framebuffer state as the application sees it. */
  check(get_int(GL_DOUBLEBUFFER) == GL_TRUE, "GL_DOUBLEBUFFER is GL_TRUE");
  check(get_int(GL_DRAW_BUFFER) == GL_BACK, "GL_DRAW_BUFFER is GL_BACK (0x%x)", get_int(GL_DRAW_BUFFER));
  check(get_int(GL_READ_BUFFER) == GL_BACK, "GL_READ_BUFFER is GL_BACK (0x%x)", get_int(GL_READ_BUFFER));
  check(get_int(GL_DRAW_FRAMEBUFFER_BINDING) == 0, "GL_DRAW_FRAMEBUFFER_BINDING is 0 (%d)",
        get_int(GL_DRAW_FRAMEBUFFER_BINDING));
  check(get_int(GL_READ_FRAMEBUFFER_BINDING) == 0, "GL_READ_FRAMEBUFFER_BINDING is 0 (%d)",
        get_int(GL_READ_FRAMEBUFFER_BINDING));
  check(CheckFramebufferStatus(GL_FRAMEBUFFER) == GL_FRAMEBUFFER_COMPLETE, "default framebuffer is complete");
  GLint type = -1;
  GetFramebufferAttachmentParameteriv(GL_FRAMEBUFFER, GL_BACK_LEFT, GL_FRAMEBUFFER_ATTACHMENT_OBJECT_TYPE,
                                      &type);
  check(type == GL_FRAMEBUFFER_DEFAULT, "GL_BACK_LEFT attachment type is GL_FRAMEBUFFER_DEFAULT (0x%x)",
        type);
  type = -1;
  GetFramebufferAttachmentParameteriv(GL_FRAMEBUFFER, GL_DEPTH, GL_FRAMEBUFFER_ATTACHMENT_OBJECT_TYPE, &type);
  check(type == GL_FRAMEBUFFER_DEFAULT, "GL_DEPTH attachment type is GL_FRAMEBUFFER_DEFAULT (0x%x)", type);
  GLint viewport[4] = {0, 0, 0, 0};
  glGetIntegerv(GL_VIEWPORT, viewport);
  check(viewport[2] == w && viewport[3] == h, "initial viewport is the window size (%dx%d)", viewport[2],
        viewport[3]);
  check(glGetError() == GL_NO_ERROR, "no GL error after state queries");

  /* Back buffer: draw, read back from FBO 0. */
  draw_reference_picture(w, h);
  expect_pixel(lx, cy, 0, 255, 0, "back buffer, left half");
  expect_pixel(rx, cy, 255, 0, 0, "back buffer, right half");
  glReadBuffer(GL_BACK);
  expect_pixel(0, 0, 0, 255, 0, "glReadBuffer(GL_BACK), corner (0,0)");
  expect_pixel(w - 1, h - 1, 255, 0, 0, "glReadBuffer(GL_BACK), corner (w-1,h-1)");

  /* A user FBO, then back to the window with glBindFramebuffer(GL_FRAMEBUFFER, 0). */
  GLuint fbo = 0, rb = 0;
  GenFramebuffers(1, &fbo);
  GenRenderbuffers(1, &rb);
  BindRenderbuffer(GL_RENDERBUFFER, rb);
  RenderbufferStorage(GL_RENDERBUFFER, GL_RGBA8, 32, 32);
  BindFramebuffer(GL_FRAMEBUFFER, fbo);
  FramebufferRenderbuffer(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_RENDERBUFFER, rb);
  check(CheckFramebufferStatus(GL_FRAMEBUFFER) == GL_FRAMEBUFFER_COMPLETE, "user FBO is complete");
  check(get_int(GL_DRAW_FRAMEBUFFER_BINDING) == (GLint)fbo, "GL_DRAW_FRAMEBUFFER_BINDING is the user FBO");
  glViewport(0, 0, 32, 32);
  glClearColor(0.0f, 0.0f, 1.0f, 1.0f);
  glClear(GL_COLOR_BUFFER_BIT);
  expect_pixel(5, 5, 0, 0, 255, "user FBO");
  BindFramebuffer(GL_FRAMEBUFFER, 0);
  check(glGetError() == GL_NO_ERROR, "glBindFramebuffer(GL_FRAMEBUFFER, 0) raises no error");
  check(get_int(GL_DRAW_FRAMEBUFFER_BINDING) == 0 && get_int(GL_READ_FRAMEBUFFER_BINDING) == 0,
        "framebuffer bindings are 0 again");
  check(get_int(GL_DRAW_BUFFER) == GL_BACK, "GL_DRAW_BUFFER is GL_BACK again");
  expect_pixel(lx, cy, 0, 255, 0, "window after FBO round trip, left");
  expect_pixel(rx, cy, 255, 0, 0, "window after FBO round trip, right");
  BindFramebuffer(GL_READ_FRAMEBUFFER, fbo);
  BindFramebuffer(GL_DRAW_FRAMEBUFFER, 0);
  expect_pixel(5, 5, 0, 0, 255, "read FBO = user, draw FBO = window");
  BindFramebuffer(GL_READ_FRAMEBUFFER, 0);
  check(get_int(GL_READ_FRAMEBUFFER_BINDING) == 0, "GL_READ_FRAMEBUFFER_BINDING is 0 again");
  DeleteFramebuffers(1, &fbo);
  DeleteRenderbuffers(1, &rb);
  check(glGetError() == GL_NO_ERROR, "no GL error after the FBO round trip");

  /* Swap: the frame goes to the front buffer. */
  glXSwapBuffers(dpy, glxwin);
  glFinish();
  check(get_int(GL_DRAW_BUFFER) == GL_BACK, "GL_DRAW_BUFFER still GL_BACK after swap");
  glReadBuffer(GL_FRONT);
  check(glGetError() == GL_NO_ERROR, "glReadBuffer(GL_FRONT) raises no error");
  if (!o.skip_front) {
    expect_pixel(lx, cy, 0, 255, 0, "front buffer after swap, left");
    expect_pixel(rx, cy, 255, 0, 0, "front buffer after swap, right");
  }
  {
    /* Front-buffer drawing: clear the front to blue and read it back. */
    glDrawBuffer(GL_FRONT);
    check(get_int(GL_DRAW_BUFFER) == GL_FRONT, "GL_DRAW_BUFFER is GL_FRONT after glDrawBuffer(GL_FRONT)");
    glClearColor(0.0f, 0.0f, 1.0f, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    glFlush();
    expect_pixel(lx, cy, 0, 0, 255, "front buffer after glDrawBuffer(GL_FRONT)+clear");
    glDrawBuffer(GL_BACK);
    glReadBuffer(GL_BACK);
    check(glGetError() == GL_NO_ERROR, "no GL error after front-buffer checks");
  }

  /* Resize: the default framebuffer follows the window (as an application sees it: the
   * ConfigureNotify arrives, it sets the viewport, draws and swaps; the next frame has the size). */
  XResizeWindow(dpy, win, (unsigned)(w + 64), (unsigned)(h + 32));
  for (;;) {
    XEvent ev;
    XNextEvent(dpy, &ev);
    if (ev.type == ConfigureNotify && ev.xconfigure.window == win && ev.xconfigure.width == w + 64) break;
  }
  glViewport(0, 0, w + 64, h + 32);
  glClear(GL_COLOR_BUFFER_BIT);
  glXSwapBuffers(dpy, glxwin);
  glClearColor(0.0f, 1.0f, 1.0f, 1.0f);
  glClear(GL_COLOR_BUFFER_BIT);
  expect_pixel(w + 60, h + 28, 0, 255, 255, "back buffer after the window grew");
  check(glGetError() == GL_NO_ERROR, "no GL error after resize");

  if (o.hold > 0) {
    mark_ready(dpy, win, &o);
    double until = now_seconds() + o.hold;
    while (now_seconds() < until) wait_for_event(dpy, until - now_seconds()), XSync(dpy, True);
  }
  glXMakeContextCurrent(dpy, None, None, NULL);
  glXDestroyContext(dpy, ctx);
  glXDestroyWindow(dpy, glxwin);
  XDestroyWindow(dpy, win);
  XFree(vi);
  XCloseDisplay(dpy);
  fprintf(stderr, "%s: %d check(s) failed\n", check_failures ? "FAIL" : "PASS", check_failures);
  return check_failures ? 1 : 0;
}
