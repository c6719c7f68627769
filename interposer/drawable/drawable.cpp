#include "drawable/drawable.hpp"

#include "diagnostics/object_counts.hpp"
#include "drawable/image_storage.hpp"
#include "egl/backend.hpp"
#include "glx/fbconfig.hpp"
#include "log/log.hpp"
#include "present/window_presenter.hpp"
#include "symbols/real.hpp"

// Last include: poisons every interposed name in the code below.
#include "symbols/poison.hpp"

namespace eglrun::drawable {

using namespace eglrun::real;
using diagnostics::Object;

namespace {
uint64_t next_serial() {
  static std::atomic<uint64_t> counter{0};
  return ++counter;
}
}  // namespace

Drawable::Drawable(Display* d, XID h, XID x, Kind k, const glx::FBConfigDesc* c, int w, int hgt)
    : dpy(d),
      handle(h),
      x_id(x),
      kind(k),
      config(c),
      double_buffered(c->doublebuffer != 0 && k != Kind::Pixmap),
      serial(next_serial()),
      width_(w),
      height_(hgt) {}

Drawable::~Drawable() {
  std::string error;
  if (const auto* b = egl::backend(&error)) release_images(b->display);
}

bool Drawable::set_size(int w, int h) {
  if (w <= 0 || h <= 0) return false;
  int ow = width_.exchange(w), oh = height_.exchange(h);
  return ow != w || oh != h;
}

void Drawable::release_images(EGLDisplay display) {
  std::string error;
  const auto* b = egl::backend(&error);
  for (auto& img : images_) {
    if (img != EGL_NO_IMAGE_KHR && b && b->destroy_image(display, img))
      diagnostics::count_released(Object::EglImage);
    img = EGL_NO_IMAGE_KHR;
  }
  if (depth_image_ != EGL_NO_IMAGE_KHR && b && b->destroy_image(display, depth_image_))
    diagnostics::count_released(Object::EglImage);
  depth_image_ = EGL_NO_IMAGE_KHR;
  chain_.reset();  // its images go with the last frame that still holds them
}

bool Drawable::opaque_alpha() const {
  bool any = false;
  if (chain_ && chain_->image(0)) {
    if (!chain_->opaque()) return false;
    any = true;
  }
  for (int i = 0; i < 2; ++i)
    if (images_[i] != EGL_NO_IMAGE_KHR) {
      if (!images_opaque_[i]) return false;
      any = true;
    }
  return any;
}

bool Drawable::ensure_storage(EGLDisplay display, EGLContext current) {
  const int w = width(), h = height();
  const int wanted = has_front() && double_buffered ? 2 : 1;
  const bool size_ok = w == storage_w_ && h == storage_h_;
  // Double-buffered windows keep their back buffer in a swap chain; images_[Back] stays empty.
  if (!chain_ && kind == Kind::Window && double_buffered) chain_ = std::make_unique<SwapChain>();
  int present_count = chain_ ? 1 : 0;
  for (auto img : images_) present_count += img != EGL_NO_IMAGE_KHR;
  if (size_ok && present_count >= wanted) return true;

  std::string error;
  const auto* b = egl::backend(&error);
  if (!b) return false;
  EGLImageKHR fresh[2] = {EGL_NO_IMAGE_KHR, EGL_NO_IMAGE_KHR};
  // Pixmaps and pbuffers keep the config's format: their contents are read as the config says
  // (GLX_EXT_texture_from_pixmap samples them), and they are not on the per-frame path.
  const ColorStorage storage =
      kind == Kind::Window ? window_color_storage(*config) : ColorStorage{config->color_format, false};
  bool ok = true;
  for (int i = 0; i < wanted && ok; ++i) {
    if (i == 0 && chain_) {
      chain_->ensure(display, current, w, h, storage.format, storage.opaque_alpha, &ok);
      continue;
    }
    if (size_ok && images_[i] != EGL_NO_IMAGE_KHR) continue;
    fresh[i] = make_texture_image(display, current, storage.format, w, h, storage.opaque_alpha);
    if (fresh[i] == EGL_NO_IMAGE_KHR) {
      log::error(
          "cannot allocate a {}x{} colour buffer on the EGL device ({}): the drawable stays unrendered", w, h,
          egl::egl_error_name(eglGetError()));
      ok = false;
    }
  }
  if (!ok) {
    for (auto img : fresh)
      if (img != EGL_NO_IMAGE_KHR && b->destroy_image(display, img))
        diagnostics::count_released(Object::EglImage);
    return false;
  }
  for (int i = 0; i < 2; ++i) {
    if (fresh[i] == EGL_NO_IMAGE_KHR) continue;
    if (images_[i] != EGL_NO_IMAGE_KHR && b->destroy_image(display, images_[i]))
      diagnostics::count_released(Object::EglImage);
    images_[i] = fresh[i];
    images_opaque_[i] = storage.opaque_alpha;
  }
  if (!size_ok) {
    // A new size invalidates the other slot too; it is re-created when next wanted.
    for (int i = 0; i < 2; ++i)
      if (fresh[i] == EGL_NO_IMAGE_KHR && images_[i] != EGL_NO_IMAGE_KHR) {
        if (b->destroy_image(display, images_[i])) diagnostics::count_released(Object::EglImage);
        images_[i] = EGL_NO_IMAGE_KHR;
      }
  }
  if (!size_ok) age_base_swap_ = swap_count.load();  // new storage: contents undefined
  storage_w_ = w;
  storage_h_ = h;
  generation_.fetch_add(1);
  log::debug("drawable 0x{:x}: colour storage {}x{} ({} buffer{})", handle, w, h, wanted,
             wanted > 1 ? "s" : "");
  return true;
}

EGLImageKHR Drawable::depth_image(EGLDisplay display, EGLContext current, GLenum format) {
  if (depth_image_ != EGL_NO_IMAGE_KHR && depth_w_ == storage_w_ && depth_h_ == storage_h_)
    return depth_image_;
  std::string error;
  const auto* b = egl::backend(&error);
  if (!b || storage_w_ <= 0 || storage_h_ <= 0) return EGL_NO_IMAGE_KHR;
  EGLImageKHR fresh = make_texture_image(display, current, format, storage_w_, storage_h_);
  if (fresh == EGL_NO_IMAGE_KHR) return EGL_NO_IMAGE_KHR;
  if (depth_image_ != EGL_NO_IMAGE_KHR && b->destroy_image(display, depth_image_))
    diagnostics::count_released(Object::EglImage);
  depth_image_ = fresh;
  depth_w_ = storage_w_;
  depth_h_ = storage_h_;
  return depth_image_;
}

present::WindowPresenter* Drawable::presenter() {
  if (presenter_ || presenter_failed_ || kind == Kind::Pbuffer || destroyed) return presenter_.get();
  std::string error;
  presenter_ = present::WindowPresenter::create(DisplayString(dpy), static_cast<uint32_t>(x_id), &error);
  if (!presenter_) {
    presenter_failed_ = true;
    log::error("cannot show frames in X drawable 0x{:x}: {}", x_id, error);
  }
  return presenter_.get();
}

}  // namespace eglrun::drawable
