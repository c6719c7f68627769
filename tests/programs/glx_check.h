/* Helpers for the self-checking GLX feature programs: read what the X server shows (window or
 * pixmap) with XGetImage on the program's own connection, and compare with a tolerance. */
#ifndef EGLRUN_TEST_PROGRAMS_GLX_CHECK_H
#define EGLRUN_TEST_PROGRAMS_GLX_CHECK_H

#include "common.h"

#include <unistd.h>

struct rgb {
  int r, g, b;
};

static inline int mask_shift(unsigned long m) {
  int s = 0;
  while (m && !(m & 1)) m >>= 1, ++s;
  return s;
}
static inline int mask_value(unsigned long px, unsigned long m) {
  if (!m) return 0;
  unsigned long v = (px & m) >> mask_shift(m), max = m >> mask_shift(m);
  return (int)(v * 255 / max);
}

/* The colour at (x, y) of an X drawable as the server holds it. */
static inline struct rgb x_pixel(Display* dpy, Drawable d, const Visual* vis, int x, int y) {
  XImage* img = XGetImage(dpy, d, x, y, 1, 1, AllPlanes, ZPixmap);
  if (!img) die("XGetImage of 0x%lx at %d,%d failed", d, x, y);
  unsigned long px = XGetPixel(img, 0, 0);
  XDestroyImage(img);
  struct rgb c = {mask_value(px, vis->red_mask), mask_value(px, vis->green_mask),
                  mask_value(px, vis->blue_mask)};
  return c;
}

static inline int near(struct rgb a, struct rgb b, int tol) {
  return abs(a.r - b.r) <= tol && abs(a.g - b.g) <= tol && abs(a.b - b.b) <= tol;
}

/* Waits (up to 5 s) until the server shows `want` at (x, y): presentation may lag the GL call. */
static inline void expect_x_pixel(Display* dpy, Drawable d, const Visual* vis, int x, int y, struct rgb want,
                                  int tol, const char* what) {
  struct rgb got = {0, 0, 0};
  for (int i = 0; i < 100; ++i) {
    got = x_pixel(dpy, d, vis, x, y);
    if (near(got, want, tol)) {
      printf("ok: %s: (%d,%d) = %d,%d,%d\n", what, x, y, got.r, got.g, got.b);
      return;
    }
    usleep(50000);
  }
  die("%s: pixel (%d,%d) is %d,%d,%d, expected %d,%d,%d (±%d)", what, x, y, got.r, got.g, got.b, want.r,
      want.g, want.b, tol);
}

static inline unsigned long x_color(const Visual* vis, int r, int g, int b) {
  return ((unsigned long)r * (vis->red_mask >> mask_shift(vis->red_mask)) / 255)
             << mask_shift(vis->red_mask) |
         ((unsigned long)g * (vis->green_mask >> mask_shift(vis->green_mask)) / 255)
             << mask_shift(vis->green_mask) |
         ((unsigned long)b * (vis->blue_mask >> mask_shift(vis->blue_mask)) / 255)
             << mask_shift(vis->blue_mask);
}

static inline int has_extension(const char* list, const char* name) {
  size_t n = strlen(name);
  for (const char* p = list; p && (p = strstr(p, name)) != NULL; p += n)
    if ((p == list || p[-1] == ' ') && (p[n] == ' ' || p[n] == '\0')) return 1;
  return 0;
}

static inline void require_glx_extension(Display* dpy, const char* name) {
  const char* ext = glXQueryExtensionsString(dpy, DefaultScreen(dpy));
  if (!has_extension(ext, name)) die("%s is not advertised", name);
}

#endif
