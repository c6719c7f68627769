/* Opens its neighbours relative to itself: "$ORIGIN/..." and its own RUNPATH. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdio.h>

static int value_of(void* handle, const char* what, char* why, size_t why_size) {
  int (*value)(void) = (int (*)(void))dlsym(handle, "origin_value");
  if (!value) {
    snprintf(why, why_size, "dlsym(%s, origin_value): %s", what, dlerror());
    return -1;
  }
  return value();
}

__attribute__((visibility("default"))) int origin_a_run(char* why, size_t why_size) {
  void* b = dlopen("$ORIGIN/libdl_origin_b.so", RTLD_NOW | RTLD_LOCAL);
  if (!b) {
    snprintf(why, why_size, "dlopen($ORIGIN/libdl_origin_b.so): %s", dlerror());
    return 0;
  }
  if (value_of(b, "b", why, why_size) != 2) return 0;
  void* c = dlopen("libdl_origin_c.so", RTLD_NOW | RTLD_LOCAL | RTLD_DEEPBIND);
  if (!c) {
    snprintf(why, why_size, "dlopen(libdl_origin_c.so) through RUNPATH $ORIGIN, RTLD_DEEPBIND: %s",
             dlerror());
    return 0;
  }
  if (value_of(c, "c", why, why_size) != 3) return 0;
  /* A library's own handle still answers for its own symbols. */
  void* self = dlopen("$ORIGIN/libdl_origin_a.so", RTLD_NOW | RTLD_NOLOAD);
  if (!self || dlsym(self, "origin_a_run") != (void*)&origin_a_run) {
    snprintf(why, why_size, "dlopen($ORIGIN/libdl_origin_a.so, RTLD_NOLOAD) did not give this library back");
    return 0;
  }
  return 1;
}
