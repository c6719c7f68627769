/* glx_rgb_alpha: a window whose GLX config has no alpha (8-bit RGB, GLX_ALPHA_SIZE 0) behaves as if
 * it had no alpha channel, whatever eglrun stores underneath (B8G8R8A8 with alpha emulated, or
 * R8G8B8X8). Run on a double-buffered and a single-buffered window, framebuffer 0 bound unless said:
 *   1  GL_ALPHA_BITS 0, GL_FRAMEBUFFER_ATTACHMENT_ALPHA_SIZE of the colour buffer 0
 *   2  a clear with alpha 0 reads back alpha 255 / 1.0 (RGBA ubyte and float, GL_ALPHA)
 *   3  a quad with alpha 0.25, blending off: alpha reads 1.0
 *   4  GL_DST_ALPHA, GL_ONE_MINUS_DST_ALPHA, GL_SRC_ALPHA_SATURATE blending see a destination alpha of
 *      1.0 after frames that wrote alpha 0
 *   5  glColorMask reads back as set (glGetBooleanv, glGetIntegerv, glGetFloatv, glGetDoublev,
 *      glGetBooleani_v, glGetIntegeri_v)
 *   6  glPushAttrib(GL_COLOR_BUFFER_BIT)/glPopAttrib restore the mask (read back and used)
 *   7  a display list that sets glColorMask(1,1,1,1) and draws alpha 0 leaves alpha 1.0 in the window,
 *      and the same list writes alpha 0 into an RGBA8 FBO; a list that ends with glColorMask(1,1,1,0)
 *      leaves that mask (glCallList, glCallLists); one that sets only draw buffer 1's mask leaves 0's;
 *      glPushAttrib/glPopAttrib pairs split between a list and the application
 *   8  a user FBO with a GL_RGBA8 renderbuffer: alpha writes are not masked there (mask set with the FBO
 *      bound, or with 0 bound before binding it; GL_ALPHA_BITS 8 there), masked again in the window
 *   9  glBlitFramebuffer from that FBO (alpha 0.5) into the window: colours arrive, alpha reads 1.0
 *  10  glClearBufferfv(GL_COLOR, 0, {r,g,b,0}): colour, alpha 1.0
 *  11  glDrawPixels of RGBA data with alpha 0, glCopyPixels (also with GL_ALPHA_SCALE 0): alpha 1.0
 *  12  glCopyTexImage2D / glCopyTexSubImage2D (GL_RGBA8) from the window: glGetTexImage alpha 255
 *  13  a masked clear glColorMask(1,0,1,1) leaves green untouched, alpha 1.0
 *  14  double-buffered: after glXSwapBuffers the window (XGetImage) shows the colour, glReadPixels of
 *      GL_FRONT reads alpha 1.0; single-buffered: after glFinish the window shows the colour
 *  15  double-buffered, before any swap: drawing to GL_FRONT (and GL_FRONT_AND_BACK) with alpha 0, the
 *      front buffer reads alpha 1.0 where drawn and where not
 *  16  after a resize to 96x96, a pixel never drawn reads alpha 1.0 (new buffers start opaque)
 *  17  a second context on the window, with GL's default clear colour (alpha 0) and colour mask
 *  18  one context made current in turn on an RGBA8 and an RGB8 GLXWindow: alpha only where it exists
 *      (GLXWindows: Mesa's GLX gives a plain X window the config of the context made current on it)
 *  19  a list compiled in one context (glColorMask(1,1,1,1), draw alpha 0, glColorMask(0,1,1,0)) and
 *      called in another of its share group: alpha 1.0, and the mask the list set reads back
 * then a sanity pass on a config WITH alpha (GLX_ALPHA_SIZE 8), where alpha must be stored and read.
 * Runs identically under Mesa's own GLX (integration.reference.rgb_alpha). Mesa's drisw reads a
 * double-buffered window's front buffer back as black (docs/testing.md), so check 14 only looks at the
 * front buffer's alpha, which is 1.0 there too.
 * Prints one "ok"/"FAIL" line per check; exits 1 if any failed. */
#include "glx_check.h"

#define SIZE 64

static PFNGLGETFRAMEBUFFERATTACHMENTPARAMETERIVPROC fb_attachment_param;
static PFNGLGENFRAMEBUFFERSPROC gen_framebuffers;
static PFNGLDELETEFRAMEBUFFERSPROC delete_framebuffers;
static PFNGLBINDFRAMEBUFFERPROC bind_framebuffer;
static PFNGLCHECKFRAMEBUFFERSTATUSPROC check_framebuffer_status;
static PFNGLGENRENDERBUFFERSPROC gen_renderbuffers;
static PFNGLDELETERENDERBUFFERSPROC delete_renderbuffers;
static PFNGLBINDRENDERBUFFERPROC bind_renderbuffer;
static PFNGLRENDERBUFFERSTORAGEPROC renderbuffer_storage;
static PFNGLFRAMEBUFFERRENDERBUFFERPROC framebuffer_renderbuffer;
static PFNGLBLITFRAMEBUFFERPROC blit_framebuffer;
static PFNGLCLEARBUFFERFVPROC clear_bufferfv;
static PFNGLCLEARNAMEDFRAMEBUFFERFVPROC clear_named_fv; /* NULL below GL 4.5 */
static PFNGLWINDOWPOS2IPROC window_pos2i;
static PFNGLGETBOOLEANI_VPROC get_booleani_v; /* NULL below GL 3.0 */
static PFNGLGETINTEGERI_VPROC get_integeri_v;
static PFNGLCOLORMASKIPROC color_maski; /* NULL below GL 3.0 */

static void load_entry_points(void) {
  fb_attachment_param =
      (PFNGLGETFRAMEBUFFERATTACHMENTPARAMETERIVPROC)gl_proc("glGetFramebufferAttachmentParameteriv");
  gen_framebuffers = (PFNGLGENFRAMEBUFFERSPROC)gl_proc("glGenFramebuffers");
  delete_framebuffers = (PFNGLDELETEFRAMEBUFFERSPROC)gl_proc("glDeleteFramebuffers");
  bind_framebuffer = (PFNGLBINDFRAMEBUFFERPROC)gl_proc("glBindFramebuffer");
  check_framebuffer_status = (PFNGLCHECKFRAMEBUFFERSTATUSPROC)gl_proc("glCheckFramebufferStatus");
  gen_renderbuffers = (PFNGLGENRENDERBUFFERSPROC)gl_proc("glGenRenderbuffers");
  delete_renderbuffers = (PFNGLDELETERENDERBUFFERSPROC)gl_proc("glDeleteRenderbuffers");
  bind_renderbuffer = (PFNGLBINDRENDERBUFFERPROC)gl_proc("glBindRenderbuffer");
  renderbuffer_storage = (PFNGLRENDERBUFFERSTORAGEPROC)gl_proc("glRenderbufferStorage");
  framebuffer_renderbuffer = (PFNGLFRAMEBUFFERRENDERBUFFERPROC)gl_proc("glFramebufferRenderbuffer");
  blit_framebuffer = (PFNGLBLITFRAMEBUFFERPROC)gl_proc("glBlitFramebuffer");
  clear_bufferfv = (PFNGLCLEARBUFFERFVPROC)gl_proc("glClearBufferfv");
  window_pos2i = (PFNGLWINDOWPOS2IPROC)gl_proc("glWindowPos2i");
  int major = 0;
  const char* version = (const char*)glGetString(GL_VERSION);
  if (version) major = atoi(version);
  get_booleani_v = major >= 3 ? (PFNGLGETBOOLEANI_VPROC)gl_proc("glGetBooleani_v") : NULL;
  get_integeri_v = major >= 3 ? (PFNGLGETINTEGERI_VPROC)gl_proc("glGetIntegeri_v") : NULL;
  color_maski = major >= 3 ? (PFNGLCOLORMASKIPROC)gl_proc("glColorMaski") : NULL;
  const int minor = version && strchr(version, '.') ? atoi(strchr(version, '.') + 1) : 0;
  clear_named_fv = major > 4 || (major == 4 && minor >= 5)
                       ? (PFNGLCLEARNAMEDFRAMEBUFFERFVPROC)gl_proc("glClearNamedFramebufferfv")
                       : NULL;
}

