/* How fast the presenter can read a swap-chain image back, per storage and read format: the
 * measurement behind the colour storage and read format eglrun uses (docs/performance.md).
 *
 * Plain EGL on the first device (as eglrun uses it), no X. For each storage variant an
 * "application" context makes a texture, turns it into an EGLImage and checks what the application
 * sees through it (alpha bits, alpha read back after clearing alpha to 0); a second context that
 * shares nothing (the presenter's) imports the image as a renderbuffer and times, as median wall ms,
 * fastest wall ms and process CPU ms (all threads): glReadPixels with each format/type, GL_RGBA
 * followed by a CPU red/blue swap, a same-format blit (the cost of the back-buffer preserve copy)
 * and a blit into a BGRA texture followed by a memcpy read (a GPU-side conversion).
 *   readback_bench [WxH] [reads]  ->  "RESULT storage=... read=|blit=... ms=... min=... cpu_ms=..." */
#define _POSIX_C_SOURCE 200809L
#define EGL_EGLEXT_PROTOTYPES
#define GL_GLEXT_PROTOTYPES
#include <EGL/egl.h>
#include <EGL/eglext.h>
#include <GL/gl.h>
#include <GL/glext.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

typedef void (*ImageTargetRenderbuffer)(GLenum target, void* image);

static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static double cpu_now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts); /* all threads: llvmpipe's rasterisers too */
  return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static int cmp(const void* a, const void* b) {
  double x = *(const double*)a, y = *(const double*)b;
  return x < y ? -1 : x > y;
}

struct storage {
  const char* name;
  GLenum internal;
  GLenum format, type; /* 0: glTexStorage2D (no format hint) */
};

struct read_fmt {
  const char* name;
  GLenum format, type;
};

/* eglrun stores no-alpha 8-bit configs as glTexStorage2D(GL_RGB8) and 8-bit alpha configs as
 * glTexImage2D(GL_RGBA, GL_BGRA hint) (drawable/image_storage.cpp); the other rows show why. */
static const struct storage storages[] = {
    {"TexStorage(RGB8)", GL_RGB8, 0, 0},
    {"TexImage(RGB8,BGRA,UBYTE)", GL_RGB8, GL_BGRA, GL_UNSIGNED_BYTE},
    {"TexImage(RGB,BGRA,UBYTE)", GL_RGB, GL_BGRA, GL_UNSIGNED_BYTE},
    {"TexStorage(RGBA8)", GL_RGBA8, 0, 0},
    {"TexImage(RGBA8,BGRA,UBYTE)", GL_RGBA8, GL_BGRA, GL_UNSIGNED_BYTE},
    {"TexImage(RGBA,BGRA,UBYTE)", GL_RGBA, GL_BGRA, GL_UNSIGNED_BYTE},
};

static const struct read_fmt reads[] = {
    {"BGRA/UBYTE", GL_BGRA, GL_UNSIGNED_BYTE},
    {"BGRA/8888_REV", GL_BGRA, GL_UNSIGNED_INT_8_8_8_8_REV},
    {"RGBA/UBYTE", GL_RGBA, GL_UNSIGNED_BYTE},
};

/* Median wall and process-CPU milliseconds of n runs of op (after one warm-up run). */
struct timing {
  double wall_ms, cpu_ms, min_ms;
};

static struct timing measure(void (*op)(void*), void* arg, int n, double* t, double* c) {
  op(arg);
  for (int i = 0; i < n; ++i) {
    double t0 = now(), c0 = cpu_now();
    op(arg);
    t[i] = now() - t0;
    c[i] = cpu_now() - c0;
  }
  qsort(t, (size_t)n, sizeof t[0], cmp);
  qsort(c, (size_t)n, sizeof c[0], cmp);
  struct timing r = {t[n / 2] * 1e3, c[n / 2] * 1e3, t[0] * 1e3};
  return r;
}

struct read_op {
  int w, h;
  GLenum format, type;
  void* dst;
  GLuint blit_from, blit_to; /* read framebuffers: blit_from -> blit_to first, when set */
  int swap_red_blue;         /* then swap bytes 0 and 2 of every pixel in place, on the CPU */
};

/* RGBA <-> BGRA in place, 16 bytes at a time (GCC vector extensions: SSE2 on x86-64). */
static void swap_red_blue(void* pixels, size_t count) {
  typedef uint32_t v4 __attribute__((vector_size(16)));
  unsigned char* p = pixels;
  size_t i = 0;
  for (; i + 4 <= count; i += 4) {
    v4 v;
    memcpy(&v, p + i * 4, sizeof v);
    v = (v & 0xff00ff00u) | ((v >> 16) & 0xffu) | ((v & 0xffu) << 16);
    memcpy(p + i * 4, &v, sizeof v);
  }
  for (; i < count; ++i) {
    unsigned char t = p[i * 4];
    p[i * 4] = p[i * 4 + 2];
    p[i * 4 + 2] = t;
  }
}

