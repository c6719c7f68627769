/* glx_threads_windows: 4 threads render at the same time, each with its own GLX context and its own window,
 * all on one shared Display (XInitThreads first). The contexts share display lists (one share group).
 *
 * Thread i clears its window to black and fills quadrant i (GL coordinates: 0 bottom-left,
 * 1 bottom-right, 2 top-left, 3 top-right) with its own colour (red, green, blue, yellow) and alpha 0,
 * through a display list it compiled, concurrently with the others, that turns every colour write on
 * for the fill and leaves alpha writes off; the alpha read back is 0 where the config has alpha and
 * 255 where it has none. Frames
 * alternate between half and full intensity, the last one is full. Every frame the thread checks, before
 * swapping, that its context and window are the current ones and reads back (glReadPixels) the
 * centre of its quadrant (its colour at this frame's intensity) and the centre of the opposite
 * quadrant (black): a context or drawable mixed up between threads fails at once.
 * After --frames N frames in every thread, the windows are renamed "NAME-i ready"; the threads then
 * keep presenting their last frame until --hold SECONDS pass or a key is pressed in any window
 * (clean teardown, exit 0). Exit status 1 on any failed check or GL/GLX error. */
#include "common.h"

#include <pthread.h>
#include <stdatomic.h>
#include <unistd.h>

#define NTHREADS 4

static const float colours[NTHREADS][3] = {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}, {1, 1, 0}};

struct thread_state {
  int index;
  Display* dpy;
  GLXFBConfig config;
  Window win;
  GLXDrawable drawable; /* the X window itself (even threads) or a GLXWindow on it (odd threads) */
  const struct options* o;
  int frames_done;
  GLXContext share; /* the share group's first context, made by the main thread */
  int alpha_bits;
  char error[256];
};

static pthread_barrier_t start_barrier, compiled_barrier;
/* Quadrant i's list, compiled by thread (i + NTHREADS - 1) % NTHREADS: every thread calls a list that
 * another context of the share group compiled. They go with the share group. */
static GLuint quadrant_lists[NTHREADS];
static atomic_int threads_done;
static atomic_int quit;

static int near(int a, int b) { return a - b <= 2 && b - a <= 2; }

/* Draws frame f of thread t and checks it in the back buffer; returns 0 or sets t->error. */
static int draw_and_check(struct thread_state* t, GLXContext ctx, int f, int last) {
  const int w = t->o->width, h = t->o->height, i = t->index;
  /* Full intensity on the last frame, alternating before it. */
  const float k = ((last - f) % 2 == 0) ? 1.0f : 0.5f;
  if (glXGetCurrentContext() != ctx || glXGetCurrentDrawable() != t->drawable) {
    snprintf(t->error, sizeof t->error, "frame %d: current context/drawable is not this thread's", f);
    return -1;
  }
  glViewport(0, 0, w, h);
  glClearColor(0, 0, 0, 1);
  glClear(GL_COLOR_BUFFER_BIT);
  glMatrixMode(GL_PROJECTION);
  glLoadIdentity();
  glOrtho(0, w, 0, h, -1, 1);
  glMatrixMode(GL_MODELVIEW);
  glLoadIdentity();
  const int qx = (i % 2) * (w / 2), qy = (i / 2) * (h / 2);
  glColor4f(colours[i][0] * k, colours[i][1] * k, colours[i][2] * k, 0.0f);
  glCallList(quadrant_lists[i]);

  unsigned char own[4], other[4];
  glReadPixels(qx + w / 4, qy + h / 4, 1, 1, GL_RGBA, GL_UNSIGNED_BYTE, own);
  glReadPixels(w - 1 - (qx + w / 4), h - 1 - (qy + h / 4), 1, 1, GL_RGBA, GL_UNSIGNED_BYTE, other);
  GLenum e = glGetError();
  if (e != GL_NO_ERROR) {
    snprintf(t->error, sizeof t->error, "frame %d: GL error 0x%04x", f, e);
    return -1;
  }
  if (own[3] != (t->alpha_bits ? 0 : 255)) {
    snprintf(t->error, sizeof t->error, "frame %d: own quadrant alpha %u with %d alpha bits (want %d)", f,
             own[3], t->alpha_bits, t->alpha_bits ? 0 : 255);
    return -1;
  }
  for (int c = 0; c < 3; ++c) {
    int want = (int)(colours[i][c] * k * 255.0f + 0.5f);
    if (!near(own[c], want) || other[c] != 0) {
      snprintf(t->error, sizeof t->error,
               "frame %d: read back own quadrant %u,%u,%u (want %d,%d,%d scaled by %.1f), opposite %u,%u,%u "
               "(want black)",
               f, own[0], own[1], own[2], (int)(colours[i][0] * 255), (int)(colours[i][1] * 255),
               (int)(colours[i][2] * 255), k, other[0], other[1], other[2]);
      return -1;
    }
  }
  return 0;
}

