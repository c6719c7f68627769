#include "glx/extensions.hpp"

#include <vector>

#include "diagnostics/object_counts.hpp"
#include "egl/backend.hpp"
#include "glx/internal.hpp"
#include "log/log.hpp"
#include "symbols/real.hpp"

// Last include: poisons every interposed name in the code below.
#include "symbols/poison.hpp"

namespace eglrun::glx {

namespace {

using namespace eglrun::real;

// Whether a drawable in `format` works as eglrun builds one: a texture made into an EGLImage, that
// image as the renderbuffer of a complete FBO, and a clear to (2.5, 0.5, 1.5) read back unclamped.
// With a context current.
bool colour_format_works(const egl::Backend& b, EGLDisplay display, EGLContext ctx, GLenum format) {
  GLuint tex = 0, rb = 0, fbo = 0;
  glGenTextures_fn(1, &tex);
  glBindTexture_fn(GL_TEXTURE_2D, tex);
  glTexStorage2D_fn(GL_TEXTURE_2D, 1, format, 4, 4);
  EGLImageKHR image =
      glGetError_fn() == GL_NO_ERROR
          ? b.create_image(display, ctx, EGL_GL_TEXTURE_2D_KHR,
                           reinterpret_cast<EGLClientBuffer>(static_cast<uintptr_t>(tex)), nullptr)
          : EGL_NO_IMAGE_KHR;
  glBindTexture_fn(GL_TEXTURE_2D, 0);
  glDeleteTextures_fn(1, &tex);
  if (image == EGL_NO_IMAGE_KHR) return false;
  glGenRenderbuffers_fn(1, &rb);
  glBindRenderbuffer_fn(GL_RENDERBUFFER, rb);
  glEGLImageTargetRenderbufferStorageOES_fn(GL_RENDERBUFFER, image);
  glGenFramebuffers_fn(1, &fbo);
  glBindFramebuffer_fn(GL_FRAMEBUFFER, fbo);
  glFramebufferRenderbuffer_fn(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_RENDERBUFFER, rb);
  bool ok = glCheckFramebufferStatus_fn(GL_FRAMEBUFFER) == GL_FRAMEBUFFER_COMPLETE;
  if (ok) {
    glClearColor_fn(2.5f, 0.5f, 1.5f, 1.0f);
    glClear_fn(GL_COLOR_BUFFER_BIT);
    float px[4] = {};
    glReadPixels_fn(0, 0, 1, 1, GL_RGBA, GL_FLOAT, px);
    ok = glGetError_fn() == GL_NO_ERROR && px[0] == 2.5f && px[1] == 0.5f && px[2] == 1.5f;
  }
  glBindFramebuffer_fn(GL_FRAMEBUFFER, 0);
  glDeleteFramebuffers_fn(1, &fbo);
  glBindRenderbuffer_fn(GL_RENDERBUFFER, 0);
  glDeleteRenderbuffers_fn(1, &rb);
  b.destroy_image(display, image);
  return ok;
}

// Probed once, in a context of its own (the calling thread's current context is put back).
FloatConfigs probe_float_configs() {
  std::string error;
  const auto* b = egl::backend(&error);
  if (b == nullptr || b->create_image == nullptr || b->destroy_image == nullptr) return {};
  EGLint egl_error = EGL_SUCCESS;
  egl::ContextRequest request;
  request.major = 3;  // float colour buffers are core from OpenGL 3.0
  EGLContext ctx = egl::create_context(*b, request, EGL_NO_CONTEXT, &egl_error);
  if (ctx == EGL_NO_CONTEXT) return {};
  const EGLDisplay old_dpy = eglGetCurrentDisplay();
  const EGLContext old_ctx = eglGetCurrentContext();
  const EGLSurface old_draw = eglGetCurrentSurface(EGL_DRAW), old_read = eglGetCurrentSurface(EGL_READ);
  FloatConfigs out;
  if (eglMakeCurrent(b->display, EGL_NO_SURFACE, EGL_NO_SURFACE, ctx)) {
    real::resolve_gl();
    out.rgba_float = colour_format_works(*b, b->display, ctx, GL_RGBA16F) &&
                     colour_format_works(*b, b->display, ctx, GL_RGBA32F);
    out.unsigned_float = colour_format_works(*b, b->display, ctx, GL_R11F_G11F_B10F);
    if (old_ctx != EGL_NO_CONTEXT)
      eglMakeCurrent(old_dpy, old_draw, old_read, old_ctx);
    else
      eglMakeCurrent(b->display, EGL_NO_SURFACE, EGL_NO_SURFACE, EGL_NO_CONTEXT);
  }
  if (eglDestroyContext(b->display, ctx)) diagnostics::count_released(diagnostics::Object::EglContext);
  log::debug("float drawables: RGBA16F/RGBA32F {}, R11F_G11F_B10F {}",
             out.rgba_float ? "work" : "do not work", out.unsigned_float ? "works" : "does not work");
  return out;
}

}  // namespace

FloatConfigs float_configs_supported() {
  static const FloatConfigs supported = probe_float_configs();
  return supported;
}

const std::string& extension_string() {
  static const std::string list = [] {
    std::string error;
    const auto* b = egl::backend(&error);
    std::vector<const char*> ext = {
        "GLX_ARB_create_context",      "GLX_ARB_create_context_profile",
        "GLX_ARB_framebuffer_sRGB",    "GLX_ARB_get_proc_address",
        "GLX_ARB_multisample",         "GLX_EXT_buffer_age",
        "GLX_EXT_framebuffer_sRGB",    "GLX_EXT_import_context",
        "GLX_EXT_swap_control",        "GLX_EXT_swap_control_tear",
        "GLX_EXT_texture_from_pixmap", "GLX_EXT_visual_info",
        "GLX_EXT_visual_rating",       "GLX_INTEL_swap_event",
        "GLX_MESA_copy_sub_buffer",    "GLX_MESA_query_renderer",
        "GLX_MESA_swap_control",       "GLX_SGI_make_current_read",
        "GLX_SGI_swap_control",        "GLX_SGI_video_sync",
    };
    if (b && b->has_robustness) ext.push_back("GLX_ARB_create_context_robustness");
    if (b && b->has_no_error) ext.push_back("GLX_ARB_create_context_no_error");
    if (b && b->has_flush_control) ext.push_back("GLX_ARB_context_flush_control");
    const FloatConfigs floats = float_configs_supported();
    if (floats.rgba_float) ext.push_back("GLX_ARB_fbconfig_float");
    if (floats.unsigned_float) ext.push_back("GLX_EXT_fbconfig_packed_float");
    if (es_profiles_supported()) {
      ext.push_back("GLX_EXT_create_context_es2_profile");
      ext.push_back("GLX_EXT_create_context_es_profile");
    }
    std::string s;
    for (const char* e : ext) {
      s += e;
      s += ' ';
    }
    return s;
  }();
  return list;
}

}  // namespace eglrun::glx
