// The presenter headers come first: Xlib #defines Status, a name they use.
#include "present/readback.hpp"
#include "present/window_presenter.hpp"

#include "glx/frame_output.hpp"

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

// Reads `slot` of fb's drawable and hands it to the presenter.
void present_buffer(Context& c, Framebuffer& fb, Buffer slot) {
  Drawable& d = fb.drawable();
  if (d.kind == drawable::Kind::Pbuffer || d.destroyed || fb.fbo() == 0) return;
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
  std::pair<int, int> size{0, 0};
  {
    std::lock_guard lock(d.mutex);
    if (auto* p = d.presenter()) size = p->window_size();
  }
  if (size.first <= 0 || size.second <= 0) return;
  if (d.set_size(size.first, size.second)) {
    log::debug("window 0x{:x} is now {}x{}", d.x_id, size.first, size.second);
    std::string error;
    if (const auto* b = egl::backend(&error)) fb.sync(b->display, c.egl);
  }
}

void swap_buffers(Context& c, Framebuffer& fb) {
  Drawable& d = fb.drawable();
  if (!d.double_buffered) {
    // Swapping a single-buffered drawable only flushes (GLX 1.4, 3.3.10), and that shows its pixels.
    glFlush_fn();
    present_buffer(c, fb, Buffer::Back);
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
    present_buffer(c, *fb, Buffer::Back);
    return;
  }
  const bool now = draws_to_front(*fb);
  if (!fb->front_drawn && !now) return;
  present_buffer(c, *fb, Buffer::Front);
  fb->front_drawn = now;
}

}  // namespace eglrun::glx
