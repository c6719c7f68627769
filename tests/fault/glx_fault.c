/* X faults under a GLX program: plain GLX 1.3 + Xlib, nothing eglrun-specific.
 *   glx_fault server-killed [--handler]  renders until the X server dies; prints "ready" on stdout
 *                                        after 10 frames. With --handler its XIOErrorHandler prints
 *                                        "app: X I/O error handler" and exits 42; without, Xlib's
 *                                        default handler prints and exits 1.
 *   glx_fault close-display              5 rounds: open, create context + window, swap 3 frames,
 *                                        XCloseDisplay at once (context still current, frames in
 *                                        flight); then exit 0.
 *   glx_fault window-destroyed           another X client (a second connection) destroys the window
 *                                        while the program keeps rendering 50 frames; any X error
 *                                        reaching the handler fails; glXDestroyWindow still works.
 * Exit 0 on success, 1 with "FAIL: ..." on stderr. */
#define _GNU_SOURCE
#define GL_GLEXT_PROTOTYPES 1
#include "common.h"

#include <signal.h>
#include <unistd.h>

static int g_errors = 0;
static int record_error(Display* dpy, XErrorEvent* e) {
  char text[128];
  XGetErrorText(dpy, e->error_code, text, sizeof text);
  fprintf(stderr, "app: X error %d (%s) request %d.%d\n", e->error_code, text, e->request_code,
          e->minor_code);
  ++g_errors;
  return 0;
}

static int io_handler(Display* dpy) {
  (void)dpy;
  static const char msg[] = "app: X I/O error handler\n";
  ssize_t n = write(2, msg, sizeof msg - 1);
  (void)n;
  exit(42); /* exit(), not _exit(): atexit handlers and library destructors run, as in real apps */
}

static void frame(Display* dpy, GLXWindow gw, int w, int h, int i) {
  glViewport(0, 0, w, h);
  glClearColor((float)(i % 7) / 7.0f, 0.3f, 0.6f, 1.0f);
  glClear(GL_COLOR_BUFFER_BIT);
  glXSwapBuffers(dpy, gw);
}

static int server_killed(int handler) {
  if (handler) XSetIOErrorHandler(io_handler);
  Display* dpy = open_display_with_glx();
  XVisualInfo* vi = NULL;
  GLXFBConfig c = choose_config(dpy, 1, &vi);
  struct options o = {0, 200, 150, 0, "fault", 0};
  Window win = create_window(dpy, vi, &o);
  GLXContext ctx = glXCreateNewContext(dpy, c, GLX_RGBA_TYPE, NULL, True);
  if (!ctx || !glXMakeContextCurrent(dpy, win, win, ctx)) die("cannot make a context current");
  for (int i = 0;; ++i) {
    frame(dpy, win, o.width, o.height, i);
    if (i == 10) {
      printf("ready\n");
      fflush(stdout);
    }
    /* The app's own X traffic, as an event loop has: this is where it learns the server is gone. */
    while (XPending(dpy)) {
      XEvent ev;
      XNextEvent(dpy, &ev);
    }
    if (i > 100000) die("the X server never went away");
  }
}

static int close_display(void) {
  for (int round = 0; round < 5; ++round) {
    Display* dpy = open_display_with_glx();
    XVisualInfo* vi = NULL;
    GLXFBConfig c = choose_config(dpy, 1, &vi);
    struct options o = {0, 160, 120, 0, "close", 0};
    Window win = create_window(dpy, vi, &o);
    GLXContext ctx = glXCreateNewContext(dpy, c, GLX_RGBA_TYPE, NULL, True);
    if (!ctx || !glXMakeContextCurrent(dpy, win, win, ctx)) die("cannot make a context current");
    for (int i = 0; i < 3; ++i) frame(dpy, win, o.width, o.height, i);
    XFree(vi);
    XCloseDisplay(dpy); /* no glXMakeCurrent(None), no glXDestroyContext: the display takes them */
    if (glXGetCurrentContext() != NULL) die("a context is still current after XCloseDisplay");
  }
  return 0;
}

static int window_destroyed(void) {
  XSetErrorHandler(record_error);
  Display* dpy = open_display_with_glx();
  Display* other = XOpenDisplay(NULL); /* another X client, as far as the server is concerned */
  if (!other) die("cannot open a second connection");
  XVisualInfo* vi = NULL;
  GLXFBConfig c = choose_config(dpy, 1, &vi);
  struct options o = {0, 200, 150, 0, "victim", 0};
  Window win = create_window(dpy, vi, &o);
  GLXWindow gw = glXCreateWindow(dpy, c, win, NULL);
  GLXContext ctx = glXCreateNewContext(dpy, c, GLX_RGBA_TYPE, NULL, True);
  if (!gw || !ctx || !glXMakeContextCurrent(dpy, gw, gw, ctx)) die("cannot make a context current");
  for (int i = 0; i < 10; ++i) frame(dpy, gw, o.width, o.height, i);
  XSync(dpy, False);
  XDestroyWindow(other, win);
  XSync(other, False);
  for (int i = 0; i < 50; ++i) {
    frame(dpy, gw, o.width, o.height, i);
    while (XPending(dpy)) {
      XEvent ev;
      XNextEvent(dpy, &ev);
    }
  }
  glFinish();
  if (glGetError() != GL_NO_ERROR) die("GL error while rendering to a destroyed window");
  glXMakeContextCurrent(dpy, None, None, NULL);
  glXDestroyWindow(dpy, gw); /* the GLXWindow outlives its X window (GLX 1.4 3.3.5) */
  glXDestroyContext(dpy, ctx);
  XSync(dpy, False);
  if (g_errors) die("%d X error(s) reached the application", g_errors);
  XCloseDisplay(other);
  XCloseDisplay(dpy);
  return 0;
}

int main(int argc, char** argv) {
  if (argc < 2) die("usage: glx_fault server-killed [--handler] | close-display | window-destroyed");
  setvbuf(stdout, NULL, _IOLBF, 0);
  if (!strcmp(argv[1], "server-killed")) return server_killed(argc > 2 && !strcmp(argv[2], "--handler"));
  if (!strcmp(argv[1], "close-display")) return close_display();
  if (!strcmp(argv[1], "window-destroyed")) return window_destroyed();
  die("unknown mode %s", argv[1]);
}
