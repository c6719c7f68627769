#include "present/profiler.hpp"

#include <fmt/format.h>

namespace eglrun::present {

namespace {
const char* const kStageNames[] = {"render-wait", "readback", "copy", "present"};
}

Profiler::Profiler(std::string label, double period_seconds)
    : label_(std::move(label)), period_(period_seconds), start_(Clock::now()) {}

void Profiler::add(Stage stage, double seconds, uint64_t pixels) {
  seconds_[static_cast<int>(stage)] += seconds;
  pixels_[static_cast<int>(stage)] += pixels;
}

std::string Profiler::poll(Clock::time_point now) {
  const double elapsed = std::chrono::duration<double>(now - start_).count();
  if (elapsed < period_) return {};
  const double frames = shown_ > 0 ? static_cast<double>(shown_) : 1.0;
  std::string out =
      fmt::format("profile {}: {:.1f} fps ({} shown, {} dropped in {:.1f} s); per frame:", label_,
                  static_cast<double>(shown_) / elapsed, shown_, dropped_, elapsed);
  for (int i = 0; i < static_cast<int>(Stage::kCount); ++i) {
    const double mpix = seconds_[i] > 0 ? static_cast<double>(pixels_[i]) / seconds_[i] / 1e6 : 0.0;
    out += fmt::format(" {} {:.2f} ms ({:.0f} Mpix/s)", kStageNames[i], seconds_[i] * 1e3 / frames, mpix);
  }
  start_ = now;
  shown_ = dropped_ = 0;
  for (int i = 0; i < static_cast<int>(Stage::kCount); ++i) seconds_[i] = 0, pixels_[i] = 0;
  return out;
}

}  // namespace eglrun::present
