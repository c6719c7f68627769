// A window's presenter thread: takes finished frames from the application thread, waits for the
// GPU to have written them (an EGL fence, no GL), copies them into its WindowPresenter's
// shared-memory images with the vertical flip folded into the copy, and sends them to the X server.
// The application thread only ever waits for it when it runs out of frame slots (spoiling off) or
// asks to see a frame shown (front-buffer rendering).
//
// Thread safety: every public function may be called from any thread. The thread never touches GL
// or the application's Display; the WindowPresenter (own xcb connection) is used by it alone.
#pragma once

#include <atomic>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <utility>

#include "present/frame_queue.hpp"
#include "present/types.hpp"

namespace eglrun::present {

class PresentThread {
 public:
  struct Options {
    bool spoil = true;
    bool profile = false;
  };
  // display_name as XDisplayString() gives it; window: the X window to draw into. The connection
  // is made by the thread; if that fails, status() reports Error and frames are released unshown.
  PresentThread(std::string display_name, uint32_t window, Options options);
  // Stops and joins (see stop()).
  ~PresentThread();
  PresentThread(const PresentThread&) = delete;
  PresentThread& operator=(const PresentThread&) = delete;

  // Queues a frame; returns its sequence number. Frames given to a stopped thread are released.
  uint64_t submit(Frame frame);
  // Takes back (and releases) the oldest queued frame of `owner` that is not being shown yet, so a
  // producer out of slots can reuse it: the newest frame wins. False when there is none.
  bool drop_oldest_queued(const void* owner);
  // Waits until frame `sequence` was shown or dropped, or the thread ended; at most `timeout`.
  void wait_done(uint64_t sequence, std::chrono::milliseconds timeout = std::chrono::seconds(10));

  // The worst presentation outcome since the last call. WindowGone/ConnectionLost are final.
  PresentStatus take_status();
  bool ended() const { return ended_.load(); }
  // The window's size as last seen by the thread (it asks after every frame), {0,0} before that.
  std::pair<int, int> window_size() const;
  // Asks the thread to look up the window's size now and waits for it (after the frame it may be
  // sending); for the rare moments the size must be current, e.g. a viewport that does not fit.
  std::pair<int, int> refresh_window_size(std::chrono::milliseconds timeout = std::chrono::seconds(2));

  // Drops queued frames, lets the frame being shown finish and joins the thread; waits at most
  // `timeout` (a thread stuck on a hung X server is then detached, never waited for forever).
  void stop(std::chrono::milliseconds timeout = std::chrono::seconds(2));

 private:
  void run(const std::string& display_name);
  void release_all(std::vector<Frame>& frames);

  const uint32_t window_;
  const Options options_;
  mutable std::mutex mutex_;
  std::condition_variable wake_;  // frames queued, or stop
  std::condition_variable done_;  // a frame finished, or the thread ended
  FrameQueue queue_;
  uint64_t done_through_ = 0;  // every sequence <= this was shown or dropped
  bool stopping_ = false;
  uint64_t size_requests_ = 0, size_answers_ = 0;
  PresentStatus status_ = PresentStatus::Ok;
  std::atomic<bool> ended_{false};
  std::atomic<uint64_t> size_{0};  // width << 32 | height
  std::thread thread_;
};

}  // namespace eglrun::present
