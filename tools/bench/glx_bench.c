/* Benchmark workloads for tools/bench/run-bench.py: a plain GLX program (no eglrun code).
 *   glx_bench --scene spheres|empty [--size WxH] [--seconds S] [--warmup S] [--offscreen]
 *             [--exit-after N] [--resize-every N --frames N]
 * spheres: many lit, tessellated spheres from a display list (heavy on the rasteriser).
 * empty:   clear + swap only (pure per-frame overhead of getting a frame to the window).
 * --offscreen: the same rendering, never swapped (nothing presented); frames are paced by a fence on
 *   the previous frame so the GL pipeline stays as full as with swaps.
 * --exit-after N: calls exit(0) after N frames with everything still alive (a shutdown test).
 * --resize-every N: resizes the window every N frames (soak test), --frames N: stop after N frames.
 * Prints one line: "RESULT frames=N seconds=S fps=F cpu_ms=C" (process CPU time per frame). */
#define GL_GLEXT_PROTOTYPES 1
#include <GL/gl.h>
#include <GL/glext.h>
#include <GL/glx.h>
#include <X11/Xlib.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static double cpu_seconds(void) {
  struct rusage ru;
  getrusage(RUSAGE_SELF, &ru);
  return (double)ru.ru_utime.tv_sec + (double)ru.ru_utime.tv_usec * 1e-6 + (double)ru.ru_stime.tv_sec +
         (double)ru.ru_stime.tv_usec * 1e-6;
}

static void die(const char* m) {
  fprintf(stderr, "glx_bench: %s\n", m);
  exit(1);
}

static GLuint sphere_list(int slices, int stacks) {
  GLuint list = glGenLists(1);
  glNewList(list, GL_COMPILE);
  for (int i = 0; i < stacks; ++i) {
    double a0 = M_PI * (-0.5 + (double)i / stacks), a1 = M_PI * (-0.5 + (double)(i + 1) / stacks);
    glBegin(GL_QUAD_STRIP);
    for (int j = 0; j <= slices; ++j) {
      double b = 2 * M_PI * (double)j / slices;
      for (int k = 0; k < 2; ++k) {
        double a = k ? a1 : a0;
        float x = (float)(cos(a) * cos(b)), y = (float)sin(a), z = (float)(cos(a) * sin(b));
        glNormal3f(x, y, z);
        glVertex3f(x, y, z);
      }
    }
    glEnd();
  }
  glEndList();
  return list;
}

static void draw_spheres(GLuint list, int frame, int w, int h) {
  glViewport(0, 0, w, h);
  glClearColor(0.1f, 0.1f, 0.15f, 1);
  glClear(GL_COLOR_BUFFER_BIT | GL_DEPTH_BUFFER_BIT);
  glMatrixMode(GL_PROJECTION);
  glLoadIdentity();
  glFrustum(-(double)w / h, (double)w / h, -1, 1, 2, 60);
  glMatrixMode(GL_MODELVIEW);
  glLoadIdentity();
  glTranslatef(0, 0, -20);
  glRotatef((float)frame * 0.5f, 0, 1, 0);
  for (int i = 0; i < 120; ++i) {
    float x = (float)((i % 20) - 10) * 1.6f, y = (float)(((i / 20) % 20) - 10) * 0.9f;
    GLfloat color[4] = {0.3f + 0.035f * (float)(i % 20), 0.3f + 0.035f * (float)(i / 20 % 20), 0.8f, 1};
    glMaterialfv(GL_FRONT_AND_BACK, GL_AMBIENT_AND_DIFFUSE, color);
    glPushMatrix();
    glTranslatef(x, y, (float)((i * 7) % 11) - 5.0f);
    glCallList(list);
    glPopMatrix();
  }
}

