// The presenter headers come first: Xlib #defines Status, a name they use.
#include "present/pacing.hpp"
#include "present/present_thread.hpp"
#include "present/readback.hpp"
#include "present/readback_ring.hpp"
#include "present/window_presenter.hpp"

#include "glx/frame_output.hpp"

#include <algorithm>
#include <cstdlib>
#include <map>
#include <unordered_map>

#include "config/settings.hpp"
#include "drawable/buffer_mapping.hpp"
#include "drawable/gl_state.hpp"
#include "log/log.hpp"
#include "symbols/real.hpp"
#include "symbols/poison.hpp"

namespace eglrun::glx {

using namespace eglrun::real;
using drawable::Buffer;
using drawable::Drawable;
using drawable::Framebuffer;

namespace {

// Frames in flight per window and context: one being copied out by the presenter, one queued, one
// being read back. More only adds latency and memory.
constexpr size_t kRingSlots = 3;

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
  // by (context, drawable serial); nullptr: the context cannot read back asynchronously
  std::map<std::pair<EGLContext, uint64_t>, std::unique_ptr<present::ReadbackRing>> rings;
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

// Stops the presenters of windows that are gone and frees the current context's rings for them.
void prune(EGLContext current) {
  auto& o = outputs();
  std::vector<std::shared_ptr<present::PresentThread>> stopping;
  std::vector<std::unique_ptr<present::ReadbackRing>> rings;
  {
    std::lock_guard lock(o.mutex);
    for (auto it = o.windows.begin(); it != o.windows.end();) {
      if (alive(it->second)) {
        ++it;
        continue;
      }
      const uint64_t serial = it->first;
      stopping.push_back(std::move(it->second.thread));
      it = o.windows.erase(it);
      for (auto r = o.rings.begin(); r != o.rings.end();) {
        if (r->first.second == serial && r->first.first == current) {
          rings.push_back(std::move(r->second));
          r = o.rings.erase(r);
        } else {
          ++r;
        }
      }
    }
  }
  for (auto& t : stopping) t->stop();  // gives every frame back
  for (auto& r : rings)
    if (r) r->destroy();
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
        present::PresentThread::Options{.spoil = s.spoil, .profile = s.profile});
  }
  return &it->second;
}

present::ReadbackRing* ring_for(Context& c, const Drawable& d, EGLDisplay display) {
  auto& o = outputs();
  std::lock_guard lock(o.mutex);
  auto [it, fresh] = o.rings.try_emplace({c.egl, d.serial});
  if (fresh && present::ReadbackRing::supported(c.is_es))
    it->second = std::make_unique<present::ReadbackRing>(display, kRingSlots);
  return it->second.get();
}

void note_status(Drawable& d, auto s) {
  using S = decltype(s);
  switch (s) {
    case S::Ok: return;
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

// A frame read synchronously into memory of its own, for contexts without persistent mappings.
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
    if (auto* ring = ring_for(c, d, b->display))
      frame = ring->read(source, attachment, w, h, thread, config::settings().spoil, c.has_pack_invert);
    if (!frame) frame = read_into_heap(c, source, attachment, w, h);
  }
  frame->wait = wait;
  const uint64_t sequence = thread.submit(std::move(*frame));
  if (wait && sequence != 0) {
    thread.wait_done(sequence);
    note_status(d, thread.take_status());
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
  prune(c.egl);
  if (const double fps = config::settings().fps_limit; fps > 0 && d.kind == drawable::Kind::Window) {
    if (WindowOutput* out = window_output(fb.drawable_ptr())) out->limiter.wait(fps);
  }
  if (!d.double_buffered) {
    // Swapping a single-buffered drawable only flushes (GLX 1.4, 3.3.10), and that shows its pixels.
    glFlush_fn();
    present_buffer(c, fb, Buffer::Back, /*wait=*/true);
    return;
  }
  present_buffer(c, fb, Buffer::Back);
  if (d.has_front()) fb.copy_back_to_front();
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
  auto& o = outputs();
  std::vector<std::pair<std::unique_ptr<present::ReadbackRing>, std::shared_ptr<present::PresentThread>>> rings;
  {
    std::lock_guard lock(o.mutex);
    for (auto r = o.rings.begin(); r != o.rings.end();) {
      if (r->first.first != c.egl) {
        ++r;
        continue;
      }
      std::shared_ptr<present::PresentThread> thread;
      if (auto w = o.windows.find(r->first.second); w != o.windows.end()) thread = w->second.thread;
      rings.emplace_back(std::move(r->second), std::move(thread));
      r = o.rings.erase(r);
    }
  }
  bool any = false;
  // The presenter must be done with the buffers before the context (and their memory) goes.
  for (auto& [ring, thread] : rings) {
    if (!ring) continue;
    ring->wait_idle(thread.get());
    any = true;
  }
  if (!any) return;
  // Deleted in their context, which is current nowhere else when it is being destroyed: a context
  // sharing objects would otherwise keep them.
  std::string error;
  const auto* b = egl::backend(&error);
  if (b == nullptr) return;
  const EGLContext old_ctx = eglGetCurrentContext();
  const EGLSurface old_draw = eglGetCurrentSurface(EGL_DRAW), old_read = eglGetCurrentSurface(EGL_READ);
  const EGLDisplay old_dpy = eglGetCurrentDisplay();
  const bool switch_context = old_ctx != c.egl;
  if (switch_context && !eglMakeCurrent(b->display, EGL_NO_SURFACE, EGL_NO_SURFACE, c.egl)) return;
  for (auto& [ring, thread] : rings)
    if (ring) ring->destroy();
  if (switch_context) {
    if (old_ctx != EGL_NO_CONTEXT)
      eglMakeCurrent(old_dpy, old_draw, old_read, old_ctx);
    else
      eglMakeCurrent(b->display, EGL_NO_SURFACE, EGL_NO_SURFACE, EGL_NO_CONTEXT);
  }
}

}  // namespace eglrun::glx
