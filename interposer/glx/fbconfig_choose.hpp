// glXChooseFBConfig and glXChooseVisual over the derived configs: selection and sorting.
#pragma once

#include <string>
#include <vector>

#include "glx/fbconfig.hpp"

namespace eglrun::glx {

// GLX 1.4 section 3.3.3: the matching configs, best first. A null list returns every config unsorted.
// With GLX_FBCONFIG_ID given (not GLX_DONT_CARE) only that config can match; the rest is ignored.
// On a malformed list: empty result, `error` says why, `glx_error` is GLX_BAD_ATTRIBUTE or GLX_BAD_VALUE
// (Success otherwise). No match is not an error.
std::vector<const FBConfigDesc*> choose_fbconfigs(const std::vector<FBConfigDesc>& configs,
                                                  const int* attribs, std::string* error,
                                                  int* glx_error = nullptr);

// glXChooseVisual (GLX 1.4 section 3.3.10 and its manual page): only configs with a window visual;
// boolean attributes match exactly (absent = False), sizes are minimums. Preference, in order: visuals
// of `screen_depth_pref` depth (so apps that never make a colormap get the default depth), caveat,
// largest requested colour components and smallest unrequested ones, fewest aux buffers, fewest
// samples, depth (none if 0 was asked, else largest), smallest stencil, accumulation like colour,
// TrueColor. Without GLX_RGBA an RGBA config is still chosen, as Mesa does: there is no colour-index.
const FBConfigDesc* choose_visual_config(const std::vector<FBConfigDesc>& configs, int screen_depth_pref,
                                         const int* attribs, std::string* error, int* glx_error = nullptr);

}  // namespace eglrun::glx
