// Storage of a drawable's buffers: the one place that decides how a colour or depth buffer is
// allocated, so the swap chain, the front buffer and the shared depth buffer cannot drift apart.
#pragma once

#include <EGL/egl.h>
#include <EGL/eglext.h>
#include <GL/gl.h>

namespace eglrun::glx {
struct FBConfigDesc;
}

namespace eglrun::drawable {

// With an EGL context current: a width x height texture of `format` turned into an EGLImage. The
// texture is deleted at once (the image keeps the storage); the application's texture binding and
// pixel-unpack buffer are left as they were. EGL_NO_IMAGE_KHR when EGL refuses (eglGetError() says
// why). Counts the image it made.
//
// GL_RGBA8 is stored as B8G8R8A8 on desktop GL (Mesa picks the pipe format from the glTexImage2D
// format hint), the X visual's byte order, so the presenter's glReadPixels(GL_BGRA) is a memcpy
// (tools/bench/readback_bench: ~0.3 ms at 1080p instead of ~0.9 ms from R8G8B8A8).
// opaque: the texture starts as opaque black (alpha 1.0), for buffers of windows without alpha that
// are stored with an alpha channel (see window_color_storage).
EGLImageKHR make_texture_image(EGLDisplay display, EGLContext current, GLenum format, int width, int height,
                               bool opaque = false);

// How a window's colour buffers for `config` are stored in the current context. 8-bit RGB without
// alpha, single-sampled, in desktop GL: GL_RGBA8 (B8G8R8A8, which the presenter reads with a memcpy;
// Mesa stores GL_RGB8 as RGBX, which no read format matches) kept opaque (gl/opaque_alpha.hpp).
// Otherwise the config's own format.
struct ColorStorage {
  GLenum format;
  bool opaque_alpha;
};
ColorStorage window_color_storage(const glx::FBConfigDesc& config);

// The depth/stencil format a stand-in framebuffer uses for `config` in the current context:
// OpenGL ES has no 32-bit fixed-point depth format, the float one holds as much. 0 for none.
GLenum depth_storage_format(const glx::FBConfigDesc& config);

// The attachment point of a depth/stencil `format`.
GLenum depth_attachment_point(GLenum format);

}  // namespace eglrun::drawable
