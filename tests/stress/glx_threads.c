/* Threads: 8 threads share one Display (XInitThreads) and, for --iterations rounds each, create a
 * context and a drawable (pbuffers, GLX pixmaps, and on thread 0 its own window with swaps), make
 * them current, render and check the pixels, release and destroy both. Any wrong pixel, GL error,
 * failed call or X error fails; a watchdog aborts (so CTest shows it) if no thread progresses for 60 s.
 *   glx_threads [--threads N] [--iterations N] */
#define _GNU_SOURCE
#define GL_GLEXT_PROTOTYPES 1
#include "../programs/common.h"

#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <unistd.h>

static Display* g_dpy;
static GLXFBConfig g_cfg;
static XVisualInfo* g_vi;
static int g_iterations = 500;
static atomic_long g_progress;
static atomic_int g_x_errors;

static int on_x_error(Display* dpy, XErrorEvent* e) {
  (void)dpy;
  fprintf(stderr, "X error %d on request %d.%d\n", e->error_code, e->request_code, e->minor_code);
  atomic_fetch_add(&g_x_errors, 1);
  return 0;
}

static void check_pixel(int id, int it, float r, float g) {
  unsigned char px[4] = {0};
  glReadPixels(1, 1, 1, 1, GL_RGBA, GL_UNSIGNED_BYTE, px);
  int er = (int)(r * 255.0f + 0.5f), eg = (int)(g * 255.0f + 0.5f);
  if (abs(px[0] - er) > 1 || abs(px[1] - eg) > 1)
    die("thread %d iteration %d: read %d,%d want %d,%d", id, it, px[0], px[1], er, eg);
  check_gl("check_pixel");
}

static void* worker(void* arg) {
  const int id = (int)(intptr_t)arg;
  Window win = 0;
  if (id == 0) {
    struct options o = {0, 64, 64, 0, "threads", 0};
    XLockDisplay(g_dpy);
    XSetWindowAttributes swa;
    memset(&swa, 0, sizeof swa);
    swa.colormap = XCreateColormap(g_dpy, RootWindow(g_dpy, g_vi->screen), g_vi->visual, AllocNone);
    win = XCreateWindow(g_dpy, RootWindow(g_dpy, g_vi->screen), 0, 0, (unsigned)o.width, (unsigned)o.height,
                        0, g_vi->depth, InputOutput, g_vi->visual, CWColormap, &swa);
    XMapWindow(g_dpy, win);
    XSync(g_dpy, False);
    XUnlockDisplay(g_dpy);
  }
  for (int it = 0; it < g_iterations; ++it) {
    GLXContext ctx = glXCreateNewContext(g_dpy, g_cfg, GLX_RGBA_TYPE, NULL, True);
    if (!ctx) die("thread %d: glXCreateNewContext failed", id);
    GLXDrawable d = None;
    Pixmap pm = 0;
    int kind = id == 0 ? 0 : 1 + (it + id) % 2; /* 0 window, 1 pbuffer, 2 GLX pixmap */
    if (kind == 0) {
      d = win;
    } else if (kind == 1) {
      const int a[] = {GLX_PBUFFER_WIDTH, 16 + id, GLX_PBUFFER_HEIGHT, 16 + it % 7, None};
      d = glXCreatePbuffer(g_dpy, g_cfg, a);
    } else {
      pm = XCreatePixmap(g_dpy, RootWindow(g_dpy, g_vi->screen), 20, 12, (unsigned)g_vi->depth);
      d = glXCreatePixmap(g_dpy, g_cfg, pm, NULL);
    }
    if (!d) die("thread %d: cannot create drawable kind %d", id, kind);
    if (!glXMakeContextCurrent(g_dpy, d, d, ctx)) die("thread %d: make current failed", id);
    float r = (float)id / 8.0f, g = (float)(it % 10) / 10.0f;
    glClearColor(r, g, 0.5f, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    check_pixel(id, it, r, g);
    if (kind == 0) glXSwapBuffers(g_dpy, d);
    if (!glXMakeContextCurrent(g_dpy, None, None, NULL)) die("thread %d: release failed", id);
    if (kind == 1) glXDestroyPbuffer(g_dpy, d);
    if (kind == 2) {
      glXDestroyPixmap(g_dpy, d);
      XFreePixmap(g_dpy, pm);
    }
    glXDestroyContext(g_dpy, ctx);
    atomic_fetch_add(&g_progress, 1);
  }
  if (win) {
    XDestroyWindow(g_dpy, win);
    XSync(g_dpy, False);
  }
  return NULL;
}

static void* watchdog(void* arg) {
  (void)arg;
  long last = -1;
  for (;;) {
    sleep(60);
    long now = atomic_load(&g_progress);
    if (now == last) {
      fprintf(stderr, "FAIL: no progress for 60 s (deadlock?) after %ld iterations\n", now);
      abort();
    }
    last = now;
  }
  return NULL;
}

int main(int argc, char** argv) {
  int threads = 8;
  for (int i = 1; i + 1 < argc; i += 2) {
    if (!strcmp(argv[i], "--threads"))
      threads = atoi(argv[i + 1]);
    else if (!strcmp(argv[i], "--iterations"))
      g_iterations = atoi(argv[i + 1]);
    else
      die("usage: %s [--threads N] [--iterations N]", argv[0]);
  }
  if (!XInitThreads()) die("XInitThreads failed");
  XSetErrorHandler(on_x_error);
  g_dpy = open_display_with_glx();
  g_cfg = choose_config(g_dpy, 1, &g_vi);
  pthread_t wd, t[64];
  pthread_create(&wd, NULL, watchdog, NULL);
  pthread_detach(wd);
  if (threads > 64) threads = 64;
  double t0 = now_seconds();
  for (int i = 0; i < threads; ++i) pthread_create(&t[i], NULL, worker, (void*)(intptr_t)i);
  for (int i = 0; i < threads; ++i) pthread_join(t[i], NULL);
  XSync(g_dpy, False);
  printf("%d threads x %d iterations (context + drawable each) in %.1f s\n", threads, g_iterations,
         now_seconds() - t0);
  if (atomic_load(&g_x_errors)) die("%d X errors", atomic_load(&g_x_errors));
  XFree(g_vi);
  XCloseDisplay(g_dpy);
  printf("PASS\n");
  return 0;
}
