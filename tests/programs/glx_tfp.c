/* GLX_EXT_texture_from_pixmap, as a compositing window manager uses it: an X pixmap drawn with core
 * X11 calls is bound as a texture and drawn into a window; the window must show the pixmap's
 * contents, and after the pixmap changes and is rebound, the new contents. Also a depth-32 pixmap
 * bound as RGBA (its alpha must reach the GL) and a mipmapped binding. Exits 0 when all checks pass. */
#define GL_GLEXT_PROTOTYPES 1
#include "glx_check.h"

#include <GL/glxext.h>

static PFNGLXBINDTEXIMAGEEXTPROC bind_tex;
static PFNGLXRELEASETEXIMAGEEXTPROC release_tex;

/* An FBConfig that can bind pixmaps of `depth` as `bind_attr` textures (2D), or NULL. */
static GLXFBConfig pixmap_config(Display* dpy, int depth, int bind_attr, int mipmap) {
  const int attribs[] = {GLX_DRAWABLE_TYPE,
                         GLX_PIXMAP_BIT,
                         bind_attr,
                         True,
                         GLX_BIND_TO_TEXTURE_TARGETS_EXT,
                         GLX_TEXTURE_2D_BIT_EXT,
                         GLX_BIND_TO_MIPMAP_TEXTURE_EXT,
                         mipmap ? True : GLX_DONT_CARE,
                         GLX_DOUBLEBUFFER,
                         GLX_DONT_CARE,
                         None};
  int n = 0;
  GLXFBConfig* list = glXChooseFBConfig(dpy, DefaultScreen(dpy), attribs, &n);
  GLXFBConfig found = NULL;
  for (int i = 0; i < n && !found; ++i) {
    XVisualInfo* vi = glXGetVisualFromFBConfig(dpy, list[i]);
    if (vi && vi->depth == depth) found = list[i];
    if (vi) XFree(vi);
  }
  if (list) XFree(list);
  return found;
}

static void draw_textured_quad(GLuint tex, int y_inverted) {
  glClearColor(0, 0, 0, 1);
  glClear(GL_COLOR_BUFFER_BIT);
  glEnable(GL_TEXTURE_2D);
  glBindTexture(GL_TEXTURE_2D, tex);
  glTexEnvi(GL_TEXTURE_ENV, GL_TEXTURE_ENV_MODE, GL_REPLACE);
  /* The pixmap's top row must land at the window's top. Any non-zero GLX_Y_INVERTED_EXT counts as
   * inverted, as compositors read it (Mesa answers GLX_DONT_CARE and inverts). */
  float top = y_inverted != 0 ? 0.0f : 1.0f, bottom = y_inverted != 0 ? 1.0f : 0.0f;
  glBegin(GL_QUADS);
  glTexCoord2f(0, bottom);
  glVertex2f(-1, -1);
  glTexCoord2f(1, bottom);
  glVertex2f(1, -1);
  glTexCoord2f(1, top);
  glVertex2f(1, 1);
  glTexCoord2f(0, top);
  glVertex2f(-1, 1);
  glEnd();
  glDisable(GL_TEXTURE_2D);
  check_gl("draw_textured_quad");
}