static void expect_no_error(const char* what) {
  GLenum e = glGetError();
  if (e != GL_NO_ERROR) check(0, "%s: GL error 0x%x", what, e);
}

static void rect(int x0, int y0, int x1, int y1, float r, float g, float b, float a) {
  glColor4f(r, g, b, a);
  glRectf((float)x0, (float)y0, (float)x1, (float)y1);
}

static void clear_rgba(float r, float g, float b, float a) {
  glClearColor(r, g, b, a);
  glClear(GL_COLOR_BUFFER_BIT);
}

static int near8(int got, int want, int tol) { return abs(got - want) <= tol; }

/* glReadPixels RGBA/UNSIGNED_BYTE at (x, y) against r,g,b,a (each ±tol; a < 0: alpha not checked). */
static int pixel_is(int x, int y, int r, int g, int b, int a, int tol, char* got, size_t got_size) {
  unsigned char px[4] = {1, 2, 3, 4};
  glPixelStorei(GL_PACK_ALIGNMENT, 1);
  glReadPixels(x, y, 1, 1, GL_RGBA, GL_UNSIGNED_BYTE, px);
  GLenum e = glGetError();
  snprintf(got, got_size, "%d,%d,%d,%d%s", px[0], px[1], px[2], px[3], e ? " (GL error)" : "");
  return e == GL_NO_ERROR && near8(px[0], r, tol) && near8(px[1], g, tol) && near8(px[2], b, tol) &&
         (a < 0 || near8(px[3], a, tol));
}

static void expect_pixel(int x, int y, int r, int g, int b, int a, const char* what) {
  char got[64];
  int ok = pixel_is(x, y, r, g, b, a, 1, got, sizeof got);
  check(ok, "%s: (%d,%d) = %s, expected %d,%d,%d,%d", what, x, y, got, r, g, b, a);
}

static float alpha_float(int x, int y) {
  float px[4] = {-1, -1, -1, -1};
  glReadPixels(x, y, 1, 1, GL_RGBA, GL_FLOAT, px);
  return px[3];
}

static void expect_alpha_one(int x, int y, const char* what) {
  const float a = alpha_float(x, y);
  check(a == 1.0f && glGetError() == GL_NO_ERROR, "%s: float alpha at (%d,%d) = %g, expected 1", what, x, y,
        (double)a);
}

/* The colour mask as every getter reports it, against the 4 values set. */
static void expect_mask(const GLboolean want[4], const char* what) {
  GLboolean b[4] = {9, 9, 9, 9}, bi[4] = {9, 9, 9, 9};
  GLint i[4] = {9, 9, 9, 9}, ii[4] = {9, 9, 9, 9};
  GLfloat f[4] = {9, 9, 9, 9};
  GLdouble d[4] = {9, 9, 9, 9};
  glGetBooleanv(GL_COLOR_WRITEMASK, b);
  glGetIntegerv(GL_COLOR_WRITEMASK, i);
  glGetFloatv(GL_COLOR_WRITEMASK, f);
  glGetDoublev(GL_COLOR_WRITEMASK, d);
  if (get_booleani_v) get_booleani_v(GL_COLOR_WRITEMASK, 0, bi);
  if (get_integeri_v) get_integeri_v(GL_COLOR_WRITEMASK, 0, ii);
  int ok = glGetError() == GL_NO_ERROR;
  for (int k = 0; k < 4; ++k) {
    const int w = want[k] ? 1 : 0;
    ok = ok && (b[k] ? 1 : 0) == w && b[k] <= 1 && i[k] == w && f[k] == (float)w && d[k] == (double)w;
    if (get_booleani_v) ok = ok && bi[k] == (GLboolean)w;
    if (get_integeri_v) ok = ok && ii[k] == w;
  }
  check(ok,
        "%s: GL_COLOR_WRITEMASK %d%d%d%d: boolean %d%d%d%d integer %d%d%d%d float %g%g%g%g double "
        "%g%g%g%g%s booleani %d%d%d%d integeri %d%d%d%d",
        what, want[0], want[1], want[2], want[3], b[0], b[1], b[2], b[3], i[0], i[1], i[2], i[3],
        (double)f[0], (double)f[1], (double)f[2], (double)f[3], d[0], d[1], d[2], d[3],
        get_booleani_v ? "" : " (no GL 3)", bi[0], bi[1], bi[2], bi[3], ii[0], ii[1], ii[2], ii[3]);
}

static void set_mask(const GLboolean m[4]) { glColorMask(m[0], m[1], m[2], m[3]); }

static const GLboolean all_on[4] = {GL_TRUE, GL_TRUE, GL_TRUE, GL_TRUE};
static const GLboolean rgb_only[4] = {GL_TRUE, GL_TRUE, GL_TRUE, GL_FALSE};

/* A display list that turns every colour write on, fills the window with (r,g,b) and alpha 0, then
 * leaves the mask `after`. */
static GLuint alpha_writing_list(float r, float g, float b, const GLboolean after[4]) {
  GLuint list = glGenLists(1);
  glNewList(list, GL_COMPILE);
  set_mask(all_on);
  rect(0, 0, SIZE, SIZE, r, g, b, 0.0f);
  set_mask(after);
  glEndList();
  return list;
}

