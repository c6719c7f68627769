// EGLRUN_PROFILE=1 (eglrun --profile): where a window's frame time goes, printed every few seconds.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>

namespace eglrun::present {

enum class Stage { RenderWait = 0, Readback, Copy, Present, kCount };

class Profiler {
 public:
  using Clock = std::chrono::steady_clock;
  explicit Profiler(std::string label, double period_seconds = 5.0);

  void add(Stage stage, double seconds, uint64_t pixels);
  void frame_shown() { ++shown_; }
  void frames_dropped(uint64_t n) { dropped_ += n; }
  // The report for the period that just ended, when it has; empty otherwise (then nothing is reset).
  std::string poll(Clock::time_point now);

 private:
  std::string label_;
  double period_;
  Clock::time_point start_;
  uint64_t shown_ = 0, dropped_ = 0;
  double seconds_[static_cast<int>(Stage::kCount)] = {};
  uint64_t pixels_[static_cast<int>(Stage::kCount)] = {};
};

}  // namespace eglrun::present
