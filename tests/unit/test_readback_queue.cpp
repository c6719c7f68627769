// The presenter's frame queue (newest frame wins, frames someone waits for are never dropped, each
// frame released once) and the flip/swizzle copy into X rows.
#include <gtest/gtest.h>

#include <vector>

#include "present/frame_queue.hpp"

using eglrun::present::copy_rows;
using eglrun::present::Frame;
using eglrun::present::FrameQueue;

namespace {
Frame frame(int* releases, const void* owner = nullptr, bool wait = false) {
  Frame f;
  f.owner = owner;
  f.wait = wait;
  f.on_release = [releases] { ++*releases; };
  return f;
}
}  // namespace

TEST(FrameQueue, SpoilingKeepsTheNewest) {
  int released = 0;
  FrameQueue q(true);
  q.push(frame(&released));
  q.push(frame(&released));
  const uint64_t newest = q.push(frame(&released));
  Frame out;
  std::vector<Frame> dropped;
  ASSERT_TRUE(q.take(&out, &dropped));
  EXPECT_EQ(out.sequence, newest);
  EXPECT_EQ(dropped.size(), 2u);
  for (auto& f : dropped) f.release();
  out.release();
  out.release();  // once only
  EXPECT_EQ(released, 3);
  EXPECT_EQ(q.size(), 0u);
}

TEST(FrameQueue, WithoutSpoilingEveryFrameInOrder) {
  int released = 0;
  FrameQueue q(false);
  const uint64_t first = q.push(frame(&released));
  q.push(frame(&released));
  Frame out;
  std::vector<Frame> dropped;
  ASSERT_TRUE(q.take(&out, &dropped));
  EXPECT_EQ(out.sequence, first);
  EXPECT_TRUE(dropped.empty());
  EXPECT_EQ(q.size(), 1u);
}

TEST(FrameQueue, AWaitedFrameIsShownNotDropped) {
  int released = 0;
  FrameQueue q(true);
  q.push(frame(&released));
  const uint64_t waited = q.push(frame(&released, nullptr, true));
  q.push(frame(&released));
  Frame out;
  std::vector<Frame> dropped;
  ASSERT_TRUE(q.take(&out, &dropped));
  EXPECT_EQ(out.sequence, waited);
  EXPECT_EQ(dropped.size(), 1u);
  EXPECT_EQ(q.size(), 1u);
}

TEST(FrameQueue, TakeOldestOfOwner) {
  int released = 0;
  int a = 0, b = 0;
  FrameQueue q(true);
  q.push(frame(&released, &b));
  const uint64_t oldest_a = q.push(frame(&released, &a));
  q.push(frame(&released, &a));
  Frame out;
  ASSERT_TRUE(q.take_oldest_of(&a, &out));
  EXPECT_EQ(out.sequence, oldest_a);
  EXPECT_FALSE(q.take_oldest_of(&released, &out));
}

TEST(CopyRows, FlipsBottomUpRowsAndSwapsRedBlue) {
  // 2x3 image, rows bottom-up, pixel value = row*16 + column in byte 0, 0xB0 in byte 2.
  const int w = 2, h = 3;
  std::vector<uint8_t> src(static_cast<size_t>(w * h * 4));
  for (int y = 0; y < h; ++y)
    for (int x = 0; x < w; ++x) {
      uint8_t* p = &src[static_cast<size_t>((y * w + x) * 4)];
      p[0] = static_cast<uint8_t>(y * 16 + x), p[1] = 0x11, p[2] = 0xB0, p[3] = 0xFF;
    }
  std::vector<uint8_t> dst(static_cast<size_t>(w * h * 4) + 8, 0);  // stride w*4+... tested below
  copy_rows(src.data(), w * 4, true, w, h, dst.data(), w * 4);
  EXPECT_EQ(dst[0], 2 * 16);       // top X row = last GL row
  EXPECT_EQ(dst[(2 * w) * 4], 0);  // bottom X row = first GL row
  std::vector<uint8_t> swapped(static_cast<size_t>(w * h * 4), 0);
  copy_rows(src.data(), w * 4, false, w, h, swapped.data(), w * 4, true);
  EXPECT_EQ(swapped[0], 0xB0);
  EXPECT_EQ(swapped[2], 0);
  EXPECT_EQ(swapped[1], 0x11);
  EXPECT_EQ(swapped[3], 0xFF);
}