/* The server's picture of the window at (x, y), polled up to 5 s (the frame may still be travelling). */
static void expect_window_rgb(Display* dpy, Window win, const Visual* vis, int x, int y, struct rgb want,
                              const char* what) {
  struct rgb got = {0, 0, 0};
  const double deadline = now_seconds() + 5.0;
  for (;;) {
    got = x_pixel(dpy, win, vis, x, SIZE - 1 - y); /* X rows run top-down */
    if (near(got, want, 1) || now_seconds() > deadline) break;
    struct timespec ts = {0, 10 * 1000 * 1000};
    nanosleep(&ts, NULL);
  }
  check(near(got, want, 1), "%s: window (XGetImage) at GL (%d,%d) = %d,%d,%d, expected %d,%d,%d", what, x, y,
        got.r, got.g, got.b, want.r, want.g, want.b);
}

struct fbo {
  GLuint fb, rb;
};

static struct fbo make_rgba8_fbo(void) {
  struct fbo f = {0, 0};
  gen_framebuffers(1, &f.fb);
  gen_renderbuffers(1, &f.rb);
  bind_renderbuffer(GL_RENDERBUFFER, f.rb);
  renderbuffer_storage(GL_RENDERBUFFER, GL_RGBA8, SIZE, SIZE);
  bind_framebuffer(GL_FRAMEBUFFER, f.fb);
  framebuffer_renderbuffer(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_RENDERBUFFER, f.rb);
  GLenum status = check_framebuffer_status(GL_FRAMEBUFFER);
  if (status != GL_FRAMEBUFFER_COMPLETE) die("RGBA8 FBO incomplete: 0x%x", status);
  glDrawBuffer(GL_COLOR_ATTACHMENT0);
  glReadBuffer(GL_COLOR_ATTACHMENT0);
  bind_framebuffer(GL_FRAMEBUFFER, 0);
  return f;
}

static void free_fbo(struct fbo f) {
  delete_framebuffers(1, &f.fb);
  delete_renderbuffers(1, &f.rb);
}

