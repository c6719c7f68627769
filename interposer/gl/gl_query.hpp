// GL state questions that the interceptors of framebuffer 0 ask in many places.
#pragma once

#include <GL/gl.h>

namespace eglrun::glx {
struct Context;
}

namespace eglrun::gl {

// An integer state value that names an object (GL_DRAW_FRAMEBUFFER_BINDING...).
GLuint binding(GLenum pname);

// Whether `c` has display lists (desktop contexts other than core or forward-compatible 3.0+).
bool has_display_lists(const glx::Context& c);

// GL_LIST_MODE of `c`, which is current: 0, GL_COMPILE or GL_COMPILE_AND_EXECUTE; -1 inside
// glBegin/glEnd, where the query fails (with the GL_INVALID_OPERATION the application's own call
// raises anyway) and writes nothing. While it is not 0, eglrun's own GL calls would be compiled.
GLint list_mode(const glx::Context& c);

}  // namespace eglrun::gl