static void* thread_main(void* arg) {
  struct thread_state* t = arg;
  /* Contexts are created in the threads, concurrently, after the barrier. */
  pthread_barrier_wait(&start_barrier);
  GLXContext ctx = glXCreateNewContext(t->dpy, t->config, GLX_RGBA_TYPE, t->share, True);
  if (!ctx) {
    snprintf(t->error, sizeof t->error, "glXCreateNewContext failed");
    pthread_barrier_wait(&compiled_barrier);
    atomic_fetch_add(&threads_done, 1);
    return NULL;
  }
  /* Even threads: GLX 1.0 style (glXMakeCurrent on the X window); odd: GLX 1.3 (GLXWindow). */
  t->drawable = t->index % 2 ? glXCreateWindow(t->dpy, t->config, t->win, NULL) : t->win;
  Bool made = t->index % 2 ? glXMakeContextCurrent(t->dpy, t->drawable, t->drawable, ctx)
                           : glXMakeCurrent(t->dpy, t->drawable, ctx);
  if (!t->drawable || !made) {
    snprintf(t->error, sizeof t->error, "glXCreateWindow/glXMake(Context)Current failed");
    pthread_barrier_wait(&compiled_barrier);
    atomic_fetch_add(&threads_done, 1);
    glXDestroyContext(t->dpy, ctx);
    return NULL;
  }
  glGetIntegerv(GL_ALPHA_BITS, &t->alpha_bits);
  const int q = (t->index + 1) % NTHREADS, w = t->o->width, h = t->o->height;
  const int qx = (q % 2) * (w / 2), qy = (q / 2) * (h / 2);
  GLuint list = glGenLists(1);
  glNewList(list, GL_COMPILE);
  glColorMask(GL_TRUE, GL_TRUE, GL_TRUE, GL_TRUE);
  glRecti(qx, qy, qx + w / 2, qy + h / 2);
  glColorMask(GL_TRUE, GL_TRUE, GL_TRUE, GL_FALSE);
  glEndList();
  quadrant_lists[q] = list;
  pthread_barrier_wait(&compiled_barrier); /* also orders quadrant_lists between the threads */
  const int last = t->o->frames - 1;
  int failed = 0;
  for (int f = 0; f < t->o->frames && !failed; ++f) {
    if (draw_and_check(t, ctx, f, last) != 0) failed = 1;
    glXSwapBuffers(t->dpy, t->drawable);
    t->frames_done = f + 1;
  }
  atomic_fetch_add(&threads_done, 1);
  /* Hold: keep presenting the last frame (covers Expose without sharing the event queue). */
  while (!failed && !atomic_load(&quit)) {
    if (draw_and_check(t, ctx, last, last) != 0) failed = 1;
    glXSwapBuffers(t->dpy, t->drawable);
    usleep(50 * 1000);
  }
  glXMakeContextCurrent(t->dpy, None, None, NULL);
  glXDestroyContext(t->dpy, ctx);
  if (t->drawable != t->win) glXDestroyWindow(t->dpy, t->drawable);
  return NULL;
}

int main(int argc, char** argv) {
  if (!XInitThreads()) die("XInitThreads failed");
  struct options o = parse_options(argc, argv, "glx_threads_windows", 300);
  if (o.frames == 0) die("--frames must be > 0");
  o.width = o.width & ~1, o.height = o.height & ~1; /* quadrants of whole pixels */
  Display* dpy = open_display_with_glx();
  XVisualInfo* vi = NULL;
  GLXFBConfig config = choose_config(dpy, 1, &vi);

  struct thread_state ts[NTHREADS];
  struct options wo[NTHREADS];
  char names[NTHREADS][200];
  for (int i = 0; i < NTHREADS; ++i) {
    snprintf(names[i], sizeof names[i], "%s-%d", o.name, i);
    wo[i] = o;
    wo[i].name = names[i];
    memset(&ts[i], 0, sizeof ts[i]);
    ts[i].index = i, ts[i].dpy = dpy, ts[i].config = config, ts[i].o = &o;
    ts[i].win = create_window(dpy, vi, &wo[i]); /* maps it and waits for MapNotify */
    XMoveWindow(dpy, ts[i].win, (i % 2) * (o.width + 10), (i / 2) * (o.height + 10));
  }
  GLXContext share = glXCreateNewContext(dpy, config, GLX_RGBA_TYPE, NULL, True);
  if (!share) die("glXCreateNewContext failed");
  for (int i = 0; i < NTHREADS; ++i) ts[i].share = share;
  XSync(dpy, False);

  pthread_t threads[NTHREADS];
  pthread_barrier_init(&start_barrier, NULL, NTHREADS);
  pthread_barrier_init(&compiled_barrier, NULL, NTHREADS);
  double t0 = now_seconds();
  for (int i = 0; i < NTHREADS; ++i) pthread_create(&threads[i], NULL, thread_main, &ts[i]);

  /* The main thread only watches events: a key press in any window ends the program. */
  int ready = 0;
  double hold_until = 0;
  while (!atomic_load(&quit)) {
    while (XPending(dpy)) {
      XEvent ev;
      XNextEvent(dpy, &ev);
      if (ev.type == KeyPress) atomic_store(&quit, 1);
    }
    if (!ready && atomic_load(&threads_done) == NTHREADS) {
      int all_ok = 1;
      for (int i = 0; i < NTHREADS; ++i) all_ok &= ts[i].error[0] == 0;
      if (!all_ok) break;
      fprintf(stderr, "glx_threads_windows: %d threads x %d frames in %.2f s\n", NTHREADS, o.frames,
              now_seconds() - t0);
      for (int i = 0; i < NTHREADS; ++i) mark_ready(dpy, ts[i].win, &wo[i]);
      ready = 1;
      hold_until = now_seconds() + o.hold;
    }
    if (ready && now_seconds() >= hold_until) break;
    for (int i = 0; i < NTHREADS; ++i)
      if (ts[i].error[0]) atomic_store(&quit, 1);
    usleep(10 * 1000);
  }
  atomic_store(&quit, 1);
  for (int i = 0; i < NTHREADS; ++i) pthread_join(threads[i], NULL);

  int status = 0;
  for (int i = 0; i < NTHREADS; ++i) {
    if (ts[i].error[0]) {
      fprintf(stderr, "FAIL: thread %d (after %d frames): %s\n", i, ts[i].frames_done, ts[i].error);
      status = 1;
    }
    XDestroyWindow(dpy, ts[i].win);
  }
  glXDestroyContext(dpy, share);
  XFree(vi);
  XCloseDisplay(dpy);
  return status;
}
