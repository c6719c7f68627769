// When the presenter thread gives free heap back after resizes (HeapTrimPolicy), and that the trim
// really returns free pages from the middle of the heap (trim_heap).
#include <gtest/gtest.h>

#include <malloc.h>

#include <chrono>
#include <cstring>
#include <vector>

#include "present/heap_trim.hpp"

using eglrun::present::HeapTrimPolicy;
using eglrun::present::trim_heap;
using namespace std::chrono_literals;

namespace {
const HeapTrimPolicy::Clock::time_point t0{};
}  // namespace

TEST(HeapTrimPolicy, NothingBeforeASizeChange) {
  HeapTrimPolicy p;
  for (int i = 0; i < 100; ++i) EXPECT_FALSE(p.frame_shown(300, 200, t0 + i * 50ms));
  EXPECT_FALSE(p.idle(t0 + 10s));
  EXPECT_FALSE(p.pending());
  EXPECT_EQ(p.wait_limit(250ms, t0 + 10s), 250ms);
}

TEST(HeapTrimPolicy, OnceWhenTheSizeHasSettled) {
  HeapTrimPolicy p;
  EXPECT_FALSE(p.frame_shown(300, 200, t0));
  EXPECT_FALSE(p.frame_shown(400, 300, t0 + 10ms));  // the change itself
  EXPECT_TRUE(p.pending());
  EXPECT_FALSE(p.frame_shown(400, 300, t0 + 60ms));  // not settled yet
  EXPECT_TRUE(p.frame_shown(400, 300, t0 + 110ms));
  EXPECT_FALSE(p.frame_shown(400, 300, t0 + 200ms));  // once
  EXPECT_FALSE(p.idle(t0 + 5s));
}

TEST(HeapTrimPolicy, IdleWindowTrimsAfterTheSettleTime) {
  HeapTrimPolicy p;
  p.frame_shown(300, 200, t0);
  p.frame_shown(500, 500, t0 + 1s);
  EXPECT_EQ(p.wait_limit(250ms, t0 + 1s + 30ms), 70ms);  // wake when the size has settled
  EXPECT_FALSE(p.idle(t0 + 1s + 50ms));
  EXPECT_TRUE(p.idle(t0 + 1s + 100ms));
  EXPECT_FALSE(p.pending());
  EXPECT_EQ(p.wait_limit(250ms, t0 + 2s), 250ms);
}

TEST(HeapTrimPolicy, AStormTrimsOnceASecondAndWhenItEnds) {
  HeapTrimPolicy p;
  p.frame_shown(16, 16, t0);
  int trims = 0;
  auto t = t0;
  for (int i = 1; i <= 250; ++i) {  // a new size every 10 ms for 2.5 s
    t = t0 + i * 10ms;
    trims += p.frame_shown(16 + i, 16 + i % 7, t);
  }
  EXPECT_EQ(trims, 2);  // at 1 s and 2 s after the storm began
  EXPECT_TRUE(p.pending());
  EXPECT_TRUE(p.idle(t + 100ms));  // and once it has settled
}

// glibc's allocator only: sanitizer builds replace malloc, and their heap is not glibc's to trim.
#if !defined(__SANITIZE_ADDRESS__) && !defined(__SANITIZE_THREAD__)
TEST(TrimHeap, ReturnsFreePagesFromTheMiddleOfTheHeap) {
  // Large blocks from the heap (as after glibc has raised its mmap threshold), all freed but the
  // last, which keeps the heap's top in place so free() alone cannot give the pages back.
  ASSERT_EQ(mallopt(M_MMAP_THRESHOLD, 64 << 20), 1);
  ASSERT_EQ(mallopt(M_TRIM_THRESHOLD, 1 << 30), 1);
  std::vector<void*> blocks;
  for (int i = 0; i < 64; ++i) {
    blocks.push_back(malloc(512 << 10));
    ASSERT_NE(blocks.back(), nullptr);
    std::memset(blocks.back(), 1, 512 << 10);  // resident
  }
  for (size_t i = 0; i + 1 < blocks.size(); ++i) free(blocks[i]);
  const long freed = trim_heap();
  free(blocks.back());
  EXPECT_GE(freed, 16 * 1024) << "KiB given back";  // 63 x 512 KiB were free
}
#endif
