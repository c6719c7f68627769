/* Resize storm: another X client resizes the program's window N times (default 1000) while the
 * program renders a frame after each resize, following ConfigureNotify as real programs do. Then the
 * window gets a final size, the program draws four coloured quadrants, and the window's contents are
 * read back (XGetImage from the other connection): every quadrant must be where and as large as the
 * final size says, i.e. the last frame was presented at the final size. Resident memory is reported
 * after a warm-up (100 resizes alternating the largest and smallest size, so every buffer pool has
 * reached its high-water mark, then a pause so the window settles), half-way, after the storm and at
 * the end, split by kind of mapping with glibc's counters (rss.h). A leak per resize keeps growing, a
 * working set does not: growth after the warm-up beyond --max-growth-mib (default 24) fails, counted
 * without file-backed pages (library code faulted in by new drawing paths, the same on Mesa's GLX).
 * That catches a leak of 25 KiB per resize; a frame-sized one is ~1 GiB here. eglrun's own objects are
 * checked exactly by the object report. Figures and the causes of what remains: docs/reliability.md.
 *   glx_resize_storm [--resizes N] [--max-growth-mib M] [--malloc-info] */
#define _GNU_SOURCE
#define GL_GLEXT_PROTOTYPES 1
#include "../programs/common.h"
#include "rss.h"

static const float kQuad[4][3] = {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}, {1, 1, 0}}; /* GL: BL, BR, TL, TR */

static void draw_quadrants(int w, int h) {
  glViewport(0, 0, w, h);
  glEnable(GL_SCISSOR_TEST);
  for (int q = 0; q < 4; ++q) {
    int x0 = (q & 1) ? w / 2 : 0, y0 = (q & 2) ? h / 2 : 0;
    glScissor(x0, y0, (q & 1) ? w - w / 2 : w / 2, (q & 2) ? h - h / 2 : h / 2);
    glClearColor(kQuad[q][0], kQuad[q][1], kQuad[q][2], 1);
    glClear(GL_COLOR_BUFFER_BIT);
  }
  glDisable(GL_SCISSOR_TEST);
}

