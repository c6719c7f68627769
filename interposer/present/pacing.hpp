// Frame pacing in the application thread: swap intervals against a virtual 60 Hz retrace (there is
// no display to synchronise with) and the --fps / EGLRUN_FPS limit.
#pragma once

#include <chrono>
#include <cstdint>

namespace eglrun::present {

// Keeps a producer at or under `fps` frames per second: each call sleeps until one period after
// the previous frame's slot. Falling behind (a slow frame) does not cause a burst afterwards.
class FpsLimiter {
 public:
  using Clock = std::chrono::steady_clock;
  // Returns the time slept.
  Clock::duration wait(double fps, Clock::time_point now = Clock::now());

 private:
  Clock::time_point next_{};
};

}  // namespace eglrun::present
