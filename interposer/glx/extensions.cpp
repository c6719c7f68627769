#include "glx/extensions.hpp"

#include <vector>

#include "egl/backend.hpp"
#include "glx/internal.hpp"

namespace eglrun::glx {

const std::string& extension_string() {
  static const std::string list = [] {
    std::string error;
    const auto* b = egl::backend(&error);
    std::vector<const char*> ext = {
        "GLX_ARB_create_context",      "GLX_ARB_create_context_profile",
        "GLX_ARB_framebuffer_sRGB",    "GLX_ARB_get_proc_address",
        "GLX_ARB_multisample",         "GLX_EXT_buffer_age",
        "GLX_EXT_framebuffer_sRGB",    "GLX_EXT_import_context",
        "GLX_EXT_swap_control",        "GLX_EXT_swap_control_tear",
        "GLX_EXT_texture_from_pixmap", "GLX_EXT_visual_info",
        "GLX_EXT_visual_rating",       "GLX_INTEL_swap_event",
        "GLX_MESA_copy_sub_buffer",    "GLX_MESA_query_renderer",
        "GLX_MESA_swap_control",       "GLX_SGI_make_current_read",
        "GLX_SGI_swap_control",        "GLX_SGI_video_sync",
    };
    if (b && b->has_robustness) ext.push_back("GLX_ARB_create_context_robustness");
    if (b && b->has_no_error) ext.push_back("GLX_ARB_create_context_no_error");
    if (b && b->has_flush_control) ext.push_back("GLX_ARB_context_flush_control");
    if (es_profiles_supported()) {
      ext.push_back("GLX_EXT_create_context_es2_profile");
      ext.push_back("GLX_EXT_create_context_es_profile");
    }
    std::string s;
    for (const char* e : ext) {
      s += e;
      s += ' ';
    }
    return s;
  }();
  return list;
}

}  // namespace eglrun::glx
