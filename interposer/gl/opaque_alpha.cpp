#include "gl/opaque_alpha.hpp"

#include <algorithm>
#include <atomic>

#include "drawable/gl_state.hpp"
#include "gl/gl_query.hpp"
#include "gl/preserve.hpp"
#include "glx/context.hpp"
#include "symbols/real.hpp"

// Last include: poisons every interposed name in the code below.
#include "symbols/poison.hpp"

namespace eglrun::gl {

using namespace eglrun::real;
using Mask = glx::Context::ColorMask;

namespace {

bool uniform(const std::array<Mask, glx::Context::kMaxDrawBuffers>& m) {
  return std::all_of(m.begin(), m.end(), [&](const Mask& x) { return x == m[0]; });
}

// The real mask: the application's, with alpha off while `hold` (or on while `write_alpha`).
void apply_masks(const glx::Context& c, bool hold, bool write_alpha = false) {
  auto alpha = [&](GLboolean a) { return write_alpha ? GLboolean(GL_TRUE) : hold ? GLboolean(GL_FALSE) : a; };
  const auto& m = c.color_mask;
  if (uniform(m) || glColorMaski_fn == nullptr) {
    glColorMask_fn(m[0][0], m[0][1], m[0][2], alpha(m[0][3]));
    return;
  }
  for (GLuint i = 0; i < m.size(); ++i) glColorMaski_fn(i, m[i][0], m[i][1], m[i][2], alpha(m[i][3]));
}

// Set once any draw buffer's mask is set on its own (glColorMaski, glColorMaskIndexedEXT), in any
// context or list: until then every draw buffer has buffer 0's mask, and one query reads them all
// (pops and binds read the masks; legacy programs push and pop per object).
std::atomic<bool> indexed_masks_used{false};

// The real mask of every draw buffer (what the application sees while nothing is held).
void read_real_masks(glx::Context& c) {
  if (glGetBooleani_v_fn == nullptr || !indexed_masks_used.load(std::memory_order_relaxed)) {
    glGetBooleanv_fn(GL_COLOR_WRITEMASK, c.color_mask[0].data());
    c.color_mask.fill(c.color_mask[0]);
    return;
  }
  for (GLuint i = 0; i < c.color_mask.size(); ++i)
    glGetBooleani_v_fn(GL_COLOR_WRITEMASK, i, c.color_mask[i].data());
}

bool stand_in_drawn(const glx::Context& c) {
  return c.draw_fb != nullptr && c.draw_fb->opaque_alpha() && c.draw_fb->fbo() != 0 &&
         binding(GL_DRAW_FRAMEBUFFER_BINDING) == c.draw_fb->fbo();
}

// Sets the bound draw stand-in's alpha back to 1.0 (anywhere else it is 1.0 already, so the whole
// buffer, scissor and all), then the real mask back to the application's, held as c.alpha_held says.
void restore_alpha(glx::Context& c) {
  if (!c.alpha_held) read_real_masks(c);  // nothing kept aside: the real mask is the application's
  GLfloat color[4] = {0, 0, 0, 0};
  glGetFloatv_fn(GL_COLOR_CLEAR_VALUE, color);
  const GLboolean scissor = glIsEnabled_fn(GL_SCISSOR_TEST);
  if (scissor) glDisable_fn(GL_SCISSOR_TEST);
  glColorMask_fn(GL_FALSE, GL_FALSE, GL_FALSE, GL_TRUE);
  glClearColor_fn(0, 0, 0, 1.0f);
  glClear_fn(GL_COLOR_BUFFER_BIT);
  glClearColor_fn(color[0], color[1], color[2], color[3]);
  if (scissor) glEnable_fn(GL_SCISSOR_TEST);
  apply_masks(c, c.alpha_held);
}

// The list being compiled sets or saves the colour mask.
void note_mask_list(glx::Context& c) {
  GLint index = 0;
  glGetIntegerv_fn(GL_LIST_INDEX, &index);
  if (index == 0) return;
  c.lists->add(static_cast<GLuint>(index));
  mask_lists_exist.store(true, std::memory_order_relaxed);
}

void mark_dirty(glx::Context& c) {
  c.alpha_dirty = true;
  preserve_idle = false;  // the next draw or read takes the settle path
}

bool blend_reads_destination_alpha() {
  if (!glIsEnabled_fn(GL_BLEND)) return false;
  const GLenum factors[] = {GL_BLEND_SRC_RGB, GL_BLEND_DST_RGB, GL_BLEND_SRC_ALPHA, GL_BLEND_DST_ALPHA};
  for (GLenum f : factors) {
    GLint v = 0;
    glGetIntegerv_fn(f, &v);
    if (v == GL_DST_ALPHA || v == GL_ONE_MINUS_DST_ALPHA || v == GL_SRC_ALPHA_SATURATE) return true;
  }
  GLint equation = GL_FUNC_ADD;
  glGetIntegerv_fn(GL_BLEND_EQUATION_RGB, &equation);
  // Advanced blend equations (KHR_blend_equation_advanced) read the destination's alpha.
  return equation != GL_FUNC_ADD && equation != GL_FUNC_SUBTRACT && equation != GL_FUNC_REVERSE_SUBTRACT &&
         equation != GL_MIN && equation != GL_MAX;
}

}  // namespace

void update_alpha_hold(bool force) {
  glx::Context* c = glx::current_context();
  if (c == nullptr) {
    alpha_held = false;
    return;
  }
  if (list_mode(*c) != 0) return;  // again at glEndList
  const bool hold = stand_in_drawn(*c);
  if (hold && !c->alpha_held) read_real_masks(*c);  // what the application set while nothing was held
  if (hold != c->alpha_held || (force && hold)) apply_masks(*c, hold);
  c->alpha_held = alpha_held = hold;
}

void clear_alpha_hold() { alpha_held = false; }

void color_mask(int index, GLboolean r, GLboolean g, GLboolean b, GLboolean a, bool ext) {
  if (index >= 0) indexed_masks_used.store(true, std::memory_order_relaxed);
  glx::Context* c = glx::current_context();
  auto set = [&](GLboolean alpha) {
    if (index < 0)
      glColorMask_fn(r, g, b, alpha);
    else if (ext)
      glColorMaskIndexedEXT_fn(static_cast<GLuint>(index), r, g, b, alpha);
    else
      glColorMaski_fn(static_cast<GLuint>(index), r, g, b, alpha);
  };
  if (c == nullptr) {
    set(a);
    return;
  }
  const GLint mode = list_mode(*c);
  if (mode != 0) {
    // Compiled as asked, so the list is right wherever it is called; it runs unheld (before_call_list).
    set(a);
    note_mask_list(*c);
    if (mode != GL_COMPILE_AND_EXECUTE || !c->alpha_held || index >= static_cast<int>(c->color_mask.size()))
      return;
    if (a) mark_dirty(*c);  // executed too
  } else if (!c->alpha_held || index >= static_cast<int>(c->color_mask.size())) {
    set(a);  // nothing held, or the GL's GL_INVALID_VALUE
    return;
  }
  for (size_t i = 0; i < c->color_mask.size(); ++i)
    if (index < 0 || static_cast<size_t>(index) == i) c->color_mask[i] = {r, g, b, a};
  if (mode == 0) set(GL_FALSE);
}

// The GL's attribute stack always holds the application's own mask: pushes and pops are made with
// the hold lifted, so a pop anywhere (here, in a display list, in another list's call) restores the
// application's mask, and the hold goes back on after.
void push_attrib(GLbitfield mask) {
  glx::Context* c = glx::current_context();
  if (c == nullptr || list_mode(*c) != 0) {
    glPushAttrib_fn(mask);
    if (c != nullptr) note_mask_list(*c);  // the list must run unheld to push the application's mask
    return;
  }
  if (!c->alpha_held || (mask & GL_COLOR_BUFFER_BIT) == 0) {
    glPushAttrib_fn(mask);
    return;
  }
  apply_masks(*c, false);
  glPushAttrib_fn(mask);
  apply_masks(*c, true);
}

void pop_attrib() {
  glx::Context* c = glx::current_context();
  if (c == nullptr || list_mode(*c) != 0) {
    glPopAttrib_fn();
    if (c != nullptr) note_mask_list(*c);  // it may restore a mask when the list runs
    return;
  }
  if (!c->alpha_held) {
    glPopAttrib_fn();
    return;
  }
  apply_masks(*c, false);
  glPopAttrib_fn();
  read_real_masks(*c);  // restored by the pop, or the application's as before
  apply_masks(*c, true);
}

void before_call_list(GLuint list, bool many) {
  glx::Context* c = glx::current_context();
  if (c == nullptr || !c->alpha_held || list_mode(*c) != 0 || !c->lists->sets_mask(list, many)) return;
  // Held, a list's own glColorMask(..., GL_FALSE) could not be told from the hold afterwards.
  apply_masks(*c, false);
}

void after_call_list(GLuint list, bool many) {
  glx::Context* c = glx::current_context();
  if (c == nullptr || !c->lists->sets_mask(list, many)) return;
  const GLint mode = list_mode(*c);
  if (mode != 0) {
    note_mask_list(*c);  // a list that calls one that sets the mask
    if (mode != GL_COMPILE_AND_EXECUTE) return;
  }
  if (!c->alpha_held) return;
  // The mask is the one the list left: the application's. Alpha may have been written meanwhile.
  read_real_masks(*c);
  mark_dirty(*c);
  if (mode == 0) apply_masks(*c, true);  // while compiling, not into the list: glEndList holds again
}

void settle_alpha(glx::Context& c, unsigned use) {
  if (!c.alpha_dirty) return;
  const bool reads = (use & kReads) != 0 && (use & kList) == 0;
  if (reads || (c.alpha_held && blend_reads_destination_alpha())) restore_alpha_if_dirty(c);
}

void restore_alpha_if_dirty(glx::Context& c) {
  if (!c.alpha_dirty || c.draw_fb == nullptr || c.draw_fb->fbo() == 0 || list_mode(c) != 0) return;
  drawable::ScopedFramebufferBindings saved;
  glBindFramebuffer_fn(GL_DRAW_FRAMEBUFFER, c.draw_fb->fbo());
  restore_alpha(c);
  c.alpha_dirty = false;
}

void clear_opaque(GLbitfield mask) {
  glx::Context* c = glx::current_context();
  if (c == nullptr || !c->alpha_held || list_mode(*c) != 0) {
    glClear_fn(mask);  // compiled: it runs with the mask of its time (alpha held: a masked clear)
    return;
  }
  GLfloat color[4] = {0, 0, 0, 0};
  glGetFloatv_fn(GL_COLOR_CLEAR_VALUE, color);
  glClearColor_fn(color[0], color[1], color[2], 1.0f);
  apply_masks(*c, false, true);
  glClear_fn(mask);
  apply_masks(*c, true);
  glClearColor_fn(color[0], color[1], color[2], color[3]);
}

void clear_color_buffer(GLuint fbo, GLint drawbuffer, const GLfloat* value) {
  glx::Context* c = glx::current_context();
  auto real = [&](const GLfloat* v) {
    if (fbo != 0)
      glClearNamedFramebufferfv_fn(fbo, GL_COLOR, drawbuffer, v);
    else
      glClearBufferfv_fn(GL_COLOR, drawbuffer, v);
  };
  const bool opaque = c != nullptr && value != nullptr && drawbuffer >= 0 &&
                      drawbuffer < static_cast<GLint>(c->color_mask.size()) &&
                      (fbo == 0 ? c->alpha_held : hides_alpha(c, fbo));
  if (!opaque || list_mode(*c) != 0) {
    real(value);
    return;
  }
  const GLfloat opaque_value[4] = {value[0], value[1], value[2], 1.0f};
  if (!c->alpha_held) read_real_masks(*c);  // to restore after
  const Mask& m = c->color_mask[static_cast<size_t>(drawbuffer)];
  if (glColorMaski_fn != nullptr)
    glColorMaski_fn(static_cast<GLuint>(drawbuffer), m[0], m[1], m[2], GL_TRUE);
  else
    glColorMask_fn(m[0], m[1], m[2], GL_TRUE);
  real(opaque_value);
  apply_masks(*c, c->alpha_held);
}

void after_blit(GLbitfield mask, GLuint read_fbo, GLuint draw_fbo) {
  glx::Context* c = glx::current_context();
  if (c == nullptr || (mask & GL_COLOR_BUFFER_BIT) == 0 || c->draw_fb == nullptr ||
      !c->draw_fb->opaque_alpha())
    return;
  drawable::ScopedFramebufferBindings saved;
  if (read_fbo != 0) glBindFramebuffer_fn(GL_READ_FRAMEBUFFER, read_fbo);
  if (draw_fbo != 0) glBindFramebuffer_fn(GL_DRAW_FRAMEBUFFER, draw_fbo);
  const GLuint target = binding(GL_DRAW_FRAMEBUFFER_BINDING);
  if (target != c->draw_fb->fbo() || list_mode(*c) != 0) return;
  if (binding(GL_READ_FRAMEBUFFER_BINDING) == target) return;  // alpha 1.0 copied onto alpha 1.0
  GLint read_buffer = GL_NONE, alpha_bits = 0;
  glGetIntegerv_fn(GL_READ_BUFFER, &read_buffer);
  if (read_buffer != GL_NONE)
    glGetFramebufferAttachmentParameteriv_fn(GL_READ_FRAMEBUFFER, static_cast<GLenum>(read_buffer),
                                             GL_FRAMEBUFFER_ATTACHMENT_ALPHA_SIZE, &alpha_bits);
  if (alpha_bits == 0) return;  // no alpha comes in: blits write 1.0
  restore_alpha(*c);            // blits ignore the colour mask, so the source's alpha arrived
}

bool answer_mask_query(GLenum pname, int index, GLint64* values, int* count) {
  glx::Context* c = glx::current_context();
  if (c == nullptr) return false;
  if (pname == GL_ALPHA_BITS && index < 0 && stand_in_drawn(*c)) {
    values[0] = 0;
    *count = 1;
    return true;
  }
  if (pname != GL_COLOR_WRITEMASK || !c->alpha_held) return false;
  if (index >= static_cast<int>(c->color_mask.size())) return false;  // the GL's GL_INVALID_VALUE
  const Mask& m = c->color_mask[static_cast<size_t>(std::max(index, 0))];
  for (int i = 0; i < 4; ++i) values[i] = m[static_cast<size_t>(i)] ? 1 : 0;
  *count = 4;
  return true;
}

bool hides_alpha(const glx::Context* c, GLuint fbo) {
  if (c == nullptr) return false;
  for (const auto* fb : {c->draw_fb, c->read_fb})
    if (fb != nullptr && fb->opaque_alpha() && fb->fbo() == fbo) return true;
  return false;
}

}  // namespace eglrun::gl