/* Checks 1-14 on the current no-alpha window. */
static void run_no_alpha(Display* dpy, Window win, const Visual* vis, int doublebuffer) {
  const GLenum colour_buffer = doublebuffer ? GL_BACK_LEFT : GL_FRONT_LEFT;
  ortho_pixels(SIZE, SIZE);
  glDisable(GL_DITHER);
  glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
  glPixelStorei(GL_PACK_ALIGNMENT, 1);

  /* 1 */
  GLint attachment_alpha = -1, attachment_red = -1;
  fb_attachment_param(GL_FRAMEBUFFER, colour_buffer, GL_FRAMEBUFFER_ATTACHMENT_ALPHA_SIZE, &attachment_alpha);
  fb_attachment_param(GL_FRAMEBUFFER, colour_buffer, GL_FRAMEBUFFER_ATTACHMENT_RED_SIZE, &attachment_red);
  GLenum e = glGetError();
  check(get_int(GL_ALPHA_BITS) == 0 && get_int(GL_RED_BITS) == 8 && attachment_alpha == 0 &&
            attachment_red == 8 && e == GL_NO_ERROR,
        "1 GL_ALPHA_BITS %d (red %d), %s ALPHA_SIZE %d (red %d), GL error 0x%x; expected 0 (8)",
        get_int(GL_ALPHA_BITS), get_int(GL_RED_BITS), doublebuffer ? "GL_BACK_LEFT" : "GL_FRONT_LEFT",
        attachment_alpha, attachment_red, e);

  /* 15: the front buffer before any swap, drawn with alpha 0 */
  if (doublebuffer) {
    glDrawBuffer(GL_FRONT);
    rect(0, 0, 32, 32, 0.0f, 1.0f, 0.0f, 0.0f);
    glReadBuffer(GL_FRONT);
    unsigned char drawn[4] = {1, 2, 3, 4}, undrawn[4] = {1, 2, 3, 4};
    glReadPixels(16, 16, 1, 1, GL_RGBA, GL_UNSIGNED_BYTE, drawn);
    glReadPixels(48, 48, 1, 1, GL_RGBA, GL_UNSIGNED_BYTE, undrawn);
    check(glGetError() == GL_NO_ERROR && drawn[3] == 255 && undrawn[3] == 255,
          "15 glDrawBuffer(GL_FRONT), draw with alpha 0, read GL_FRONT: %d,%d,%d,%d drawn, %d,%d,%d,%d "
          "undrawn, "
          "expected alpha 255",
          drawn[0], drawn[1], drawn[2], drawn[3], undrawn[0], undrawn[1], undrawn[2], undrawn[3]);
    glDrawBuffer(GL_FRONT_AND_BACK);
    rect(0, 0, 32, 32, 0.0f, 1.0f, 0.0f, 0.0f);
    glDrawBuffer(GL_BACK);
    glReadBuffer(GL_BACK);
    expect_pixel(16, 16, 0, 255, 0, 255,
                 "15 glDrawBuffer(GL_FRONT_AND_BACK), draw with alpha 0, read GL_BACK");
  }

  /* 2 */
  clear_rgba(0.2f, 0.4f, 0.6f, 0.0f);
  expect_pixel(32, 32, 51, 102, 153, 255, "2 clear with alpha 0, RGBA ubyte");
  expect_alpha_one(5, 60, "2 clear with alpha 0");
  unsigned char alpha_only = 7;
  glReadPixels(10, 10, 1, 1, GL_ALPHA, GL_UNSIGNED_BYTE, &alpha_only);
  check(alpha_only == 255 && glGetError() == GL_NO_ERROR,
        "2 clear with alpha 0: GL_ALPHA read %d, expected 255", alpha_only);

  /* 3 */
  rect(8, 8, 56, 56, 1.0f, 0.0f, 0.0f, 0.25f);
  expect_pixel(32, 32, 255, 0, 0, 255, "3 quad with alpha 0.25, blending off");
  expect_alpha_one(32, 32, "3 quad with alpha 0.25");

  /* 4: a frame that writes alpha 0 everywhere, then the blend factors that read destination alpha. */
  clear_rgba(1.0f, 0.0f, 0.0f, 0.0f);
  rect(0, 0, SIZE, SIZE, 1.0f, 0.0f, 0.0f, 0.0f);
  if (doublebuffer) {
    glXSwapBuffers(dpy, win);
    clear_rgba(1.0f, 0.0f, 0.0f, 0.0f);
    rect(0, 0, SIZE, SIZE, 1.0f, 0.0f, 0.0f, 0.0f);
  } else {
    glFlush();
  }
  glEnable(GL_BLEND);
  glBlendFunc(GL_DST_ALPHA, GL_ZERO);
  rect(0, 0, 16, SIZE, 0.0f, 1.0f, 0.0f, 0.5f);
  expect_pixel(8, 32, 0, 255, 0, 255, "4 GL_DST_ALPHA, GL_ZERO keeps the source colour");
  glBlendFunc(GL_ONE_MINUS_DST_ALPHA, GL_ONE);
  rect(0, 0, SIZE, SIZE, 0.0f, 0.0f, 1.0f, 1.0f);
  expect_pixel(8, 32, 0, 255, 0, 255, "4 GL_ONE_MINUS_DST_ALPHA, GL_ONE leaves the destination (green)");
  expect_pixel(40, 32, 255, 0, 0, 255, "4 GL_ONE_MINUS_DST_ALPHA, GL_ONE leaves the destination (red)");
  glBlendFunc(GL_SRC_ALPHA_SATURATE, GL_ONE);
  rect(0, 0, SIZE, SIZE, 0.0f, 0.0f, 1.0f, 1.0f);
  expect_pixel(40, 32, 255, 0, 0, 255, "4 GL_SRC_ALPHA_SATURATE, GL_ONE leaves the destination");
  glBlendFunc(GL_ONE, GL_ONE_MINUS_DST_ALPHA);
  rect(16, 0, 32, SIZE, 0.0f, 0.0f, 1.0f, 0.0f);
  expect_pixel(24, 32, 0, 0, 255, 255, "4 GL_ONE, GL_ONE_MINUS_DST_ALPHA replaces the destination");
  glBlendFunc(GL_ZERO, GL_DST_ALPHA);
  rect(32, 0, 48, SIZE, 0.0f, 1.0f, 1.0f, 0.0f);
  expect_pixel(40, 32, 255, 0, 0, 255, "4 GL_ZERO, GL_DST_ALPHA keeps the destination");
  glDisable(GL_BLEND);
  glBlendFunc(GL_ONE, GL_ZERO);
  expect_alpha_one(40, 32, "4 after blending");
  expect_no_error("4 blending");

  /* 5 */
  static const GLboolean masks[4][4] = {
      {GL_TRUE, GL_TRUE, GL_TRUE, GL_TRUE},
      {GL_TRUE, GL_FALSE, GL_TRUE, GL_TRUE},
      {GL_TRUE, GL_TRUE, GL_TRUE, GL_FALSE},
      {GL_FALSE, GL_FALSE, GL_FALSE, GL_FALSE},
  };
  for (int k = 0; k < 4; ++k) {
    set_mask(masks[k]);
    expect_mask(masks[k], "5 glColorMask");
  }

  /* 6 */
  set_mask(all_on);
  clear_rgba(1.0f, 0.0f, 0.0f, 0.0f);
  glPushAttrib(GL_COLOR_BUFFER_BIT);
  glColorMask(GL_FALSE, GL_FALSE, GL_FALSE, GL_FALSE);
  glPopAttrib();
  expect_mask(all_on, "6 after glPushAttrib, glColorMask(0,0,0,0), glPopAttrib");
  rect(0, 0, SIZE, SIZE, 0.0f, 1.0f, 0.0f, 0.0f);
  expect_pixel(32, 32, 0, 255, 0, 255, "6 a draw after glPopAttrib writes colour, not alpha 0");
  set_mask(masks[1]);
  glPushAttrib(GL_COLOR_BUFFER_BIT);
  set_mask(all_on);
  glPopAttrib();
  expect_mask(masks[1], "6 glPopAttrib back to (1,0,1,1)");
  rect(0, 0, SIZE, SIZE, 1.0f, 1.0f, 1.0f, 0.0f);
  expect_pixel(32, 32, 255, 255, 255, 255, "6 a draw after glPopAttrib to (1,0,1,1) leaves green");
  set_mask(all_on);

  /* 7 */
  struct fbo fbo = make_rgba8_fbo();
  clear_rgba(0.0f, 0.0f, 0.0f, 0.0f);
  GLuint list = glGenLists(1);
  glNewList(list, GL_COMPILE);
  glColorMask(GL_TRUE, GL_TRUE, GL_TRUE, GL_TRUE);
  rect(0, 0, SIZE, SIZE, 0.0f, 0.0f, 1.0f, 0.0f);
  glEndList();
  glColorMask(GL_TRUE, GL_FALSE, GL_FALSE, GL_FALSE);
  glCallList(list);
  expect_pixel(32, 32, 0, 0, 255, 255, "7 glCallList of a list with glColorMask(1,1,1,1) and alpha 0");
  expect_alpha_one(32, 32, "7 glCallList");
  expect_mask(all_on, "7 after glCallList");
  bind_framebuffer(GL_FRAMEBUFFER, fbo.fb);
  glColorMask(GL_TRUE, GL_TRUE, GL_TRUE, GL_TRUE);
  clear_rgba(0.0f, 1.0f, 0.0f, 1.0f);
  glColorMask(GL_TRUE, GL_FALSE, GL_FALSE, GL_FALSE);
  glCallList(list);
  expect_pixel(32, 32, 0, 0, 255, 0, "7 the same list in an RGBA8 FBO writes alpha 0");
  bind_framebuffer(GL_FRAMEBUFFER, 0);
  /* a dst-alpha blend right after the list, no read in between: sees alpha 1.0 */
  set_mask(all_on);
  glCallList(list);
  glEnable(GL_BLEND);
  glBlendFunc(GL_DST_ALPHA, GL_ZERO);
  rect(0, 0, SIZE, SIZE, 1.0f, 1.0f, 0.0f, 1.0f);
  glDisable(GL_BLEND);
  expect_pixel(32, 32, 255, 255, 0, 255, "7 GL_DST_ALPHA blend right after glCallList keeps the source");
  /* a list that calls that list */
  GLuint outer = glGenLists(1);
  glNewList(outer, GL_COMPILE);
  glCallList(list);
  glEndList();
  clear_rgba(0.0f, 0.0f, 0.0f, 0.0f);
  glCallList(outer);
  expect_pixel(32, 32, 0, 0, 255, 255, "7 a list calling that list");
  glDeleteLists(outer, 1);
  glDeleteLists(list, 1);
  /* a list that turns alpha writes on, draws alpha 0 and turns them off again: the mask it leaves is
   * the application's, alpha still reads 1.0 */
  GLuint on_off = alpha_writing_list(1.0f, 0.0f, 0.0f, rgb_only);
  set_mask(all_on);
  glCallList(on_off);
  expect_mask(rgb_only, "7 after a list ending with glColorMask(1,1,1,0)");
  expect_pixel(32, 32, 255, 0, 0, 255, "7 a list that turned alpha writes on and off again");
  set_mask(all_on);
  glCallLists(1, GL_UNSIGNED_INT, &on_off);
  expect_mask(rgb_only, "7 after glCallLists of that list");
  glDeleteLists(on_off, 1);
  set_mask(all_on);
  if (color_maski) {
    /* a list that sets only draw buffer 1's mask leaves buffer 0's as the application set it */
    GLuint other = glGenLists(1);
    glNewList(other, GL_COMPILE);
    color_maski(1, GL_FALSE, GL_FALSE, GL_FALSE, GL_FALSE);
    glEndList();
    glCallList(other);
    expect_mask(all_on, "7 after a list that set only draw buffer 1's mask");
    GLboolean one[4] = {9, 9, 9, 9};
    get_booleani_v(GL_COLOR_WRITEMASK, 1, one);
    check(!one[0] && !one[1] && !one[2] && !one[3] && glGetError() == GL_NO_ERROR,
          "7 draw buffer 1's mask after that list: %d%d%d%d, expected 0000", one[0], one[1], one[2], one[3]);
    rect(0, 0, SIZE, SIZE, 0.0f, 1.0f, 0.0f, 0.0f);
    expect_pixel(32, 32, 0, 255, 0, 255, "7 and a draw after it");
    glDeleteLists(other, 1);
    set_mask(all_on);
  }
  /* glPopAttrib in a list pops the application's glPushAttrib, and the application's glPopAttrib pops
   * a glPushAttrib made in a list */
  const GLuint popper = glGenLists(2), pusher = popper + 1;
  glNewList(popper, GL_COMPILE);
  glPopAttrib();
  glEndList();
  glNewList(pusher, GL_COMPILE);
  glPushAttrib(GL_COLOR_BUFFER_BIT);
  glEndList();
  glPushAttrib(GL_COLOR_BUFFER_BIT);
  set_mask(masks[1]);
  glCallList(popper);
  expect_mask(all_on, "7 after a list's glPopAttrib of the application's glPushAttrib");
  rect(0, 0, SIZE, SIZE, 0.0f, 0.0f, 1.0f, 0.0f);
  expect_pixel(32, 32, 0, 0, 255, 255, "7 a draw after that list's glPopAttrib");
  set_mask(masks[1]);
  glCallList(pusher);
  set_mask(all_on);
  glPopAttrib();
  expect_mask(masks[1], "7 glPopAttrib of a list's glPushAttrib");
  glDeleteLists(popper, 2);
  set_mask(all_on);

  /* 8 (from a cleared window, so that a failure of 7 does not show up here too) */
  clear_rgba(0.0f, 0.0f, 0.0f, 0.0f);
  bind_framebuffer(GL_FRAMEBUFFER, fbo.fb);
  set_mask(all_on);
  check(get_int(GL_ALPHA_BITS) == 8, "8 GL_ALPHA_BITS with the RGBA8 FBO bound = %d, expected 8",
        get_int(GL_ALPHA_BITS));
  expect_mask(all_on, "8 FBO bound");
  clear_rgba(0.0f, 0.0f, 0.0f, 0.5f);
  expect_pixel(32, 32, 0, 0, 0, 128, "8 FBO clear with alpha 0.5");
  rect(0, 0, SIZE, SIZE, 0.0f, 1.0f, 0.0f, 0.25f);
  expect_pixel(32, 32, 0, 255, 0, 64, "8 FBO draw with alpha 0.25");
  bind_framebuffer(GL_FRAMEBUFFER, 0);
  rect(0, 0, SIZE, SIZE, 1.0f, 1.0f, 0.0f, 0.0f);
  expect_pixel(32, 32, 255, 255, 0, 255, "8 window draw with alpha 0 after the FBO");
  expect_mask(all_on, "8 framebuffer 0 bound again");
  bind_framebuffer(GL_FRAMEBUFFER, fbo.fb);
  rect(0, 0, SIZE, SIZE, 0.0f, 0.0f, 1.0f, 0.75f);
  expect_pixel(32, 32, 0, 0, 255, 191, "8 FBO bound again: draw with alpha 0.75");
  bind_framebuffer(GL_FRAMEBUFFER, 0);
  glColorMask(GL_FALSE, GL_FALSE, GL_FALSE, GL_FALSE);
  glColorMask(GL_TRUE, GL_TRUE, GL_TRUE, GL_TRUE); /* set while 0 is bound */
  bind_framebuffer(GL_FRAMEBUFFER, fbo.fb);
  rect(0, 0, SIZE, SIZE, 1.0f, 0.0f, 1.0f, 0.125f);
  expect_pixel(32, 32, 255, 0, 255, 32, "8 mask set with 0 bound, then the FBO: draw with alpha 0.125");
  bind_framebuffer(GL_DRAW_FRAMEBUFFER, 0); /* draw to the window, read from the FBO */
  rect(0, 0, SIZE, SIZE, 0.0f, 1.0f, 1.0f, 0.0f);
  expect_pixel(32, 32, 255, 0, 255, 32, "8 FBO still read-bound, untouched by a window draw");
  bind_framebuffer(GL_READ_FRAMEBUFFER, 0);
  expect_pixel(32, 32, 0, 255, 255, 255, "8 window draw with only GL_DRAW_FRAMEBUFFER 0");
  expect_no_error("8 FBO");

  /* 9 */
  bind_framebuffer(GL_FRAMEBUFFER, fbo.fb);
  clear_rgba(0.8f, 0.6f, 0.4f, 0.5f);
  bind_framebuffer(GL_DRAW_FRAMEBUFFER, 0);
  blit_framebuffer(0, 0, SIZE, SIZE, 0, 0, SIZE, SIZE, GL_COLOR_BUFFER_BIT, GL_NEAREST);
  bind_framebuffer(GL_FRAMEBUFFER, 0);
  expect_pixel(32, 32, 204, 153, 102, 255, "9 glBlitFramebuffer from the FBO (alpha 0.5)");
  expect_alpha_one(32, 32, "9 glBlitFramebuffer");
  expect_no_error("9 blit");
  free_fbo(fbo);

  /* 10 */
  const GLfloat clear_value[4] = {0.4f, 0.2f, 0.8f, 0.0f};
  clear_bufferfv(GL_COLOR, 0, clear_value);
  expect_pixel(32, 32, 102, 51, 204, 255, "10 glClearBufferfv with alpha 0");
  expect_alpha_one(32, 32, "10 glClearBufferfv");
  /* with the application's own mask: green stays */
  const GLboolean no_green[4] = {GL_TRUE, GL_FALSE, GL_TRUE, GL_TRUE};
  set_mask(no_green);
  const GLfloat other_value[4] = {0.0f, 1.0f, 0.0f, 0.0f};
  clear_bufferfv(GL_COLOR, 0, other_value);
  set_mask(all_on);
  expect_pixel(32, 32, 0, 51, 0, 255, "10 glClearBufferfv with glColorMask(1,0,1,1) keeps green");
  expect_mask(all_on, "10 after the masked glClearBufferfv");
  /* framebuffer 0 cleared by name while the application's FBO is bound */
  if (clear_named_fv != NULL) {
    struct fbo named = make_rgba8_fbo();
    bind_framebuffer(GL_FRAMEBUFFER, named.fb);
    const GLfloat named_value[4] = {0.2f, 0.6f, 0.4f, 0.0f};
    clear_named_fv(0, GL_COLOR, 0, named_value);
    bind_framebuffer(GL_FRAMEBUFFER, 0);
    expect_pixel(32, 32, 51, 153, 102, 255, "10 glClearNamedFramebufferfv(0) with alpha 0, an FBO bound");
    expect_alpha_one(32, 32, "10 glClearNamedFramebufferfv(0)");
    free_fbo(named);
  } else {
    fprintf(stderr, "skip [%s] 10 glClearNamedFramebufferfv: GL below 4.5\n", check_tag);
  }
  expect_no_error("10 clears");
  clear_bufferfv(GL_COLOR, 0, clear_value); /* the window as the checks below expect it */

  /* 11 */
  static unsigned char block[16 * 16 * 4];
  for (int k = 0; k < 16 * 16; ++k) {
    block[4 * k + 0] = 10;
    block[4 * k + 1] = 200;
    block[4 * k + 2] = 30;
    block[4 * k + 3] = 0;
  }
  window_pos2i(0, 0);
  glDrawPixels(16, 16, GL_RGBA, GL_UNSIGNED_BYTE, block);
  expect_pixel(8, 8, 10, 200, 30, 255, "11 glDrawPixels of RGBA with alpha 0");
  window_pos2i(32, 32);
  glCopyPixels(0, 0, 16, 16, GL_COLOR);
  expect_pixel(40, 40, 10, 200, 30, 255, "11 glCopyPixels");
  glPixelTransferf(GL_ALPHA_SCALE, 0.0f);
  window_pos2i(32, 0);
  glCopyPixels(0, 0, 16, 16, GL_COLOR);
  glPixelTransferf(GL_ALPHA_SCALE, 1.0f);
  expect_pixel(40, 8, 10, 200, 30, 255, "11 glCopyPixels with GL_ALPHA_SCALE 0");
  expect_alpha_one(40, 8, "11 glCopyPixels with GL_ALPHA_SCALE 0");
  expect_no_error("11 pixels");

  /* 12 */
  GLuint tex = 0;
  glGenTextures(1, &tex);
  glBindTexture(GL_TEXTURE_2D, tex);
  glCopyTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, 0, 0, 32, 32, 0);
  glCopyTexSubImage2D(GL_TEXTURE_2D, 0, 16, 16, 32, 32, 16, 16);
  static unsigned char texels[32 * 32 * 4];
  glGetTexImage(GL_TEXTURE_2D, 0, GL_RGBA, GL_UNSIGNED_BYTE, texels);
  const unsigned char *t0 = texels + (4 * 32 + 4) * 4, *t1 = texels + (20 * 32 + 20) * 4,
                      *t2 = texels + (4 * 32 + 20) * 4;
  check(glGetError() == GL_NO_ERROR && t0[0] == 10 && t0[1] == 200 && t0[2] == 30 && t0[3] == 255 &&
            t1[0] == 10 && t1[1] == 200 && t1[2] == 30 && t1[3] == 255 && t2[0] == 102 && t2[1] == 51 &&
            t2[2] == 204 && t2[3] == 255,
        "12 glCopyTexImage2D/glCopyTexSubImage2D (GL_RGBA8) from the window: texels %d,%d,%d,%d %d,%d,%d,%d "
        "%d,%d,%d,%d, expected alpha 255",
        t0[0], t0[1], t0[2], t0[3], t1[0], t1[1], t1[2], t1[3], t2[0], t2[1], t2[2], t2[3]);
  glBindTexture(GL_TEXTURE_2D, 0);
  glDeleteTextures(1, &tex);

  /* 13 */
  clear_rgba(0.2f, 0.4f, 0.6f, 0.0f);
  glColorMask(GL_TRUE, GL_FALSE, GL_TRUE, GL_TRUE);
  clear_rgba(1.0f, 1.0f, 1.0f, 0.0f);
  set_mask(all_on);
  expect_pixel(32, 32, 255, 102, 255, 255, "13 glColorMask(1,0,1,1) + glClear leaves green");
  expect_alpha_one(32, 32, "13 masked clear");

  /* 14 */
  clear_rgba(0.2f, 0.4f, 0.6f, 0.0f);
  rect(0, 0, 32, 32, 0.8f, 0.2f, 0.4f, 0.0f);
  const struct rgb background = {51, 102, 153}, square = {204, 51, 102};
  if (doublebuffer) {
    glXSwapBuffers(dpy, win);
    expect_window_rgb(dpy, win, vis, 48, 48, background, "14 after glXSwapBuffers");
    expect_window_rgb(dpy, win, vis, 16, 16, square, "14 after glXSwapBuffers");
    glReadBuffer(GL_FRONT);
    unsigned char px[4] = {1, 2, 3, 4};
    glReadPixels(48, 48, 1, 1, GL_RGBA, GL_UNSIGNED_BYTE, px);
    const float a = alpha_float(16, 16);
    check(glGetError() == GL_NO_ERROR && px[3] == 255 && a == 1.0f,
          "14 glReadPixels of GL_FRONT: %d,%d,%d,%d / float alpha %g, expected alpha 255 / 1", px[0], px[1],
          px[2], px[3], (double)a);
    glReadBuffer(GL_BACK);
  } else {
    glFinish();
    expect_window_rgb(dpy, win, vis, 48, 48, background, "14 after glFinish");
    expect_window_rgb(dpy, win, vis, 16, 16, square, "14 after glFinish");
  }
  expect_no_error("14");

  /* 16: a resized window; the new area was never drawn, its alpha must still read 1.0. */
  XResizeWindow(dpy, win, 96, 96);
  XSync(dpy, False);
  for (;;) {
    XEvent ev;
    XNextEvent(dpy, &ev);
    if (ev.type == ConfigureNotify && ev.xconfigure.window == win && ev.xconfigure.width == 96) break;
  }
  glViewport(0, 0, 96, 96);
  if (doublebuffer) glXSwapBuffers(dpy, win);
  glEnable(GL_SCISSOR_TEST);
  glScissor(0, 0, 32, 32);
  clear_rgba(0.0f, 0.0f, 0.0f, 0.0f);
  glDisable(GL_SCISSOR_TEST);
  unsigned char fresh[4] = {1, 2, 3, 4};
  glReadPixels(80, 80, 1, 1, GL_RGBA, GL_UNSIGNED_BYTE, fresh);
  check(glGetError() == GL_NO_ERROR && fresh[3] == 255 && !(fresh[0] == 1 && fresh[1] == 2 && fresh[2] == 3),
        "16 after a resize to 96x96: never-drawn pixel (80,80) reads %d,%d,%d,%d, expected alpha 255",
        fresh[0], fresh[1], fresh[2], fresh[3]);
  expect_pixel(16, 16, 0, 0, 0, 255, "16 after a resize: scissored clear with alpha 0");
  ortho_pixels(SIZE, SIZE);
}

