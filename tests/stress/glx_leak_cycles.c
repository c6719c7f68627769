/* Leaks: --cycles times (default 10000), create and destroy a context and a drawable, rotating
 * through windows (X window + GLXWindow, with a swap), GLX pixmaps (1.3 and legacy 1.2) and pbuffers;
 * each is made current and rendered. Resident memory is printed after the warm-up tenth and at the
 * end; growth beyond --max-growth-mib fails. Run with EGLRUN_OBJECT_REPORT=1 under eglrun, the
 * interposer's own count of EGL/GL/X objects is printed at exit and checked by the test script.
 *   glx_leak_cycles [--cycles N] [--max-growth-mib M] */
#define _GNU_SOURCE
#define GL_GLEXT_PROTOTYPES 1
#include "../programs/common.h"
#include "../stress/rss.h"

int main(int argc, char** argv) {
  int cycles = 10000;
  long max_growth_mib = 32;
  for (int i = 1; i + 1 < argc; i += 2) {
    if (!strcmp(argv[i], "--cycles"))
      cycles = atoi(argv[i + 1]);
    else if (!strcmp(argv[i], "--max-growth-mib"))
      max_growth_mib = atol(argv[i + 1]);
    else
      die("usage: %s [--cycles N] [--max-growth-mib M]", argv[0]);
  }
  Display* dpy = open_display_with_glx();
  XVisualInfo* vi = NULL;
  GLXFBConfig cfg = choose_config(dpy, 1, &vi);
  Window root = RootWindow(dpy, vi->screen);
  XSetWindowAttributes swa;
  memset(&swa, 0, sizeof swa);
  swa.colormap = XCreateColormap(dpy, root, vi->visual, AllocNone);
  long rss_warm = 0, rss_start = rss_kib();
  int counts[4] = {0};
  double t0 = now_seconds();
  for (int i = 0; i < cycles; ++i) {
    const int kind = i % 4;
    GLXContext ctx = kind == 3 ? glXCreateContext(dpy, vi, NULL, True)
                               : glXCreateNewContext(dpy, cfg, GLX_RGBA_TYPE, NULL, True);
    if (!ctx) die("cycle %d: no context", i);
    Window win = 0;
    Pixmap pm = 0;
    GLXDrawable d = None;
    if (kind == 0) {
      win = XCreateWindow(dpy, root, 0, 0, 48, 32, 0, vi->depth, InputOutput, vi->visual, CWColormap, &swa);
      XMapWindow(dpy, win);
      d = glXCreateWindow(dpy, cfg, win, NULL);
    } else if (kind == 1) {
      const int a[] = {GLX_PBUFFER_WIDTH, 40, GLX_PBUFFER_HEIGHT, 30, None};
      d = glXCreatePbuffer(dpy, cfg, a);
    } else {
      pm = XCreatePixmap(dpy, root, 24, 24, (unsigned)vi->depth);
      d = kind == 2 ? glXCreatePixmap(dpy, cfg, pm, NULL) : glXCreateGLXPixmap(dpy, vi, pm);
    }
    if (!d) die("cycle %d: no drawable of kind %d", i, kind);
    if (!glXMakeContextCurrent(dpy, d, d, ctx)) die("cycle %d: make current failed", i);
    glClearColor(0.5f, 0.25f, (float)(i % 5) / 5.0f, 1);
    glClear(GL_COLOR_BUFFER_BIT);
    if (kind == 0)
      glXSwapBuffers(dpy, d);
    else
      glFlush();
    check_gl("cycle");
    glXMakeContextCurrent(dpy, None, None, NULL);
    if (kind == 0) {
      glXDestroyWindow(dpy, d);
      XDestroyWindow(dpy, win);
    } else if (kind == 1) {
      glXDestroyPbuffer(dpy, d);
    } else {
      if (kind == 2)
        glXDestroyPixmap(dpy, d);
      else
        glXDestroyGLXPixmap(dpy, d);
      XFreePixmap(dpy, pm);
    }
    glXDestroyContext(dpy, ctx);
    ++counts[kind];
    while (XPending(dpy)) {
      XEvent ev;
      XNextEvent(dpy, &ev);
    }
    if (i == cycles / 10) rss_warm = rss_kib();
  }
  XSync(dpy, False);
  long rss_end = rss_kib();
  printf(
      "%d cycles (%d windows, %d pbuffers, %d GLX pixmaps, %d legacy GLX pixmaps; one context each) in %.1f "
      "s\n",
      cycles, counts[0], counts[1], counts[2], counts[3], now_seconds() - t0);
  printf("RSS: start %ld KiB, after %d cycles %ld KiB, end %ld KiB, growth after warm-up %ld KiB\n",
         rss_start, cycles / 10, rss_warm, rss_end, rss_end - rss_warm);
  if (rss_end - rss_warm > max_growth_mib * 1024) die("resident memory grew by %ld KiB", rss_end - rss_warm);
  XFree(vi);
  XCloseDisplay(dpy);
  printf("PASS\n");
  return 0;
}