static void read_op_run(void* p) {
  const struct read_op* r = p;
  if (r->blit_to != 0) {
    glBindFramebuffer(GL_READ_FRAMEBUFFER, r->blit_from);
    glBindFramebuffer(GL_DRAW_FRAMEBUFFER, r->blit_to);
    glBlitFramebuffer(0, 0, r->w, r->h, 0, 0, r->w, r->h, GL_COLOR_BUFFER_BIT, GL_NEAREST);
    glBindFramebuffer(GL_READ_FRAMEBUFFER, r->blit_to);
  }
  if (r->dst != NULL) {
    glReadPixels(0, 0, r->w, r->h, r->format, r->type, r->dst);
    if (r->swap_red_blue) swap_red_blue(r->dst, (size_t)r->w * (size_t)r->h);
  } else
    glFinish();
  if (r->blit_to != 0) glBindFramebuffer(GL_READ_FRAMEBUFFER, r->blit_from);
}

/* A colour texture of the presenter's own with an FBO over it. */
static GLuint own_target(int w, int h, GLint internal, GLenum format, GLuint* tex) {
  GLuint fbo = 0;
  glGenTextures(1, tex);
  glBindTexture(GL_TEXTURE_2D, *tex);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAX_LEVEL, 0);
  glTexImage2D(GL_TEXTURE_2D, 0, internal, w, h, 0, format, GL_UNSIGNED_BYTE, NULL);
  glGenFramebuffers(1, &fbo);
  glBindFramebuffer(GL_DRAW_FRAMEBUFFER, fbo);
  glFramebufferTexture2D(GL_DRAW_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, *tex, 0);
  return fbo;
}

static EGLContext make_context(EGLDisplay dpy) {
  static const EGLint attrs[] = {EGL_CONTEXT_MAJOR_VERSION, 3, EGL_CONTEXT_MINOR_VERSION, 0, EGL_NONE};
  return eglCreateContext(dpy, EGL_NO_CONFIG_KHR, EGL_NO_CONTEXT, attrs);
}

