/* Hostile and malformed GLX input: each case asserts the exact X error (or none) and the return
 * value the GLX 1.4 specification (or, where it is silent, Mesa's GLX) gives. Plain GLX + Xlib.
 * Prints one line per case ("ok <case>: ..."), "FAIL: <case>" and exit 1 at the first mismatch.
 * stderr gets "case <name>" before each case, so a log line can be matched to it. */
#define _GNU_SOURCE
#define GL_GLEXT_PROTOTYPES 1
#include "common.h"

#include <GL/glext.h>
#include <GL/glxext.h>

#define MAX_SEEN 8
static int g_seen[MAX_SEEN], g_nseen;
static int record(Display* dpy, XErrorEvent* e) {
  (void)dpy;
  if (g_nseen < MAX_SEEN) g_seen[g_nseen] = e->error_code;
  ++g_nseen;
  return 0;
}

static Display* g_dpy;
static int g_error_base;
static const char* g_case;
static int g_failures;

static void begin(const char* name) {
  XSync(g_dpy, False);
  g_nseen = 0;
  g_case = name;
  fprintf(stderr, "case %s\n", name);
}

/* expected: -1 = no X error at all, else exactly one error with this code. */
static void end(int expected, int ok_return, const char* what) {
  XSync(g_dpy, False);
  int good = ok_return && (expected < 0 ? g_nseen == 0 : (g_nseen == 1 && g_seen[0] == expected));
  if (good) {
    printf("ok %s: %s\n", g_case, what);
  } else {
    printf("FAIL: %s: %s; %d error(s) seen, first %d, expected %d; return value %s\n", g_case, what, g_nseen,
           g_nseen ? g_seen[0] : 0, expected, ok_return ? "as expected" : "WRONG");
    ++g_failures;
  }
  fflush(stdout);
}

#define GLXERR(n) (g_error_base + (n))
enum {
  GLXBadContext_ = 0,
  GLXBadDrawable_ = 2,
  GLXBadPixmap_ = 3,
  GLXBadFBConfig_ = 9,
  GLXBadPbuffer_ = 10,
  GLXBadWindow_ = 12,
  GLXBadProfileARB_ = 13
};

typedef GLXContext (*CreateAttribs)(Display*, GLXFBConfig, GLXContext, Bool, const int*);

