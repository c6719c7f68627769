#include "present/present_thread.hpp"
#include "present/readback_ring.hpp"

#include <cstdlib>
#include <cstring>
#include <string_view>

#include "diagnostics/object_counts.hpp"
#include "drawable/gl_state.hpp"
#include "log/log.hpp"
#include "symbols/real.hpp"
#include "symbols/poison.hpp"

namespace eglrun::present {

using namespace eglrun::real;
using Clock = std::chrono::steady_clock;

namespace {
constexpr GLenum kPackInvertMesa = 0x8758;
// EGLRUN_READBACK_RGBA=1 reads RGBA and swaps red and blue in the presenter's copy (measured
// slower here: the scalar swap loop costs more than GL's BGRA packing saves).
bool read_rgba() {
  static const bool rgba = [] {
    const char* v = std::getenv("EGLRUN_READBACK_RGBA");
    return v != nullptr && std::string_view(v) == "1";
  }();
  return rgba;
}
}

bool ReadbackRing::supported(bool is_es) {
  if (is_es || glBufferStorage_fn == nullptr || glMapBufferRange_fn == nullptr) return false;
  GLint major = 0, minor = 0;
  glGetIntegerv_fn(GL_MAJOR_VERSION, &major);
  glGetIntegerv_fn(GL_MINOR_VERSION, &minor);
  if (major > 4 || (major == 4 && minor >= 4)) return true;
  GLint count = 0;
  glGetIntegerv_fn(GL_NUM_EXTENSIONS, &count);
  for (GLint i = 0; i < count; ++i) {
    const auto* e = reinterpret_cast<const char*>(glGetStringi_fn(GL_EXTENSIONS, static_cast<GLuint>(i)));
    if (e != nullptr && std::string_view(e) == "GL_ARB_buffer_storage") return true;
  }
  return false;
}

ReadbackRing::ReadbackRing(EGLDisplay display, size_t slots)
    : display_(display), slots_(slots), shared_(std::make_shared<Shared>()) {
  shared_->busy.assign(slots, false);
}

ReadbackRing::~ReadbackRing() = default;

void ReadbackRing::free_buffer(Slot& slot) {
  if (slot.buffer != 0) {
    glDeleteBuffers_fn(1, &slot.buffer);  // unmaps it too
    diagnostics::count_released(diagnostics::Object::GlPixelBuffer);
  }
  slot = Slot{};
}

bool ReadbackRing::reserve(Slot& slot, size_t bytes) {
  // Like the presenter's images: grow when needed, give memory back when the frame shrank a lot.
  if (slot.buffer != 0 && bytes <= slot.capacity && bytes >= slot.capacity / 4) return true;
  free_buffer(slot);
  glGenBuffers_fn(1, &slot.buffer);
  glBindBuffer_fn(GL_PIXEL_PACK_BUFFER, slot.buffer);
  // Immutable, persistently mapped and coherent: mapped once, read by the presenter thread after
  // the fence, never mapped or unmapped per frame.
  const GLbitfield flags = GL_MAP_READ_BIT | GL_MAP_PERSISTENT_BIT | GL_MAP_COHERENT_BIT;
  glBufferStorage_fn(GL_PIXEL_PACK_BUFFER, static_cast<GLsizeiptr>(bytes), nullptr, flags);
  slot.map = static_cast<uint8_t*>(glMapBufferRange_fn(GL_PIXEL_PACK_BUFFER, 0, static_cast<GLsizeiptr>(bytes), flags));
  diagnostics::count_created(diagnostics::Object::GlPixelBuffer);
  if (slot.map == nullptr) {
    free_buffer(slot);
    return false;
  }
  slot.capacity = bytes;
  return true;
}

int ReadbackRing::acquire_slot(PresentThread& target, bool spoil) {
  for (;;) {
    {
      std::unique_lock lock(shared_->mutex);
      for (size_t i = 0; i < slots_.size(); ++i)
        if (!shared_->busy[i]) {
          shared_->busy[i] = true;
          return static_cast<int>(i);
        }
    }
    // All in flight. The newest frame wins: take back one that is still only queued. (Not under
    // our lock: the presenter's lock comes first, then ours, when it gives slots back.)
    if (spoil && target.drop_oldest_queued(this)) continue;
    std::unique_lock lock(shared_->mutex);
    const bool any_free = shared_->freed.wait_for(lock, std::chrono::milliseconds(100), [&] {
      for (bool b : shared_->busy)
        if (!b) return true;
      return false;
    });
    // A presenter that ended gives every frame back, so this cannot wait forever; but a thread
    // that was left behind by stop() could: then give up on this frame.
    if (!any_free && target.ended()) return -1;
  }
}

std::optional<Frame> ReadbackRing::read(GLuint fbo, GLenum attachment, int width, int height,
                                        PresentThread& target, bool spoil, bool has_pack_invert) {
  const auto t0 = Clock::now();
  const int index = acquire_slot(target, spoil);
  if (index < 0) return std::nullopt;
  auto give_back = [shared = shared_, index] {
    {
      std::lock_guard lock(shared->mutex);
      shared->busy[static_cast<size_t>(index)] = false;
    }
    shared->freed.notify_all();
  };
  Slot& slot = slots_[static_cast<size_t>(index)];
  const int stride = width * 4;
  const size_t bytes = static_cast<size_t>(stride) * static_cast<size_t>(height);

  drawable::ScopedFramebufferBindings bindings;
  drawable::ScopedPackState pack(has_pack_invert);
  // Rows stay bottom-up in the buffer: the flip is folded into the presenter's copy.
  if (has_pack_invert) glPixelStorei_fn(kPackInvertMesa, 0);
  if (!reserve(slot, bytes)) {
    glBindBuffer_fn(GL_PIXEL_PACK_BUFFER, 0);
    give_back();
    return std::nullopt;
  }
  glBindBuffer_fn(GL_PIXEL_PACK_BUFFER, slot.buffer);
  glBindFramebuffer_fn(GL_READ_FRAMEBUFFER, fbo);
  GLint old_read = 0;
  glGetIntegerv_fn(GL_READ_BUFFER, &old_read);
  glReadBuffer_fn(attachment);
  // BGRA: the X visual's order, no CPU swizzle (see read_rgba()).
  const bool rgba = read_rgba();
  glReadPixels_fn(0, 0, width, height, rgba ? GL_RGBA : GL_BGRA, GL_UNSIGNED_BYTE, nullptr);
  glReadBuffer_fn(static_cast<GLenum>(old_read));
  glBindBuffer_fn(GL_PIXEL_PACK_BUFFER, 0);
  // Creating the fence flushes the context, so the read-back is under way when we return.
  EGLSync fence = eglCreateSync(display_, EGL_SYNC_FENCE, nullptr);
  if (fence == EGL_NO_SYNC) glFinish_fn();  // no fence: the data must be there before we hand it on

  Frame f;
  f.pixels = slot.map;
  f.width = width;
  f.height = height;
  f.stride = stride;
  f.bottom_up = true;
  f.swap_red_blue = rgba;
  f.display = display_;
  f.fence = fence;
  f.owner = this;
  f.on_release = std::move(give_back);
  f.producer_seconds = std::chrono::duration<double>(Clock::now() - t0).count();
  return f;
}

void ReadbackRing::wait_idle(PresentThread* target) {
  std::unique_lock lock(shared_->mutex);
  for (;;) {
    bool any = false;
    for (bool b : shared_->busy) any |= b;
    if (!any) return;
    if (target != nullptr && target->ended()) return;
    shared_->freed.wait_for(lock, std::chrono::milliseconds(100));
  }
}

void ReadbackRing::destroy() {
  for (Slot& slot : slots_) free_buffer(slot);
}

}  // namespace eglrun::present
