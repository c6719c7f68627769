// A GLXContext as eglrun implements it: an EGL context plus the per-drawable framebuffers it made.
#pragma once

#include <EGL/egl.h>
#include <X11/Xlib.h>

#include <array>
#include <atomic>
#include <memory>
#include <thread>
#include <unordered_map>

#include "drawable/framebuffer.hpp"
#include "egl/backend.hpp"
#include "glx/fbconfig.hpp"

namespace eglrun::glx {

struct Context {
  Display* dpy = nullptr;
  int screen = 0;
  const FBConfigDesc* config = nullptr;
  EGLContext egl = EGL_NO_CONTEXT;
  XID id = 0;  // GLX_FBCONFIG_ID-style identity for GLX_EXT_import_context
  int render_type = 0;
  bool direct = true;
  egl::ContextRequest request;
  XID share_id = 0;

  // Binding, changed only by the thread the context is current in (or by make-current under the
  // registry lock when it is not current anywhere).
  std::atomic<bool> current{false};
  std::thread::id owner;
  bool ever_current = false;
  bool destroy_pending = false;  // glXDestroyContext while current: destroyed when released
  Display* current_dpy = nullptr;
  XID draw_handle = 0, read_handle = 0;
  drawable::Framebuffer* draw_fb = nullptr;
  drawable::Framebuffer* read_fb = nullptr;
  std::unordered_map<uint64_t, std::unique_ptr<drawable::Framebuffer>> framebuffers;  // by drawable serial
  // Framebuffer 0's draw buffers as the application last chose them (context state that follows
  // the context to other drawables); fb0_draw_count 0: never chosen.
  std::array<GLenum, 8> fb0_draw_buffers{};
  int fb0_draw_count = 0;

  // Facts about the GL behind the EGL context, read at its first make-current.
  bool has_pack_invert = false;
  bool has_flip_y = false;
  bool is_es = false;
};

// The calling thread's current context, or nullptr.
Context* current_context();
void set_current_context(Context* ctx);

}  // namespace eglrun::glx