int main(void) {
  setvbuf(stderr, NULL, _IONBF, 0);
  XSetErrorHandler(record);
  g_dpy = open_display_with_glx();
  Display* dpy = g_dpy;
  int ev_base = 0;
  if (!glXQueryExtension(dpy, &g_error_base, &ev_base)) die("no GLX");
  const int screen = DefaultScreen(dpy);
  XVisualInfo* vi = NULL;
  GLXFBConfig cfg = choose_config(dpy, 1, &vi);
  struct options o = {0, 64, 64, 0, "bad-input", 0};
  Window win = create_window(dpy, vi, &o);
  CreateAttribs create_attribs =
      (CreateAttribs)glXGetProcAddressARB((const GLubyte*)"glXCreateContextAttribsARB");
  if (!create_attribs) die("no glXCreateContextAttribsARB");
  int n = -1;
  GLXFBConfig* list;

  /* --- attribute lists --- */
  begin("choose-unknown-attribute");
  {
    const int a[] = {0x7fff0000, 1, None};
    list = glXChooseFBConfig(dpy, screen, a, &n);
  }
  end(-1, list == NULL && n == 0, "glXChooseFBConfig gives NULL and 0 configs");
  begin("choose-odd-boolean");
  {
    /* Booleans are "non-zero is True" (as in Mesa): 7 selects the double-buffered configs. */
    const int a[] = {GLX_DOUBLEBUFFER, 7, None};
    list = glXChooseFBConfig(dpy, screen, a, &n);
    int db = 0;
    if (list && n > 0) glXGetFBConfigAttrib(dpy, list[0], GLX_DOUBLEBUFFER, &db);
    end(-1, list != NULL && n > 0 && db == True, "GLX_DOUBLEBUFFER 7 reads as True");
    if (list) XFree(list);
  }
  begin("choose-huge-size");
  {
    const int a[] = {GLX_RED_SIZE, 0x7fffffff, GLX_DEPTH_SIZE, 1 << 30, None};
    list = glXChooseFBConfig(dpy, screen, a, &n);
  }
  end(-1, list == NULL && n == 0, "sizes no config has give NULL");
  begin("choose-negative-size");
  {
    const int a[] = {GLX_RED_SIZE, -8, None};
    list = glXChooseFBConfig(dpy, screen, a, &n);
    if (list) XFree(list);
  }
  end(-1, 1, "a negative minimum does not crash");
  begin("choose-unterminated");
  {
    static int a[4096];
    for (int i = 0; i < 4094; i += 2) a[i] = GLX_RED_SIZE, a[i + 1] = 1;
    a[4094] = None; /* far past any sane cap: the parser must give up long before */
    list = glXChooseFBConfig(dpy, screen, a, &n);
  }
  end(-1, list == NULL && n == 0, "2047 attributes without None within the cap give NULL");
  begin("choose-bad-screen");
  list = glXChooseFBConfig(dpy, 99, NULL, &n);
  end(-1, list == NULL, "screen 99 gives NULL");
  begin("choose-visual-unknown");
  {
    int a[] = {GLX_RGBA, 0x7fff0000, None};
    XVisualInfo* v = glXChooseVisual(dpy, screen, a);
    end(-1, v == NULL, "glXChooseVisual gives NULL");
  }

  /* --- pbuffers --- */
  GLXPbuffer pb;
  begin("pbuffer-negative");
  {
    const int a[] = {GLX_PBUFFER_WIDTH, -5, GLX_PBUFFER_HEIGHT, 10, None};
    pb = glXCreatePbuffer(dpy, cfg, a);
  }
  end(BadValue, pb == None, "negative width: BadValue, None");
  begin("pbuffer-huge");
  {
    const int a[] = {GLX_PBUFFER_WIDTH, 1 << 30, GLX_PBUFFER_HEIGHT, 1 << 30, None};
    pb = glXCreatePbuffer(dpy, cfg, a);
  }
  end(BadAlloc, pb == None, "2^30 x 2^30 without GLX_LARGEST_PBUFFER: BadAlloc, None");
  begin("pbuffer-huge-largest");
  {
    const int a[] = {
        GLX_PBUFFER_WIDTH, 1 << 30, GLX_PBUFFER_HEIGHT, 1 << 30, GLX_LARGEST_PBUFFER, True, None};
    pb = glXCreatePbuffer(dpy, cfg, a);
  }
  {
    unsigned w = 0;
    if (pb) glXQueryDrawable(dpy, pb, GLX_WIDTH, &w);
    end(-1, pb != None && w > 0 && w < (1u << 30), "GLX_LARGEST_PBUFFER clamps to the largest size");
    if (pb) glXDestroyPbuffer(dpy, pb);
  }
  begin("pbuffer-zero");
  {
    const int a[] = {GLX_PBUFFER_WIDTH, 0, GLX_PBUFFER_HEIGHT, 0, None};
    pb = glXCreatePbuffer(dpy, cfg, a);
  }
  end(-1, pb != None, "a 0x0 pbuffer is created");
  begin("pbuffer-zero-current");
  {
    GLXContext c = glXCreateNewContext(dpy, cfg, GLX_RGBA_TYPE, NULL, True);
    Bool made = c && glXMakeContextCurrent(dpy, pb, pb, c);
    if (made) {
      glClear(GL_COLOR_BUFFER_BIT);
      glFinish();
    }
    glXMakeContextCurrent(dpy, None, None, NULL);
    if (c) glXDestroyContext(dpy, c);
    end(-1, made, "a 0x0 pbuffer can be made current and cleared");
    glXDestroyPbuffer(dpy, pb);
  }
  begin("pbuffer-unknown-attribute");
  {
    const int a[] = {0x7fff0000, 1, None};
    pb = glXCreatePbuffer(dpy, cfg, a);
  }
  end(BadValue, pb == None, "unknown attribute: BadValue, None");

  /* --- glXCreateContextAttribsARB --- */
  GLXContext c;
  begin("attribs-unknown");
  {
    const int a[] = {0x7fff0000, 1, None};
    c = create_attribs(dpy, cfg, NULL, True, a);
  }
  end(BadValue, c == NULL, "unknown attribute: BadValue, NULL");
  begin("attribs-version-99");
  {
    const int a[] = {GLX_CONTEXT_MAJOR_VERSION_ARB, 99, None};
    c = create_attribs(dpy, cfg, NULL, True, a);
  }
  end(BadMatch, c == NULL, "OpenGL 99.0: BadMatch, NULL");
  begin("attribs-negative-minor");
  {
    const int a[] = {GLX_CONTEXT_MAJOR_VERSION_ARB, 3, GLX_CONTEXT_MINOR_VERSION_ARB, -1, None};
    c = create_attribs(dpy, cfg, NULL, True, a);
  }
  end(BadMatch, c == NULL, "OpenGL 3.-1: BadMatch, NULL");
  begin("attribs-bad-profile");
  {
    const int a[] = {GLX_CONTEXT_MAJOR_VERSION_ARB,
                     3,
                     GLX_CONTEXT_MINOR_VERSION_ARB,
                     2,
                     GLX_CONTEXT_PROFILE_MASK_ARB,
                     0x77,
                     None};
    c = create_attribs(dpy, cfg, NULL, True, a);
  }
  end(GLXERR(GLXBadProfileARB_), c == NULL, "profile mask 0x77: GLXBadProfileARB, NULL");
  begin("attribs-bad-flags");
  {
    const int a[] = {GLX_CONTEXT_FLAGS_ARB, 0x4000, None};
    c = create_attribs(dpy, cfg, NULL, True, a);
  }
  end(BadValue, c == NULL, "unknown flag bits: BadValue, NULL");

  /* --- foreign and stale handles --- */
  int not_a_config[64] = {0};
  GLXFBConfig foreign = (GLXFBConfig)not_a_config;
  begin("foreign-config-context");
  c = glXCreateNewContext(dpy, foreign, GLX_RGBA_TYPE, NULL, True);
  end(GLXERR(GLXBadFBConfig_), c == NULL, "glXCreateNewContext: GLXBadFBConfig, NULL");
  begin("foreign-config-window");
  {
    GLXWindow w = glXCreateWindow(dpy, foreign, win, NULL);
    end(GLXERR(GLXBadFBConfig_), w == None, "glXCreateWindow: GLXBadFBConfig, None");
  }
  begin("foreign-config-pbuffer");
  pb = glXCreatePbuffer(dpy, foreign, NULL);
  end(GLXERR(GLXBadFBConfig_), pb == None, "glXCreatePbuffer: GLXBadFBConfig, None");
  begin("foreign-config-attrib");
  {
    int v = 0;
    int r = glXGetFBConfigAttrib(dpy, foreign, GLX_RED_SIZE, &v);
    end(-1, r == GLXBadFBConfig_, "glXGetFBConfigAttrib returns GLXBadFBConfig");
  }
  begin("foreign-config-visual");
  {
    XVisualInfo* v = glXGetVisualFromFBConfig(dpy, foreign);
    end(-1, v == NULL, "glXGetVisualFromFBConfig gives NULL");
  }
  begin("bad-render-type");
  c = glXCreateNewContext(dpy, cfg, 0x1234, NULL, True);
  end(BadValue, c == NULL, "render type 0x1234: BadValue, NULL");

  GLXContext freed = glXCreateNewContext(dpy, cfg, GLX_RGBA_TYPE, NULL, True);
  if (!freed) die("cannot create a context");
  glXDestroyContext(dpy, freed);
  XSync(dpy, False);
  begin("freed-context-make-current");
  {
    Bool r = glXMakeCurrent(dpy, win, freed);
    end(GLXERR(GLXBadContext_), r == False, "GLXBadContext, False");
  }
  begin("freed-context-destroy");
  glXDestroyContext(dpy, freed);
  end(GLXERR(GLXBadContext_), 1, "GLXBadContext");
  begin("freed-context-query");
  {
    int v = 0;
    int r = glXQueryContext(dpy, freed, GLX_FBCONFIG_ID, &v);
    end(-1, r == GLX_BAD_CONTEXT, "returns GLX_BAD_CONTEXT");
  }
  begin("foreign-context-pointer");
  {
    Bool r = glXMakeCurrent(dpy, win, (GLXContext)not_a_config);
    end(GLXERR(GLXBadContext_), r == False, "GLXBadContext, False");
  }

  GLXContext ctx = glXCreateNewContext(dpy, cfg, GLX_RGBA_TYPE, NULL, True);
  GLXContext legacy = glXCreateContext(dpy, vi, NULL, True);
  if (!ctx || !legacy) die("cannot create contexts");
  begin("make-current-draw-without-read");
  {
    Bool r = glXMakeContextCurrent(dpy, win, None, ctx);
    end(BadMatch, r == False, "BadMatch, False");
  }
  begin("make-current-no-drawable-gl21");
  {
    Bool r = glXMakeCurrent(dpy, None, legacy);
    end(BadMatch, r == False, "an OpenGL 2.1 context without a drawable: BadMatch");
  }
  begin("make-current-null-with-drawable");
  {
    Bool r = glXMakeCurrent(dpy, win, NULL);
    end(BadMatch, r == False, "a drawable without a context: BadMatch");
  }
  begin("make-current-bad-drawable");
  {
    Bool r = glXMakeCurrent(dpy, (GLXDrawable)0x7ffffff0, ctx);
    end(GLXERR(GLXBadDrawable_), r == False, "GLXBadDrawable, False");
  }

  Display* other = XOpenDisplay(NULL);
  if (!other) die("no second display");
  GLXFBConfig ocfg;
  {
    XVisualInfo* ovi = NULL;
    ocfg = choose_config(other, 1, &ovi);
    XFree(ovi);
  }
  GLXContext octx = glXCreateNewContext(other, ocfg, GLX_RGBA_TYPE, NULL, True);
  begin("context-from-other-display");
  {
    /* X resources are server-wide and direct contexts are the process's: GLX (and Mesa) allow it. */
    Bool r = octx && glXMakeCurrent(dpy, win, octx);
    if (r) {
      glClear(GL_COLOR_BUFFER_BIT);
      glXSwapBuffers(dpy, win);
    }
    glXMakeCurrent(dpy, None, NULL);
    end(-1, r == True, "a context of another connection to the same server works");
  }
  begin("other-display-config");
  c = glXCreateNewContext(dpy, ocfg, GLX_RGBA_TYPE, NULL, True);
  end(GLXERR(GLXBadFBConfig_), c == NULL, "an FBConfig of another Display: GLXBadFBConfig");
  glXDestroyContext(other, octx);

  /* --- drawables --- */
  begin("destroy-window-garbage");
  glXDestroyWindow(dpy, (GLXWindow)0x7ffffff0);
  end(GLXERR(GLXBadWindow_), 1, "GLXBadWindow");
  begin("destroy-pbuffer-garbage");
  glXDestroyPbuffer(dpy, (GLXPbuffer)0x7ffffff0);
  end(GLXERR(GLXBadPbuffer_), 1, "GLXBadPbuffer");
  begin("destroy-pixmap-garbage");
  glXDestroyPixmap(dpy, (GLXPixmap)0x7ffffff0);
  end(GLXERR(GLXBadPixmap_), 1, "GLXBadPixmap");
  begin("destroy-pbuffer-is-window");
  {
    /* A fresh window: `win` was adopted by glXMakeCurrent above with another display's config. */
    struct options o2 = {0, 32, 32, 0, "bad-input-2", 0};
    Window win2 = create_window(dpy, vi, &o2);
    GLXWindow gw = glXCreateWindow(dpy, cfg, win2, NULL);
    glXDestroyPbuffer(dpy, gw);
    end(GLXERR(GLXBadPbuffer_), gw != None, "a GLXWindow passed as pbuffer: GLXBadPbuffer");
    glXDestroyWindow(dpy, gw);
  }
  begin("query-drawable-garbage");
  {
    unsigned v = 0;
    glXQueryDrawable(dpy, (GLXDrawable)0x7ffffff0, GLX_WIDTH, &v);
    end(GLXERR(GLXBadDrawable_), 1, "GLXBadDrawable");
  }
  begin("create-window-bad-xid");
  {
    GLXWindow w = glXCreateWindow(dpy, cfg, (Window)0x7ffffff0, NULL);
    end(BadWindow, w == None, "BadWindow, None");
  }
  begin("create-pixmap-bad-xid");
  {
    GLXPixmap p = glXCreatePixmap(dpy, cfg, (Pixmap)0x7ffffff0, NULL);
    end(BadPixmap, p == None, "BadPixmap, None");
  }
  begin("swap-garbage");
  glXSwapBuffers(dpy, (GLXDrawable)0x7ffffff0);
  end(GLXERR(GLXBadDrawable_), 1, "GLXBadDrawable");

  /* --- no current context --- */
  begin("no-context-queries");
  end(-1, glXGetCurrentContext() == NULL && glXGetCurrentDrawable() == None && glXGetCurrentDisplay() == NULL,
      "glXGetCurrent* give NULL/None");
  begin("no-context-gl-calls");
  {
    const GLubyte* s = glGetString(GL_VERSION);
    GLuint fb = 0;
    unsigned char px[4];
    glClear(GL_COLOR_BUFFER_BIT);
    glViewport(0, 0, 10, 10);
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    glDrawBuffer(GL_BACK);
    glReadPixels(0, 0, 1, 1, GL_RGBA, GL_UNSIGNED_BYTE, px);
    glGetIntegerv(GL_FRAMEBUFFER_BINDING, (GLint*)&fb);
    glXWaitGL();
    glXWaitX();
    end(-1, s == NULL, "GL calls are ignored, glGetString gives NULL");
  }
  begin("no-context-swap");
  glXSwapBuffers(dpy, win);
  end(-1, 1, "swapping a window no context is current to is no error");

  /* --- NULL display --- */
  begin("null-display");
  {
    int ma = 0, mi = 0;
    Bool q = glXQueryVersion(NULL, &ma, &mi);
    GLXContext nc = glXCreateNewContext(NULL, cfg, GLX_RGBA_TYPE, NULL, True);
    GLXFBConfig* fl = glXGetFBConfigs(NULL, 0, &n);
    XVisualInfo* nv = glXChooseVisual(NULL, 0, NULL);
    end(-1, q == False && nc == NULL && fl == NULL && nv == NULL, "glXQueryVersion False, creators NULL");
  }

  glXDestroyContext(dpy, ctx);
  glXDestroyContext(dpy, legacy);
  XCloseDisplay(other);
  XCloseDisplay(dpy);
  if (g_failures) {
    fprintf(stderr, "FAIL: %d case(s) failed\n", g_failures);
    return 1;
  }
  printf("all cases passed\n");
  return 0;
}
