/* glx_preserve_back: the back buffer keeps its contents across glXSwapBuffers (as Mesa's own GLX
 * does), whatever the first call after the swap is. eglrun defers that copy to the first call that
 * needs it and skips it when the frame starts with a full glClear (docs/performance.md), so each
 * frame here starts with a different kind of call and draws one cell of a 4x4 grid WITHOUT clearing;
 * after each swap the window (read with XGetImage) must show every cell drawn so far:
 *   glBegin/glEnd, scissored glClear, glCallList (a list of glRectf), glDrawArrays, glDrawElements,
 *   glDrawPixels, scissored glClearBufferfv, glBitmap, a colour-masked full glClear;
 * then glReadPixels of GL_BACK right after a swap reads the previous frame, and a full clear
 * replaces everything.
 *   glx_preserve_back             the checks above; exits 1 on any failure
 *   glx_preserve_back --count N   N frames that each start with a full clear, then one without a clear
 *                                 (for the preserve counter: eglrun must copy once and skip N-1) */
#define GL_GLEXT_PROTOTYPES 1
#include "common.h"

#define GRID 4
#define CELL 16
#define SIZE (GRID * CELL)

static int failures = 0;
static unsigned expected[GRID][GRID]; /* 0xRRGGBB per cell; row 0 is the bottom row (GL) */

static void cell_rect(int cx, int cy, int* x, int* y) {
  *x = cx * CELL;
  *y = cy * CELL;
}

static void color3(unsigned rgb) { glColor3ub((GLubyte)(rgb >> 16), (GLubyte)(rgb >> 8), (GLubyte)rgb); }

static void fill_expected(unsigned rgb) {
  for (int y = 0; y < GRID; ++y)
    for (int x = 0; x < GRID; ++x) expected[y][x] = rgb;
}

/* Polls the window until every cell centre shows the expected colour (the frame may still be on its
 * way to the X server), or 5 s pass. */
static void expect_window(Display* dpy, Window win, const char* what) {
  const double deadline = now_seconds() + 5.0;
  int bad_x = -1, bad_y = -1;
  unsigned got = 0;
  for (;;) {
    XImage* img = XGetImage(dpy, win, 0, 0, SIZE, SIZE, AllPlanes, ZPixmap);
    if (img == NULL) die("XGetImage failed");
    bad_x = -1;
    for (int y = 0; y < GRID && bad_x < 0; ++y)
      for (int x = 0; x < GRID; ++x) {
        /* X rows run top-down: GL row y is X row SIZE-1-y. */
        got = (unsigned)XGetPixel(img, x * CELL + CELL / 2, SIZE - 1 - (y * CELL + CELL / 2)) & 0xffffffu;
        if (got != expected[y][x]) {
          bad_x = x, bad_y = y;
          break;
        }
      }
    XDestroyImage(img);
    if (bad_x < 0) break;
    if (now_seconds() > deadline) break;
    struct timespec ts = {0, 10 * 1000 * 1000};
    nanosleep(&ts, NULL);
  }
  if (bad_x < 0) {
    fprintf(stderr, "ok   %s\n", what);
  } else {
    fprintf(stderr, "FAIL %s: window cell (%d,%d) is %06x, expected %06x\n", what, bad_x, bad_y, got,
            expected[bad_y][bad_x]);
    ++failures;
  }
}

static void swap_and_check(Display* dpy, Window win, const char* what) {
  glXSwapBuffers(dpy, win);
  check_gl(what);
  expect_window(dpy, win, what);
}

static void scissored_clear(int cx, int cy, unsigned rgb) {
  int x, y;
  cell_rect(cx, cy, &x, &y);
  glEnable(GL_SCISSOR_TEST);
  glScissor(x, y, CELL, CELL);
  glClearColor((float)(rgb >> 16) / 255.0f, (float)((rgb >> 8) & 255) / 255.0f, (float)(rgb & 255) / 255.0f,
               1.0f);
  glClear(GL_COLOR_BUFFER_BIT);
  glDisable(GL_SCISSOR_TEST);
  expected[cy][cx] = rgb;
}

