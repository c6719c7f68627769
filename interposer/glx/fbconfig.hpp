// The FBConfig model: what GLX reports for each config, and the FBO formats that back it.
// Configs are derived from the EGL device's configs crossed with the X screen's TrueColor visuals.
#pragma once

#include <GL/gl.h>

#include <vector>

namespace eglrun::glx {

// Not "None": Xlib defines that as a macro.
enum class Caveat { NoCaveat, Slow, NonConformant };

// One EGL config of the rendering device, reduced to what an FBConfig needs.
struct EglConfigTraits {
  int red = 0, green = 0, blue = 0, alpha = 0, depth = 0, stencil = 0, samples = 0;
  bool is_float = false;
  int egl_config_id = 0;
  Caveat caveat = Caveat::NoCaveat;
  // Mesa reports EGL_MAX_PBUFFER_PIXELS as 0, so 0 here means width * height.
  int max_pbuffer_width = 4096, max_pbuffer_height = 4096, max_pbuffer_pixels = 0;
};

// One X visual (as from XGetVisualInfo); c_class is the X visual class (TrueColor = 4).
struct VisualTraits {
  unsigned long visual_id = 0;
  int depth = 0;
  int c_class = 0;
  unsigned long red_mask = 0, green_mask = 0, blue_mask = 0;
  int bits_per_rgb = 0;
};

// Every attribute glXGetFBConfigAttrib answers, as int so the chooser can treat them uniformly,
// plus the formats the drawable's FBO is allocated with.
struct FBConfigDesc {
  int fbconfig_id = 0;  // unique, > 0, ascending in derivation order
  int visual_id = 0;    // 0: no X visual (pbuffer-only config)
  int visual_depth = 0;
  int x_visual_type = 0;  // GLX_TRUE_COLOR, or GLX_NONE without a visual
  int buffer_size = 0;
  int level = 0;
  int doublebuffer = 0;
  int stereo = 0;
  int aux_buffers = 0;
  int red_size = 0, green_size = 0, blue_size = 0, alpha_size = 0;
  int depth_size = 0, stencil_size = 0;
  int accum_red_size = 0, accum_green_size = 0, accum_blue_size = 0, accum_alpha_size = 0;
  int render_type = 0;    // GLX_RGBA_BIT, GLX_RGBA_FLOAT_BIT_ARB or GLX_RGBA_UNSIGNED_FLOAT_BIT_EXT
  int drawable_type = 0;  // GLX_WINDOW_BIT | GLX_PIXMAP_BIT | GLX_PBUFFER_BIT, or GLX_PBUFFER_BIT only
  int x_renderable = 0;
  int config_caveat = 0;     // GLX_NONE, GLX_SLOW_CONFIG, GLX_NON_CONFORMANT_CONFIG (= GLX_VISUAL_CAVEAT_EXT)
  int transparent_type = 0;  // GLX_NONE
  int transparent_index_value = 0;
  int transparent_red_value = 0, transparent_green_value = 0, transparent_blue_value = 0,
      transparent_alpha_value = 0;
  int max_pbuffer_width = 0, max_pbuffer_height = 0, max_pbuffer_pixels = 0;
  int sample_buffers = 0;
  int samples = 0;  // also the sample count of the backing renderbuffers
  int srgb_capable = 0;
  int bind_to_texture_rgb = 0, bind_to_texture_rgba = 0, bind_to_mipmap_texture = 0;
  int bind_to_texture_targets = 0;
  int y_inverted = 0;
  int swap_method = 0;  // GLX_SWAP_UNDEFINED_OML
  int visual_select_group = 0;
  int screen = 0;

  // Backing of a drawable with this config.
  GLenum color_format = 0;  // GL_RGB8, GL_RGBA8, GL_RGB10_A2, GL_RGB565, GL_SRGB8_ALPHA8, GL_RGBA16F...
  GLenum depth_stencil_format = 0;  // 0, GL_DEPTH_COMPONENT16/24/32, GL_DEPTH24_STENCIL8, GL_STENCIL_INDEX8
  int egl_config_id = 0;            // the device config it was derived from
};

// Float configs to add (GLX_ARB_fbconfig_float: RGBA16F and RGBA32F; GLX_EXT_fbconfig_packed_float:
// R11F_G11F_B10F). Drawables are FBOs over textures, so they need float textures the device can render
// to, not float EGL configs (Mesa's software device has none); the caller says which work.
struct FloatConfigs {
  bool rgba_float = false;
  bool unsigned_float = false;
};

// Pure and deterministic: the same inputs give the same configs, order and IDs. Visuals are offered in
// the given order (put the screen's default visual first); only TrueColor visuals are used, and only one
// per (depth, masks) class. Device configs no visual can show become pbuffer-only configs. The device's
// own float configs are ignored; the float configs asked for come last, pbuffer-only (the extensions
// allow float rendering to pbuffers only), one per format x depth/stencil/samples of the device's
// fixed-point configs x {single, double}, so the fixed-point configs keep their IDs and order.
std::vector<FBConfigDesc> derive_fbconfigs(const std::vector<EglConfigTraits>& egl_configs,
                                           const std::vector<VisualTraits>& visuals, int screen = 0,
                                           FloatConfigs floats = {});

// glXGetFBConfigAttrib: Success, or GLX_BAD_ATTRIBUTE (value untouched).
int get_fbconfig_attrib(const FBConfigDesc& config, int attribute, int* value);

// glXGetConfig: also answers GLX_USE_GL and GLX_RGBA; Success or GLX_BAD_ATTRIBUTE.
int get_visual_config_attrib(const FBConfigDesc& config, int attribute, int* value);

// The config glXGetConfig should describe for a visual the app found itself (not through GLX): the
// richest double-buffered config on that visual, or on an equivalent one (same depth and masks).
// nullptr when the visual cannot be rendered to.
const FBConfigDesc* config_for_visual(const std::vector<FBConfigDesc>& configs, const VisualTraits& visual);

const FBConfigDesc* find_fbconfig(const std::vector<FBConfigDesc>& configs, int fbconfig_id);

}  // namespace eglrun::glx
