/* Shared helpers for the GLX test programs: option parsing, the test scene, failure reporting.
 * Plain GLX 1.3/1.4 and legacy GL only; nothing here knows about eglrun. */
#ifndef EGLRUN_TEST_PROGRAMS_COMMON_H
#define EGLRUN_TEST_PROGRAMS_COMMON_H

#include <GL/gl.h>
#include <GL/glx.h>
#include <X11/Xlib.h>
#include <X11/Xutil.h>

#include <errno.h>
#include <poll.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

struct options {
  int frames;        /* frames to draw before "ready"; 0 = forever */
  int width, height; /* window size */
  double hold;       /* seconds to keep the window up after the frames */
  const char* name;  /* window name; ready adds " ready" */
  int skip_front;    /* glx_readpixels: skip the front-buffer checks */
};

__attribute__((noreturn)) static inline void die(const char* fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  fputs("FAIL: ", stderr);
  vfprintf(stderr, fmt, ap);
  fputc('\n', stderr);
  va_end(ap);
  exit(1);
}

/* Self-checking programs: one "ok"/"FAIL" line per check on stderr, prefixed by "[check_tag] " when
 * set; check_failures counts the FAILs for the exit status. */
static int check_failures = 0;
static const char* check_tag = NULL;

__attribute__((format(printf, 2, 3))) static inline void check(int ok, const char* what, ...) {
  va_list ap;
  va_start(ap, what);
  fputs(ok ? "ok   " : "FAIL ", stderr);
  if (check_tag != NULL) fprintf(stderr, "[%s] ", check_tag);
  vfprintf(stderr, what, ap);
  fputc('\n', stderr);
  va_end(ap);
  if (!ok) ++check_failures;
}

static inline GLint get_int(GLenum e) {
  GLint v = -1;
  glGetIntegerv(e, &v);
  return v;
}

/* Projection and viewport in window pixels, origin bottom left. */
static inline void ortho_pixels(int width, int height) {
  glViewport(0, 0, width, height);
  glMatrixMode(GL_PROJECTION);
  glLoadIdentity();
  glOrtho(0, width, 0, height, -1, 1);
  glMatrixMode(GL_MODELVIEW);
  glLoadIdentity();
}

/* A GL or GLX entry point that must exist. */
static inline void* gl_proc(const char* name) {
  void* p = (void*)glXGetProcAddressARB((const GLubyte*)name);
  if (!p) die("glXGetProcAddressARB(%s) returned NULL", name);
  return p;
}

__attribute__((noreturn)) static inline void usage(const char* prog) {
  fprintf(stderr,
          "usage: %s [--frames N] [--size WxH] [--hold SECONDS] [--name NAME]%s\n"
          "  draws its scene N frames (0 = until killed), renames its window to \"NAME ready\",\n"
          "  then keeps it up (redrawing on Expose) for SECONDS. Exits non-zero on any GL/GLX error.\n",
          prog, strstr(prog, "readpixels") ? " [--skip-front]" : "");
  exit(2);
}

static inline struct options parse_options(int argc, char** argv, const char* default_name,
                                           int default_frames) {
  struct options o = {default_frames, 256, 256, 0.0, default_name, 0};
  for (int i = 1; i < argc; ++i) {
    const char* a = argv[i];
    const char* v = i + 1 < argc ? argv[i + 1] : NULL;
    if (!strcmp(a, "--frames") && v) {
      o.frames = atoi(v), ++i;
    } else if (!strcmp(a, "--size") && v) {
      if (sscanf(v, "%dx%d", &o.width, &o.height) != 2 || o.width <= 0 || o.height <= 0) usage(argv[0]);
      ++i;
    } else if (!strcmp(a, "--hold") && v) {
      o.hold = atof(v), ++i;
    } else if (!strcmp(a, "--name") && v) {
      o.name = v, ++i;
    } else if (!strcmp(a, "--skip-front")) {
      o.skip_front = 1;
    } else {
      usage(argv[0]);
    }
  }
  if (o.frames < 0) usage(argv[0]);
  return o;
}