int main(int argc, char** argv) {
  int resizes = 1000;
  long max_growth_mib = 24;
  int malloc_info_at_end = 0;
  for (int i = 1; i < argc; i += 2) {
    if (!strcmp(argv[i], "--malloc-info")) { /* glibc's per-arena XML at the end, for investigation */
      malloc_info_at_end = 1, --i;
      continue;
    }
    if (i + 1 >= argc) die("usage: %s [--resizes N] [--max-growth-mib M] [--malloc-info]", argv[0]);
    if (!strcmp(argv[i], "--resizes"))
      resizes = atoi(argv[i + 1]);
    else if (!strcmp(argv[i], "--max-growth-mib"))
      max_growth_mib = atol(argv[i + 1]);
    else
      die("usage: %s [--resizes N] [--max-growth-mib M] [--malloc-info]", argv[0]);
  }
  Display* dpy = open_display_with_glx();
  Display* other = XOpenDisplay(NULL);
  if (!other) die("no second connection");
  XVisualInfo* vi = NULL;
  GLXFBConfig cfg = choose_config(dpy, 1, &vi);
  struct options o = {0, 300, 200, 0, "storm", 0};
  Window win = create_window(dpy, vi, &o);
  GLXContext ctx = glXCreateNewContext(dpy, cfg, GLX_RGBA_TYPE, NULL, True);
  if (!ctx || !glXMakeContextCurrent(dpy, win, win, ctx)) die("cannot make current");
  int w = o.width, h = o.height;
  unsigned seed = 12345;
  long rss_warm = 0, rss_mid = 0;
  struct mem_split split_warm = {0}, split_mid = {0};
  const int warmup = 100;
  for (int i = -warmup; i < resizes; ++i) {
    seed = seed * 1103515245u + 12345u;
    int nw = 16 + (int)((seed >> 8) % 900), nh = 16 + (int)((seed >> 20) % 700);
    if (i < 0) nw = (i & 1) ? 915 : 16, nh = (i & 1) ? 715 : 16;
    XResizeWindow(other, win, (unsigned)nw, (unsigned)nh);
    XFlush(other);
    while (XPending(dpy)) {
      XEvent ev;
      XNextEvent(dpy, &ev);
      if (ev.type == ConfigureNotify) w = ev.xconfigure.width, h = ev.xconfigure.height;
    }
    glViewport(0, 0, w, h);
    glClearColor(0.2f, 0.2f, 0.2f, 1);
    glClear(GL_COLOR_BUFFER_BIT);
    glXSwapBuffers(dpy, win);
    if (i == -1) { /* settle before the baseline: the window has stopped resizing for a moment */
      glFinish();
      usleep(300000);
    }
    if (i == 0) rss_warm = rss_kib(), split_warm = mem_split_now();
    if (i == resizes / 2) rss_mid = rss_kib(), split_mid = mem_split_now();
  }
  const long rss_storm_end = rss_kib();
  const struct mem_split split_storm_end = mem_split_now();
  const int fw = 517, fh = 263;
  XResizeWindow(other, win, fw, fh);
  XSync(other, False);
  for (;;) { /* until the program itself knows the final size */
    XEvent ev;
    XNextEvent(dpy, &ev);
    if (ev.type == ConfigureNotify && ev.xconfigure.width == fw && ev.xconfigure.height == fh) break;
  }
  while (XPending(dpy)) {
    XEvent ev;
    XNextEvent(dpy, &ev);
  }
  /* A window system may show the first frame after a resize at the old size; by the third it must not. */
  for (int i = 0; i < 3; ++i) {
    draw_quadrants(fw, fh);
    glXSwapBuffers(dpy, win);
  }
  glFinish();
  XSync(dpy, False);
  usleep(300000);
  XImage* img = XGetImage(other, win, 0, 0, fw, fh, AllPlanes, ZPixmap);
  if (!img) die("XGetImage failed");
  /* Sample a grid inside each quadrant, keeping 2 px away from the edges between them. X's origin is
   * top-left: the GL top quadrants (TL, TR) are the upper half of the image. */
  int bad = 0;
  for (int q = 0; q < 4; ++q) {
    int left = (q & 1) ? fw / 2 + 2 : 0, right = (q & 1) ? fw - 1 : fw / 2 - 3;
    int top = (q & 2) ? 0 : fh - fh / 2 + 2, bottom = (q & 2) ? fh / 2 - 3 : fh - 1;
    for (int y = top; y <= bottom; y += (bottom - top) / 8 ? (bottom - top) / 8 : 1)
      for (int x = left; x <= right; x += (right - left) / 8 ? (right - left) / 8 : 1) {
        unsigned long p = XGetPixel(img, x, y);
        int r = (p >> 16) & 255, g = (p >> 8) & 255, b = p & 255;
        if (r != (int)(kQuad[q][0] * 255) || g != (int)(kQuad[q][1] * 255) || b != (int)(kQuad[q][2] * 255)) {
          if (bad++ < 5)
            fprintf(stderr, "pixel (%d,%d) is %02x%02x%02x, quadrant %d wants another colour\n", x, y, r, g,
                    b, q);
        }
      }
  }
  /* The corners are the telltale of a frame presented at a stale size. */
  unsigned long br = XGetPixel(img, fw - 1, fh - 1), tl = XGetPixel(img, 0, 0);
  XDestroyImage(img);
  long rss_end = rss_kib();
  const struct mem_split split_end = mem_split_now();
  mem_split_print("after warm-up", split_warm);
  mem_split_print("half-way", split_mid);
  mem_split_print("after the storm", split_storm_end);
  mem_split_print("at end", split_end);
  /* File-backed pages are code and data of the libraries, faulted in as new paths run (the final
   * frame's scissored clears take ~11 MiB of LLVM and driver code, on Mesa's GLX too): no allocation. */
  const long growth = (split_end.total - split_end.file) - (split_warm.total - split_warm.file);
  if (malloc_info_at_end) malloc_info(0, stdout);
  printf(
      "resizes %d (+%d warm-up), final %dx%d, RSS after warm-up %ld KiB, after %d resizes %ld KiB, after the "
      "storm %ld KiB, at end %ld KiB (growth %+ld KiB; without file-backed pages %+ld KiB)\n",
      resizes, warmup, fw, fh, rss_warm, resizes / 2, rss_mid, rss_storm_end, rss_end, rss_end - rss_warm,
      growth);
  if (bad) die("%d sampled pixels wrong: the last frame is not at the final size %dx%d", bad, fw, fh);
  if ((br & 0xffffff) != 0x00ff00 || (tl & 0xffffff) != 0x0000ff)
    die("corner pixels %06lx/%06lx wrong", br & 0xffffff, tl & 0xffffff);
  if (growth > max_growth_mib * 1024)
    die("resident memory (without file-backed pages) grew by %ld KiB after the warm-up", growth);
  glXMakeContextCurrent(dpy, None, None, NULL);
  glXDestroyContext(dpy, ctx);
  XCloseDisplay(other);
  XCloseDisplay(dpy);
  printf("PASS\n");
  return 0;
}