static int run_count(Display* dpy, Window win, int frames) {
  /* glxgears-like: every frame starts with a full clear of colour and depth. */
  ortho_pixels(SIZE, SIZE);
  for (int i = 0; i < frames; ++i) {
    glClearColor(0.0f, 0.0f, (float)(i % 2), 1.0f);
    glClear(GL_COLOR_BUFFER_BIT | GL_DEPTH_BUFFER_BIT);
    color3(0x00ff00);
    glRectf(0, 0, CELL, CELL);
    glXSwapBuffers(dpy, win);
  }
  /* One frame that only adds to the last one: the back buffer must be the previous frame. */
  color3(0xff0000);
  glRectf(CELL, 0, 2 * CELL, CELL);
  glXSwapBuffers(dpy, win);
  check_gl("count frames");
  fprintf(stderr, "ok   %d cleared frames and one drawn over the previous frame\n", frames);
  return 0;
}

int main(int argc, char** argv) {
  int count = -1;
  if (argc == 3 && !strcmp(argv[1], "--count")) {
    count = atoi(argv[2]);
  } else if (argc != 1) {
    fprintf(stderr, "usage: %s [--count N]\n", argv[0]);
    return 2;
  }
  struct options o = {1, SIZE, SIZE, 0.0, "glx_preserve_back", 0};
  Display* dpy = open_display_with_glx();
  XVisualInfo* vi = NULL;
  GLXFBConfig cfg = choose_config(dpy, 1, &vi);
  Window win = create_window(dpy, vi, &o);
  GLXContext ctx = glXCreateNewContext(dpy, cfg, GLX_RGBA_TYPE, NULL, True);
  if (!ctx || !glXMakeCurrent(dpy, win, ctx)) die("cannot make a context current");
  if (count >= 0) return run_count(dpy, win, count);

  /* A list compiled before any swap: it draws a yellow rectangle in cell (2,0) when called. */
  GLuint list = glGenLists(1);
  glNewList(list, GL_COMPILE);
  color3(0xffff00);
  glRectf(2 * CELL, 0, 3 * CELL, CELL);
  glEndList();
  ortho_pixels(SIZE, SIZE);
  glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
  glPixelStorei(GL_PACK_ALIGNMENT, 1);

  /* Frame 1: the only full clear until the end. */
  glClearColor(1.0f, 0.0f, 0.0f, 1.0f);
  glClear(GL_COLOR_BUFFER_BIT | GL_DEPTH_BUFFER_BIT);
  fill_expected(0xff0000);
  swap_and_check(dpy, win, "full clear");

  color3(0x00ff00);
  glBegin(GL_QUADS);
  glVertex2i(0, 0), glVertex2i(CELL, 0), glVertex2i(CELL, CELL), glVertex2i(0, CELL);
  glEnd();
  expected[0][0] = 0x00ff00;
  swap_and_check(dpy, win, "glBegin/glEnd after a swap keeps the rest");

  scissored_clear(1, 0, 0x0000ff);
  swap_and_check(dpy, win, "scissored glClear after a swap keeps the rest");

  glCallList(list);
  expected[0][2] = 0xffff00;
  swap_and_check(dpy, win, "glCallList after a swap keeps the rest");

  static const GLint quad[] = {3 * CELL, 0, 4 * CELL, 0, 4 * CELL, CELL, 3 * CELL, CELL};
  glEnableClientState(GL_VERTEX_ARRAY);
  glVertexPointer(2, GL_INT, 0, quad);
  color3(0xff00ff);
  glDrawArrays(GL_TRIANGLE_FAN, 0, 4);
  expected[0][3] = 0xff00ff;
  swap_and_check(dpy, win, "glDrawArrays after a swap keeps the rest");

  static const GLint quad2[] = {0, CELL, CELL, CELL, CELL, 2 * CELL, 0, 2 * CELL};
  static const GLubyte indices[] = {0, 1, 2, 0, 2, 3};
  glVertexPointer(2, GL_INT, 0, quad2);
  color3(0x00ffff);
  glDrawElements(GL_TRIANGLES, 6, GL_UNSIGNED_BYTE, indices);
  glDisableClientState(GL_VERTEX_ARRAY);
  expected[1][0] = 0x00ffff;
  swap_and_check(dpy, win, "glDrawElements after a swap keeps the rest");

  static unsigned char white[CELL * CELL * 3];
  memset(white, 255, sizeof white);
  glRasterPos2i(CELL, CELL);
  glDrawPixels(CELL, CELL, GL_RGB, GL_UNSIGNED_BYTE, white);
  expected[1][1] = 0xffffff;
  swap_and_check(dpy, win, "glDrawPixels after a swap keeps the rest");

  const GLfloat grey[4] = {0.5f, 0.5f, 0.5f, 1.0f};
  glEnable(GL_SCISSOR_TEST);
  glScissor(2 * CELL, CELL, CELL, CELL);
  glClearBufferfv(GL_COLOR, 0, grey);
  glDisable(GL_SCISSOR_TEST);
  expected[1][2] = 0x808080;
  swap_and_check(dpy, win, "scissored glClearBufferfv after a swap keeps the rest");

  static GLubyte ones[CELL * CELL / 8];
  memset(ones, 0xff, sizeof ones);
  color3(0x00ff00);
  glRasterPos2i(3 * CELL, CELL);
  glBitmap(CELL, CELL, 0, 0, 0, 0, ones);
  expected[1][3] = 0x00ff00;
  swap_and_check(dpy, win, "glBitmap after a swap keeps the rest");

  /* A full clear that writes only green: the other channels come from the previous frame. */
  glColorMask(GL_FALSE, GL_TRUE, GL_FALSE, GL_TRUE);
  glClearColor(0.0f, 0.0f, 0.0f, 1.0f);
  glClear(GL_COLOR_BUFFER_BIT);
  glColorMask(GL_TRUE, GL_TRUE, GL_TRUE, GL_TRUE);
  for (int y = 0; y < GRID; ++y)
    for (int x = 0; x < GRID; ++x) expected[y][x] &= 0xff00ffu;
  swap_and_check(dpy, win, "colour-masked full glClear after a swap keeps the other channels");

  /* Reading the back buffer right after a swap: the frame just shown. */
  glReadBuffer(GL_BACK);
  int read_bad = 0;
  for (int y = 0; y < GRID; ++y)
    for (int x = 0; x < GRID; ++x) {
      unsigned char px[4] = {1, 2, 3, 4};
      glReadPixels(x * CELL + CELL / 2, y * CELL + CELL / 2, 1, 1, GL_RGBA, GL_UNSIGNED_BYTE, px);
      const unsigned got = (unsigned)px[0] << 16 | (unsigned)px[1] << 8 | px[2];
      if (got != expected[y][x] && !read_bad++)
        fprintf(stderr, "FAIL glReadPixels(GL_BACK) after a swap: cell (%d,%d) is %06x, expected %06x\n", x,
                y, got, expected[y][x]);
    }
  check_gl("glReadPixels");
  if (read_bad)
    ++failures;
  else
    fprintf(stderr, "ok   glReadPixels(GL_BACK) right after a swap reads the previous frame\n");

  /* And a frame that starts with a full clear shows only what it draws. */
  glClearColor(0.0f, 0.0f, 1.0f, 1.0f);
  glClear(GL_COLOR_BUFFER_BIT | GL_DEPTH_BUFFER_BIT);
  fill_expected(0x0000ff);
  scissored_clear(3, 3, 0xffffff);
  swap_and_check(dpy, win, "full glClear after a swap replaces everything");

  glXMakeCurrent(dpy, None, NULL);
  glXDestroyContext(dpy, ctx);
  XDestroyWindow(dpy, win);
  XCloseDisplay(dpy);
  if (failures) fprintf(stderr, "%d check(s) failed\n", failures);
  return failures ? 1 : 0;
}