static inline double now_seconds(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static inline void check_gl(const char* where) {
  GLenum e = glGetError();
  if (e != GL_NO_ERROR) die("GL error 0x%04x at %s", e, where);
}

static inline Display* open_display_with_glx(void) {
  Display* dpy = XOpenDisplay(NULL);
  if (!dpy) die("cannot open display '%s'", getenv("DISPLAY") ? getenv("DISPLAY") : "(unset)");
  int err_base, ev_base, major = 0, minor = 0;
  if (!glXQueryExtension(dpy, &err_base, &ev_base)) die("glXQueryExtension: no GLX");
  if (!glXQueryVersion(dpy, &major, &minor)) die("glXQueryVersion failed");
  if (major < 1 || (major == 1 && minor < 3)) die("GLX %d.%d < 1.3", major, minor);
  return dpy;
}

/* First FBConfig from glXChooseFBConfig whose visual is a 24-bit TrueColor visual. */
static inline GLXFBConfig choose_config(Display* dpy, int doublebuffer, XVisualInfo** vi_out) {
  const int attribs[] = {GLX_X_RENDERABLE,
                         True,
                         GLX_DRAWABLE_TYPE,
                         GLX_WINDOW_BIT,
                         GLX_RENDER_TYPE,
                         GLX_RGBA_BIT,
                         GLX_X_VISUAL_TYPE,
                         GLX_TRUE_COLOR,
                         GLX_RED_SIZE,
                         8,
                         GLX_GREEN_SIZE,
                         8,
                         GLX_BLUE_SIZE,
                         8,
                         GLX_DEPTH_SIZE,
                         24,
                         GLX_DOUBLEBUFFER,
                         doublebuffer,
                         None};
  int n = 0;
  GLXFBConfig* configs = glXChooseFBConfig(dpy, DefaultScreen(dpy), attribs, &n);
  if (!configs || n == 0)
    die("glXChooseFBConfig found no %s-buffered RGB888/D24 config", doublebuffer ? "double" : "single");
  for (int i = 0; i < n; ++i) {
    XVisualInfo* vi = glXGetVisualFromFBConfig(dpy, configs[i]);
    if (vi && vi->depth == 24) {
      int db = -1;
      glXGetFBConfigAttrib(dpy, configs[i], GLX_DOUBLEBUFFER, &db);
      if (db != doublebuffer) die("glXChooseFBConfig returned a config with GLX_DOUBLEBUFFER=%d", db);
      GLXFBConfig c = configs[i];
      XFree(configs);
      *vi_out = vi;
      return c;
    }
    if (vi) XFree(vi);
  }
  die("no FBConfig with a 24-bit visual among %d", n);
  return NULL;
}

static inline Window create_window(Display* dpy, XVisualInfo* vi, const struct options* o) {
  Window root = RootWindow(dpy, vi->screen);
  XSetWindowAttributes swa;
  memset(&swa, 0, sizeof swa);
  swa.colormap = XCreateColormap(dpy, root, vi->visual, AllocNone);
  swa.background_pixmap = None;
  swa.border_pixel = 0;
  swa.event_mask = ExposureMask | StructureNotifyMask | KeyPressMask;
  Window win =
      XCreateWindow(dpy, root, 0, 0, (unsigned)o->width, (unsigned)o->height, 0, vi->depth, InputOutput,
                    vi->visual, CWColormap | CWBackPixmap | CWBorderPixel | CWEventMask, &swa);
  XStoreName(dpy, win, o->name);
  XClassHint* hint = XAllocClassHint();
  hint->res_name = (char*)o->name;
  hint->res_class = (char*)"EglrunTest";
  XSetClassHint(dpy, win, hint);
  XFree(hint);
  XMapWindow(dpy, win);
  /* Wait until mapped so the first frames land in a viewable window. */
  for (;;) {
    XEvent ev;
    XNextEvent(dpy, &ev);
    if (ev.type == MapNotify && ev.xmap.window == win) break;
  }
  return win;
}

static inline void mark_ready(Display* dpy, Window win, const struct options* o) {
  char name[256];
  snprintf(name, sizeof name, "%s ready", o->name);
  XStoreName(dpy, win, name);
  XSync(dpy, False);
}

/* 64x64 RGB checkerboard with 8x8 squares: orange and dark teal. */
static inline GLuint make_checker_texture(void) {
  static unsigned char texels[64 * 64 * 3];
  for (int y = 0; y < 64; ++y)
    for (int x = 0; x < 64; ++x) {
      unsigned char* p = texels + 3 * (y * 64 + x);
      int on = ((x / 8) + (y / 8)) & 1;
      p[0] = on ? 240 : 20;
      p[1] = on ? 140 : 90;
      p[2] = on ? 20 : 110;
    }
  GLuint tex = 0;
  glGenTextures(1, &tex);
  glBindTexture(GL_TEXTURE_2D, tex);
  glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
  glTexImage2D(GL_TEXTURE_2D, 0, GL_RGB8, 64, 64, 0, GL_RGB, GL_UNSIGNED_BYTE, texels);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_REPEAT);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_REPEAT);
  glBindTexture(GL_TEXTURE_2D, 0);
  check_gl("make_checker_texture");
  return tex;
}

