// The presenter headers come first: Xlib #defines Status, a name they use.
#include "present/pacing.hpp"
#include "present/present_thread.hpp"
#include "present/readback.hpp"
#include "present/window_presenter.hpp"

#include "glx/frame_output.hpp"

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <unordered_map>

#include "config/settings.hpp"
#include "drawable/buffer_mapping.hpp"
#include "drawable/gl_state.hpp"
#include "gl/opaque_alpha.hpp"
#include "gl/preserve.hpp"
#include "log/log.hpp"
#include "symbols/real.hpp"

// Last include: poisons every interposed name in the code below.
#include "symbols/poison.hpp"

namespace eglrun::glx {

using namespace eglrun::real;
using drawable::Buffer;
using drawable::Drawable;
using drawable::Framebuffer;

namespace {

struct WindowOutput {
  std::weak_ptr<Drawable> drawable;
  std::shared_ptr<present::PresentThread> thread;
  present::FpsLimiter limiter;
  // Viewport sizes already checked against the server since the storage last changed.
  std::vector<std::pair<int, int>> checked;
  uint64_t checked_generation = 0;
};

// Process-wide, never destroyed: still usable while the process exits.
struct Outputs {
  std::mutex mutex;
  std::unordered_map<uint64_t, WindowOutput> windows;  // by drawable serial
  bool exiting = false;
};

Outputs& outputs() {
  static auto* o = new Outputs;
  return *o;
}

// At exit: stop the presenter threads before EGL tears down the buffers they read (registered at
// the first window, after EGL was initialised, so it runs before EGL's own exit handler).
void stop_all_at_exit() {
  std::vector<std::shared_ptr<present::PresentThread>> threads;
  {
    auto& o = outputs();
    std::lock_guard lock(o.mutex);
    o.exiting = true;
    for (auto& [serial, w] : o.windows) threads.push_back(w.thread);
  }
  for (auto& t : threads) t->stop(std::chrono::seconds(1));
}

bool alive(const WindowOutput& w) {
  auto d = w.drawable.lock();
  return d && !d->destroyed && !d->released && !w.thread->ended();
}

// Stops the presenters of windows that are gone.
void prune() {
  auto& o = outputs();
  std::vector<std::shared_ptr<present::PresentThread>> stopping;
  {
    std::lock_guard lock(o.mutex);
    for (auto it = o.windows.begin(); it != o.windows.end();) {
      if (alive(it->second)) {
        ++it;
        continue;
      }
      stopping.push_back(std::move(it->second.thread));
      it = o.windows.erase(it);
    }
  }
  for (auto& t : stopping) t->stop();  // gives every frame back
}

// Spoiling for this process's device (config::Spoil::Auto: off on a software renderer).
bool spoiling() {
  static const bool on = [] {
    std::string error;
    const auto* b = egl::backend(&error);
    const bool software = b != nullptr && b->device.software;
    const bool spoil = config::spoils(config::settings().spoil, software);
    if (software && config::settings().spoil == config::Spoil::Auto)
      log::debug("software renderer: every frame is shown, none spoiled (EGLRUN_SPOIL=1 spoils)");
    return spoil;
  }();
  return on;
}

WindowOutput* window_output(const std::shared_ptr<Drawable>& d) {
  auto& o = outputs();
  std::lock_guard lock(o.mutex);
  if (o.exiting) return nullptr;
  auto [it, fresh] = o.windows.try_emplace(d->serial);
  if (fresh) {
    static std::once_flag once;
    std::call_once(once, [] { std::atexit(stop_all_at_exit); });
    const auto& s = config::settings();
    it->second.drawable = d;
    it->second.thread = std::make_shared<present::PresentThread>(
        DisplayString(d->dpy), static_cast<uint32_t>(d->x_id),
        present::PresentThread::Options{.spoil = spoiling(), .profile = s.profile});
  }
  return &it->second;
}

void note_status(Drawable& d, auto s) {
  using S = decltype(s);
  switch (s) {
    case S::Ok:
      return;
    case S::WindowGone:
      if (log::first_time(fmt::format("gone-{}", d.serial)))
        log::info("X drawable 0x{:x} is gone: its frames are dropped", d.x_id);
      d.destroyed = true;
      return;
    case S::ConnectionLost:
      if (log::first_time("presenter-connection-lost"))
        log::warn("lost the connection to the X server while showing a frame; frames are dropped");
      d.destroyed = true;
      return;
    case S::Error:
      if (log::first_time(fmt::format("present-error-{}", d.serial)))
        log::warn("the X server refused a frame for drawable 0x{:x}", d.x_id);
      return;
  }
}

// GLX pixmaps: read and sent in the application thread, so X requests that follow see the pixels.
void present_pixmap(Context& c, Framebuffer& fb, Buffer slot) {
  Drawable& d = fb.drawable();
  const GLenum attachment = slot == Buffer::Back ? drawable::kBackAttachment : drawable::kFrontAttachment;
  const GLuint source = fb.resolved_fbo_for_read(slot);
  std::lock_guard lock(d.mutex);
  auto* p = d.presenter();
  if (p == nullptr) return;
  const int w = d.storage_width(), h = d.storage_height();
  present::Image img = p->acquire(w, h);
  if (img.pixels == nullptr) return;
  present::read_frame(source, attachment, w, h, img.pixels, img.stride, c.has_pack_invert);
  note_status(d, p->present(img));
}

// A frame read synchronously into memory of its own (front buffer, single-buffered windows: the
// caller waits for it to be shown anyway).
present::Frame read_into_heap(Context& c, GLuint source, GLenum attachment, int w, int h) {
  auto pixels = std::make_shared<std::vector<uint8_t>>(static_cast<size_t>(w) * static_cast<size_t>(h) * 4);
  present::read_frame(source, attachment, w, h, pixels->data(), w * 4, c.has_pack_invert);
  present::Frame f;
  f.pixels = pixels->data();
  f.width = w;
  f.height = h;
  f.stride = w * 4;
  f.bottom_up = false;  // read_frame gives top-down rows
  f.on_release = [pixels] {};
  return f;
}

// Reads `slot` of fb's drawable and hands it to the window's presenter thread. `wait`: returns
// once the frame is in the X server (front-buffer rendering, where X requests may follow).
// Double-buffered windows swap through their swap chain instead (swap_chain_present).
void present_buffer(Context& c, Framebuffer& fb, Buffer slot, bool wait = false) {
  Drawable& d = fb.drawable();
  if (d.kind == drawable::Kind::Pbuffer || d.destroyed || fb.fbo() == 0) return;
  if (d.kind != drawable::Kind::Window) {
    present_pixmap(c, fb, slot);
    return;
  }
  std::string error;
  const auto* b = egl::backend(&error);
  WindowOutput* out = b ? window_output(fb.drawable_ptr()) : nullptr;
  if (out == nullptr) return;
  present::PresentThread& thread = *out->thread;
  note_status(d, thread.take_status());
  if (d.destroyed) return;

  const GLenum attachment = slot == Buffer::Back ? drawable::kBackAttachment : drawable::kFrontAttachment;
  const GLuint source = fb.resolved_fbo_for_read(slot);
  std::optional<present::Frame> frame;
  {
    std::lock_guard lock(d.mutex);
    const int w = d.storage_width(), h = d.storage_height();
    if (w <= 0 || h <= 0) return;
    frame = read_into_heap(c, source, attachment, w, h);
  }
  frame->wait = wait;
  const uint64_t sequence = thread.submit(std::move(*frame));
  if (wait && sequence != 0) {
    thread.wait_done(sequence);
    note_status(d, thread.take_status());
  }
}

// glXSwapBuffers of a double-buffered window: the finished back image goes to the presenter thread,
// which waits for its fence and reads it back in its own context; this thread only queues work and
// moves the back buffer to a free image (waiting for one only when spoiling is off, as it is by default
// on a software renderer).
void swap_chain_present(Framebuffer& fb) {
  Drawable& d = fb.drawable();
  if (d.destroyed || fb.fbo() == 0 || d.swap_chain() == nullptr) return;
  std::string error;
  const auto* b = egl::backend(&error);
  WindowOutput* out = b ? window_output(fb.drawable_ptr()) : nullptr;
  if (out == nullptr) return;
  present::PresentThread& thread = *out->thread;
  note_status(d, thread.take_status());
  if (d.destroyed) return;
  const auto start = std::chrono::steady_clock::now();

  fb.settle_back();  // a swap with nothing drawn since the last one shows the preserved frame
  // Images leave opaque: the ring hands them back as back buffers later (gl/opaque_alpha.hpp).
  if (auto* c = current_context()) gl::restore_alpha_if_dirty(*c);
  if (fb.multisampled()) fb.resolved_fbo_for_read(Buffer::Back);  // into the back image
  if (d.has_front()) fb.copy_back_to_front();
  glFlush_fn();  // the presenter's context waits on the fence, so the work must be submitted
  EGLSync fence = eglCreateSync(b->display, EGL_SYNC_FENCE, nullptr);
  present::Frame frame;
  drawable::SwapChain* chain = d.swap_chain();
  {
    std::lock_guard lock(d.mutex);
    if (!chain->image(chain->back_index())) {
      if (fence != EGL_NO_SYNC) eglDestroySync(b->display, fence);
      return;
    }
    auto handoff = chain->hand_off(d.swap_count.load() + 1);
    frame.width = handoff.image->width;
    frame.height = handoff.image->height;
    frame.image = std::move(handoff.image);
    frame.on_release = std::move(handoff.give_back);
    frame.owner = handoff.owner;
  }
  frame.bottom_up = !fb.flip_y();
  frame.display = b->display;
  frame.fence = fence;
  const void* owner = frame.owner;
  const bool spoil = spoiling();
  frame.producer_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  thread.submit(std::move(frame));

  std::lock_guard lock(d.mutex);
  chain->advance([&] { return spoil && thread.drop_oldest_queued(owner); }, [&] { return thread.ended(); });
  fb.follow_back();
  if (config::settings().preserve_back) {
    // Made by the first GL call that needs it, or skipped when that call clears the whole buffer.
    fb.defer_preserve_back();
    gl::note_preserve_pending();
  }
}

bool draws_to_front(Framebuffer& fb) {
  GLint v[2] = {0, 0};
  GLint bound = 0;
  glGetIntegerv_fn(GL_DRAW_FRAMEBUFFER_BINDING, &bound);
  if (static_cast<GLuint>(bound) != fb.fbo()) return false;
  glGetIntegerv_fn(GL_DRAW_BUFFER0, &v[0]);
  glGetIntegerv_fn(GL_DRAW_BUFFER1, &v[1]);
  return v[0] == GLint(drawable::kFrontAttachment) || v[1] == GLint(drawable::kFrontAttachment);
}

}  // namespace

void follow_window_size(Context& c, Framebuffer& fb) {
  Drawable& d = fb.drawable();
  if (d.kind != drawable::Kind::Window || d.destroyed) return;
  // The presenter thread asks the server after every frame: no round trip here.
  std::pair<int, int> size{0, 0};
  {
    auto& o = outputs();
    std::lock_guard lock(o.mutex);
    auto it = o.windows.find(d.serial);
    if (it != o.windows.end()) size = it->second.thread->window_size();
  }
  if (size.first <= 0 || size.second <= 0) return;
  if (d.set_size(size.first, size.second)) {
    log::debug("window 0x{:x} is now {}x{}", d.x_id, size.first, size.second);
    std::string error;
    if (const auto* b = egl::backend(&error)) fb.sync(b->display, c.egl);
  }
}

void viewport_changed(Context& c, int width, int height) {
  Framebuffer* fb = c.draw_fb;
  if (fb == nullptr || width <= 0 || height <= 0) return;
  Drawable& d = fb->drawable();
  if (d.kind != drawable::Kind::Window || d.destroyed) return;
  if (width == d.width() && height == d.height()) return;
  std::shared_ptr<present::PresentThread> thread;
  {
    auto& o = outputs();
    std::lock_guard lock(o.mutex);
    auto it = o.windows.find(d.serial);
    if (it == o.windows.end()) return;
    WindowOutput& w = it->second;
    // Viewports for parts of the window come back every frame: each is checked once per size.
    const std::pair<int, int> key{width, height};
    if (w.checked_generation != d.generation()) w.checked.clear(), w.checked_generation = d.generation();
    if (std::find(w.checked.begin(), w.checked.end(), key) != w.checked.end()) return;
    if (w.checked.size() >= 4) w.checked.erase(w.checked.begin());
    w.checked.push_back(key);
    thread = w.thread;
  }
  // Typically a ConfigureNotify the application just handled: its next frame must have the size.
  thread->refresh_window_size();
  follow_window_size(c, *fb);
}

void swap_buffers(Context& c, Framebuffer& fb) {
  Drawable& d = fb.drawable();
  prune();
  if (const double fps = config::settings().fps_limit; fps > 0 && d.kind == drawable::Kind::Window) {
    if (WindowOutput* out = window_output(fb.drawable_ptr())) out->limiter.wait(fps);
  }
  if (!d.double_buffered) {
    // Swapping a single-buffered drawable only flushes (GLX 1.4, 3.3.10), and that shows its pixels.
    glFlush_fn();
    present_buffer(c, fb, Buffer::Back, /*wait=*/true);
    return;
  }
  if (d.kind == drawable::Kind::Window && d.swap_chain() != nullptr) {
    swap_chain_present(fb);
  } else {
    present_buffer(c, fb, Buffer::Back);
    if (d.has_front()) fb.copy_back_to_front();
  }
  d.swap_count.fetch_add(1);
  follow_window_size(c, fb);
}

void show_front_buffer(Context& c) {
  Framebuffer* fb = c.draw_fb;
  if (fb == nullptr) return;
  Drawable& d = fb->drawable();
  if (!d.double_buffered) {
    present_buffer(c, *fb, Buffer::Back, /*wait=*/true);
    return;
  }
  const bool now = draws_to_front(*fb);
  if (!fb->front_drawn && !now) return;
  present_buffer(c, *fb, Buffer::Front, /*wait=*/true);
  fb->front_drawn = now;
}

void forget_context(Context& c) {
  // A frame on its way may still be rendered by this context's GL (its fence not yet signalled):
  // the presenters of the windows it drew to finish or drop their frames before the context goes.
  // The next swap into such a window starts a new presenter.
  auto& o = outputs();
  std::vector<std::shared_ptr<present::PresentThread>> stopping;
  {
    std::lock_guard lock(o.mutex);
    for (const auto& [serial, fb] : c.framebuffers) {
      auto it = o.windows.find(serial);
      if (it == o.windows.end()) continue;
      stopping.push_back(std::move(it->second.thread));
      o.windows.erase(it);
    }
  }
  for (auto& t : stopping) t->stop();
}

}  // namespace eglrun::glx
