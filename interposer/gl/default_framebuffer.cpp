#include "gl/default_framebuffer.hpp"

#include <climits>
#include <vector>

#include "drawable/buffer_mapping.hpp"
#include "drawable/gl_state.hpp"
#include "gl/gl_query.hpp"
#include "gl/opaque_alpha.hpp"
#include "glx/context.hpp"
#include "glx/frame_output.hpp"
#include "log/log.hpp"
#include "symbols/real.hpp"

// Last include: poisons every interposed name in the code below.
#include "symbols/poison.hpp"

namespace eglrun::gl {

using namespace eglrun::real;
using drawable::Framebuffer;

namespace {

glx::Context* ctx() { return glx::current_context(); }

// The stand-in FBO bound to `target` right now, or nullptr when the application's own FBO is bound.
Framebuffer* bound_default(GLenum target) {
  auto* c = ctx();
  if (c == nullptr) return nullptr;
  const bool read = target == GL_READ_FRAMEBUFFER;
  Framebuffer* fb = read ? c->read_fb : c->draw_fb;
  if (fb == nullptr || fb->fbo() == 0) return nullptr;
  return binding(read ? GL_READ_FRAMEBUFFER_BINDING : GL_DRAW_FRAMEBUFFER_BINDING) == fb->fbo() ? fb
                                                                                                : nullptr;
}

Framebuffer* fb_for_name(GLuint framebuffer, bool read) {
  auto* c = ctx();
  if (framebuffer != 0 || c == nullptr) return nullptr;
  return read ? c->read_fb : c->draw_fb;
}

// The current context's GL_LIST_MODE (gl/gl_query.hpp), 0 without one.
GLint list_mode() {
  auto* c = ctx();
  return c == nullptr ? 0 : gl::list_mode(*c);
}

void ensure_front(Framebuffer& fb) {
  if (fb.drawable().has_front()) return;
  // Making the front buffer takes GL calls of our own: inside glBegin/glEnd they fail and while a
  // display list is compiled they are compiled into it. It is then made when next named.
  if (list_mode() != 0) return;
  std::string error;
  if (const auto* b = egl::backend(&error)) fb.ensure_front(b->display, ctx()->egl);
}

// An invalid attachment change: makes the GL raise GL_INVALID_OPERATION without touching anything.
void raise_invalid_operation(GLenum target) {
  glFramebufferRenderbuffer_fn(target, GL_COLOR_ATTACHMENT0, GL_RENDERBUFFER, UINT_MAX - 1);
}

void apply_draw_buffer(Framebuffer& fb, GLuint fbo_name, GLenum buf, bool named) {
  auto m = drawable::map_draw_buffer(buf, fb.drawable().double_buffered);
  if (!m.valid) {
    // Let the GL reject it: on an FBO every default-framebuffer-only name is an error.
    if (named)
      glNamedFramebufferDrawBuffer_fn(fbo_name, buf);
    else
      glDrawBuffer_fn(buf);
    return;
  }
  if (m.uses_front) {
    ensure_front(fb);
    fb.front_drawn = true;
  }
  GLenum list[2] = {m.count > 0 ? m.attachments[0] : GLenum(GL_NONE), m.attachments[1]};
  const int n = m.count > 1 ? 2 : 1;
  if (named)
    glNamedFramebufferDrawBuffers_fn(fbo_name, n, list);
  else
    glDrawBuffers_fn(n, list);
  fb.draw_memo.fill({});
  fb.draw_memo[0] = {buf, static_cast<GLint>(list[0])};
  if (n > 1) fb.draw_memo[1] = {GL_NONE, static_cast<GLint>(list[1])};
  if (auto* c = ctx()) {
    c->fb0_draw_buffers.fill(GL_NONE);
    c->fb0_draw_buffers[0] = buf;
    c->fb0_draw_count = 1;
  }
}

void apply_draw_buffers(Framebuffer& fb, GLuint fbo_name, GLsizei n, const GLenum* bufs, bool named) {
  if (n < 0 || n > 8 || bufs == nullptr) {
    if (named)
      glNamedFramebufferDrawBuffers_fn(fbo_name, n, bufs);
    else
      glDrawBuffers_fn(n, bufs);
    return;
  }
  std::vector<GLenum> mapped(static_cast<size_t>(n));
  bool valid = true;
  for (GLsizei i = 0; i < n; ++i) {
    // A lone GL_BACK is allowed for the default framebuffer (GL 4.5, 17.4.1).
    auto m =
        drawable::map_draw_buffer(bufs[i], fb.drawable().double_buffered, !(n == 1 && bufs[i] == GL_BACK));
    if (!m.valid || m.count > 1) {
      valid = false;
      break;
    }
    if (m.uses_front) {
      ensure_front(fb);
      fb.front_drawn = true;
    }
    mapped[static_cast<size_t>(i)] = m.count ? m.attachments[0] : GLenum(GL_NONE);
  }
  const GLenum* use = valid ? mapped.data() : bufs;
  if (named)
    glNamedFramebufferDrawBuffers_fn(fbo_name, n, use);
  else
    glDrawBuffers_fn(n, use);
  if (!valid) return;
  fb.draw_memo.fill({});
  for (GLsizei i = 0; i < n; ++i)
    fb.draw_memo[static_cast<size_t>(i)] = {bufs[i], static_cast<GLint>(mapped[static_cast<size_t>(i)])};
  if (auto* c = ctx()) {
    c->fb0_draw_buffers.fill(GL_NONE);
    for (GLsizei i = 0; i < n; ++i) c->fb0_draw_buffers[static_cast<size_t>(i)] = bufs[i];
    c->fb0_draw_count = n;
  }
}

void apply_read_buffer(Framebuffer& fb, GLuint fbo_name, GLenum src, bool named) {
  auto m = drawable::map_read_buffer(src, fb.drawable().double_buffered);
  GLenum real_src = m.valid ? (m.count ? m.attachments[0] : GLenum(GL_NONE)) : src;
  if (m.valid && m.uses_front) ensure_front(fb);
  if (named)
    glNamedFramebufferReadBuffer_fn(fbo_name, real_src);
  else
    glReadBuffer_fn(real_src);
  if (m.valid) fb.read_memo = {src, static_cast<GLint>(real_src)};
}

// What glGet reports for draw buffer i / the read buffer of a stand-in FBO.
GLint64 visible_buffer(const Framebuffer& fb, const Framebuffer::Memo& memo, GLint actual) {
  if (memo.attachment == actual && memo.attachment != -1) return memo.token;
  return drawable::default_buffer_name(actual, fb.drawable().double_buffered);
}

}  // namespace

void bind_framebuffer(GLenum target, GLuint framebuffer, bool ext) {
  auto* c = ctx();
  auto bind = ext ? glBindFramebufferEXT_fn : glBindFramebuffer_fn;
  if (framebuffer != 0 || c == nullptr || c->draw_fb == nullptr) {
    bind(target, framebuffer);
    if (c != nullptr && target != GL_READ_FRAMEBUFFER) update_alpha_hold();
    return;
  }
  std::string error;
  if (const auto* b = egl::backend(&error)) {
    c->draw_fb->sync(b->display, c->egl);
    if (c->read_fb != c->draw_fb) c->read_fb->sync(b->display, c->egl);
  }
  switch (target) {
    case GL_FRAMEBUFFER:
      bind(GL_DRAW_FRAMEBUFFER, c->draw_fb->fbo());
      bind(GL_READ_FRAMEBUFFER, c->read_fb->fbo());
      break;
    case GL_DRAW_FRAMEBUFFER:
      bind(target, c->draw_fb->fbo());
      break;
    case GL_READ_FRAMEBUFFER:
      bind(target, c->read_fb->fbo());
      break;
    default:
      bind(target, framebuffer);  // the GL raises the error
  }
  update_alpha_hold();
}

void delete_framebuffers(GLsizei n, const GLuint* framebuffers, bool ext) {
  auto del = ext ? glDeleteFramebuffersEXT_fn : glDeleteFramebuffers_fn;
  auto* c = ctx();
  if (c == nullptr || n <= 0 || framebuffers == nullptr) {
    del(n, framebuffers);
    return;
  }
  // The application cannot name our FBOs (it never got their names), but a stale name could
  // coincide: never let it delete a stand-in.
  std::vector<GLuint> keep;
  keep.reserve(static_cast<size_t>(n));
  for (GLsizei i = 0; i < n; ++i) {
    bool ours = false;
    for (auto& [serial, fb] : c->framebuffers) ours |= fb->fbo() == framebuffers[i];
    if (!ours) keep.push_back(framebuffers[i]);
  }
  del(static_cast<GLsizei>(keep.size()), keep.data());
}

GLboolean is_framebuffer(GLuint framebuffer) {
  if (auto* c = ctx())
    for (auto& [serial, fb] : c->framebuffers)
      if (fb->fbo() == framebuffer) return GL_FALSE;
  return glIsFramebuffer_fn(framebuffer);
}

void draw_buffer(GLenum buf) {
  if (auto* fb = bound_default(GL_DRAW_FRAMEBUFFER))
    apply_draw_buffer(*fb, fb->fbo(), buf, false);
  else
    glDrawBuffer_fn(buf);
}

void draw_buffers(GLsizei n, const GLenum* bufs, bool arb) {
  if (auto* fb = bound_default(GL_DRAW_FRAMEBUFFER))
    apply_draw_buffers(*fb, fb->fbo(), n, bufs, false);
  else
    (arb ? glDrawBuffersARB_fn : glDrawBuffers_fn)(n, bufs);
}

void read_buffer(GLenum src) {
  if (auto* fb = bound_default(GL_READ_FRAMEBUFFER))
    apply_read_buffer(*fb, fb->fbo(), src, false);
  else
    glReadBuffer_fn(src);
}

void named_draw_buffer(GLuint framebuffer, GLenum buf) {
  if (auto* fb = fb_for_name(framebuffer, false))
    apply_draw_buffer(*fb, fb->fbo(), buf, true);
  else
    glNamedFramebufferDrawBuffer_fn(framebuffer, buf);
}

void named_draw_buffers(GLuint framebuffer, GLsizei n, const GLenum* bufs) {
  if (auto* fb = fb_for_name(framebuffer, false))
    apply_draw_buffers(*fb, fb->fbo(), n, bufs, true);
  else
    glNamedFramebufferDrawBuffers_fn(framebuffer, n, bufs);
}

void named_read_buffer(GLuint framebuffer, GLenum src) {
  if (auto* fb = fb_for_name(framebuffer, true))
    apply_read_buffer(*fb, fb->fbo(), src, true);
  else
    glNamedFramebufferReadBuffer_fn(framebuffer, src);
}

bool answer_query(GLenum pname, GLint64* values, int* count) {
  if (answer_mask_query(pname, -1, values, count)) return true;
  *count = 1;
  switch (pname) {
    case GL_DRAW_FRAMEBUFFER_BINDING:
    case GL_READ_FRAMEBUFFER_BINDING: {
      auto* c = ctx();
      if (c == nullptr) return false;
      const bool read = pname == GL_READ_FRAMEBUFFER_BINDING;
      GLuint actual = binding(pname);
      Framebuffer* fb = read ? c->read_fb : c->draw_fb;
      values[0] = fb != nullptr && actual == fb->fbo() ? 0 : actual;
      return true;
    }
    case GL_READ_BUFFER: {
      auto* fb = bound_default(GL_READ_FRAMEBUFFER);
      if (fb == nullptr) return false;
      values[0] = visible_buffer(*fb, fb->read_memo, static_cast<GLint>(binding(GL_READ_BUFFER)));
      return true;
    }
    case GL_DOUBLEBUFFER: {
      auto* fb = bound_default(GL_DRAW_FRAMEBUFFER);
      if (fb == nullptr) return false;
      values[0] = fb->drawable().double_buffered ? 1 : 0;
      return true;
    }
    default:
      break;
  }
  if (pname == GL_DRAW_BUFFER || (pname >= GL_DRAW_BUFFER0 && pname <= GL_DRAW_BUFFER7)) {
    auto* fb = bound_default(GL_DRAW_FRAMEBUFFER);
    if (fb == nullptr) return false;
    const size_t i = pname == GL_DRAW_BUFFER ? 0 : pname - GL_DRAW_BUFFER0;
    values[0] = visible_buffer(*fb, fb->draw_memo[i], static_cast<GLint>(binding(pname)));
    return true;
  }
  return false;
}

void get_attachment_parameter(GLenum target, GLenum attachment, GLenum pname, GLint* params) {
  const GLenum t = target == GL_FRAMEBUFFER ? GL_DRAW_FRAMEBUFFER : target;
  auto* fb = bound_default(t);
  if (fb == nullptr) {
    glGetFramebufferAttachmentParameteriv_fn(target, attachment, pname, params);
    return;
  }
  GLenum mapped = drawable::map_attachment_query(attachment, fb->drawable().double_buffered);
  if (mapped == GL_NONE || pname == GL_FRAMEBUFFER_ATTACHMENT_OBJECT_NAME) {
    // Not a buffer of the default framebuffer, or a query it does not answer: the GL's own error.
    glGetFramebufferAttachmentParameteriv_fn(target, GL_FRONT_LEFT, pname, params);
    return;
  }
  if (mapped == drawable::kFrontAttachment) ensure_front(*fb);
  glGetFramebufferAttachmentParameteriv_fn(target, mapped, pname, params);
  if (pname == GL_FRAMEBUFFER_ATTACHMENT_OBJECT_TYPE && params != nullptr && *params != GL_NONE)
    *params = GL_FRAMEBUFFER_DEFAULT;
  if (pname == GL_FRAMEBUFFER_ATTACHMENT_ALPHA_SIZE && params != nullptr && hides_alpha(ctx(), fb->fbo()))
    *params = 0;
}

void get_named_attachment_parameter(GLuint framebuffer, GLenum attachment, GLenum pname, GLint* params) {
  auto* fb = fb_for_name(framebuffer, false);
  if (fb == nullptr) {
    glGetNamedFramebufferAttachmentParameteriv_fn(framebuffer, attachment, pname, params);
    return;
  }
  GLenum mapped = drawable::map_attachment_query(attachment, fb->drawable().double_buffered);
  glGetNamedFramebufferAttachmentParameteriv_fn(fb->fbo(), mapped == GL_NONE ? attachment : mapped, pname,
                                                params);
  if (mapped != GL_NONE && pname == GL_FRAMEBUFFER_ATTACHMENT_OBJECT_TYPE && params && *params != GL_NONE)
    *params = GL_FRAMEBUFFER_DEFAULT;
  if (mapped != GL_NONE && pname == GL_FRAMEBUFFER_ATTACHMENT_ALPHA_SIZE && params &&
      hides_alpha(ctx(), fb->fbo()))
    *params = 0;
}

void get_named_framebuffer_parameter(GLuint framebuffer, GLenum pname, GLint* param) {
  auto* fb = fb_for_name(framebuffer, false);
  if (fb != nullptr && param != nullptr) {
    if (pname == GL_DOUBLEBUFFER) {
      *param = fb->drawable().double_buffered;
      return;
    }
    if (pname == GL_STEREO) {
      *param = 0;
      return;
    }
  }
  glGetNamedFramebufferParameteriv_fn(fb ? fb->fbo() : framebuffer, pname, param);
}

GLenum check_named_status(GLuint framebuffer, GLenum target) {
  auto* fb = fb_for_name(framebuffer, target == GL_READ_FRAMEBUFFER);
  return glCheckNamedFramebufferStatus_fn(fb ? fb->fbo() : framebuffer, target);
}

void blit_named(GLuint read, GLuint draw, GLint sx0, GLint sy0, GLint sx1, GLint sy1, GLint dx0, GLint dy0,
                GLint dx1, GLint dy1, GLbitfield mask, GLenum filter) {
  GLuint source = named_target(read, true);
  auto* c = ctx();
  const GLuint dest = named_target(draw);
  if (read == 0 && c != nullptr && c->read_fb != nullptr && c->read_fb->multisampled() && dest != 0 &&
      list_mode() == 0) {
    // Into a single-sampled buffer the multisampled window is resolved (see begin_resolved_read).
    GLint samples = 0;
    glGetNamedFramebufferParameteriv_fn(dest, GL_SAMPLES, &samples);
    if (samples == 0) source = c->read_fb->resolve_for_read(mask);
  }
  glBlitNamedFramebuffer_fn(source, dest, sx0, sy0, sx1, sy1, dx0, dy0, dx1, dy1, mask, filter);
  if (dest != 0 && source != 0) after_blit(mask, source, dest);
}

GLuint named_target(GLuint framebuffer, bool for_read) {
  auto* fb = fb_for_name(framebuffer, for_read);
  return fb ? fb->fbo() : framebuffer;
}

void invalidate(GLenum target, GLsizei n, const GLenum* attachments, const GLint* rect) {
  const GLenum t = target == GL_FRAMEBUFFER ? GL_DRAW_FRAMEBUFFER : target;
  std::vector<GLenum> mapped;
  if (bound_default(t) != nullptr && n > 0 && attachments != nullptr) {
    mapped.assign(attachments, attachments + n);
    for (auto& a : mapped) a = drawable::map_invalidate_attachment(a);
    attachments = mapped.data();
  }
  if (rect)
    glInvalidateSubFramebuffer_fn(target, n, attachments, rect[0], rect[1], rect[2], rect[3]);
  else
    glInvalidateFramebuffer_fn(target, n, attachments);
}

void invalidate_named(GLuint framebuffer, GLsizei n, const GLenum* attachments, const GLint* rect) {
  std::vector<GLenum> mapped;
  if (fb_for_name(framebuffer, false) != nullptr && n > 0 && attachments != nullptr) {
    mapped.assign(attachments, attachments + n);
    for (auto& a : mapped) a = drawable::map_invalidate_attachment(a);
    attachments = mapped.data();
  }
  GLuint name = named_target(framebuffer);
  if (rect)
    glInvalidateNamedFramebufferSubData_fn(name, n, attachments, rect[0], rect[1], rect[2], rect[3]);
  else
    glInvalidateNamedFramebufferData_fn(name, n, attachments);
}

bool refuse_attachment_change(GLenum target) {
  const GLenum t = target == GL_FRAMEBUFFER ? GL_DRAW_FRAMEBUFFER : target;
  if (bound_default(t) == nullptr) return false;
  raise_invalid_operation(target);
  return true;
}

Framebuffer* begin_resolved_read(GLbitfield mask, bool only_to_single_sampled) {
  auto* c = ctx();
  // The common case costs no GL call: nothing multisampled is read.
  if (c == nullptr || c->read_fb == nullptr || !c->read_fb->multisampled()) return nullptr;
  Framebuffer* fb = bound_default(GL_READ_FRAMEBUFFER);
  if (fb == nullptr) return nullptr;
  // A call compiled into a display list reads when the list runs; our blit would be compiled too.
  if (list_mode() != 0) return nullptr;
  if (only_to_single_sampled) {
    // A blit between multisampled buffers copies samples; only one into a single-sampled buffer resolves.
    GLint samples = 0;
    glGetIntegerv_fn(GL_SAMPLES, &samples);
    if (samples > 0) return nullptr;
  }
  const GLuint source = fb->resolve_for_read(mask);
  if (source == fb->fbo()) return nullptr;
  glBindFramebuffer_fn(GL_READ_FRAMEBUFFER, source);
  return fb;
}

void draw_pixels(GLsizei w, GLsizei h, GLenum format, GLenum type, const void* pixels) {
  auto* c = ctx();
  Framebuffer* fb = nullptr;
  if (format == GL_STENCIL_INDEX && c != nullptr && c->draw_fb != nullptr && c->draw_fb->multisampled())
    fb = bound_default(GL_DRAW_FRAMEBUFFER);
  if (fb == nullptr || list_mode() != 0) {
    glDrawPixels_fn(w, h, format, type, pixels);
    return;
  }
  // Drawn into the single-sampled copy, then copied back: a blit into a multisampled buffer sets
  // every sample.
  const GLuint single = fb->resolve_for_read(GL_DEPTH_BUFFER_BIT | GL_STENCIL_BUFFER_BIT);
  if (single == fb->fbo()) {
    glDrawPixels_fn(w, h, format, type, pixels);
    return;
  }
  drawable::ScopedFramebufferBindings saved;
  glBindFramebuffer_fn(GL_DRAW_FRAMEBUFFER, single);
  glDrawPixels_fn(w, h, format, type, pixels);
  drawable::ScopedBlitState blit_state;
  glBindFramebuffer_fn(GL_READ_FRAMEBUFFER, single);
  glBindFramebuffer_fn(GL_DRAW_FRAMEBUFFER, fb->fbo());
  const int sw = fb->drawable().storage_width(), sh = fb->drawable().storage_height();
  glBlitFramebuffer_fn(0, 0, sw, sh, 0, 0, sw, sh, GL_STENCIL_BUFFER_BIT, GL_NEAREST);
}

void end_resolved_read(Framebuffer* fb) {
  if (fb != nullptr) glBindFramebuffer_fn(GL_READ_FRAMEBUFFER, fb->fbo());
}

GLbitfield read_mask_for_format(GLenum format) {
  switch (format) {
    case GL_DEPTH_COMPONENT:
      return GL_DEPTH_BUFFER_BIT;
    case GL_STENCIL_INDEX:
      return GL_STENCIL_BUFFER_BIT;
    case GL_DEPTH_STENCIL:
      return GL_DEPTH_BUFFER_BIT | GL_STENCIL_BUFFER_BIT;
    default:
      return GL_COLOR_BUFFER_BIT;
  }
}

GLbitfield read_mask_for_copy_type(GLenum type) {
  switch (type) {
    case GL_DEPTH:
      return GL_DEPTH_BUFFER_BIT;
    case GL_STENCIL:
      return GL_STENCIL_BUFFER_BIT;
    case GL_COLOR:
      return GL_COLOR_BUFFER_BIT;
    default:
      return GL_COLOR_BUFFER_BIT | GL_DEPTH_BUFFER_BIT | GL_STENCIL_BUFFER_BIT;
  }
}

GLbitfield read_mask_for_internal_format(GLenum internal_format) {
  switch (internal_format) {
    case GL_DEPTH_COMPONENT:
    case GL_DEPTH_COMPONENT16:
    case GL_DEPTH_COMPONENT24:
    case GL_DEPTH_COMPONENT32:
    case GL_DEPTH_COMPONENT32F:
      return GL_DEPTH_BUFFER_BIT;
    case GL_DEPTH_STENCIL:
    case GL_DEPTH24_STENCIL8:
    case GL_DEPTH32F_STENCIL8:
      return GL_DEPTH_BUFFER_BIT | GL_STENCIL_BUFFER_BIT;
    default:
      return GL_COLOR_BUFFER_BIT;
  }
}

void carry_buffer_selection(glx::Context& c) {
  Framebuffer* d = c.draw_fb;
  if (d != nullptr && c.fb0_draw_count > 0) {
    const auto n = static_cast<size_t>(c.fb0_draw_count);
    bool same = true, valid = true;
    for (size_t i = 0; i < d->draw_memo.size(); ++i) {
      same &= d->draw_memo[i].token == (i < n ? c.fb0_draw_buffers[i] : GLenum(GL_NONE));
      if (i < n)
        valid &= drawable::map_draw_buffer(c.fb0_draw_buffers[i], d->drawable().double_buffered, n > 1).valid;
    }
    if (!same && valid) {
      drawable::ScopedFramebufferBindings saved;
      glBindFramebuffer_fn(GL_DRAW_FRAMEBUFFER, d->fbo());
      const auto selection = c.fb0_draw_buffers;  // apply_* rewrites c's copy
      if (n == 1)
        apply_draw_buffer(*d, d->fbo(), selection[0], false);
      else
        apply_draw_buffers(*d, d->fbo(), c.fb0_draw_count, selection.data(), false);
    }
  }
}

void viewport(GLint x, GLint y, GLsizei w, GLsizei h) {
  glViewport_fn(x, y, w, h);
  if (auto* c = ctx()) glx::viewport_changed(*c, w, h);  // the resize hint of GLX applications
}

void after_flush() {
  auto* c = ctx();
  if (c == nullptr || c->draw_fb == nullptr) return;
  glx::show_front_buffer(*c);
}

}  // namespace eglrun::gl
