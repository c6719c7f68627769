#include "drawable/swap_chain.hpp"

#include <atomic>
#include <string>

#include "diagnostics/object_counts.hpp"
#include "drawable/image_storage.hpp"
#include "egl/backend.hpp"
#include "log/log.hpp"
#include "symbols/real.hpp"

// Last include: poisons every interposed name in the code below.
#include "symbols/poison.hpp"

namespace eglrun::drawable {

using namespace eglrun::real;
using diagnostics::count_created;
using diagnostics::count_released;
using diagnostics::Object;

namespace {
uint64_t next_image_id() {
  static std::atomic<uint64_t> counter{0};
  return ++counter;
}
}  // namespace

SwapImage::SwapImage(EGLDisplay d, EGLImageKHR i, int w, int h)
    : display(d), image(i), width(w), height(h), id(next_image_id()) {}

SwapImage::~SwapImage() {
  std::string error;
  const auto* b = egl::backend(&error);
  if (b && b->destroy_image(display, image)) count_released(Object::EglImage);
}

void SwapChain::Pool::hold(int index) {
  std::lock_guard lock(mutex_);
  held_[static_cast<size_t>(index)] = true;
}

void SwapChain::Pool::give_back(int index, uint64_t allocation) {
  {
    std::lock_guard lock(mutex_);
    if (allocation != allocation_) return;
    held_[static_cast<size_t>(index)] = false;
  }
  freed_.notify_all();
}

int SwapChain::Pool::free_image(int except) {
  std::lock_guard lock(mutex_);
  for (int step = 1; step <= kImages; ++step) {
    const int i = (except + step) % kImages;
    if (i != except && !held_[static_cast<size_t>(i)]) return i;
  }
  return -1;
}

void SwapChain::Pool::wait(std::chrono::milliseconds timeout) {
  std::unique_lock lock(mutex_);
  freed_.wait_for(lock, timeout);
}

void SwapChain::Pool::reset(uint64_t allocation) {
  std::lock_guard lock(mutex_);
  allocation_ = allocation;
  held_.fill(false);
}

bool SwapChain::ensure(EGLDisplay display, EGLContext current, int w, int h, GLenum format, bool opaque,
                       bool* ok) {
  *ok = true;
  if (images_[0] && images_[0]->width == w && images_[0]->height == h) return false;
  std::string error;
  const auto* b = egl::backend(&error);
  if (!b) {
    *ok = false;
    return false;
  }
  std::array<std::shared_ptr<SwapImage>, kImages> fresh;
  for (auto& slot : fresh) {
    EGLImageKHR img = make_texture_image(display, current, format, w, h, opaque);
    if (img == EGL_NO_IMAGE_KHR) {
      log::error(
          "cannot allocate a {}x{} colour buffer on the EGL device ({}): the drawable stays unrendered", w, h,
          egl::egl_error_name(eglGetError()));
      *ok = false;
      break;
    }
    slot = std::make_shared<SwapImage>(display, img, w, h);
  }
  if (!*ok) return false;
  // Frames of the old size still in flight keep their images alive and are shown or dropped; their
  // give-back no longer concerns this allocation.
  images_ = std::move(fresh);
  opaque_ = opaque;
  pool_->reset(++allocation_);
  shown_at_.fill(0);
  back_ = 0;
  last_presented_ = -1;
  ++counter_;
  return true;
}

SwapChain::~SwapChain() {
  for (auto& [display, sync] : in_flight_) eglDestroySync(display, sync);
}

SwapChain::Handoff SwapChain::hand_off(uint64_t swap_number) {
  const int index = back_;
  if (const auto& img = images_[static_cast<size_t>(index)]) {
    EGLSync sync = eglCreateSync(img->display, EGL_SYNC_FENCE, nullptr);
    if (sync != EGL_NO_SYNC) in_flight_.emplace_back(img->display, sync);
  }
  pool_->hold(index);
  shown_at_[static_cast<size_t>(index)] = swap_number;
  last_presented_ = index;
  Handoff h;
  h.image = images_[static_cast<size_t>(index)];
  h.owner = pool_.get();
  h.give_back = [pool = pool_, index, allocation = allocation_] { pool->give_back(index, allocation); };
  return h;
}

void SwapChain::advance(const std::function<bool()>& make_room, const std::function<bool()>& gone) {
  while (in_flight_.size() > kMaxInFlight) {
    auto [display, sync] = in_flight_.front();
    in_flight_.pop_front();
    eglClientWaitSync(display, sync, 0, EGL_FOREVER);
    eglDestroySync(display, sync);
  }
  for (;;) {
    const int next = pool_->free_image(back_);
    if (next >= 0) {
      back_ = next;
      ++counter_;
      return;
    }
    if (make_room()) continue;
    if (gone()) {
      // Nothing will come back: the presenter released everything it had, or is stuck for good.
      pool_->reset(allocation_);
      continue;
    }
    pool_->wait(std::chrono::milliseconds(100));
  }
}

int SwapChain::back_age(uint64_t swap_count) const {
  age_queried_ = true;
  const uint64_t shown = shown_at_[static_cast<size_t>(back_)];
  if (shown == 0 || swap_count < shown) return 0;
  return static_cast<int>(swap_count - shown + 1);
}

GLuint SwapChainView::renderbuffer(const SwapChain& chain, int index) {
  const auto& img = chain.image(index);
  if (!img) return 0;
  const auto i = static_cast<size_t>(index);
  if (rb_[i] != 0 && id_[i] == img->id) return rb_[i];
  if (rb_[i] == 0) {
    glGenRenderbuffers_fn(1, &rb_[i]);
    count_created(Object::GlRenderbuffer);
  }
  GLint old_rb = 0;
  glGetIntegerv_fn(GL_RENDERBUFFER_BINDING, &old_rb);
  glBindRenderbuffer_fn(GL_RENDERBUFFER, rb_[i]);
  glEGLImageTargetRenderbufferStorageOES_fn(GL_RENDERBUFFER, img->image);
  glBindRenderbuffer_fn(GL_RENDERBUFFER, static_cast<GLuint>(old_rb));
  id_[i] = img->id;
  return rb_[i];
}

void SwapChainView::destroy() {
  for (auto& rb : rb_)
    if (rb != 0) {
      glDeleteRenderbuffers_fn(1, &rb);
      count_released(Object::GlRenderbuffer);
      rb = 0;
    }
  id_.fill(0);
}

}  // namespace eglrun::drawable
