// Getting a frame from a drawable's GL buffers into its X window or pixmap.
#pragma once

#include "drawable/framebuffer.hpp"
#include "glx/context.hpp"

namespace eglrun::glx {

// glXSwapBuffers on `fb` (a view of the drawable in the calling thread's current context `c`).
void swap_buffers(Context& c, drawable::Framebuffer& fb);
// After glFlush/glFinish/glXWaitGL: shows the front buffer when the application renders into it.
void show_front_buffer(Context& c);
// Follows the X window's size: when it changed, re-sizes the drawable's buffers (c current).
void follow_window_size(Context& c, drawable::Framebuffer& fb);

}  // namespace eglrun::glx
