// A GLXContext as eglrun implements it: an EGL context plus the per-drawable framebuffers it made.
#pragma once

#include <EGL/egl.h>
#include <X11/Xlib.h>

#include <array>
#include <atomic>
#include <memory>
#include <mutex>
#include <thread>
#include <unordered_map>
#include <unordered_set>

#include "drawable/framebuffer.hpp"
#include "egl/backend.hpp"
#include "glx/fbconfig.hpp"

namespace eglrun::glx {

// Display lists are shared by every context of a share group, so what eglrun learns about a list
// while it is compiled (gl/opaque_alpha.hpp) is kept per group; contexts of one group may be current
// in different threads at once.
struct SharedLists {
  std::mutex mutex;
  // Lists that set or save the colour mask (glColorMask*, glPushAttrib, glPopAttrib) or call such a
  // list. Names are never removed: a deleted name that comes back only costs its calls the careful
  // path.
  std::unordered_set<GLuint> mask_setting;

  void add(GLuint list) {
    std::lock_guard<std::mutex> lock(mutex);
    mask_setting.insert(list);
  }
  // One list, or any (glCallLists: its names are not decoded).
  bool sets_mask(GLuint list, bool any) {
    std::lock_guard<std::mutex> lock(mutex);
    return any ? !mask_setting.empty() : mask_setting.count(list) != 0;
  }
};

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

  // gl/opaque_alpha.hpp: while an opaque stand-in is the draw framebuffer (alpha_held), the real
  // colour mask holds alpha writes off and color_mask is the application's, per draw buffer.
  static constexpr size_t kMaxDrawBuffers = 8;
  using ColorMask = std::array<GLboolean, 4>;
  std::array<ColorMask, kMaxDrawBuffers> color_mask = all_writable();
  bool alpha_held = false;
  // The share group's display-list facts, and whether alpha may have been written since it was
  // last set back to 1.0 (done lazily: gl::settle_alpha).
  std::shared_ptr<SharedLists> lists = std::make_shared<SharedLists>();
  bool alpha_dirty = false;

  // Facts about the GL behind the EGL context, read at its first make-current.
  bool has_pack_invert = false;
  bool has_flip_y = false;
  bool is_es = false;

 private:
  static std::array<ColorMask, kMaxDrawBuffers> all_writable() {
    std::array<ColorMask, kMaxDrawBuffers> m{};
    for (auto& x : m) x.fill(GL_TRUE);
    return m;
  }
};

// The calling thread's current context, or nullptr.
Context* current_context();
void set_current_context(Context* ctx);

}  // namespace eglrun::glx
