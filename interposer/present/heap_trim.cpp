#include "present/heap_trim.hpp"

#include <malloc.h>
#include <unistd.h>

#include <cstdio>

#include "log/log.hpp"

namespace eglrun::present {

bool HeapTrimPolicy::due(Clock::time_point now) {
  if (!pending_ || (now - changed_ < kSettle && now - since_ < kStormInterval)) return false;
  pending_ = false;
  return true;
}

bool HeapTrimPolicy::frame_shown(int width, int height, Clock::time_point now) {
  const std::pair<int, int> size{width, height};
  if (size != size_) {
    const bool first = size_ == std::pair<int, int>{0, 0};
    size_ = size;
    if (!first) {  // the first frame frees nothing
      if (!pending_) since_ = now;
      pending_ = true;
      changed_ = now;
    }
  }
  return due(now);
}

bool HeapTrimPolicy::idle(Clock::time_point now) { return due(now); }

std::chrono::milliseconds HeapTrimPolicy::wait_limit(std::chrono::milliseconds otherwise,
                                                     Clock::time_point now) const {
  if (!pending_) return otherwise;
  const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(changed_ + kSettle - now);
  if (left < std::chrono::milliseconds(1)) return std::chrono::milliseconds(1);
  return left < otherwise ? left : otherwise;
}

namespace {
long resident_kib() {
  long total = 0, resident = -1;
  if (FILE* f = std::fopen("/proc/self/statm", "r")) {
    if (std::fscanf(f, "%ld %ld", &total, &resident) != 2) resident = -1;
    std::fclose(f);
  }
  return resident < 0 ? -1 : resident * (sysconf(_SC_PAGESIZE) / 1024);
}
}  // namespace

long trim_heap() {
  const long before = resident_kib();
  const auto t0 = std::chrono::steady_clock::now();
  malloc_trim(0);
  const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
  const long after = resident_kib();
  const long freed = before >= 0 && after >= 0 && before > after ? before - after : 0;
  log::debug("after a resize: gave {} KiB of free heap back to the system in {:.2f} ms", freed, ms);
  return freed;
}

}  // namespace eglrun::present
