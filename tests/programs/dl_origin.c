/* dl_origin: library loading that depends on the caller must survive eglrun's dlsym interception.
 * The program (RUNPATH $ORIGIN/dl_origin_libs) dlopens libdl_origin_a.so by bare name; that library
 * opens its neighbours by "$ORIGIN/libdl_origin_b.so" and, through its own RUNPATH $ORIGIN, by the
 * bare name libdl_origin_c.so (also with RTLD_DEEPBIND), and looks a symbol up with RTLD_DEFAULT from
 * inside the deep-bound library. Neither neighbour is on the program's search path. Exits 1 with "FAIL". */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>

int main(void) {
  void* a = dlopen("libdl_origin_a.so", RTLD_NOW | RTLD_LOCAL);
  if (!a) {
    fprintf(stderr, "FAIL: dlopen(libdl_origin_a.so) through the program's RUNPATH: %s\n", dlerror());
    return 1;
  }
  int (*run)(char*, size_t) = (int (*)(char*, size_t))dlsym(a, "origin_a_run");
  if (!run) {
    fprintf(stderr, "FAIL: dlsym(origin_a_run): %s\n", dlerror());
    return 1;
  }
  char why[512] = "";
  if (!run(why, sizeof why)) {
    fprintf(stderr, "FAIL: %s\n", why);
    return 1;
  }
  if (dlsym(a, "origin_b_value") != NULL) {
    fprintf(stderr, "FAIL: a RTLD_LOCAL neighbour's symbol is visible through the program's handle\n");
    return 1;
  }
  printf("$ORIGIN and RUNPATH loading from a dlopened library work\n");
  return 0;
}
