#include "present/readback_worker.hpp"

#include <GL/gl.h>
#include <GL/glext.h>

#include <algorithm>
#include <string>

#include "diagnostics/object_counts.hpp"
#include "drawable/swap_chain.hpp"
#include "egl/backend.hpp"
#include "log/log.hpp"
#include "present/frame_queue.hpp"
#include "present/readback.hpp"
#include "symbols/real.hpp"

// Last include: poisons every interposed name in the code below.
#include "symbols/poison.hpp"

namespace eglrun::present {

using namespace eglrun::real;
using diagnostics::count_created;
using diagnostics::count_released;
using diagnostics::Object;

namespace {
constexpr GLenum kPackInvertMesa = 0x8758;  // GL_PACK_INVERT_MESA
}  // namespace

ReadbackWorker::~ReadbackWorker() {
  if (context_ == nullptr) return;
  if (eglGetCurrentContext() == static_cast<EGLContext>(context_))
    for (auto& v : views_) drop(v);
  eglMakeCurrent(display_, EGL_NO_SURFACE, EGL_NO_SURFACE, EGL_NO_CONTEXT);
  if (eglDestroyContext(display_, static_cast<EGLContext>(context_))) count_released(Object::EglContext);
}

bool ReadbackWorker::make_current() {
  if (failed_) return false;
  if (context_ == nullptr) {
    std::string error;
    const auto* b = egl::backend(&error);
    EGLint egl_error = EGL_SUCCESS;
    // A compatibility context: GL_BGRA read-back; nothing shared, so no lock with the application.
    EGLContext ctx =
        b ? egl::create_context(*b, egl::ContextRequest{}, EGL_NO_CONTEXT, &egl_error) : EGL_NO_CONTEXT;
    if (ctx == EGL_NO_CONTEXT) {
      log::error("cannot create the presenter's EGL context ({}): frames are not shown",
                 egl::egl_error_name(egl_error));
      failed_ = true;
      return false;
    }
    context_ = ctx;  // counted by create_context
  }
  if (eglGetCurrentContext() == static_cast<EGLContext>(context_)) return true;
  if (!eglMakeCurrent(display_, EGL_NO_SURFACE, EGL_NO_SURFACE, static_cast<EGLContext>(context_))) {
    log::error("cannot make the presenter's EGL context current ({})", egl::egl_error_name(eglGetError()));
    failed_ = true;
    return false;
  }
  return true;
}

void ReadbackWorker::drop(View& v) {
  if (v.fbo != 0) {
    glDeleteFramebuffers_fn(1, &v.fbo);
    count_released(Object::GlFramebuffer);
  }
  if (v.rb != 0) {
    glDeleteRenderbuffers_fn(1, &v.rb);
    count_released(Object::GlRenderbuffer);
  }
  v.fbo = v.rb = 0;
}

bool ReadbackWorker::read(const std::shared_ptr<drawable::SwapImage>& image, uint8_t* dst, int stride,
                          bool bottom_up) {
  if (!image || !make_current()) return false;
  // Views of images that are gone (an old size) go with them.
  for (auto& v : views_)
    if (v.image.expired()) drop(v);
  views_.erase(std::remove_if(views_.begin(), views_.end(), [](const View& v) { return v.fbo == 0; }),
               views_.end());

  auto it = std::find_if(views_.begin(), views_.end(), [&](const View& v) { return v.id == image->id; });
  if (it == views_.end()) {
    View v;
    v.image = image;
    v.id = image->id;
    glGenRenderbuffers_fn(1, &v.rb);
    count_created(Object::GlRenderbuffer);
    glBindRenderbuffer_fn(GL_RENDERBUFFER, v.rb);
    glEGLImageTargetRenderbufferStorageOES_fn(GL_RENDERBUFFER, image->image);
    GLint red = 0, green = 0, blue = 0, alpha = 0;
    glGetRenderbufferParameteriv_fn(GL_RENDERBUFFER, GL_RENDERBUFFER_RED_SIZE, &red);
    glGetRenderbufferParameteriv_fn(GL_RENDERBUFFER, GL_RENDERBUFFER_GREEN_SIZE, &green);
    glGetRenderbufferParameteriv_fn(GL_RENDERBUFFER, GL_RENDERBUFFER_BLUE_SIZE, &blue);
    glGetRenderbufferParameteriv_fn(GL_RENDERBUFFER, GL_RENDERBUFFER_ALPHA_SIZE, &alpha);
    v.read_rgba = read_as_rgba(red, green, blue, alpha);
    glGenFramebuffers_fn(1, &v.fbo);
    count_created(Object::GlFramebuffer);
    glBindFramebuffer_fn(GL_READ_FRAMEBUFFER, v.fbo);
    glFramebufferRenderbuffer_fn(GL_READ_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_RENDERBUFFER, v.rb);
    glReadBuffer_fn(GL_COLOR_ATTACHMENT0);
    views_.push_back(v);
    it = views_.end() - 1;
  }
  // The application renders with GL_MESA_framebuffer_flip_y, so the image's rows are stored top row
  // first; this FBO is not flipped, so glReadPixels gives them in that order: no flip, no invert.
  glBindFramebuffer_fn(GL_READ_FRAMEBUFFER, it->fbo);
  glPixelStorei_fn(GL_PACK_ROW_LENGTH, stride / 4);
  if (bottom_up != inverted_) {
    glPixelStorei_fn(kPackInvertMesa, bottom_up ? 1 : 0);
    inverted_ = bottom_up;
  }
  glReadPixels_fn(0, 0, image->width, image->height, it->read_rgba ? GL_RGBA : GL_BGRA, GL_UNSIGNED_BYTE,
                  dst);
  if (glGetError_fn() != GL_NO_ERROR) return false;
  if (it->read_rgba) swap_red_blue(dst, stride, image->width, image->height);
  return true;
}

}  // namespace eglrun::present
