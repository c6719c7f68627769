// The back buffer of a double-buffered window as a ring of colour EGLImages. A swap hands the
// finished image to the window's presenter thread (which reads it back in its own EGL context) and
// moves the back buffer to a free image, so the application thread never waits for a read-back.
// After a swap the back buffer holds an older frame (GLX_SWAP_UNDEFINED; GLX_EXT_buffer_age says
// which).
//
// Thread safety: the SwapChain itself is used under its drawable's mutex by application threads;
// images come back from the presenter thread through Pool, which has its own lock and may outlive
// the chain (a frame still queued when the drawable goes).
#pragma once

#include <EGL/egl.h>
#include <EGL/eglext.h>
#include <GL/gl.h>

#include <array>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>

namespace eglrun::drawable {

// One colour image. Destroying the last reference destroys the EGLImage (any thread: the GL objects
// made from it keep their storage until they go).
struct SwapImage {
  SwapImage(EGLDisplay d, EGLImageKHR i, int w, int h);
  ~SwapImage();
  SwapImage(const SwapImage&) = delete;
  SwapImage& operator=(const SwapImage&) = delete;

  const EGLDisplay display;
  const EGLImageKHR image;
  const int width, height;
  const uint64_t id;  // unique for the process's lifetime: GL views of an image are cached by it
};

class SwapChain {
 public:
  static constexpr int kImages = 3;  // one rendered, one being read back, one queued

  // Which images the presenter holds; shared with the frames so they can give theirs back.
  class Pool {
   public:
    void hold(int index);
    void give_back(int index, uint64_t allocation);
    // A free image other than `except`, round-robin after it; -1 when all are held.
    int free_image(int except);
    // Waits until an image is given back or `timeout` passes.
    void wait(std::chrono::milliseconds timeout);
    void reset(uint64_t allocation);

   private:
    std::mutex mutex_;
    std::condition_variable freed_;
    std::array<bool, kImages> held_{};
    uint64_t allocation_ = 0;  // images of an older size given back are not this chain's any more
  };

  SwapChain() : pool_(std::make_shared<Pool>()) {}
  ~SwapChain();
  SwapChain(const SwapChain&) = delete;
  SwapChain& operator=(const SwapChain&) = delete;

  // Frames the application's context may have submitted and not finished rendering. More let the
  // driver queue ever more work: llvmpipe then allocates more scenes, and an idle scene keeps the
  // colour and depth buffers it last drew into, so after a resize it holds buffers of an old size.
  static constexpr size_t kMaxInFlight = 2;

  // With an EGL context current: makes kImages images of `format` at width x height unless they
  // exist at that size (opaque: starting with alpha 1.0, see make_texture_image). True when it made
  // new images; *ok false on allocation failure.
  bool ensure(EGLDisplay display, EGLContext current, int width, int height, GLenum format, bool opaque,
              bool* ok);
  // Whether the current images were made opaque.
  bool opaque() const { return opaque_; }

  int back_index() const { return back_; }
  const std::shared_ptr<SwapImage>& image(int index) const { return images_[static_cast<size_t>(index)]; }
  EGLImageKHR back_image() const {
    return images_[static_cast<size_t>(back_)] ? images_[static_cast<size_t>(back_)]->image
                                               : EGL_NO_IMAGE_KHR;
  }
  // Bumps every time the back buffer moves to another image (views re-attach when it changed).
  uint64_t counter() const { return counter_; }
  // The image shown last (-1 before the first swap at this size): where the front buffer starts.
  int last_presented() const { return last_presented_; }

  // The swap: marks the back image as held by the presenter and returns what a frame needs to give
  // it back. Then advance() moves the back buffer.
  struct Handoff {
    std::shared_ptr<SwapImage> image;
    std::function<void()> give_back;
    const void* owner = nullptr;
  };
  Handoff hand_off(uint64_t swap_number);
  // Also waits, with the context current, until at most kMaxInFlight handed-off frames are unfinished.
  // Moves the back buffer to a free image. When none is free, `make_room` is asked to drop a queued
  // frame (spoiling; it returns false when it cannot) before waiting; `gone` ends the wait (the
  // presenter stopped: every image was given back, or never will be).
  void advance(const std::function<bool()>& make_room, const std::function<bool()>& gone);

  // GLX_EXT_buffer_age of the current back buffer: swaps since its contents were shown, 0 if never.
  // Asking tells that the application copes with an older back buffer (see wants_preserved_back()).
  int back_age(uint64_t swap_count) const;

  // Whether a swap should copy the frame just shown into the new back buffer, as Mesa's own GLX
  // (drisw) keeps the back buffer across a swap and applications (and tests) read it afterwards.
  // Not once the application asked for the buffer age: it then repaints what the age says.
  bool wants_preserved_back() const { return !age_queried_.load(); }
  // The back buffer now holds the frame shown last (after that copy): age 1.
  void back_preserved() {
    if (last_presented_ >= 0)
      shown_at_[static_cast<size_t>(back_)] = shown_at_[static_cast<size_t>(last_presented_)];
  }

 private:
  std::shared_ptr<Pool> pool_;
  std::array<std::shared_ptr<SwapImage>, kImages> images_;
  std::array<uint64_t, kImages> shown_at_{};  // swap number that showed the image's contents, 0 none
  int back_ = 0;
  bool opaque_ = false;
  int last_presented_ = -1;
  uint64_t counter_ = 1;
  uint64_t allocation_ = 0;
  mutable std::atomic<bool> age_queried_{false};
  std::deque<std::pair<EGLDisplay, EGLSync>> in_flight_;  // fences of handed-off frames, oldest first
};

// One context's renderbuffers over a chain's images (one per image, made once per image), so moving
// the back buffer is only a glFramebufferRenderbuffer.
class SwapChainView {
 public:
  // With the owning context current: the renderbuffer over image `index` of `chain`.
  GLuint renderbuffer(const SwapChain& chain, int index);
  // With the owning context current: deletes the renderbuffers.
  void destroy();

 private:
  std::array<GLuint, SwapChain::kImages> rb_{};
  std::array<uint64_t, SwapChain::kImages> id_{};
};

}  // namespace eglrun::drawable
