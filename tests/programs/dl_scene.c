/* dl_scene: glx_scene's program, but linked only with libX11 and libdl. It loads libGL at run time
 * and gets every GLX and GL function by name, the way SDL2, GLFW and PyOpenGL do:
 *   default:        dlopen(--lib, default libGL.so.1) and dlsym(handle, name) for each function
 *                   (--lib glvnd: GLX names from libGLX.so.0, GL names from libOpenGL.so.0)
 *   DL_SCENE_GPA:   only glXGetProcAddressARB comes from dlsym; every GLX and GL function, the other
 *                   glX* included, comes from glXGetProcAddressARB.
 * Options are glx_scene's plus --lib NAME (or the environment variable DL_SCENE_LIB). Exits 1 with "FAIL:
 * ..." on any failure. */
#define _GNU_SOURCE
#include <dlfcn.h>

#include "dl_functions.h"

#define main glx_scene_main
#include "glx_scene.c"
#undef main

static void dl_viewport(GLint x, GLint y, GLsizei w, GLsizei h) {
  p_glBindFramebuffer(GL_FRAMEBUFFER, 0);
  GLint bound = -1;
  p_glGetIntegerv(GL_DRAW_FRAMEBUFFER_BINDING, &bound);
  if (bound != 0) die("GL_DRAW_FRAMEBUFFER_BINDING is %d after glBindFramebuffer(0)", bound);
  p_glViewport(x, y, w, h);
}

static void* open_library(const char* name) {
  void* h = dlopen(name, RTLD_NOW | RTLD_LOCAL);
  if (!h) die("dlopen(%s): %s", name, dlerror());
  return h;
}

int main(int argc, char** argv) {
  const char* lib = getenv("DL_SCENE_LIB") && *getenv("DL_SCENE_LIB") ? getenv("DL_SCENE_LIB") : "libGL.so.1";
  /* Take --lib out; glx_scene's parser gets the rest. */
  int n = 1;
  for (int i = 1; i < argc; ++i) {
    if (!strcmp(argv[i], "--lib") && i + 1 < argc)
      lib = argv[++i];
    else
      argv[n++] = argv[i];
  }
  argv[n] = NULL;

#ifdef DL_SCENE_GPA
  void* gl = open_library(lib);
  PFNGLXGETPROCADDRESSPROC gpa = (PFNGLXGETPROCADDRESSPROC)dlsym(gl, "glXGetProcAddressARB");
  if (!gpa) die("dlsym(%s, glXGetProcAddressARB): %s", lib, dlerror());
#define DL_LOAD(name)                                                 \
  if (!(p_##name = (__typeof__(p_##name))gpa((const GLubyte*)#name))) \
    die("glXGetProcAddressARB(%s) is NULL", #name);
  DL_GLX_FUNCTIONS(DL_LOAD)
  DL_GL_FUNCTIONS(DL_LOAD)
#else
  void *glx_lib, *gl_lib;
  if (!strcmp(lib, "glvnd")) {
    glx_lib = open_library("libGLX.so.0");
    gl_lib = open_library("libOpenGL.so.0");
  } else {
    glx_lib = gl_lib = open_library(lib);
  }
  /* (## and # only: the names are macros here, see dl_functions.h) */
#define DL_LOAD_GLX(name) \
  if (!(p_##name = (__typeof__(p_##name))dlsym(glx_lib, #name))) die("dlsym(%s): %s", #name, dlerror());
#define DL_LOAD_GL(name) \
  if (!(p_##name = (__typeof__(p_##name))dlsym(gl_lib, #name))) die("dlsym(%s): %s", #name, dlerror());
  DL_GLX_FUNCTIONS(DL_LOAD_GLX)
  DL_GL_FUNCTIONS(DL_LOAD_GL)
#endif
  return glx_scene_main(n, argv);
}
