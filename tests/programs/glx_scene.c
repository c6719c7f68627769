/* glx_scene: double-buffered GLX 1.3 window (GLXWindow + glXCreateNewContext) that draws the
 * static test scene (clear, depth-tested interpenetrating triangles, a checkerboard-textured quad)
 * and swaps. After --frames N frames its window is renamed "NAME ready"; it then keeps the window
 * up for --hold SECONDS, redrawing on Expose and following resizes. --frames 0 draws until killed.
 * A key press in the window ends it early and cleanly (exit status 0).
 * It writes no image itself: tests read the window with xwin_capture from another connection. */
#include "common.h"

int main(int argc, char** argv) {
  struct options o = parse_options(argc, argv, "glx_scene", 5);
  Display* dpy = open_display_with_glx();
  XVisualInfo* vi = NULL;
  GLXFBConfig cfg = choose_config(dpy, True, &vi);
  Window win = create_window(dpy, vi, &o);
  GLXWindow glxwin = glXCreateWindow(dpy, cfg, win, NULL);
  if (!glxwin) die("glXCreateWindow failed");
  GLXContext ctx = glXCreateNewContext(dpy, cfg, GLX_RGBA_TYPE, NULL, True);
  if (!ctx) die("glXCreateNewContext failed");
  if (!glXMakeContextCurrent(dpy, glxwin, glxwin, ctx)) die("glXMakeContextCurrent failed");
  if (glXGetCurrentContext() != ctx) die("glXGetCurrentContext mismatch");
  if (glXGetCurrentDrawable() != glxwin) die("glXGetCurrentDrawable mismatch");
  GLint db = 0;
  glGetIntegerv(GL_DOUBLEBUFFER, &db);
  if (!db) die("GL_DOUBLEBUFFER is false on a double-buffered config");

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
      glXSwapBuffers(dpy, glxwin);
      check_gl("glXSwapBuffers");
      dirty = 0;
      ++frames;
    }
    if (!ready && o.frames > 0 && frames >= o.frames) {
      glFinish();
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

  glXMakeContextCurrent(dpy, None, None, NULL);
  glXDestroyContext(dpy, ctx);
  glXDestroyWindow(dpy, glxwin);
  XDestroyWindow(dpy, win);
  XFree(vi);
  XCloseDisplay(dpy);
  return 0;
}
