// Helpers shared by the GLX implementation files.
#pragma once

#include <X11/Xutil.h>

#include "glx/context.hpp"
#include "glx/fbconfig.hpp"

namespace eglrun::glx {

// The config behind a visual: the one GLX last returned it for, else the richest on it.
const FBConfigDesc* config_of_visual(Display* dpy, const XVisualInfo* vis);

// Makes `ctx` current surfaceless in this thread just long enough to delete its framebuffers for
// drawables that are gone (all of them with `all`), then restores what was current.
void sweep_framebuffers(Context& ctx, bool all);

// Destroys a context that is current nowhere.
void destroy_now(Context* ctx);

// Whether GLX_EXT_create_context_es(2)_profile is offered.
bool es_profiles_supported();

}  // namespace eglrun::glx
