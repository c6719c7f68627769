/* The time of one memcpy of a WxH frame of 32-bit pixels (median of many, distinct buffers larger
 * than the caches' share of one frame), the yardstick of tools/bench/run-bench.py.
 *   memcpy_bench WxH  ->  "RESULT memcpy_ms=M" */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static int cmp(const void* a, const void* b) {
  double x = *(const double*)a, y = *(const double*)b;
  return x < y ? -1 : x > y;
}

int main(int argc, char** argv) {
  int w = 1920, h = 1080;
  if (argc > 1 && sscanf(argv[1], "%dx%d", &w, &h) != 2) return 2;
  size_t bytes = (size_t)w * (size_t)h * 4;
  /* Four frames in rotation, as a frame pipeline would touch them. */
  unsigned char* buf[4];
  for (int i = 0; i < 4; ++i) {
    buf[i] = malloc(bytes);
    if (!buf[i]) return 1;
    memset(buf[i], i * 40 + 1, bytes);
  }
  enum { N = 41 };
  double t[N];
  for (int i = 0; i < N; ++i) {
    double t0 = now();
    memcpy(buf[(i + 1) % 4], buf[i % 4], bytes);
    t[i] = now() - t0;
  }
  qsort(t, N, sizeof t[0], cmp);
  unsigned sum = 0;
  for (int i = 0; i < 4; ++i) sum += buf[i][bytes / 2];
  printf("RESULT memcpy_ms=%.6f check=%u\n", t[N / 2] * 1e3, sum);
  return 0;
}
