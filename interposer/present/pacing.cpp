#include "present/pacing.hpp"

#include <thread>

namespace eglrun::present {

FpsLimiter::Clock::duration FpsLimiter::wait(double fps, Clock::time_point now) {
  if (fps <= 0) return {};
  const auto period = std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(1.0 / fps));
  if (next_ == Clock::time_point{} || now >= next_ + period) {
    // First frame, or a frame later than a whole period: start counting from now.
    next_ = now + period;
    return {};
  }
  Clock::duration slept{};
  if (next_ > now) {
    std::this_thread::sleep_until(next_);
    slept = next_ - now;
  }
  next_ += period;
  return slept;
}

}  // namespace eglrun::present
