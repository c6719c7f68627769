// glXCopyContext: EGL cannot copy state between contexts, but eglrun owns both, so the state of
// glPushAttrib's groups is read from the source with glGet* and set in the destination with GL calls.
// One table entry per state item (glGet -> set), so the copied state can be reviewed item by item.
#pragma once

#include <GL/gl.h>

#include <functional>
#include <string>
#include <unordered_map>
#include <vector>

namespace eglrun::glx::copy {

// What a context offers: items it lacks are neither read nor set.
struct Api {
  int version = 0;              // major * 10 + minor
  bool legacy = false;          // compatibility profile: the fixed-function state exists
  int lights = 0;               // GL_MAX_LIGHTS
  int clip_planes = 0;          // GL_MAX_CLIP_PLANES (GL_MAX_CLIP_DISTANCES in core)
  int texture_units = 0;        // fixed-function units (GL_MAX_TEXTURE_UNITS): env, texgen, enables
  int texture_coords = 0;       // GL_MAX_TEXTURE_COORDS: current texture coordinates
  int image_units = 0;          // GL_MAX_COMBINED_TEXTURE_IMAGE_UNITS: texture bindings
  bool shares_objects = false;  // with the other context: texture names mean the same textures
};

// The calling thread's current context's Api; `legacy` as the context was requested.
Api query_current_api(bool legacy);

// Eye-space items are set under an identity modelview matrix (glGet returns them in eye space);
// last ones are set after every other item (see apply()).
enum class Phase { kNormal, kEyeSpace, kLast };

using Values = std::vector<double>;

struct Item {
  std::string name;       // unique: "GL_LIGHT1 GL_DIFFUSE", "unit 2 GL_TEXTURE_BINDING_2D"
  GLbitfield groups = 0;  // the glPushAttrib bits that include it
  int min_version = 10;
  bool legacy = false;
  int unit = -1;  // texture unit made active around get and set, or -1
  Phase phase = Phase::kNormal;
  std::function<Values()> get;
  std::function<void(const Values&)> set;
};

// Every item a context offering `api` has. Pure: builds the table, calls no GL.
std::vector<Item> items(const Api& api);

// Values by item name.
using Snapshot = std::unordered_map<std::string, Values>;

// Reads the items of `mask` from the current context, restoring what reading changes.
Snapshot capture(const Api& api, GLbitfield mask, bool has_pack_invert);
// Sets the captured items of `mask` that the current context has; returns how many were set.
int apply(const Api& api, GLbitfield mask, const Snapshot& snapshot);

}  // namespace eglrun::glx::copy