/* 17: a second context on the same window starts with GL's defaults: clear colour (0,0,0,0) and the
 * colour mask (1,1,1,1), never set by the application. */
static void run_second_context(Display* dpy, Window win, GLXFBConfig cfg, GLXContext first) {
  GLXContext ctx = glXCreateNewContext(dpy, cfg, GLX_RGBA_TYPE, NULL, True);
  if (!ctx || !glXMakeCurrent(dpy, win, ctx)) die("[%s] cannot make a second context current", check_tag);
  ortho_pixels(SIZE, SIZE);
  glClear(GL_COLOR_BUFFER_BIT);
  expect_pixel(32, 32, 0, 0, 0, 255, "17 second context: glClear with the default clear colour (alpha 0)");
  expect_mask(all_on, "17 second context: the default mask");
  rect(0, 0, 32, 32, 1.0f, 0.0f, 1.0f, 0.0f);
  expect_pixel(16, 16, 255, 0, 255, 255, "17 second context: draw with alpha 0");
  expect_no_error("17");
  glXMakeCurrent(dpy, win, first);
  glXDestroyContext(dpy, ctx);
  rect(0, 0, 32, 32, 0.0f, 1.0f, 0.0f, 0.0f);
  expect_pixel(16, 16, 0, 255, 0, 255, "17 first context again: draw with alpha 0");
}

