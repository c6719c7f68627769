// A GLX drawable as eglrun emulates it: colour buffers held as EGLImages on the EGL device, so that
// every context (whatever its share group) renders into the same storage, sized like the X drawable.
#pragma once

#include <EGL/egl.h>
#include <EGL/eglext.h>
#include <X11/Xlib.h>

#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>

#include "drawable/swap_chain.hpp"

namespace eglrun::glx {
struct FBConfigDesc;
}
namespace eglrun::present {
class WindowPresenter;
}

namespace eglrun::drawable {

enum class Kind { Window, Pixmap, Pbuffer };

// Which colour buffer of a drawable.
enum class Buffer { Back = 0, Front = 1 };

class Drawable {
 public:
  // GLX pixmaps are single-buffered whatever their config says.
  Drawable(Display* dpy, XID handle, XID x_id, Kind kind, const glx::FBConfigDesc* config, int width,
           int height);
  ~Drawable();
  Drawable(const Drawable&) = delete;
  Drawable& operator=(const Drawable&) = delete;

  Display* const dpy;
  const XID handle;  // what the application passes as GLXDrawable
  const XID x_id;    // the X window or pixmap (0 for a pbuffer)
  const Kind kind;
  const glx::FBConfigDesc* const config;
  const bool double_buffered;
  const uint64_t serial;  // unique for the process's lifetime, unlike addresses and XIDs

  // Size the application should see; changes when the X window is resized.
  int width() const { return width_.load(); }
  int height() const { return height_.load(); }
  // Records a new size; storage follows at the next ensure_storage(). True when it changed.
  bool set_size(int width, int height);

  // Monotonic: bumps whenever the colour images are replaced, so contexts know to re-attach.
  uint64_t generation() const { return generation_.load(); }

  // With an EGL context current: (re)creates the images when the size changed or a buffer that is
  // now wanted does not exist yet. False (with a logged reason) on allocation failure.
  bool ensure_storage(EGLDisplay display, EGLContext current);
  // Single-sampled depth/stencil shared by every context rendering to the drawable, as GLX shares a
  // drawable's ancillary buffers: an EGLImage of a depth texture (depth renderbuffers cannot be
  // EGLImage targets on Mesa), made at the storage size in `format` when first asked for. With the
  // drawable's mutex held and an EGL context current; EGL_NO_IMAGE_KHR when the driver refuses.
  EGLImageKHR depth_image(EGLDisplay display, EGLContext current, GLenum format);
  EGLImageKHR image(Buffer b) const {
    return b == Buffer::Back && chain_ ? chain_->back_image() : images_[static_cast<int>(b)];
  }
  // Double-buffered windows: the back buffer is a ring of images (drawable/swap_chain.hpp), else null.
  SwapChain* swap_chain() const { return chain_.get(); }
  // Every colour image is stored with an alpha channel kept at 1.0 for a config without alpha
  // (drawable/image_storage.hpp window_color_storage, gl/opaque_alpha.hpp). Drawable's mutex held.
  bool opaque_alpha() const;
  int storage_width() const { return storage_w_; }
  int storage_height() const { return storage_h_; }

  // A double-buffered drawable gets its front buffer only once something draws to or reads it.
  void want_front() { front_wanted_ = true; }
  bool has_front() const { return !double_buffered || front_wanted_; }
  // The buffer a single-buffered drawable renders into is its front buffer, stored in slot Back.
  Buffer slot(Buffer b) const { return double_buffered ? b : Buffer::Back; }

  // Presentation target (windows and pixmaps); created on first use.
  present::WindowPresenter* presenter();
  bool presenter_failed() const { return presenter_failed_; }

  std::mutex mutex;                   // serialises storage changes and presentation between threads
  std::atomic<int> swap_interval{0};  // 0 until the application asks: no display to pace against
  uint64_t last_swap_retrace = 0;
  std::atomic<uint64_t> swap_count{0};
  unsigned long event_mask = 0;  // glXSelectEvent
  bool preserved_contents = false;
  bool largest_pbuffer = false;
  std::atomic<bool> destroyed{false};           // its X window went away: present nothing
  std::atomic<bool> released{false};            // the GLX drawable was destroyed: contexts drop their views
  int reported_width = 0, reported_height = 0;  // a pbuffer's size as asked (storage is at least 1x1)
  // GLX_FBCONFIG_ID of an X window adopted at glXMakeCurrent: its visual's config, not `config`.
  const glx::FBConfigDesc* reported_config = nullptr;
  // GLX_EXT_texture_from_pixmap: how glXBindTexImageEXT presents this pixmap (GLX values; format
  // GLX_TEXTURE_FORMAT_NONE_EXT means it cannot be bound).
  int texture_format = 0x20D8;  // GLX_TEXTURE_FORMAT_NONE_EXT
  int texture_target = 0;       // GLX_TEXTURE_2D_EXT, GLX_TEXTURE_RECTANGLE_EXT or GLX_TEXTURE_1D_EXT
  bool mipmap_texture = false;
  // GLX_EXT_buffer_age. A swap copies the back buffer out and leaves it as it was, so after any swap
  // since the storage was last (re)allocated the back buffer holds the previous frame: age 1.
  // With a swap chain the back buffer is an older image: the chain knows its age.
  int back_buffer_age() const {
    if (chain_) return chain_->back_age(swap_count.load());
    return double_buffered && swap_count.load() > age_base_swap_.load() ? 1 : 0;
  }

 private:
  void release_images(EGLDisplay display);

  std::atomic<int> width_, height_;
  std::atomic<uint64_t> age_base_swap_{0};  // swap_count when the back buffer's contents were last lost
  std::atomic<uint64_t> generation_{0};
  EGLImageKHR images_[2] = {EGL_NO_IMAGE_KHR, EGL_NO_IMAGE_KHR};
  bool images_opaque_[2] = {false, false};
  EGLImageKHR depth_image_ = EGL_NO_IMAGE_KHR;
  int depth_w_ = 0, depth_h_ = 0;
  int storage_w_ = 0, storage_h_ = 0;
  bool front_wanted_ = false;
  std::unique_ptr<present::WindowPresenter> presenter_;
  bool presenter_failed_ = false;
  std::unique_ptr<SwapChain> chain_;
};

}  // namespace eglrun::drawable
