// The exported GLX entry points: thin shims into glx::api through the one entry helper.
#define GLX_GLXEXT_PROTOTYPES 1
#include <GL/glx.h>
#include <GL/glxext.h>

#include "entry.hpp"
#include "export.hpp"
#include "glx/api.hpp"
#include "glx/errors.hpp"

using namespace eglrun;
namespace api = eglrun::glx::api;

#define GLX_CALL(body) return entry::call(__func__, [&] { return body; })

// GLX 1.0 - 1.2
EGLRUN_EXPORT XVisualInfo* glXChooseVisual(Display* dpy, int screen, int* attribs) {
  GLX_CALL(api::choose_visual(dpy, screen, attribs));
}
EGLRUN_EXPORT void glXCopyContext(Display* dpy, GLXContext src, GLXContext dst, unsigned long mask) {
  GLX_CALL(api::copy_context(dpy, src, dst, mask));
}
EGLRUN_EXPORT GLXContext glXCreateContext(Display* dpy, XVisualInfo* vis, GLXContext share, Bool direct) {
  GLX_CALL(api::create_context(dpy, vis, share, direct));
}
EGLRUN_EXPORT GLXPixmap glXCreateGLXPixmap(Display* dpy, XVisualInfo* vis, Pixmap pixmap) {
  GLX_CALL(api::create_glx_pixmap(dpy, vis, pixmap));
}
EGLRUN_EXPORT void glXDestroyContext(Display* dpy, GLXContext ctx) {
  GLX_CALL(api::destroy_context(dpy, ctx));
}
EGLRUN_EXPORT void glXDestroyGLXPixmap(Display* dpy, GLXPixmap pix) {
  GLX_CALL(api::destroy_pixmap(dpy, pix, true));
}
EGLRUN_EXPORT int glXGetConfig(Display* dpy, XVisualInfo* vis, int attrib, int* value) {
  GLX_CALL(api::get_config(dpy, vis, attrib, value));
}
EGLRUN_EXPORT GLXContext glXGetCurrentContext() { GLX_CALL(api::get_current_context()); }
EGLRUN_EXPORT GLXDrawable glXGetCurrentDrawable() { GLX_CALL(api::get_current_drawable()); }
EGLRUN_EXPORT Bool glXIsDirect(Display* dpy, GLXContext ctx) { GLX_CALL(api::is_direct(dpy, ctx)); }
EGLRUN_EXPORT Bool glXMakeCurrent(Display* dpy, GLXDrawable drawable, GLXContext ctx) {
  GLX_CALL(api::make_current(dpy, drawable, drawable, ctx, glx::kX_GLXMakeCurrent));
}
EGLRUN_EXPORT Bool glXQueryExtension(Display* dpy, int* error_base, int* event_base) {
  GLX_CALL(api::query_extension(dpy, error_base, event_base));
}
EGLRUN_EXPORT Bool glXQueryVersion(Display* dpy, int* major, int* minor) {
  GLX_CALL(api::query_version(dpy, major, minor));
}
EGLRUN_EXPORT void glXSwapBuffers(Display* dpy, GLXDrawable drawable) {
  GLX_CALL(api::swap_buffers(dpy, drawable));
}
EGLRUN_EXPORT void glXUseXFont(Font font, int first, int count, int list_base) {
  GLX_CALL(api::use_x_font(font, first, count, list_base));
}
EGLRUN_EXPORT void glXWaitGL() { GLX_CALL(api::wait_gl()); }
EGLRUN_EXPORT void glXWaitX() { GLX_CALL(api::wait_x()); }
EGLRUN_EXPORT const char* glXGetClientString(Display* dpy, int name) {
  GLX_CALL(api::get_client_string(dpy, name));
}
EGLRUN_EXPORT const char* glXQueryServerString(Display* dpy, int screen, int name) {
  GLX_CALL(api::query_server_string(dpy, screen, name));
}
EGLRUN_EXPORT const char* glXQueryExtensionsString(Display* dpy, int screen) {
  GLX_CALL(api::query_extensions_string(dpy, screen));
}
EGLRUN_EXPORT Display* glXGetCurrentDisplay() { GLX_CALL(api::get_current_display()); }