int main(int argc, char** argv) {
  struct options o = parse_options(argc, argv, "glx_tfp", 1);
  o.width = o.height = 128;
  Display* dpy = open_display_with_glx();
  require_glx_extension(dpy, "GLX_EXT_texture_from_pixmap");
  bind_tex = (PFNGLXBINDTEXIMAGEEXTPROC)glXGetProcAddress((const GLubyte*)"glXBindTexImageEXT");
  release_tex = (PFNGLXRELEASETEXIMAGEEXTPROC)glXGetProcAddress((const GLubyte*)"glXReleaseTexImageEXT");
  if (!bind_tex || !release_tex) die("glXBindTexImageEXT/glXReleaseTexImageEXT not found");

  XVisualInfo* vi = NULL;
  GLXFBConfig wincfg = choose_config(dpy, 1, &vi);
  Window win = create_window(dpy, vi, &o);
  GLXContext ctx = glXCreateNewContext(dpy, wincfg, GLX_RGBA_TYPE, NULL, True);
  if (!ctx || !glXMakeContextCurrent(dpy, win, win, ctx)) die("cannot make a context current");

  GLXFBConfig pcfg = pixmap_config(dpy, 24, GLX_BIND_TO_TEXTURE_RGB_EXT, 0);
  if (!pcfg) die("no FBConfig binds depth-24 pixmaps as RGB 2D textures");
  int y_inverted = 0;
  glXGetFBConfigAttrib(dpy, pcfg, GLX_Y_INVERTED_EXT, &y_inverted);
  printf("depth-24 pixmap config: GLX_Y_INVERTED_EXT = %d\n", y_inverted);

  /* 1. Top half red, bottom half blue, drawn by the X server. */
  Pixmap pm = XCreatePixmap(dpy, win, 64, 64, 24);
  GC gc = XCreateGC(dpy, pm, 0, NULL);
  XSetForeground(dpy, gc, x_color(vi->visual, 255, 0, 0));
  XFillRectangle(dpy, pm, gc, 0, 0, 64, 32);
  XSetForeground(dpy, gc, x_color(vi->visual, 0, 0, 255));
  XFillRectangle(dpy, pm, gc, 0, 32, 64, 32);
  const int pattr[] = {GLX_TEXTURE_FORMAT_EXT, GLX_TEXTURE_FORMAT_RGB_EXT, GLX_TEXTURE_TARGET_EXT,
                       GLX_TEXTURE_2D_EXT, None};
  GLXPixmap gpm = glXCreatePixmap(dpy, pcfg, pm, pattr);
  unsigned int fmt = 0;
  glXQueryDrawable(dpy, gpm, GLX_TEXTURE_FORMAT_EXT, &fmt);
  /* Mesa answers 0 for this query; a value, when given, must be the one asked for. */
  if (fmt != 0 && fmt != GLX_TEXTURE_FORMAT_RGB_EXT)
    die("GLX_TEXTURE_FORMAT_EXT of the GLX pixmap is 0x%x", fmt);

  GLuint tex = 0;
  glGenTextures(1, &tex);
  glBindTexture(GL_TEXTURE_2D, tex);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
  bind_tex(dpy, gpm, GLX_FRONT_LEFT_EXT, NULL);
  draw_textured_quad(tex, y_inverted);
  glXSwapBuffers(dpy, win);
  expect_x_pixel(dpy, win, vi->visual, 64, 20, (struct rgb){255, 0, 0}, 2, "pixmap top half in window");
  expect_x_pixel(dpy, win, vi->visual, 64, 108, (struct rgb){0, 0, 255}, 2, "pixmap bottom half in window");
  release_tex(dpy, gpm, GLX_FRONT_LEFT_EXT);

  /* 2. The pixmap changes (left green, right yellow): after a rebind the window shows that. */
  XSetForeground(dpy, gc, x_color(vi->visual, 0, 255, 0));
  XFillRectangle(dpy, pm, gc, 0, 0, 32, 64);
  XSetForeground(dpy, gc, x_color(vi->visual, 255, 255, 0));
  XFillRectangle(dpy, pm, gc, 32, 0, 32, 64);
  glBindTexture(GL_TEXTURE_2D, tex);
  bind_tex(dpy, gpm, GLX_FRONT_LEFT_EXT, NULL);
  draw_textured_quad(tex, y_inverted);
  glXSwapBuffers(dpy, win);
  expect_x_pixel(dpy, win, vi->visual, 20, 64, (struct rgb){0, 255, 0}, 2, "changed pixmap left half");
  expect_x_pixel(dpy, win, vi->visual, 108, 64, (struct rgb){255, 255, 0}, 2, "changed pixmap right half");
  release_tex(dpy, gpm, GLX_FRONT_LEFT_EXT);

  /* 3. Mipmapped binding: level 1 exists and has the pixmap's (uniform) colour. */
  /* Mesa's own drisw advertises mipmap binding but leaves level 1 empty: its reference run skips this. */
  GLXFBConfig mcfg = pixmap_config(dpy, 24, GLX_BIND_TO_TEXTURE_RGB_EXT, 1);
  if (getenv("GLX_TFP_SKIP_MIPMAP")) {
    printf("note: mipmap check skipped (GLX_TFP_SKIP_MIPMAP)\n");
  } else if (mcfg) {
    XSetForeground(dpy, gc, x_color(vi->visual, 0, 255, 255));
    XFillRectangle(dpy, pm, gc, 0, 0, 64, 64);
    const int mattr[] = {GLX_TEXTURE_FORMAT_EXT,
                         GLX_TEXTURE_FORMAT_RGB_EXT,
                         GLX_TEXTURE_TARGET_EXT,
                         GLX_TEXTURE_2D_EXT,
                         GLX_MIPMAP_TEXTURE_EXT,
                         True,
                         None};
    GLXPixmap mpm = glXCreatePixmap(dpy, mcfg, pm, mattr);
    GLuint mt = 0;
    glGenTextures(1, &mt);
    glBindTexture(GL_TEXTURE_2D, mt);
    bind_tex(dpy, mpm, GLX_FRONT_LEFT_EXT, NULL);
    GLint w1 = 0;
    glGetTexLevelParameteriv(GL_TEXTURE_2D, 1, GL_TEXTURE_WIDTH, &w1);
    unsigned char texel[4 * 32 * 32];
    glGetTexImage(GL_TEXTURE_2D, 1, GL_RGBA, GL_UNSIGNED_BYTE, texel);
    if (w1 != 32 || texel[0] != 0 || texel[1] != 255 || texel[2] != 255)
      die("mipmap level 1: width %d, texel %d,%d,%d", w1, texel[0], texel[1], texel[2]);
    printf("ok: mipmapped binding, level 1 is 32 wide and cyan\n");
    release_tex(dpy, mpm, GLX_FRONT_LEFT_EXT);
    glXDestroyPixmap(dpy, mpm);
  } else {
    die("no FBConfig offers GLX_BIND_TO_MIPMAP_TEXTURE_EXT");
  }

  /* 4. Depth 32 (ARGB visual): RGBA binding carries the pixmap's alpha. */
  GLXFBConfig acfg = pixmap_config(dpy, 32, GLX_BIND_TO_TEXTURE_RGBA_EXT, 0);
  if (acfg) {
    XVisualInfo* avi = glXGetVisualFromFBConfig(dpy, acfg);
    Pixmap apm = XCreatePixmap(dpy, win, 64, 64, 32);
    GC agc = XCreateGC(dpy, apm, 0, NULL);
    unsigned long rgb_bits = avi->visual->red_mask | avi->visual->green_mask | avi->visual->blue_mask;
    unsigned long alpha_mask = 0xffffffffUL & ~rgb_bits;
    unsigned long half_alpha = (alpha_mask >> mask_shift(alpha_mask)) / 2 << mask_shift(alpha_mask);
    /* Premultiplied-style value: red 255 with alpha ~50%. */
    XSetForeground(dpy, agc, x_color(avi->visual, 255, 0, 0) | half_alpha);
    XFillRectangle(dpy, apm, agc, 0, 0, 64, 64);
    const int aattr[] = {GLX_TEXTURE_FORMAT_EXT, GLX_TEXTURE_FORMAT_RGBA_EXT, GLX_TEXTURE_TARGET_EXT,
                         GLX_TEXTURE_2D_EXT, None};
    GLXPixmap agpm = glXCreatePixmap(dpy, acfg, apm, aattr);
    glBindTexture(GL_TEXTURE_2D, tex);
    bind_tex(dpy, agpm, GLX_FRONT_LEFT_EXT, NULL);
    glEnable(GL_BLEND);
    glBlendFunc(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA);
    draw_textured_quad(tex, y_inverted);
    glDisable(GL_BLEND);
    glXSwapBuffers(dpy, win);
    expect_x_pixel(dpy, win, vi->visual, 64, 64, (struct rgb){127, 0, 0}, 3, "depth-32 pixmap alpha-blended");
    release_tex(dpy, agpm, GLX_FRONT_LEFT_EXT);
    glXDestroyPixmap(dpy, agpm);
    XFreeGC(dpy, agc);
    XFreePixmap(dpy, apm);
    XFree(avi);
  } else {
    printf("note: no depth-32 visual with an RGBA-bindable config on this screen\n");
  }

  mark_ready(dpy, win, &o);
  glXMakeContextCurrent(dpy, None, None, NULL);
  glXDestroyPixmap(dpy, gpm);
  glXDestroyContext(dpy, ctx);
  XFreeGC(dpy, gc);
  XFreePixmap(dpy, pm);
  XCloseDisplay(dpy);
  printf("PASS\n");
  return 0;
}