/* 19: display lists are shared: a list compiled in one context that sets the colour mask and draws
 * alpha 0, called in another context of its share group, leaves alpha 1.0 and the mask it set. */
static void run_shared_lists(Display* dpy, Window win, GLXFBConfig cfg, GLXContext first) {
  static const GLboolean green_blue[4] = {GL_FALSE, GL_TRUE, GL_TRUE, GL_FALSE};
  GLuint list = alpha_writing_list(0.0f, 1.0f, 1.0f, green_blue);
  GLXContext ctx = glXCreateNewContext(dpy, cfg, GLX_RGBA_TYPE, first, True);
  if (!ctx || !glXMakeCurrent(dpy, win, ctx)) die("[%s] cannot make a sharing context current", check_tag);
  ortho_pixels(SIZE, SIZE);
  glCallList(list);
  expect_mask(green_blue, "19 sharing context: the mask a shared list set");
  expect_pixel(32, 32, 0, 255, 255, 255, "19 sharing context: a shared list drew alpha 0");
  expect_no_error("19");
  glXMakeCurrent(dpy, win, first);
  glXDestroyContext(dpy, ctx);
  glDeleteLists(list, 1);
}

/* The sanity pass on a config with 8 bits of alpha: alpha is stored and read back as written. */
static void run_with_alpha(Display* dpy, Window win, const Visual* vis) {
  ortho_pixels(SIZE, SIZE);
  glDisable(GL_DITHER);
  GLint attachment_alpha = -1;
  fb_attachment_param(GL_FRAMEBUFFER, GL_BACK_LEFT, GL_FRAMEBUFFER_ATTACHMENT_ALPHA_SIZE, &attachment_alpha);
  check(get_int(GL_ALPHA_BITS) == 8 && attachment_alpha == 8 && glGetError() == GL_NO_ERROR,
        "GL_ALPHA_BITS %d, GL_BACK_LEFT ALPHA_SIZE %d, expected 8", get_int(GL_ALPHA_BITS), attachment_alpha);
  clear_rgba(0.2f, 0.4f, 0.6f, 0.5f);
  expect_pixel(32, 32, 51, 102, 153, 128, "clear with alpha 0.5");
  rect(0, 0, 32, SIZE, 1.0f, 1.0f, 1.0f, 0.25f);
  expect_pixel(16, 32, 255, 255, 255, 64, "draw with alpha 0.25");
  glEnable(GL_BLEND);
  glBlendFunc(GL_DST_ALPHA, GL_ZERO);
  rect(0, 0, 32, SIZE, 1.0f, 1.0f, 1.0f, 1.0f);
  glDisable(GL_BLEND);
  glBlendFunc(GL_ONE, GL_ZERO);
  expect_pixel(16, 32, 64, 64, 64, 64, "GL_DST_ALPHA, GL_ZERO blending uses the stored alpha 0.25");
  glColorMask(GL_TRUE, GL_TRUE, GL_TRUE, GL_FALSE);
  clear_rgba(0.0f, 0.0f, 0.0f, 1.0f);
  expect_mask(rgb_only, "glColorMask(1,1,1,0)");
  set_mask(all_on);
  expect_pixel(48, 32, 0, 0, 0, 128, "glColorMask(1,1,1,0) + glClear keeps alpha 0.5");
  const GLfloat clear_value[4] = {0.4f, 0.2f, 0.8f, 0.0f};
  clear_bufferfv(GL_COLOR, 0, clear_value);
  expect_pixel(32, 32, 102, 51, 204, 0, "glClearBufferfv with alpha 0");
  static unsigned char block[16 * 16 * 4];
  for (int k = 0; k < 16 * 16; ++k) {
    block[4 * k + 0] = 10;
    block[4 * k + 1] = 200;
    block[4 * k + 2] = 30;
    block[4 * k + 3] = 0x40;
  }
  window_pos2i(0, 0);
  glDrawPixels(16, 16, GL_RGBA, GL_UNSIGNED_BYTE, block);
  expect_pixel(8, 8, 10, 200, 30, 0x40, "glDrawPixels of alpha 0x40");
  glXSwapBuffers(dpy, win);
  const struct rgb background = {102, 51, 204}, square = {10, 200, 30};
  expect_window_rgb(dpy, win, vis, 48, 48, background, "after glXSwapBuffers");
  expect_window_rgb(dpy, win, vis, 8, 8, square, "after glXSwapBuffers");
  expect_no_error("config with alpha");
}