// GLX 1.3
EGLRUN_EXPORT GLXFBConfig* glXGetFBConfigs(Display* dpy, int screen, int* nelements) {
  GLX_CALL(api::get_fbconfigs(dpy, screen, nelements));
}
EGLRUN_EXPORT GLXFBConfig* glXChooseFBConfig(Display* dpy, int screen, const int* attribs, int* nelements) {
  GLX_CALL(api::choose_fbconfig(dpy, screen, attribs, nelements));
}
EGLRUN_EXPORT int glXGetFBConfigAttrib(Display* dpy, GLXFBConfig config, int attribute, int* value) {
  GLX_CALL(api::get_fbconfig_attrib(dpy, config, attribute, value));
}
EGLRUN_EXPORT XVisualInfo* glXGetVisualFromFBConfig(Display* dpy, GLXFBConfig config) {
  GLX_CALL(api::get_visual_from_fbconfig(dpy, config));
}
EGLRUN_EXPORT GLXWindow glXCreateWindow(Display* dpy, GLXFBConfig config, Window win, const int* attribs) {
  GLX_CALL(api::create_window(dpy, config, win, attribs));
}
EGLRUN_EXPORT void glXDestroyWindow(Display* dpy, GLXWindow win) { GLX_CALL(api::destroy_window(dpy, win)); }
EGLRUN_EXPORT GLXPixmap glXCreatePixmap(Display* dpy, GLXFBConfig config, Pixmap pixmap, const int* attribs) {
  GLX_CALL(api::create_pixmap(dpy, config, pixmap, attribs));
}
EGLRUN_EXPORT void glXDestroyPixmap(Display* dpy, GLXPixmap pixmap) {
  GLX_CALL(api::destroy_pixmap(dpy, pixmap, false));
}
EGLRUN_EXPORT GLXPbuffer glXCreatePbuffer(Display* dpy, GLXFBConfig config, const int* attribs) {
  GLX_CALL(api::create_pbuffer(dpy, config, attribs));
}
EGLRUN_EXPORT void glXDestroyPbuffer(Display* dpy, GLXPbuffer pbuf) {
  GLX_CALL(api::destroy_pbuffer(dpy, pbuf));
}
EGLRUN_EXPORT void glXQueryDrawable(Display* dpy, GLXDrawable draw, int attribute, unsigned int* value) {
  GLX_CALL(api::query_drawable(dpy, draw, attribute, value));
}
EGLRUN_EXPORT GLXContext glXCreateNewContext(Display* dpy, GLXFBConfig config, int render_type,
                                             GLXContext share, Bool direct) {
  GLX_CALL(api::create_new_context(dpy, config, render_type, share, direct));
}
EGLRUN_EXPORT Bool glXMakeContextCurrent(Display* dpy, GLXDrawable draw, GLXDrawable read, GLXContext ctx) {
  GLX_CALL(api::make_current(dpy, draw, read, ctx, glx::kX_GLXMakeContextCurrent));
}
EGLRUN_EXPORT GLXDrawable glXGetCurrentReadDrawable() { GLX_CALL(api::get_current_read_drawable()); }
EGLRUN_EXPORT int glXQueryContext(Display* dpy, GLXContext ctx, int attribute, int* value) {
  GLX_CALL(api::query_context(dpy, ctx, attribute, value));
}
EGLRUN_EXPORT void glXSelectEvent(Display* dpy, GLXDrawable draw, unsigned long mask) {
  GLX_CALL(api::select_event(dpy, draw, mask));
}
EGLRUN_EXPORT void glXGetSelectedEvent(Display* dpy, GLXDrawable draw, unsigned long* mask) {
  GLX_CALL(api::get_selected_event(dpy, draw, mask));
}

// GLX_ARB_create_context
EGLRUN_EXPORT GLXContext glXCreateContextAttribsARB(Display* dpy, GLXFBConfig config, GLXContext share,
                                                    Bool direct, const int* attribs) {
  GLX_CALL(api::create_context_attribs(dpy, config, share, direct, attribs));
}

