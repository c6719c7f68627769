// Keeps a write to a dead X server from killing the application with SIGPIPE.
#pragma once

#include <signal.h>

namespace eglrun::present {

// While alive, SIGPIPE is blocked in this thread; a SIGPIPE raised meanwhile (by our writes: the
// kernel sends it to the writing thread) is discarded, so the failed write just shows up as a
// connection error. A SIGPIPE that was already pending is left alone for the application.
// libxcb mostly notices a closed connection on read before it writes, but a server dying in the
// middle of a large PutImage leaves a window.
class SigpipeGuard {
 public:
  SigpipeGuard();
  ~SigpipeGuard();
  SigpipeGuard(const SigpipeGuard&) = delete;
  SigpipeGuard& operator=(const SigpipeGuard&) = delete;

 private:
  sigset_t old_mask_;
  bool was_pending_ = false;
};

}  // namespace eglrun::present