/* An RGBA window config with exactly 8-bit RGB and `alpha` bits of alpha whose visual is usable. */
static GLXFBConfig find_config(Display* dpy, int doublebuffer, int alpha, XVisualInfo** vi_out) {
  const int attribs[] = {GLX_X_RENDERABLE,
                         True,
                         GLX_DRAWABLE_TYPE,
                         GLX_WINDOW_BIT,
                         GLX_RENDER_TYPE,
                         GLX_RGBA_BIT,
                         GLX_RED_SIZE,
                         8,
                         GLX_GREEN_SIZE,
                         8,
                         GLX_BLUE_SIZE,
                         8,
                         GLX_ALPHA_SIZE,
                         alpha,
                         GLX_DOUBLEBUFFER,
                         doublebuffer,
                         None};
  int n = 0;
  GLXFBConfig* configs = glXChooseFBConfig(dpy, DefaultScreen(dpy), attribs, &n);
  for (int i = 0; i < n; ++i) {
    int r = -1, g = -1, b = -1, a = -1, db = -1, sb = -1;
    glXGetFBConfigAttrib(dpy, configs[i], GLX_RED_SIZE, &r);
    glXGetFBConfigAttrib(dpy, configs[i], GLX_GREEN_SIZE, &g);
    glXGetFBConfigAttrib(dpy, configs[i], GLX_BLUE_SIZE, &b);
    glXGetFBConfigAttrib(dpy, configs[i], GLX_ALPHA_SIZE, &a);
    glXGetFBConfigAttrib(dpy, configs[i], GLX_DOUBLEBUFFER, &db);
    glXGetFBConfigAttrib(dpy, configs[i], GLX_SAMPLE_BUFFERS, &sb);
    if (r != 8 || g != 8 || b != 8 || a != alpha || db != doublebuffer || sb != 0) continue;
    XVisualInfo* vi = glXGetVisualFromFBConfig(dpy, configs[i]);
    if (!vi) continue;
    /* The visual's own answer must agree (glXGetConfig, the GLX 1.2 view of the same config). */
    int vi_alpha = -1, vi_rgba = 0;
    if (glXGetConfig(dpy, vi, GLX_ALPHA_SIZE, &vi_alpha) || glXGetConfig(dpy, vi, GLX_RGBA, &vi_rgba) ||
        vi_alpha != alpha || !vi_rgba) {
      XFree(vi);
      continue;
    }
    GLXFBConfig c = configs[i];
    XFree(configs);
    *vi_out = vi;
    return c;
  }
  if (configs) XFree(configs);
  return NULL;
}

