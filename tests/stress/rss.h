/* Resident set size of this process, in KiB (from /proc/self/statm), and where it lives. */
#ifndef EGLRUN_TESTS_RSS_H
#define EGLRUN_TESTS_RSS_H
#include <malloc.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
static inline long rss_kib(void) {
  long pages_total = 0, pages_resident = 0;
  FILE* f = fopen("/proc/self/statm", "r");
  if (!f) return -1;
  if (fscanf(f, "%ld %ld", &pages_total, &pages_resident) != 2) pages_resident = -1;
  fclose(f);
  return pages_resident < 0 ? -1 : pages_resident * (sysconf(_SC_PAGESIZE) / 1024);
}

/* Resident KiB by kind of mapping (/proc/self/smaps), to tell which allocator holds a growth:
 * brk heap (glibc's main arena), anonymous mappings (other malloc arenas, mmapped chunks, Mesa's own
 * mappings), System V shared memory (MIT-SHM images), files (code, fonts, ...). And glibc's view
 * (mallinfo2, all arenas): bytes in use, free inside arenas, in mmapped chunks. */
struct mem_split {
  long total, heap, anon, shm, file;
  long malloc_used, malloc_free, malloc_mmapped; /* KiB */
};

static inline struct mem_split mem_split_now(void) {
  struct mem_split s = {0, 0, 0, 0, 0, 0, 0, 0};
  FILE* f = fopen("/proc/self/smaps", "r");
  if (f) {
    char line[512], name[512] = "";
    while (fgets(line, sizeof line, f)) {
      unsigned long lo, hi;
      char perms[8];
      int off = 0;
      if (sscanf(line, "%lx-%lx %7s %*s %*s %*s %n", &lo, &hi, perms, &off) == 3 && off > 0) {
        snprintf(name, sizeof name, "%s", line + off);
        name[strcspn(name, "\n")] = 0;
        continue;
      }
      long kib;
      if (sscanf(line, "Rss: %ld kB", &kib) != 1) continue;
      s.total += kib;
      if (!strcmp(name, "[heap]"))
        s.heap += kib;
      else if (!strncmp(name, "/SYSV", 5))
        s.shm += kib;
      else if (name[0] == 0 || name[0] == '[')
        s.anon += kib; /* stacks and [vdso] are a few pages and do not move */
      else
        s.file += kib;
    }
    fclose(f);
  }
  struct mallinfo2 m = mallinfo2();
  s.malloc_used = (long)(m.uordblks / 1024), s.malloc_free = (long)(m.fordblks / 1024);
  s.malloc_mmapped = (long)(m.hblkhd / 1024);
  return s;
}

static inline void mem_split_print(const char* when, struct mem_split s) {
  printf(
      "memory %s: rss %ld KiB = brk heap %ld + anon %ld + sysv shm %ld + files %ld; malloc in use %ld, "
      "free in arenas %ld, mmapped chunks %ld KiB\n",
      when, s.total, s.heap, s.anon, s.shm, s.file, s.malloc_used, s.malloc_free, s.malloc_mmapped);
}
#endif
