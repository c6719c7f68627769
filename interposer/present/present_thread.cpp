#include "present/present_thread.hpp"
#include "present/window_presenter.hpp"

#include <pthread.h>

#include "diagnostics/object_counts.hpp"
#include "log/log.hpp"
#include "present/heap_trim.hpp"
#include "present/profiler.hpp"
#include "present/readback_worker.hpp"

namespace eglrun::present {

using Clock = std::chrono::steady_clock;

PresentThread::PresentThread(std::string display_name, uint32_t window, Options options)
    : window_(window), options_(options), queue_(options.spoil) {
  thread_ = std::thread([this, name = std::move(display_name)] { run(name); });
  diagnostics::count_created(diagnostics::Object::PresenterThread);
}

PresentThread::~PresentThread() { stop(); }

uint64_t PresentThread::submit(Frame frame) {
  std::unique_lock lock(mutex_);
  if (stopping_ || ended_) {
    lock.unlock();
    frame.release();
    return 0;
  }
  const uint64_t sequence = queue_.push(std::move(frame));
  lock.unlock();
  wake_.notify_one();
  return sequence;
}

bool PresentThread::drop_oldest_queued(const void* owner) {
  Frame f;
  {
    std::lock_guard lock(mutex_);
    if (!queue_.take_oldest_of(owner, &f)) return false;
  }
  f.release();
  return true;
}

void PresentThread::wait_done(uint64_t sequence, std::chrono::milliseconds timeout) {
  std::unique_lock lock(mutex_);
  done_.wait_for(lock, timeout, [&] { return done_through_ >= sequence || ended_; });
}

PresentStatus PresentThread::take_status() {
  std::lock_guard lock(mutex_);
  PresentStatus s = status_;
  if (s == PresentStatus::Error) status_ = PresentStatus::Ok;  // the final ones stay
  return s;
}

std::pair<int, int> PresentThread::window_size() const {
  const uint64_t v = size_.load();
  return {static_cast<int>(v >> 32), static_cast<int>(v & 0xffffffffu)};
}

std::pair<int, int> PresentThread::refresh_window_size(std::chrono::milliseconds timeout) {
  std::unique_lock lock(mutex_);
  if (ended_ || stopping_) return window_size();
  const uint64_t ticket = ++size_requests_;
  wake_.notify_one();
  done_.wait_for(lock, timeout, [&] { return size_answers_ >= ticket || ended_; });
  return window_size();
}

void PresentThread::release_all(std::vector<Frame>& frames) {
  for (Frame& f : frames) f.release();
  frames.clear();
}

void PresentThread::stop(std::chrono::milliseconds timeout) {
  std::vector<Frame> dropped;
  {
    std::unique_lock lock(mutex_);
    if (!thread_.joinable()) return;
    stopping_ = true;
    dropped = queue_.clear();
  }
  release_all(dropped);
  wake_.notify_all();
  bool finished = false;
  {
    std::unique_lock lock(mutex_);
    finished = done_.wait_for(lock, timeout, [&] { return ended_.load(); });
  }
  if (finished) {
    thread_.join();
  } else {
    // Blocked in the X server: it touches nothing of ours but its own connection and the frame it
    // holds, which it releases; exiting the process is better than hanging in it.
    log::warn("the presenter thread of window {:#x} did not stop within {} ms; leaving it", window_,
              timeout.count());
    thread_.detach();
  }
  diagnostics::count_released(diagnostics::Object::PresenterThread);
}

void PresentThread::run(const std::string& display_name) {
  pthread_setname_np(pthread_self(), "eglrun-present");
  std::string error;
  std::unique_ptr<WindowPresenter> presenter = WindowPresenter::create(display_name, window_, &error);
  if (!presenter) log::error("cannot show frames in X window {:#x}: {}", window_, error);
  auto publish = [&](std::pair<int, int> size) {
    auto [w, h] = size;
    if (w > 0 && h > 0) size_ = static_cast<uint64_t>(w) << 32 | static_cast<uint32_t>(h);
  };
  auto publish_size = [&] { publish(presenter->window_size()); };
  if (presenter) publish_size();
  Profiler profiler(fmt::format("window {:#x}", window_));
  std::unique_ptr<ReadbackWorker> worker;  // made at the first swap-chain frame
  HeapTrimPolicy trim;                     // free heap back to the system after resizes

  std::unique_lock lock(mutex_);
  if (!presenter) status_ = PresentStatus::Error;
  while (presenter) {
    Frame frame;
    std::vector<Frame> dropped;
    // Idle: wake now and then to follow the window's size (resizes come before the next frame),
    // and once a resize has settled, to trim the heap.
    const bool woken =
        wake_.wait_for(lock, trim.wait_limit(std::chrono::milliseconds(250), Clock::now()),
                       [&] { return stopping_ || queue_.size() > 0 || size_requests_ > size_answers_; });
    if (stopping_) break;
    if (!woken && trim.pending()) {
      const bool now_due = trim.idle(Clock::now());
      lock.unlock();
      if (now_due) trim_heap();
      lock.lock();
      if (now_due) continue;  // the size poll is for a full 250 ms of idleness
    }
    if (!woken || size_requests_ > size_answers_) {
      const uint64_t answering = size_requests_;
      lock.unlock();
      publish_size();
      lock.lock();
      size_answers_ = answering;
      done_.notify_all();
      continue;
    }
    queue_.take(&frame, &dropped);
    lock.unlock();
    profiler.frames_dropped(dropped.size());
    release_all(dropped);

    const uint64_t pixels = static_cast<uint64_t>(frame.width) * static_cast<uint64_t>(frame.height);
    auto t0 = Clock::now();
    if (frame.fence != EGL_NO_SYNC) eglClientWaitSync(frame.display, frame.fence, 0, EGL_FOREVER);
    auto t1 = Clock::now();
    Image image = presenter->acquire(frame.width, frame.height);
    auto t2 = Clock::now();
    if (image.pixels != nullptr && frame.image) {
      // A swap-chain image: read back here, straight into the X image, in our own context.
      if (!worker) worker = std::make_unique<ReadbackWorker>(frame.display);
      if (!worker->read(frame.image, image.pixels, image.stride, frame.bottom_up)) image.pixels = nullptr;
    } else if (image.pixels != nullptr) {
      copy_rows(frame.pixels, frame.stride, frame.bottom_up, frame.width, frame.height, image.pixels,
                image.stride, frame.swap_red_blue);
    }
    auto t3 = Clock::now();
    const double producer = frame.producer_seconds;
    // The slot goes back before the X server sees the frame: the producer can reuse it at once.
    const int shown_w = frame.width, shown_h = frame.height;
    frame.release();
    PresentStatus status = PresentStatus::Error;
    if (image.pixels != nullptr) {
      status = presenter->present(image);
      // As the server answered with an earlier frame: a round trip here would wait for the server
      // to copy this frame. Resizes the application reacts to are asked for at once instead
      // (refresh_window_size), and idle windows are asked every 250 ms.
      publish(presenter->known_size());
    }
    auto t4 = Clock::now();
    // After the frame is out, so the trim never delays one.
    if (image.pixels != nullptr && trim.frame_shown(shown_w, shown_h, t4)) trim_heap();
    if (options_.profile) {
      using S = Stage;
      profiler.add(S::RenderWait, std::chrono::duration<double>(t1 - t0).count(), pixels);
      profiler.add(S::Readback, producer, pixels);
      profiler.add(S::Copy, std::chrono::duration<double>(t3 - t2).count(), pixels);
      profiler.add(S::Present, std::chrono::duration<double>((t2 - t1) + (t4 - t3)).count(), pixels);
      profiler.frame_shown();
      std::string report = profiler.poll(t4);
      // Asked for explicitly: shown whatever the log level.
      if (!report.empty()) log::write(log::Level::Info, report);
    }

    lock.lock();
    status_ = worse(status_, status);
    done_through_ = std::max(done_through_, frame.sequence);
    done_.notify_all();
    if (status == PresentStatus::WindowGone || status == PresentStatus::ConnectionLost) break;
  }
  std::vector<Frame> rest = queue_.clear();
  lock.unlock();
  release_all(rest);
  worker.reset();  // its EGL context is current in this thread
  // The connection (and its shared-memory segments) goes with the thread that used it.
  presenter.reset();
  lock.lock();
  ended_ = true;
  done_.notify_all();
}

}  // namespace eglrun::present