static void run_window(Display* dpy, int doublebuffer, int alpha) {
  XVisualInfo* vi = NULL;
  GLXFBConfig cfg = find_config(dpy, doublebuffer, alpha, &vi);
  if (!cfg) {
    if (alpha) {
      fprintf(stderr, "skip [%s] no double-buffered RGBA8 window config (GLX_ALPHA_SIZE 8) offered\n",
              check_tag);
      return;
    }
    check(0, "a %s-buffered RGB8 window config with GLX_ALPHA_SIZE 0 exists",
          doublebuffer ? "double" : "single");
    return;
  }
  int id = 0;
  glXGetFBConfigAttrib(dpy, cfg, GLX_FBCONFIG_ID, &id);
  fprintf(stderr, "     [%s] FBConfig 0x%x, visual 0x%lx depth %d\n", check_tag, id, vi->visualid, vi->depth);
  struct options o = {1, SIZE, SIZE, 0.0, "glx_rgb_alpha", 0};
  Window win = create_window(dpy, vi, &o);
  GLXContext ctx = glXCreateNewContext(dpy, cfg, GLX_RGBA_TYPE, NULL, True);
  if (!ctx || !glXMakeCurrent(dpy, win, ctx)) die("[%s] cannot make a context current", check_tag);
  if (!fb_attachment_param) load_entry_points();
  if (alpha) {
    run_with_alpha(dpy, win, vi->visual);
  } else {
    run_no_alpha(dpy, win, vi->visual, doublebuffer);
    run_second_context(dpy, win, cfg, ctx);
    run_shared_lists(dpy, win, cfg, ctx);
  }
  glXMakeCurrent(dpy, None, NULL);
  glXDestroyContext(dpy, ctx);
  XDestroyWindow(dpy, win);
  XFree(vi);
}

/* 18: one context (of the alpha config) made current on an alpha GLXWindow and on a no-alpha GLXWindow
 * of the same visual depth in turn: alpha is kept only where the drawable has it. GLXWindows, because
 * Mesa's GLX gives a plain X window the config of the context made current on it. */
static void run_moving_context(Display* dpy) {
  XVisualInfo *vi_rgb = NULL, *vi_rgba = NULL;
  GLXFBConfig rgb = find_config(dpy, 1, 0, &vi_rgb), rgba = find_config(dpy, 1, 8, &vi_rgba);
  if (!rgb || !rgba || vi_rgb->depth != vi_rgba->depth) {
    fprintf(stderr, "skip [%s] no pair of double-buffered RGB8 / RGBA8 window configs of one depth\n",
            check_tag);
    return;
  }
  struct options o = {1, SIZE, SIZE, 0.0, "glx_rgb_alpha", 0};
  Window x_rgb = create_window(dpy, vi_rgb, &o), x_rgba = create_window(dpy, vi_rgba, &o);
  GLXWindow win_rgb = glXCreateWindow(dpy, rgb, x_rgb, NULL),
            win_rgba = glXCreateWindow(dpy, rgba, x_rgba, NULL);
  GLXContext ctx = glXCreateNewContext(dpy, rgba, GLX_RGBA_TYPE, NULL, True);
  if (!ctx || !glXMakeContextCurrent(dpy, win_rgba, win_rgba, ctx))
    die("[%s] cannot make a context current", check_tag);
  ortho_pixels(SIZE, SIZE);
  glDisable(GL_DITHER);
  clear_rgba(0.0f, 0.0f, 1.0f, 0.5f);
  expect_pixel(32, 32, 0, 0, 255, 128, "18 alpha window: clear with alpha 0.5");
  if (!glXMakeContextCurrent(dpy, win_rgb, win_rgb, ctx))
    die("[%s] cannot make the context current on the RGB window", check_tag);
  check(get_int(GL_ALPHA_BITS) == 0, "18 RGB window: GL_ALPHA_BITS %d, expected 0", get_int(GL_ALPHA_BITS));
  clear_rgba(0.0f, 1.0f, 0.0f, 0.5f);
  rect(0, 0, 32, 32, 1.0f, 0.0f, 0.0f, 0.25f);
  expect_pixel(48, 48, 0, 255, 0, 255, "18 RGB window: clear with alpha 0.5");
  expect_pixel(16, 16, 255, 0, 0, 255, "18 RGB window: draw with alpha 0.25");
  expect_mask(all_on, "18 RGB window");
  if (!glXMakeContextCurrent(dpy, win_rgba, win_rgba, ctx))
    die("[%s] cannot make the context current again", check_tag);
  check(get_int(GL_ALPHA_BITS) == 8, "18 alpha window again: GL_ALPHA_BITS %d, expected 8",
        get_int(GL_ALPHA_BITS));
  clear_rgba(0.0f, 0.0f, 1.0f, 0.5f);
  expect_pixel(32, 32, 0, 0, 255, 128, "18 alpha window again: clear with alpha 0.5");
  rect(0, 0, 32, 32, 1.0f, 1.0f, 0.0f, 0.25f);
  expect_pixel(16, 16, 255, 255, 0, 64, "18 alpha window again: draw with alpha 0.25");
  expect_no_error("18");
  glXMakeContextCurrent(dpy, None, None, NULL);
  glXDestroyContext(dpy, ctx);
  glXDestroyWindow(dpy, win_rgb);
  glXDestroyWindow(dpy, win_rgba);
  XDestroyWindow(dpy, x_rgb);
  XDestroyWindow(dpy, x_rgba);
  XFree(vi_rgb);
  XFree(vi_rgba);
}

int main(int argc, char** argv) {
  if (argc != 1) {
    fprintf(stderr, "usage: %s\n", argv[0]);
    return 2;
  }
  Display* dpy = open_display_with_glx();
  check_tag = "rgb, double-buffered";
  run_window(dpy, 1, 0);
  check_tag = "rgb, single-buffered";
  run_window(dpy, 0, 0);
  check_tag = "rgba, double-buffered";
  run_window(dpy, 1, 8);
  check_tag = "one context, two windows";
  run_moving_context(dpy);
  XCloseDisplay(dpy);
  if (check_failures) fprintf(stderr, "%d check(s) failed\n", check_failures);
  return check_failures ? 1 : 0;
}
