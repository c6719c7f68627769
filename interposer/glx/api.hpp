// The GLX implementation behind the exported glX* functions (glx/glx_exports.cpp): same arguments,
// plain C++ underneath. Handles from the application are validated here.
#pragma once

#include <GL/glx.h>
#include <GL/glxext.h>

namespace eglrun::glx::api {

// Configs and visuals (config_api.cpp)
XVisualInfo* choose_visual(Display* dpy, int screen, int* attribs);
int get_config(Display* dpy, XVisualInfo* vis, int attribute, int* value);
GLXFBConfig* get_fbconfigs(Display* dpy, int screen, int* nelements);
GLXFBConfig* choose_fbconfig(Display* dpy, int screen, const int* attribs, int* nelements);
int get_fbconfig_attrib(Display* dpy, GLXFBConfig config, int attribute, int* value);
XVisualInfo* get_visual_from_fbconfig(Display* dpy, GLXFBConfig config);

// Contexts (context_api.cpp)
GLXContext create_context(Display* dpy, XVisualInfo* vis, GLXContext share, Bool direct);
GLXContext create_new_context(Display* dpy, GLXFBConfig config, int render_type, GLXContext share,
                              Bool direct);
GLXContext create_context_attribs(Display* dpy, GLXFBConfig config, GLXContext share, Bool direct,
                                  const int* attribs);
void destroy_context(Display* dpy, GLXContext ctx);
Bool is_direct(Display* dpy, GLXContext ctx);
void copy_context(Display* dpy, GLXContext src, GLXContext dst, unsigned long mask);
int query_context(Display* dpy, GLXContext ctx, int attribute, int* value);
GLXContextID get_context_id(GLXContext ctx);
GLXContext import_context(Display* dpy, GLXContextID id);
void free_context(Display* dpy, GLXContext ctx);

// Binding (make_current.cpp)
Bool make_current(Display* dpy, GLXDrawable draw, GLXDrawable read, GLXContext ctx, int request);
GLXContext get_current_context();
Display* get_current_display();
GLXDrawable get_current_drawable();
GLXDrawable get_current_read_drawable();

// Drawables (drawable_api.cpp)
GLXWindow create_window(Display* dpy, GLXFBConfig config, Window win, const int* attribs);
void destroy_window(Display* dpy, GLXWindow win);
GLXPixmap create_pixmap(Display* dpy, GLXFBConfig config, Pixmap pixmap, const int* attribs);
GLXPixmap create_glx_pixmap(Display* dpy, XVisualInfo* vis, Pixmap pixmap);
void destroy_pixmap(Display* dpy, GLXPixmap pixmap, bool legacy);
GLXPbuffer create_pbuffer(Display* dpy, GLXFBConfig config, const int* attribs);
void destroy_pbuffer(Display* dpy, GLXPbuffer pbuf);
void query_drawable(Display* dpy, GLXDrawable draw, int attribute, unsigned int* value);
void select_event(Display* dpy, GLXDrawable draw, unsigned long mask);
void get_selected_event(Display* dpy, GLXDrawable draw, unsigned long* mask);

// Frames (swap_api.cpp)
void swap_buffers(Display* dpy, GLXDrawable drawable);
void wait_gl();
void wait_x();
void copy_sub_buffer(Display* dpy, GLXDrawable drawable, int x, int y, int width, int height);
void swap_interval_ext(Display* dpy, GLXDrawable drawable, int interval);
int swap_interval_mesa(unsigned int interval);
int get_swap_interval_mesa();
int swap_interval_sgi(int interval);
int get_video_sync(unsigned int* count);
int wait_video_sync(int divisor, int remainder, unsigned int* count);

// Strings, versions and renderer queries (strings_api.cpp)
Bool query_extension(Display* dpy, int* error_base, int* event_base);
Bool query_version(Display* dpy, int* major, int* minor);
const char* get_client_string(Display* dpy, int name);
const char* query_server_string(Display* dpy, int screen, int name);
const char* query_extensions_string(Display* dpy, int screen);
Bool query_renderer_integer(Display* dpy, int screen, int renderer, int attribute, unsigned int* value);
const char* query_renderer_string(Display* dpy, int screen, int renderer, int attribute);
Bool query_current_renderer_integer(int attribute, unsigned int* value);
const char* query_current_renderer_string(int attribute);

// GLX_EXT_texture_from_pixmap (texture_from_pixmap.cpp)
void bind_tex_image(Display* dpy, GLXDrawable drawable, int buffer, const int* attribs);
void release_tex_image(Display* dpy, GLXDrawable drawable, int buffer);

// Fonts (xfont.cpp)
void use_x_font(Font font, int first, int count, int list_base);

}  // namespace eglrun::glx::api
