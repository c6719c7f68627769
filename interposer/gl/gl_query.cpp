#include "gl/gl_query.hpp"

#include "glx/context.hpp"
#include "symbols/real.hpp"

// Last include: poisons every interposed name in the code below.
#include "symbols/poison.hpp"

namespace eglrun::gl {

using namespace eglrun::real;

GLuint binding(GLenum pname) {
  GLint v = 0;
  glGetIntegerv_fn(pname, &v);
  return static_cast<GLuint>(v);
}

bool has_display_lists(const glx::Context& c) {
  return !c.is_es && !c.request.core_profile && !(c.request.forward_compatible && c.request.major >= 3);
}

GLint list_mode(const glx::Context& c) {
  if (!has_display_lists(c)) return 0;
  GLint mode = -1;
  glGetIntegerv_fn(GL_LIST_MODE, &mode);
  return mode;
}

}  // namespace eglrun::gl
