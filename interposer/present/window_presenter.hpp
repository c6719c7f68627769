// Draws finished frames into an application's X window, over a connection of our own.
//
// The presenter never uses the application's Display: its requests, and the errors they cause, live
// on a separate xcb connection, so a failure (the window destroyed by another client, a refused
// shared-memory attach, a dead server) is reported through PresentStatus and never reaches the
// application's Xlib error handler. It also lets the presenter move to a thread of its own later.
#pragma once

#include <xcb/xcb.h>

#include <cstdint>
#include <deque>
#include <memory>
#include <string>
#include <utility>

#include "present/shm_segment.hpp"
#include "present/types.hpp"
#include "present/window_format.hpp"

namespace eglrun::present {

// Not thread-safe: one thread at a time (any thread).
class WindowPresenter {
 public:
  // display_name as XDisplayString() gives it (empty: $DISPLAY); window: the X window to draw into.
  // nullptr and *error when the display cannot be opened, the window does not exist or its pixels
  // are not 32 bits wide.
  static std::unique_ptr<WindowPresenter> create(const std::string& display_name, uint32_t window,
                                                 std::string* error);
  ~WindowPresenter();
  WindowPresenter(const WindowPresenter&) = delete;
  WindowPresenter& operator=(const WindowPresenter&) = delete;

  // A buffer to fill with the next frame; shared with the server when MIT-SHM works. The two buffers
  // alternate, and a buffer is only handed out once the server has finished reading it, so the caller
  // fills one while the server still reads the other. Valid until the next acquire() of the same
  // buffer, i.e. two calls later. An empty Image (pixels == nullptr) for sizes X cannot carry.
  Image acquire(int width, int height);

  // Copies `image` (normally from acquire(); any Image works, slower) to (0,0) of the window. Returns
  // once the request is sent, having waited for the server to finish the frame before this one; a
  // failure of this frame is reported by this call when it is already known, else by the next one.
  // WindowGone and ConnectionLost are final: every later call returns them at once.
  PresentStatus present(const Image& image);

  // Waits until the server has processed every frame sent, and reports how they went.
  PresentStatus finish();

  // The window's current size (a round trip), or {0,0} when it is gone or the connection failed.
  std::pair<int, int> window_size();
  // The size the server gave for a query sent with an earlier frame: no round trip, so the
  // presenter does not wait for the server to finish a frame just to learn the size. {0,0} until
  // the first answer arrives.
  std::pair<int, int> known_size() const { return known_size_; }

  bool uses_shm() const { return use_shm_; }
  uint32_t window() const { return window_; }

 private:
  struct Slot {
    std::unique_ptr<ShmSegment> shm;  // when use_shm_
    std::unique_ptr<uint8_t[]> heap;  // otherwise
    size_t capacity = 0;
    uint8_t* data() const { return shm ? shm->data() : heap.get(); }
  };
  // The reply to a GetInputFocus sent after a frame's drawing requests: once it arrives the server
  // has processed (so has read) that frame, and any error the frame caused is in our event queue.
  struct Fence {
    xcb_get_input_focus_cookie_t cookie;
    int slot;  // -1 for an image that was not ours
    // GetGeometry sent just before the fence: answered by the time the fence is.
    xcb_get_geometry_cookie_t geometry;
  };

  WindowPresenter(xcb_connection_t* connection, uint32_t window, uint32_t gc, const WindowFormat& format,
                  bool use_shm);
  bool reserve(Slot& slot, size_t bytes);
  void fall_back_to_put_image(const std::string& cause);
  // Waits for fences, oldest first, until `keep` remain outstanding.
  void wait_fences(size_t keep);
  // Takes a GetGeometry reply into known_size_ (or notes the window gone).
  void take_geometry(xcb_get_geometry_cookie_t cookie);
  void wait_for_slot(int slot);
  // Takes every event and error already received (no blocking), folding them into status_.
  void drain_events();
  void check_connection();
  PresentStatus take_status();

  xcb_connection_t* connection_;
  uint32_t window_;
  uint32_t gc_;
  WindowFormat format_;
  bool use_shm_;
  Slot slots_[2];
  int next_slot_ = 0;
  std::deque<Fence> fences_;
  std::pair<int, int> known_size_{0, 0};
  unsigned int known_sequence_ = 0;           // the X request that answered known_size_
  PresentStatus status_ = PresentStatus::Ok;  // the worst outcome not yet reported
  bool gone_ = false, lost_ = false;
  bool reported_other_error_ = false;
};

}  // namespace eglrun::present
