/* Plugin for dl_deepbind, linked with libGL: loaded with RTLD_DEEPBIND, its own dependencies come
 * first when its references are bound. */
#define _GNU_SOURCE
#include <GL/glx.h>
#include <dlfcn.h>
#include <stdio.h>

__attribute__((visibility("default"))) int plugin_check(Display* dpy, GLXContext expected, char* why,
                                                        size_t why_size) {
  int error_base = 0, event_base = 0;
  if (!glXQueryExtension(dpy, &error_base, &event_base)) {
    snprintf(why, why_size, "glXQueryExtension says there is no GLX");
    return 0;
  }
  GLXContext current = glXGetCurrentContext();
  if (current != expected) {
    snprintf(why, why_size, "glXGetCurrentContext() is %p, the program made %p current", (void*)current,
             (void*)expected);
    return 0;
  }
  GLXContext (*get_current)(void) = (GLXContext(*)(void))dlsym(RTLD_DEFAULT, "glXGetCurrentContext");
  if (!get_current || get_current() != expected) {
    snprintf(why, why_size, "dlsym(RTLD_DEFAULT, glXGetCurrentContext)() is not the current context");
    return 0;
  }
  return 1;
}
