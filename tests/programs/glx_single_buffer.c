/* glx_single_buffer: single-buffered visual (glXChooseVisual without GLX_DOUBLEBUFFER is the
 * classic path; here glXChooseFBConfig with GLX_DOUBLEBUFFER False and a plain X window made
 * current with glXMakeCurrent). It draws the test scene into the front buffer and calls only
 * glFlush, never glXSwapBuffers; after --frames N draws the window is renamed "NAME ready" and
 * kept up for --hold SECONDS, redrawing (and flushing) on Expose. A key press in the window ends it
 * early and cleanly (exit status 0). */
#include "common.h"

int main(int argc, char** argv) {
  struct options o = parse_options(argc, argv, "glx_single_buffer", 1);
  Display* dpy = open_display_with_glx();
  XVisualInfo* vi = NULL;
  GLXFBConfig cfg = choose_config(dpy, False, &vi);
  (void)cfg;
  Window win = create_window(dpy, vi, &o);
  GLXContext ctx = glXCreateContext(dpy, vi, NULL, True);
  if (!ctx) die("glXCreateContext failed");
  if (!glXMakeCurrent(dpy, win, ctx)) die("glXMakeCurrent failed");
  GLint db = 1, draw_buffer = 0;
  glGetIntegerv(GL_DOUBLEBUFFER, &db);
  glGetIntegerv(GL_DRAW_BUFFER, &draw_buffer);
  if (db) die("GL_DOUBLEBUFFER is true on a single-buffered visual");
  if (draw_buffer != GL_FRONT) die("GL_DRAW_BUFFER is 0x%x, expected GL_FRONT", draw_buffer);

  GLuint tex = make_checker_texture();
  int width = o.width, height = o.height;
  int frames = 0, ready = 0, dirty = 1, quit = 0;
  double hold_until = 0.0;

  while (!quit) {
    while (XPending(dpy)) {
      XEvent ev;
      XNextEvent(dpy, &ev);
      if (ev.type == Expose) dirty = 1;
      if (ev.type == KeyPress) quit = 1; /* a key ends the program cleanly (tests use this) */
      if (ev.type == ConfigureNotify && ev.xconfigure.window == win) {
        width = ev.xconfigure.width, height = ev.xconfigure.height, dirty = 1;
      }
    }
    if (quit) break;
    if (!ready || dirty) {
      draw_scene(width, height, tex);
      glFlush();
      check_gl("glFlush");
      dirty = 0;
      ++frames;
    }
    if (!ready && o.frames > 0 && frames >= o.frames) {
      mark_ready(dpy, win, &o);
      ready = 1;
      hold_until = now_seconds() + o.hold;
    }
    if (ready) {
      double left = hold_until - now_seconds();
      if (left <= 0) break;
      wait_for_event(dpy, left);
    }
  }

  glXMakeCurrent(dpy, None, NULL);
  glXDestroyContext(dpy, ctx);
  XDestroyWindow(dpy, win);
  XFree(vi);
  XCloseDisplay(dpy);
  return 0;
}