int main(int argc, char** argv) {
  int w = 1920, h = 1080, n = 21;
  if (argc > 1 && sscanf(argv[1], "%dx%d", &w, &h) != 2) return 2;
  if (argc > 2) n = atoi(argv[2]);
  if (n < 1 || n > 1000) return 2;

  EGLDeviceEXT dev;
  EGLint ndev = 0;
  PFNEGLQUERYDEVICESEXTPROC query_devices =
      (PFNEGLQUERYDEVICESEXTPROC)eglGetProcAddress("eglQueryDevicesEXT");
  if (!query_devices || !query_devices(1, &dev, &ndev) || ndev < 1) {
    fprintf(stderr, "no EGL device\n");
    return 1;
  }
  EGLDisplay dpy = eglGetPlatformDisplay(EGL_PLATFORM_DEVICE_EXT, dev, NULL);
  if (!eglInitialize(dpy, NULL, NULL) || !eglBindAPI(EGL_OPENGL_API)) return 1;
  EGLContext app = make_context(dpy), presenter = make_context(dpy);
  if (app == EGL_NO_CONTEXT || presenter == EGL_NO_CONTEXT) {
    fprintf(stderr, "cannot create contexts (0x%x)\n", eglGetError());
    return 1;
  }
  ImageTargetRenderbuffer image_target_rb =
      (ImageTargetRenderbuffer)eglGetProcAddress("glEGLImageTargetRenderbufferStorageOES");
  PFNEGLCREATEIMAGEKHRPROC create_image = (PFNEGLCREATEIMAGEKHRPROC)eglGetProcAddress("eglCreateImageKHR");
  PFNEGLDESTROYIMAGEKHRPROC destroy_image =
      (PFNEGLDESTROYIMAGEKHRPROC)eglGetProcAddress("eglDestroyImageKHR");
  size_t bytes = (size_t)w * (size_t)h * 4;
  unsigned char* dst = malloc(bytes);
  double* t = malloc(sizeof(double) * (size_t)n);
  double* c = malloc(sizeof(double) * (size_t)n);
  if (!dst || !t || !c || !image_target_rb || !create_image || !destroy_image) return 1;
  printf("readback of %dx%d, median of %d reads\n", w, h, n);

  for (size_t s = 0; s < sizeof storages / sizeof storages[0]; ++s) {
    const struct storage* st = &storages[s];
    /* The application side: storage, image, and what the application sees through it. */
    eglMakeCurrent(dpy, EGL_NO_SURFACE, EGL_NO_SURFACE, app);
    GLuint tex = 0, rb = 0, fbo = 0;
    glGenTextures(1, &tex);
    glBindTexture(GL_TEXTURE_2D, tex);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAX_LEVEL, 0);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
    if (st->format == 0)
      glTexStorage2D(GL_TEXTURE_2D, 1, st->internal, w, h);
    else
      glTexImage2D(GL_TEXTURE_2D, 0, (GLint)st->internal, w, h, 0, st->format, st->type, NULL);
    EGLImageKHR img = create_image(dpy, app, EGL_GL_TEXTURE_2D_KHR, (EGLClientBuffer)(uintptr_t)tex, NULL);
    glDeleteTextures(1, &tex);
    if (img == EGL_NO_IMAGE_KHR) {
      printf("RESULT storage=%s image=failed(0x%x)\n", st->name, eglGetError());
      continue;
    }
    glGenRenderbuffers(1, &rb);
    glBindRenderbuffer(GL_RENDERBUFFER, rb);
    image_target_rb(GL_RENDERBUFFER, img);
    glGenFramebuffers(1, &fbo);
    glBindFramebuffer(GL_FRAMEBUFFER, fbo);
    glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_RENDERBUFFER, rb);
    GLint alpha_bits = -1;
    glGetRenderbufferParameteriv(GL_RENDERBUFFER, GL_RENDERBUFFER_ALPHA_SIZE, &alpha_bits);
    glClearColor(0.2f, 0.4f, 0.6f, 0.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    GLfloat px[4] = {0};
    glReadPixels(0, 0, 1, 1, GL_RGBA, GL_FLOAT, px);
    glFinish();
    /* The bytes as stored, read raw by the presenter below. */
    eglMakeCurrent(dpy, EGL_NO_SURFACE, EGL_NO_SURFACE, presenter);
    GLuint prb = 0, pfbo = 0;
    glGenRenderbuffers(1, &prb);
    glBindRenderbuffer(GL_RENDERBUFFER, prb);
    image_target_rb(GL_RENDERBUFFER, img);
    glGenFramebuffers(1, &pfbo);
    glBindFramebuffer(GL_READ_FRAMEBUFFER, pfbo);
    glFramebufferRenderbuffer(GL_READ_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_RENDERBUFFER, prb);
    unsigned char first[4] = {0};
    glReadPixels(0, 0, 1, 1, GL_BGRA, GL_UNSIGNED_BYTE, first);
    printf("RESULT storage=%s app_alpha_bits=%d app_alpha_after_clear_to_0=%.2f bgra=%02x%02x%02x%02x\n",
           st->name, alpha_bits, px[3], first[0], first[1], first[2], first[3]);
    for (size_t r = 0; r < sizeof reads / sizeof reads[0]; ++r) {
      struct read_op op = {w, h, reads[r].format, reads[r].type, dst, 0, 0, 0};
      struct timing m = measure(read_op_run, &op, n, t, c);
      printf("RESULT storage=%s read=%s ms=%.3f min=%.3f cpu_ms=%.3f error=0x%x\n", st->name, reads[r].name,
             m.wall_ms, m.min_ms, m.cpu_ms, glGetError());
    }
    {
      struct read_op op = {w, h, GL_RGBA, GL_UNSIGNED_BYTE, dst, 0, 0, 1};
      struct timing m = measure(read_op_run, &op, n, t, c);
      printf("RESULT storage=%s read=RGBA/UBYTE+cpu-swap ms=%.3f min=%.3f cpu_ms=%.3f error=0x%x\n", st->name,
             m.wall_ms, m.min_ms, m.cpu_ms, glGetError());
    }
    /* GPU copies in the presenter's context: into the same kind of storage (what the back-buffer
     * preserve copy costs), and into a BGRA texture of its own that glReadPixels(GL_BGRA) can copy
     * out with memcpy (unsized GL_RGBA with a GL_BGRA hint: Mesa stores it as B8G8R8A8). */
    GLuint own_tex[2] = {0, 0};
    GLuint same = own_target(w, h, (GLint)st->internal, st->format ? st->format : GL_RGBA, &own_tex[0]);
    GLuint bgra = own_target(w, h, GL_RGBA, GL_BGRA, &own_tex[1]);
    struct read_op copy = {w, h, 0, 0, NULL, pfbo, same, 0};
    struct timing m = measure(read_op_run, &copy, n, t, c);
    printf("RESULT storage=%s blit=same-format ms=%.3f min=%.3f cpu_ms=%.3f error=0x%x\n", st->name,
           m.wall_ms, m.min_ms, m.cpu_ms, glGetError());
    struct read_op conv = {w, h, GL_BGRA, GL_UNSIGNED_BYTE, dst, pfbo, bgra, 0};
    m = measure(read_op_run, &conv, n, t, c);
    printf("RESULT storage=%s blit=to-BGRA+read=BGRA/UBYTE ms=%.3f min=%.3f cpu_ms=%.3f error=0x%x\n",
           st->name, m.wall_ms, m.min_ms, m.cpu_ms, glGetError());
    glDeleteFramebuffers(1, &same);
    glDeleteFramebuffers(1, &bgra);
    glDeleteTextures(2, own_tex);
    glDeleteFramebuffers(1, &pfbo);
    glDeleteRenderbuffers(1, &prb);
    eglMakeCurrent(dpy, EGL_NO_SURFACE, EGL_NO_SURFACE, app);
    glDeleteFramebuffers(1, &fbo);
    glDeleteRenderbuffers(1, &rb);
    destroy_image(dpy, img);
  }
  eglMakeCurrent(dpy, EGL_NO_SURFACE, EGL_NO_SURFACE, EGL_NO_CONTEXT);
  eglDestroyContext(dpy, app);
  eglDestroyContext(dpy, presenter);
  eglTerminate(dpy);
  free(dst);
  free(t);
  free(c);
  return 0;
}
