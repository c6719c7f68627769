// Frames waiting for a window's presenter thread, and the copy that turns a GL frame into X rows.
// Plain data and logic (no threads, no GL, no X) so the spoiling rules are unit-testable.
#pragma once

#include <EGL/egl.h>

#include <cstddef>
#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <vector>

namespace eglrun::drawable {
struct SwapImage;
}

namespace eglrun::present {

// A finished frame on its way to the window. `pixels` (or `image`) stays valid until release() runs.
struct Frame {
  const uint8_t* pixels = nullptr;
  int width = 0, height = 0, stride = 0;
  bool bottom_up = true;                // GL row order: the flip happens in the copy to the X image
  bool swap_red_blue = false;           // RGBA in memory: the copy turns it into the X visual's BGRA
  EGLDisplay display = EGL_NO_DISPLAY;  // with fence: signalled once `pixels` hold the frame
  EGLSync fence = EGL_NO_SYNC;
  const void* owner = nullptr;       // the producer (a readback ring), so it can take back a queued frame
  std::function<void()> on_release;  // gives the memory back to the producer
  uint64_t sequence = 0;             // set by the queue
  double producer_seconds = 0;       // app-thread time spent getting the frame out (profile)
  bool wait = false;                 // the producer waits for this frame to be shown
  // Instead of pixels: a swap-chain image the presenter reads back itself (after the fence).
  std::shared_ptr<drawable::SwapImage> image;

  // Destroys the fence (if any) and gives the memory back; once.
  void release();
};

class FrameQueue {
 public:
  explicit FrameQueue(bool spoil) : spoil_(spoil) {}

  // Adds a frame, giving it the next sequence number (returned).
  uint64_t push(Frame frame);
  // The frame to present next, removed from the queue: with spoiling the newest (older ones are
  // moved to *dropped; a frame someone waits for is never dropped, it is shown first), else the oldest.
  // False when empty.
  bool take(Frame* out, std::vector<Frame>* dropped);
  // Removes the oldest queued frame of `owner` (not one someone waits for) into *out.
  bool take_oldest_of(const void* owner, Frame* out);
  // Removes everything.
  std::vector<Frame> clear();

  size_t size() const { return frames_.size(); }
  bool spoil() const { return spoil_; }

 private:
  bool spoil_;
  uint64_t next_sequence_ = 1;
  std::deque<Frame> frames_;
};

// Copies a frame's rows into an X image (`dst`, `dst_stride` bytes apart, top-down), flipping them
// when the source is bottom-up: one pass, no separate flip.
// With swap_red_blue, bytes 0 and 2 of each pixel trade places in the same pass.
void copy_rows(const uint8_t* src, int src_stride, bool bottom_up, int width, int height, uint8_t* dst,
               int dst_stride, bool swap_red_blue = false);

// Swaps bytes 0 and 2 of every pixel of `height` rows of `width` 32-bit pixels, `stride` bytes
// apart, in place: RGBA as Mesa reads no-alpha (RGBX) buffers fastest, into the X visual's BGRA.
void swap_red_blue(uint8_t* pixels, int stride, int width, int height);

}  // namespace eglrun::present