// GLX_SGI_make_current_read
EGLRUN_EXPORT Bool glXMakeCurrentReadSGI(Display* dpy, GLXDrawable draw, GLXDrawable read, GLXContext ctx) {
  GLX_CALL(api::make_current(dpy, draw, read, ctx, glx::kX_GLXMakeContextCurrent));
}
EGLRUN_EXPORT GLXDrawable glXGetCurrentReadDrawableSGI() { GLX_CALL(api::get_current_read_drawable()); }

// Swap control
EGLRUN_EXPORT void glXSwapIntervalEXT(Display* dpy, GLXDrawable drawable, int interval) {
  GLX_CALL(api::swap_interval_ext(dpy, drawable, interval));
}
EGLRUN_EXPORT int glXSwapIntervalMESA(unsigned int interval) { GLX_CALL(api::swap_interval_mesa(interval)); }
EGLRUN_EXPORT int glXGetSwapIntervalMESA() { GLX_CALL(api::get_swap_interval_mesa()); }
EGLRUN_EXPORT int glXSwapIntervalSGI(int interval) { GLX_CALL(api::swap_interval_sgi(interval)); }

// GLX_SGI_video_sync
EGLRUN_EXPORT int glXGetVideoSyncSGI(unsigned int* count) { GLX_CALL(api::get_video_sync(count)); }
EGLRUN_EXPORT int glXWaitVideoSyncSGI(int divisor, int remainder, unsigned int* count) {
  GLX_CALL(api::wait_video_sync(divisor, remainder, count));
}

// GLX_MESA_query_renderer
EGLRUN_EXPORT Bool glXQueryCurrentRendererIntegerMESA(int attribute, unsigned int* value) {
  GLX_CALL(api::query_current_renderer_integer(attribute, value));
}
EGLRUN_EXPORT const char* glXQueryCurrentRendererStringMESA(int attribute) {
  GLX_CALL(api::query_current_renderer_string(attribute));
}
EGLRUN_EXPORT Bool glXQueryRendererIntegerMESA(Display* dpy, int screen, int renderer, int attribute,
                                               unsigned int* value) {
  GLX_CALL(api::query_renderer_integer(dpy, screen, renderer, attribute, value));
}
EGLRUN_EXPORT const char* glXQueryRendererStringMESA(Display* dpy, int screen, int renderer, int attribute) {
  GLX_CALL(api::query_renderer_string(dpy, screen, renderer, attribute));
}

// GLX_MESA_copy_sub_buffer
EGLRUN_EXPORT void glXCopySubBufferMESA(Display* dpy, GLXDrawable drawable, int x, int y, int width,
                                        int height) {
  GLX_CALL(api::copy_sub_buffer(dpy, drawable, x, y, width, height));
}

// GLX_EXT_import_context
EGLRUN_EXPORT Display* glXGetCurrentDisplayEXT() { GLX_CALL(api::get_current_display()); }
EGLRUN_EXPORT int glXQueryContextInfoEXT(Display* dpy, GLXContext ctx, int attribute, int* value) {
  GLX_CALL(api::query_context(dpy, ctx, attribute, value));
}
EGLRUN_EXPORT GLXContextID glXGetContextIDEXT(const GLXContext ctx) { GLX_CALL(api::get_context_id(ctx)); }
EGLRUN_EXPORT GLXContext glXImportContextEXT(Display* dpy, GLXContextID id) {
  GLX_CALL(api::import_context(dpy, id));
}
EGLRUN_EXPORT void glXFreeContextEXT(Display* dpy, GLXContext ctx) { GLX_CALL(api::free_context(dpy, ctx)); }

// GLX_EXT_texture_from_pixmap
EGLRUN_EXPORT void glXBindTexImageEXT(Display* dpy, GLXDrawable drawable, int buffer, const int* attribs) {
  GLX_CALL(api::bind_tex_image(dpy, drawable, buffer, attribs));
}
EGLRUN_EXPORT void glXReleaseTexImageEXT(Display* dpy, GLXDrawable drawable, int buffer) {
  GLX_CALL(api::release_tex_image(dpy, drawable, buffer));
}