int main(int argc, char** argv) {
  const char* scene = "spheres";
  int w = 1920, h = 1080, offscreen = 0, exit_after = -1, resize_every = 0;
  long max_frames = -1;
  double seconds = 5, warmup = 1;
  for (int i = 1; i < argc; ++i) {
    const char *a = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;
    if (!strcmp(a, "--scene") && v)
      scene = v, ++i;
    else if (!strcmp(a, "--size") && v && sscanf(v, "%dx%d", &w, &h) == 2)
      ++i;
    else if (!strcmp(a, "--seconds") && v)
      seconds = atof(v), ++i;
    else if (!strcmp(a, "--warmup") && v)
      warmup = atof(v), ++i;
    else if (!strcmp(a, "--offscreen"))
      offscreen = 1;
    else if (!strcmp(a, "--exit-after") && v)
      exit_after = atoi(v), ++i;
    else if (!strcmp(a, "--resize-every") && v)
      resize_every = atoi(v), ++i;
    else if (!strcmp(a, "--frames") && v)
      max_frames = atol(v), ++i;
    else
      die("usage: glx_bench --scene spheres|empty [--size WxH] [--seconds S] [--warmup S] [--offscreen] "
          "[--exit-after N] [--resize-every N --frames N]");
  }
  const int empty = !strcmp(scene, "empty");
  if (!empty && strcmp(scene, "spheres")) die("unknown scene");

  Display* dpy = XOpenDisplay(NULL);
  if (!dpy) die("cannot open display");
  const int attribs[] = {GLX_RGBA, GLX_DOUBLEBUFFER, GLX_RED_SIZE, 8,   GLX_GREEN_SIZE, 8, GLX_BLUE_SIZE,
                         8,        GLX_DEPTH_SIZE,   24,           None};
  XVisualInfo* vi = glXChooseVisual(dpy, DefaultScreen(dpy), (int*)attribs);
  if (!vi) die("no visual");
  XSetWindowAttributes swa = {0};
  Window root = RootWindow(dpy, vi->screen);
  swa.colormap = XCreateColormap(dpy, root, vi->visual, AllocNone);
  swa.event_mask = StructureNotifyMask;
  Window win = XCreateWindow(dpy, root, 0, 0, (unsigned)w, (unsigned)h, 0, vi->depth, InputOutput, vi->visual,
                             CWColormap | CWEventMask, &swa);
  XStoreName(dpy, win, "glx_bench");
  XMapWindow(dpy, win);
  for (;;) {
    XEvent ev;
    XNextEvent(dpy, &ev);
    if (ev.type == MapNotify) break;
  }
  GLXContext ctx = glXCreateContext(dpy, vi, NULL, True);
  if (!ctx || !glXMakeCurrent(dpy, win, ctx)) die("cannot make a context current");

  GLuint list = 0;
  if (!empty) {
    list = sphere_list(12, 8);
    glEnable(GL_DEPTH_TEST);
    glEnable(GL_LIGHTING);
    glEnable(GL_LIGHT0);
    glEnable(GL_NORMALIZE);
    GLfloat pos[4] = {5, 5, 10, 0};
    glLightfv(GL_LIGHT0, GL_POSITION, pos);
  }
  GLsync previous = 0;
  long frame = 0, counted = 0;
  double start = now(), measure_start = 0, cpu_start = 0;
  int measuring = 0;
  for (;;) {
    if (resize_every > 0 && frame > 0 && frame % resize_every == 0) {
      /* Alternate between two sizes; the viewport follows as in a real application. */
      int big = (frame / resize_every) % 2;
      XResizeWindow(dpy, win, (unsigned)(big ? w : w / 2), (unsigned)(big ? h : h / 2));
      XSync(dpy, False);
    }
    int cw = w, ch = h;
    if (resize_every > 0) {
      XWindowAttributes a;
      XGetWindowAttributes(dpy, win, &a);
      cw = a.width, ch = a.height;
    }
    if (empty) {
      glViewport(0, 0, cw, ch);
      glClearColor((float)(frame & 255) / 255.0f, 0.2f, 0.3f, 1);
      glClear(GL_COLOR_BUFFER_BIT);
    } else {
      draw_spheres(list, (int)frame, cw, ch);
    }
    if (offscreen) {
      GLsync s = glFenceSync(GL_SYNC_GPU_COMMANDS_COMPLETE, 0);
      if (previous) {
        glClientWaitSync(previous, GL_SYNC_FLUSH_COMMANDS_BIT, (GLuint64)10e9);
        glDeleteSync(previous);
      }
      previous = s;
    } else {
      glXSwapBuffers(dpy, win);
    }
    ++frame;
    if (exit_after >= 0 && frame >= exit_after) exit(0); /* on purpose: nothing destroyed */
    double t = now();
    if (!measuring && t - start >= warmup) {
      measuring = 1;
      measure_start = t;
      cpu_start = cpu_seconds();
      counted = 0;
    } else if (measuring) {
      ++counted;
    }
    if ((max_frames >= 0 && frame >= max_frames) ||
        (max_frames < 0 && measuring && t - measure_start >= seconds))
      break;
  }
  glFinish();
  double elapsed = now() - measure_start, cpu = cpu_seconds() - cpu_start;
  if (counted == 0) counted = 1;
  printf("RESULT frames=%ld seconds=%.3f fps=%.2f cpu_ms=%.3f\n", counted, elapsed, (double)counted / elapsed,
         cpu * 1e3 / (double)counted);
  fflush(stdout);
  glXMakeCurrent(dpy, None, NULL);
  glXDestroyContext(dpy, ctx);
  XDestroyWindow(dpy, win);
  XCloseDisplay(dpy);
  return 0;
}
