// Asynchronous read-back of finished frames: a small ring of persistently mapped pixel buffer
// objects in the application's own context (no context switch per frame). glReadPixels into a
// slot returns at once; an EGL fence tells the presenter thread when the slot holds the frame, and
// the presenter copies it out (flipping rows in the same pass) and gives the slot back.
//
// One ring per (context, drawable). Used only by the thread the context is current in; slots are
// given back from the presenter thread through a shared, locked state.
#pragma once

#include <EGL/egl.h>
#include <GL/gl.h>

#include <condition_variable>
#include <memory>
#include <mutex>
#include <optional>
#include <vector>

#include "present/frame_queue.hpp"

namespace eglrun::present {

class PresentThread;

class ReadbackRing {
 public:
  // Whether the current context can do it (persistent buffer mappings and EGL fences).
  static bool supported(bool is_es);

  ReadbackRing(EGLDisplay display, size_t slots);
  // Does not touch GL: call destroy() first with the context current (else the buffers die with
  // the context).
  ~ReadbackRing();
  ReadbackRing(const ReadbackRing&) = delete;
  ReadbackRing& operator=(const ReadbackRing&) = delete;

  // Starts reading colour attachment `attachment` of `fbo` (width x height) into a free slot and
  // returns the frame for `target`. Waits for a slot only when all are in flight: with spoiling a
  // queued, not yet shown frame of this ring is taken back instead. The application's framebuffer
  // bindings and pixel-pack state are left as they were. nullopt when a buffer cannot be made.
  std::optional<Frame> read(GLuint fbo, GLenum attachment, int width, int height, PresentThread& target,
                            bool spoil, bool has_pack_invert);
  // Waits until no frame of this ring is in flight (the presenter holds none of its memory).
  void wait_idle(PresentThread* target);
  // With the owning context current: deletes the buffers (after wait_idle()).
  void destroy();
  size_t slots() const { return slots_.size(); }

 private:
  struct Slot {
    GLuint buffer = 0;
    uint8_t* map = nullptr;
    size_t capacity = 0;
  };
  struct Shared {
    std::mutex mutex;
    std::condition_variable freed;
    std::vector<bool> busy;
  };
  int acquire_slot(PresentThread& target, bool spoil);
  bool reserve(Slot& slot, size_t bytes);
  void free_buffer(Slot& slot);

  EGLDisplay display_;
  std::vector<Slot> slots_;
  std::shared_ptr<Shared> shared_;
};

}  // namespace eglrun::present
