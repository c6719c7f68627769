#include "drawable/image_storage.hpp"

#include <cstdint>
#include <string>

#include "config/settings.hpp"
#include "diagnostics/object_counts.hpp"
#include "drawable/gl_state.hpp"
#include "egl/backend.hpp"
#include "glx/fbconfig.hpp"
#include "symbols/real.hpp"

// Last include: poisons every interposed name in the code below.
#include "symbols/poison.hpp"

namespace eglrun::drawable {

using namespace eglrun::real;
using diagnostics::count_created;
using diagnostics::count_released;
using diagnostics::Object;

EGLImageKHR make_texture_image(EGLDisplay display, EGLContext current, GLenum format, int width, int height,
                               bool opaque) {
  std::string error;
  const auto* b = egl::backend(&error);
  if (!b) return EGL_NO_IMAGE_KHR;
  GLint old_binding = 0;
  glGetIntegerv_fn(GL_TEXTURE_BINDING_2D, &old_binding);
  GLuint tex = 0;
  glGenTextures_fn(1, &tex);
  if (tex != 0) count_created(Object::GlTexture);
  glBindTexture_fn(GL_TEXTURE_2D, tex);
  if (format == GL_RGBA8 && !current_is_es()) {
    // The unsized format with a BGRA hint is what makes Mesa choose B8G8R8A8 (sized GL_RGBA8 and
    // glTexStorage2D get R8G8B8A8). No data, so no unpack buffer may be bound.
    GLint unpack_buffer = 0;
    glGetIntegerv_fn(GL_PIXEL_UNPACK_BUFFER_BINDING, &unpack_buffer);
    if (unpack_buffer != 0) glBindBuffer_fn(GL_PIXEL_UNPACK_BUFFER, 0);
    glTexParameteri_fn(GL_TEXTURE_2D, GL_TEXTURE_MAX_LEVEL, 0);
    glTexImage2D_fn(GL_TEXTURE_2D, 0, GL_RGBA, width, height, 0, GL_BGRA, GL_UNSIGNED_BYTE, nullptr);
    if (unpack_buffer != 0) glBindBuffer_fn(GL_PIXEL_UNPACK_BUFFER, static_cast<GLuint>(unpack_buffer));
  } else {
    glTexStorage2D_fn(GL_TEXTURE_2D, 1, format, width, height);
  }
  if (opaque) {
    // Not a clear through a framebuffer: no scissor, mask or conditional rendering of the
    // application's applies to glClearTexImage.
    static constexpr GLubyte kOpaqueBlack[4] = {0, 0, 0, 255};
    glClearTexImage_fn(tex, 0, GL_RGBA, GL_UNSIGNED_BYTE, kOpaqueBlack);
  }
  EGLImageKHR image =
      b->create_image(display, current, EGL_GL_TEXTURE_2D_KHR,
                      reinterpret_cast<EGLClientBuffer>(static_cast<uintptr_t>(tex)), nullptr);
  glDeleteTextures_fn(1, &tex);
  if (tex != 0) count_released(Object::GlTexture);
  glBindTexture_fn(GL_TEXTURE_2D, static_cast<GLuint>(old_binding));
  if (image != EGL_NO_IMAGE_KHR) count_created(Object::EglImage);
  return image;
}

ColorStorage window_color_storage(const glx::FBConfigDesc& config) {
  const bool opaque = config.color_format == GL_RGB8 && config.samples == 0 && !current_is_es() &&
                      glClearTexImage_fn != nullptr && config::settings().opaque_alpha;
  return {opaque ? GLenum(GL_RGBA8) : config.color_format, opaque};
}

GLenum depth_storage_format(const glx::FBConfigDesc& config) {
  return current_is_es() && config.depth_stencil_format == GL_DEPTH_COMPONENT32
             ? GLenum(GL_DEPTH_COMPONENT32F)
             : config.depth_stencil_format;
}

GLenum depth_attachment_point(GLenum format) {
  return format == GL_DEPTH24_STENCIL8 || format == GL_DEPTH32F_STENCIL8 ? GL_DEPTH_STENCIL_ATTACHMENT
                                                                         : GL_DEPTH_ATTACHMENT;
}

}  // namespace eglrun::drawable
