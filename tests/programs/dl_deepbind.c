/* dl_deepbind: a GLX program (linked with libGL) that makes a context current, then dlopens
 * libdl_deepbind_plugin.so with RTLD_DEEPBIND. The plugin is linked with libGL too, so with deep
 * binding its GLX references bind to libGL's own functions before the global scope, where an
 * interposer sits. The plugin's glXQueryExtension and glXGetCurrentContext (called directly and
 * through dlsym(RTLD_DEFAULT)) must see the same GLX as the program. Exits 1 with "FAIL: ...". */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <libgen.h>

#include "common.h"

typedef int (*plugin_check_fn)(Display* dpy, GLXContext expected, char* why, size_t why_size);

int main(int argc, char** argv) {
  (void)argc;
  Display* dpy = open_display_with_glx();
  XVisualInfo* vi = NULL;
  GLXFBConfig cfg = choose_config(dpy, True, &vi);
  const int pb_attribs[] = {GLX_PBUFFER_WIDTH, 16, GLX_PBUFFER_HEIGHT, 16, None};
  GLXPbuffer pb = glXCreatePbuffer(dpy, cfg, pb_attribs);
  GLXContext ctx = glXCreateNewContext(dpy, cfg, GLX_RGBA_TYPE, NULL, True);
  if (!pb || !ctx) die("cannot create a pbuffer and a context");
  if (!glXMakeContextCurrent(dpy, pb, pb, ctx)) die("glXMakeContextCurrent failed");

  char path[4096];
  snprintf(path, sizeof path, "%s/libdl_deepbind_plugin.so", dirname(strdup(argv[0])));
  void* plugin = dlopen(path, RTLD_NOW | RTLD_LOCAL | RTLD_DEEPBIND);
  if (!plugin) die("dlopen(%s, RTLD_DEEPBIND): %s", path, dlerror());
  plugin_check_fn check = (plugin_check_fn)dlsym(plugin, "plugin_check");
  if (!check) die("dlsym(plugin_check): %s", dlerror());
  char why[256] = "";
  if (!check(dpy, ctx, why, sizeof why)) die("plugin loaded with RTLD_DEEPBIND: %s", why);
  printf("plugin loaded with RTLD_DEEPBIND sees the program's GLX context\n");

  glXMakeContextCurrent(dpy, None, None, NULL);
  glXDestroyContext(dpy, ctx);
  glXDestroyPbuffer(dpy, pb);
  XFree(vi);
  XCloseDisplay(dpy);
  return 0;
}
