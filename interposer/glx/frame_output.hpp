// Getting a frame from a drawable's GL buffers into its X window or pixmap.
//
// Double-buffered windows: a swap hands the back buffer's image (drawable/swap_chain.hpp) to the
// window's presenter thread (present/present_thread.hpp), which reads it back in its own EGL context;
// the application thread waits only when every image is in flight and spoiling is off.
// Front buffers, single-buffered windows and pixmaps: read synchronously.
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
// glViewport with a size other than the window's (as after a ConfigureNotify): checks the window's
// size with the server now, so the next frame already has it.
void viewport_changed(Context& c, int width, int height);
// Before `c`'s EGL context is destroyed (no frame in flight depends on it any more).
void forget_context(Context& c);

}  // namespace eglrun::glx
