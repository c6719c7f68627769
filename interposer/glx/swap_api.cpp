#include <chrono>
#include <cstdlib>
#include <thread>

#include "drawable/buffer_mapping.hpp"
#include "glx/api.hpp"
#include "glx/errors.hpp"
#include "glx/frame_output.hpp"
#include "glx/quiet_x.hpp"
#include "glx/registry.hpp"
#include "glx/swap_event.hpp"
#include "log/log.hpp"
#include "symbols/real.hpp"

// Last include: poisons every interposed name in the code below.
#include "symbols/poison.hpp"

namespace eglrun::glx::api {

using namespace eglrun::real;
using Clock = std::chrono::steady_clock;

namespace {

// There is no display to synchronise with: swap intervals and video sync follow a virtual 60 Hz
// retrace, counted from the first use.
constexpr double kRefreshHz = 60.0;

Clock::time_point epoch() {
  static const Clock::time_point t = Clock::now();
  return t;
}

uint64_t retrace_count() {
  auto elapsed = std::chrono::duration<double>(Clock::now() - epoch()).count();
  return static_cast<uint64_t>(elapsed * kRefreshHz);
}

void wait_for_retrace(uint64_t target) {
  auto when = epoch() + std::chrono::duration_cast<Clock::duration>(
                            std::chrono::duration<double>(static_cast<double>(target) / kRefreshHz));
  std::this_thread::sleep_until(when);
}

// The current context's view of `drawable`, when the calling thread has it current.
drawable::Framebuffer* current_view(Display* dpy, GLXDrawable drawable) {
  Context* c = current_context();
  if (c == nullptr || c->current_dpy != dpy) return nullptr;
  if (c->draw_handle == drawable) return c->draw_fb;
  if (c->read_handle == drawable) return c->read_fb;
  return nullptr;
}

void pace(drawable::Drawable& d) {
  const int interval = d.swap_interval.load();
  if (interval == 0) return;
  const uint64_t now = retrace_count();
  uint64_t target = d.last_swap_retrace + static_cast<uint64_t>(std::abs(interval));
  // A late swap waits for the next retrace, unless late swaps tear (negative interval,
  // GLX_EXT_swap_control_tear): then it happens at once.
  if (target <= now && interval > 0) target = now + 1;
  if (target > now) wait_for_retrace(target);
  d.last_swap_retrace = std::max(target, now);
}

void announce_swap(Display* dpy, drawable::Drawable& d) {
  if (!(d.event_mask & GLX_BUFFER_SWAP_COMPLETE_INTEL_MASK) || d.kind != drawable::Kind::Window) return;
  const auto ust =
      std::chrono::duration_cast<std::chrono::microseconds>(Clock::now().time_since_epoch()).count();
  send_swap_complete(dpy, d.handle, d.x_id, ust, static_cast<int64_t>(retrace_count()),
                     static_cast<int64_t>(d.swap_count.load()));
}

}  // namespace

void swap_buffers(Display* dpy, GLXDrawable drawable) {
  drawable::Framebuffer* fb = current_view(dpy, drawable);
  if (fb == nullptr) {
    auto& reg = Registry::instance();
    std::lock_guard lock(reg.mutex);
    if (!reg.find_drawable(dpy, drawable)) {
      XWindowAttributes attr{};
      // A window nothing ever rendered to has nothing to show; anything else is not a drawable.
      if (drawable == None || !quiet::get_window_attributes(dpy, drawable, &attr))
        raise_glx_error(dpy, kGLXBadDrawable, false, kX_GLXSwapBuffers, drawable);
      return;
    }
    log::debug("glXSwapBuffers on 0x{:x}, which is not current in this thread: nothing to read it with",
               drawable);
    return;
  }
  pace(fb->drawable());
  glx::swap_buffers(*current_context(), *fb);
  announce_swap(dpy, fb->drawable());
}

void wait_gl() {
  Context* c = current_context();
  if (c == nullptr) return;
  glFinish_fn();
  show_front_buffer(*c);
}

void wait_x() {
  Context* c = current_context();
  if (c != nullptr && c->current_dpy != nullptr) XSync(c->current_dpy, False);
}

void copy_sub_buffer(Display* dpy, GLXDrawable drawable, int x, int y, int width, int height) {
  drawable::Framebuffer* fb = current_view(dpy, drawable);
  if (fb == nullptr || width <= 0 || height <= 0) return;
  auto& d = fb->drawable();
  if (!d.double_buffered) return;
  // The rectangle of the back buffer goes to the front buffer, which is then shown whole.
  {
    std::string error;
    if (const auto* b = egl::backend(&error)) fb->ensure_front(b->display, current_context()->egl);
  }
  fb->copy_back_to_front(x, y, width, height);
  fb->front_drawn = true;
  show_front_buffer(*current_context());
}

void swap_interval_ext(Display* dpy, GLXDrawable drawable, int interval) {
  auto& reg = Registry::instance();
  std::lock_guard lock(reg.mutex);
  auto d = reg.find_drawable(dpy, drawable);
  if (!d) {
    raise_core_error(dpy, BadWindow, kX_GLXChangeDrawableAttributes, drawable);
    return;
  }
  // Negative intervals are GLX_EXT_swap_control_tear's "late swaps tear".
  d->swap_interval = interval;
}

int swap_interval_mesa(unsigned int interval) {
  Context* c = current_context();
  if (c == nullptr || c->draw_fb == nullptr) return GLX_BAD_CONTEXT;
  if (interval > 1000) return GLX_BAD_VALUE;
  c->draw_fb->drawable().swap_interval = static_cast<int>(interval);
  return 0;
}

int get_swap_interval_mesa() {
  Context* c = current_context();
  return c && c->draw_fb ? c->draw_fb->drawable().swap_interval.load() : 0;
}

int swap_interval_sgi(int interval) {
  Context* c = current_context();
  if (interval <= 0) return GLX_BAD_VALUE;
  if (c == nullptr || c->draw_fb == nullptr) return GLX_BAD_CONTEXT;
  c->draw_fb->drawable().swap_interval = interval;
  return 0;
}

int get_video_sync(unsigned int* count) {
  if (current_context() == nullptr) return GLX_BAD_CONTEXT;
  if (count) *count = static_cast<unsigned int>(retrace_count());
  return 0;
}

int wait_video_sync(int divisor, int remainder, unsigned int* count) {
  if (divisor <= 0 || remainder < 0 || remainder >= divisor) return GLX_BAD_VALUE;
  if (current_context() == nullptr) return GLX_BAD_CONTEXT;
  uint64_t now = retrace_count();
  uint64_t target = now + 1;  // at least the next retrace, like a real wait
  while (target % static_cast<uint64_t>(divisor) != static_cast<uint64_t>(remainder)) ++target;
  wait_for_retrace(target);
  if (count) *count = static_cast<unsigned int>(target);
  return 0;
}

}  // namespace eglrun::glx::api
