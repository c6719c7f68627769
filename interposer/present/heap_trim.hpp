// When to give the heap's free pages back to the system after a window resize.
//
// Every size change reallocates the window's colour, depth and read-back storage (in Mesa, through
// malloc, mostly in the application thread's arena). Once glibc has freed one such large chunk it
// raises its mmap threshold above it, so later frame-sized buffers come from the heap, and a storm
// of distinct sizes leaves megabytes of free but resident holes there that glibc only returns from
// the top of the heap. malloc_trim() returns the free pages anywhere in every arena. It costs a walk
// of the free lists, so the presenter thread does it only after size changes: once the size has
// settled (or the window went idle), and at most once a second while a resize storm goes on.
#pragma once

#include <chrono>
#include <utility>

namespace eglrun::present {

class HeapTrimPolicy {
 public:
  using Clock = std::chrono::steady_clock;
  // The size is taken as settled when it has not changed for this long.
  static constexpr std::chrono::milliseconds kSettle{100};
  // While sizes keep changing: at most one trim this often.
  static constexpr std::chrono::milliseconds kStormInterval{1000};

  // A frame of width x height was shown at `now`. True when the heap should be trimmed now.
  bool frame_shown(int width, int height, Clock::time_point now);
  // No frame came for a while (the presenter's wait timed out). True when the heap should be trimmed.
  bool idle(Clock::time_point now);
  // How long the presenter may wait for the next frame before idle() is due; `otherwise` when no
  // trim is pending.
  std::chrono::milliseconds wait_limit(std::chrono::milliseconds otherwise, Clock::time_point now) const;
  bool pending() const { return pending_; }

 private:
  bool due(Clock::time_point now);

  std::pair<int, int> size_{0, 0};
  bool pending_ = false;         // the size changed since the last trim
  Clock::time_point since_{};    // the first change since the last trim
  Clock::time_point changed_{};  // the latest change
};

// Returns free heap pages to the system (malloc_trim) and logs what it took. Returns the KiB of
// resident memory given back (0 when it could not tell).
long trim_heap();

}  // namespace eglrun::present
