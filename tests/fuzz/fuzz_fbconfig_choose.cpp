// libFuzzer harness: glXChooseFBConfig / glXChooseVisual selection and sorting over a fixed set of
// configs, with hostile attribute lists.
#include <GL/glx.h>
#include <GL/glxext.h>

#include <cstdlib>

#include "fuzz_common.hpp"
#include "glx/fbconfig_choose.hpp"

namespace {

std::vector<eglrun::glx::FBConfigDesc> make_configs() {
  std::vector<eglrun::glx::FBConfigDesc> v;
  int id = 1;
  for (int db = 0; db < 2; ++db)
    for (int depth : {0, 16, 24})
      for (int alpha : {0, 8}) {
        eglrun::glx::FBConfigDesc c;
        c.fbconfig_id = id++;
        c.visual_id = alpha ? 0 : 0x21;
        c.visual_depth = alpha ? 0 : 24;
        c.x_visual_type = alpha ? GLX_NONE : GLX_TRUE_COLOR;
        c.red_size = c.green_size = c.blue_size = 8;
        c.alpha_size = alpha;
        c.buffer_size = 24 + alpha;
        c.doublebuffer = db;
        c.depth_size = depth;
        c.stencil_size = depth == 24 ? 8 : 0;
        c.render_type = GLX_RGBA_BIT;
        c.drawable_type = alpha ? GLX_PBUFFER_BIT : GLX_WINDOW_BIT | GLX_PIXMAP_BIT | GLX_PBUFFER_BIT;
        c.x_renderable = alpha ? 0 : 1;
        c.config_caveat = GLX_NONE;
        c.transparent_type = GLX_NONE;
        c.max_pbuffer_width = c.max_pbuffer_height = 4096;
        c.max_pbuffer_pixels = 4096 * 4096;
        c.swap_method = GLX_SWAP_UNDEFINED_OML;
        v.push_back(c);
      }
  return v;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const auto configs = make_configs();
  if (size == 0) return 0;
  const bool visual = data[0] & 1;
  std::vector<int> list = eglrun::fuzz::as_ints(data + 1, size - 1);
  list.insert(list.end(), {0, 0});  // terminated, as the C API needs
  std::string error;
  int glx_error = Success;
  if (visual) {
    const auto* c = eglrun::glx::choose_visual_config(configs, 24, list.data(), &error, &glx_error);
    if (c != nullptr && (c < configs.data() || c >= configs.data() + configs.size())) std::abort();
    if (c != nullptr && c->visual_id == 0) std::abort();  // glXChooseVisual needs a visual
  } else {
    auto chosen = eglrun::glx::choose_fbconfigs(configs, list.data(), &error, &glx_error);
    if (glx_error != Success && !chosen.empty()) std::abort();
    if (chosen.size() > configs.size()) std::abort();
    for (const auto* c : chosen)
      if (c < configs.data() || c >= configs.data() + configs.size()) std::abort();
  }
  if (glx_error != Success && glx_error != GLX_BAD_ATTRIBUTE && glx_error != GLX_BAD_VALUE) std::abort();
  return 0;
}
