#include "gl/preserve.hpp"

#include "drawable/buffer_mapping.hpp"
#include "drawable/framebuffer.hpp"
#include "gl/gl_query.hpp"
#include "gl/opaque_alpha.hpp"
#include "glx/context.hpp"
#include "symbols/real.hpp"

// Last include: poisons every interposed name in the code below.
#include "symbols/poison.hpp"

namespace eglrun::gl {

using namespace eglrun::real;
using drawable::Framebuffer;

namespace {

bool pending(const Framebuffer* fb) { return fb != nullptr && fb->preserve_pending(); }

void update_idle(const glx::Context* c) {
  preserve_idle = c == nullptr || (!pending(c->draw_fb) && !pending(c->read_fb) && !c->alpha_dirty);
}

// `fb` when it has a copy pending and is what `pname` (GL_*_FRAMEBUFFER_BINDING) names now; the
// application's own FBOs leave the copy pending.
Framebuffer* pending_and_bound(Framebuffer* fb, GLenum pname) {
  return pending(fb) && binding(pname) == fb->fbo() ? fb : nullptr;
}

// Whether glClear of the colour buffers overwrites every pixel of `fb`'s back buffer. Any doubt is
// a no: the copy is then made, which is always correct.
bool clear_covers_back(const glx::Context& c, const Framebuffer& fb) {
  GLint draw0 = GL_NONE;
  glGetIntegerv_fn(GL_DRAW_BUFFER0, &draw0);
  // The back buffer as draw buffer 0, where GL_BACK and GL_FRONT_AND_BACK put it; the writemask
  // asked for below is draw buffer 0's.
  if (draw0 != GLint(drawable::kBackAttachment)) return false;
  GLboolean mask[4] = {GL_FALSE, GL_FALSE, GL_FALSE, GL_FALSE};
  glGetBooleanv_fn(GL_COLOR_WRITEMASK, mask);
  // An opaque stand-in's alpha writes are held off but its clears write alpha 1.0 (gl/opaque_alpha).
  if (!mask[0] || !mask[1] || !mask[2] || (!mask[3] && !fb.opaque_alpha())) return false;
  if (glIsEnabled_fn(GL_SCISSOR_TEST)) {
    GLint box[4] = {0, 0, 0, 0};
    glGetIntegerv_fn(GL_SCISSOR_BOX, box);
    if (box[0] > 0 || box[1] > 0 || box[0] + box[2] < fb.attached_width() ||
        box[1] + box[3] < fb.attached_height())
      return false;
  }
  if (conditional_render) return false;
  // Discarded clears write nothing (OpenGL ES 2.0 has no rasterizer discard to ask about).
  if ((!c.is_es || c.request.major >= 3) && glIsEnabled_fn(GL_RASTERIZER_DISCARD)) return false;
  // Compiled into a display list, the clear happens later (or never).
  if (has_display_lists(c)) {
    GLint list = 0;
    glGetIntegerv_fn(GL_LIST_INDEX, &list);
    if (list != 0) return false;
  }
  return true;
}

}  // namespace

void settle_preserve(unsigned use) {
  resolve_gl();
  glx::Context* c = glx::current_context();
  if (c != nullptr) {
    settle_alpha(*c, use);
    if ((use & kDraws) != 0)
      if (Framebuffer* fb = pending_and_bound(c->draw_fb, GL_DRAW_FRAMEBUFFER_BINDING)) fb->settle_back();
    if ((use & kReads) != 0)
      if (Framebuffer* fb = pending_and_bound(c->read_fb, GL_READ_FRAMEBUFFER_BINDING)) fb->settle_back();
  }
  update_idle(c);
}

void settle_preserve_for_clear(GLbitfield mask) {
  resolve_gl();
  glx::Context* c = glx::current_context();
  if (c != nullptr && (mask & GL_COLOR_BUFFER_BIT) != 0) {
    if (Framebuffer* fb = pending_and_bound(c->draw_fb, GL_DRAW_FRAMEBUFFER_BINDING)) {
      if (clear_covers_back(*c, *fb))
        fb->skip_preserve();
      else
        fb->settle_back();
    }
  }
  update_idle(c);
}

void note_preserve_pending() { update_idle(glx::current_context()); }

void settle_all_preserves(glx::Context& c) {
  restore_alpha_if_dirty(c);  // other contexts may read the buffers next
  for (auto& [serial, fb] : c.framebuffers)
    if (fb) fb->settle_back();
  preserve_idle = false;  // recomputed by the next call
}

}  // namespace eglrun::gl