/* The test scene: a clear colour, a textured quad at the back, two interpenetrating
 * smooth-shaded triangles (only correct with depth testing), in a static picture. */
static inline void draw_scene(int width, int height, GLuint tex) {
  glViewport(0, 0, width, height);
  glClearColor(0.10f, 0.15f, 0.25f, 1.0f);
  glClearDepth(1.0);
  glClear(GL_COLOR_BUFFER_BIT | GL_DEPTH_BUFFER_BIT);
  glMatrixMode(GL_PROJECTION);
  glLoadIdentity();
  glOrtho(-1.0, 1.0, -1.0, 1.0, -2.0, 2.0);
  glMatrixMode(GL_MODELVIEW);
  glLoadIdentity();
  glEnable(GL_DEPTH_TEST);
  glDepthFunc(GL_LESS);

  /* Textured quad, tilted in depth so it crosses the triangles' depth range. */
  glEnable(GL_TEXTURE_2D);
  glBindTexture(GL_TEXTURE_2D, tex);
  glTexEnvi(GL_TEXTURE_ENV, GL_TEXTURE_ENV_MODE, GL_REPLACE);
  glBegin(GL_QUADS);
  glTexCoord2f(0.0f, 0.0f);
  glVertex3f(-0.9f, -0.9f, 0.5f);
  glTexCoord2f(3.0f, 0.0f);
  glVertex3f(0.3f, -0.9f, 0.5f);
  glTexCoord2f(3.0f, 3.0f);
  glVertex3f(0.3f, 0.3f, -0.5f);
  glTexCoord2f(0.0f, 3.0f);
  glVertex3f(-0.9f, 0.3f, -0.5f);
  glEnd();
  glBindTexture(GL_TEXTURE_2D, 0);
  glDisable(GL_TEXTURE_2D);

  /* Two triangles that pierce each other: left edge of one is in front, right edge behind. */
  glShadeModel(GL_SMOOTH);
  glBegin(GL_TRIANGLES);
  glColor3f(1.0f, 0.1f, 0.1f);
  glVertex3f(-0.6f, -0.5f, -0.8f);
  glColor3f(0.9f, 0.9f, 0.1f);
  glVertex3f(0.8f, -0.3f, 0.8f);
  glColor3f(1.0f, 0.4f, 0.6f);
  glVertex3f(0.1f, 0.8f, 0.0f);

  glColor3f(0.1f, 0.9f, 0.2f);
  glVertex3f(-0.7f, 0.4f, 0.8f);
  glColor3f(0.1f, 0.3f, 1.0f);
  glVertex3f(0.7f, 0.6f, -0.8f);
  glColor3f(0.2f, 0.9f, 0.9f);
  glVertex3f(0.0f, -0.8f, 0.0f);
  glEnd();
  glColor3f(1.0f, 1.0f, 1.0f);
  check_gl("draw_scene");
}

/* Waits up to `seconds` for an X event (returns 1) or times out (returns 0). */
static inline int wait_for_event(Display* dpy, double seconds) {
  if (XPending(dpy)) return 1;
  struct pollfd pfd = {ConnectionNumber(dpy), POLLIN, 0};
  int ms = seconds <= 0 ? 0 : (int)(seconds * 1000.0) + 1;
  int r = poll(&pfd, 1, ms);
  if (r < 0 && errno != EINTR) die("poll: %s", strerror(errno));
  return XPending(dpy) > 0;
}

#endif
