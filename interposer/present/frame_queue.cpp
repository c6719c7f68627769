#include "present/frame_queue.hpp"

#include <cstring>
#include <utility>

namespace eglrun::present {

void Frame::release() {
  if (fence != EGL_NO_SYNC) {
    eglDestroySync(display, fence);
    fence = EGL_NO_SYNC;
  }
  if (on_release) {
    auto f = std::move(on_release);
    on_release = nullptr;
    f();
  }
  pixels = nullptr;
  image.reset();
}

uint64_t FrameQueue::push(Frame frame) {
  frame.sequence = next_sequence_++;
  frames_.push_back(std::move(frame));
  return frames_.back().sequence;
}

bool FrameQueue::take(Frame* out, std::vector<Frame>* dropped) {
  if (frames_.empty()) return false;
  if (spoil_) {
    // A frame the producer waits for (a front-buffer flush) must be shown: it goes first, and what
    // came before it is older still.
    size_t pick = frames_.size() - 1;
    for (size_t i = 0; i < frames_.size(); ++i)
      if (frames_[i].wait) {
        pick = i;
        break;
      }
    for (size_t i = 0; i < pick; ++i) dropped->push_back(std::move(frames_[i]));
    *out = std::move(frames_[pick]);
    frames_.erase(frames_.begin(), frames_.begin() + static_cast<std::ptrdiff_t>(pick) + 1);
    return true;
  }
  *out = std::move(frames_.front());
  frames_.pop_front();
  return true;
}

bool FrameQueue::take_oldest_of(const void* owner, Frame* out) {
  for (auto it = frames_.begin(); it != frames_.end(); ++it) {
    if (it->owner == owner && !it->wait) {
      *out = std::move(*it);
      frames_.erase(it);
      return true;
    }
  }
  return false;
}

std::vector<Frame> FrameQueue::clear() {
  std::vector<Frame> all;
  for (auto& f : frames_) all.push_back(std::move(f));
  frames_.clear();
  return all;
}

namespace {
// 16 bytes at a time with GCC vector extensions (SSE2 on x86-64): memory-bound, about a memcpy.
using Pixels4 = uint32_t __attribute__((vector_size(16)));

Pixels4 swapped(Pixels4 v) { return (v & 0xff00ff00u) | ((v >> 16) & 0xffu) | ((v & 0xffu) << 16); }

void copy_row_swapping(const uint8_t* src, uint8_t* dst, size_t width) {
  size_t x = 0;
  for (; x + 4 <= width; x += 4) {
    Pixels4 v;
    std::memcpy(&v, src + 4 * x, sizeof v);
    v = swapped(v);
    std::memcpy(dst + 4 * x, &v, sizeof v);
  }
  for (; x < width; ++x) {  // src may be dst (in place)
    const uint8_t red = src[4 * x], blue = src[4 * x + 2];
    dst[4 * x] = blue;
    dst[4 * x + 1] = src[4 * x + 1];
    dst[4 * x + 2] = red;
    dst[4 * x + 3] = src[4 * x + 3];
  }
}
}  // namespace

void swap_red_blue(uint8_t* pixels, int stride, int width, int height) {
  for (int y = 0; y < height; ++y) {
    uint8_t* row = pixels + static_cast<size_t>(y) * static_cast<size_t>(stride);
    copy_row_swapping(row, row, static_cast<size_t>(width));
  }
}

void copy_rows(const uint8_t* src, int src_stride, bool bottom_up, int width, int height, uint8_t* dst,
               int dst_stride, bool swap_red_blue) {
  const size_t row = static_cast<size_t>(width) * 4;
  if (!swap_red_blue && !bottom_up && src_stride == dst_stride && static_cast<size_t>(src_stride) == row) {
    std::memcpy(dst, src, row * static_cast<size_t>(height));
    return;
  }
  for (int y = 0; y < height; ++y) {
    const int from = bottom_up ? height - 1 - y : y;
    const uint8_t* s = src + static_cast<size_t>(from) * src_stride;
    uint8_t* d = dst + static_cast<size_t>(y) * dst_stride;
    if (swap_red_blue)
      copy_row_swapping(s, d, static_cast<size_t>(width));
    else
      std::memcpy(d, s, row);
  }
}

}  // namespace eglrun::present
