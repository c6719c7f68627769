#include "glx/fbconfig_choose.hpp"

#include <GL/glx.h>
#include <GL/glxext.h>

#include <algorithm>
#include <array>

#include "glx/attrib_list.hpp"
#include "log/log.hpp"

namespace eglrun::glx {
namespace {

constexpr int kDontCare = static_cast<int>(GLX_DONT_CARE);

// The wanted value of every table attribute: the list's (last one wins), else the style's default.
class Request {
 public:
  Request(const std::vector<AttribEntry>& entries, AttribListStyle style) : style_(style) {
    auto table = attrib_table();
    wanted_.resize(table.size());
    for (size_t i = 0; i < table.size(); ++i)
      wanted_[i] = style == AttribListStyle::FBConfig ? table[i].fbconfig_default : table[i].visual_default;
    for (const auto& e : entries) wanted_[index(e.attribute)] = e.value;
  }
  int operator[](int token) const { return wanted_[index(token)]; }
  // Asked for a non-zero amount: the components the colour and accumulation sort rules count.
  bool requested(int token) const {
    // GLX_DONT_CARE is -1, so it is not "non-zero" here.
    return (*this)[token] > 0;
  }
  AttribListStyle style() const { return style_; }

 private:
  static size_t index(int token) {
    auto table = attrib_table();
    for (size_t i = 0; i < table.size(); ++i)
      if (table[i].token == token) return i;
    return 0;  // unreachable: tokens come from the table or parsed lists
  }
  AttribListStyle style_;
  std::vector<int> wanted_;
};

bool transparent_value_applies(int token, int transparent_type) {
  if (token == GLX_TRANSPARENT_INDEX_VALUE) return transparent_type == GLX_TRANSPARENT_INDEX;
  return transparent_type == GLX_TRANSPARENT_RGB;
}

bool matches(const FBConfigDesc& c, const Request& r) {
  const bool legacy = r.style() == AttribListStyle::Visual;
  if (legacy && c.visual_id == 0) return false;
  for (const auto& info : attrib_table()) {
    if (!info.field) continue;
    // A colour-index buffer size means nothing for the RGBA visuals glXChooseVisual returns.
    if (legacy && info.token == GLX_BUFFER_SIZE) continue;
    const int want = r[info.token];
    const int have = c.*info.field;
    if (want == kDontCare) continue;
    switch (info.criterion) {
      case Criterion::Exact:
        if (have != want) return false;
        break;
      case Criterion::Minimum:
        if (have < want) return false;
        break;
      case Criterion::Mask:
        if ((have & want) != want) return false;
        break;
      case Criterion::Transparent:
        if (transparent_value_applies(info.token, r[GLX_TRANSPARENT_TYPE]) && have != want) return false;
        break;
      case Criterion::Ignore:
        break;
    }
  }
  return true;
}

int caveat_rank(int caveat) {
  if (caveat == GLX_NONE) return 0;
  return caveat == GLX_SLOW_CONFIG ? 1 : 2;
}

int visual_type_rank(int type) {
  constexpr int order[] = {GLX_TRUE_COLOR,   GLX_DIRECT_COLOR, GLX_PSEUDO_COLOR,
                           GLX_STATIC_COLOR, GLX_GRAY_SCALE,   GLX_STATIC_GRAY};
  for (int i = 0; i < 6; ++i)
    if (order[i] == type) return i;
  return 6;  // GLX_NONE: no visual
}

struct ComponentSums {
  int requested = 0;    // bits of components asked for with a non-zero size
  int unrequested = 0;  // bits of the others
};

ComponentSums sums(const FBConfigDesc& c, const Request& r, std::array<int, 4> tokens) {
  ComponentSums s;
  for (int token : tokens) {
    const int bits = c.*(find_attrib_info(token)->field);
    (r.requested(token) ? s.requested : s.unrequested) += bits;
  }
  return s;
}

constexpr std::array<int, 4> kColour = {GLX_RED_SIZE, GLX_GREEN_SIZE, GLX_BLUE_SIZE, GLX_ALPHA_SIZE};
constexpr std::array<int, 4> kAccum = {GLX_ACCUM_RED_SIZE, GLX_ACCUM_GREEN_SIZE, GLX_ACCUM_BLUE_SIZE,
                                       GLX_ACCUM_ALPHA_SIZE};

// Depth: the largest when a depth buffer was asked for; none (the smallest) when 0 was, as the manual
// pages for both choosers say and Mesa does.
int depth_key(const FBConfigDesc& c, const Request& r) {
  return r.requested(GLX_DEPTH_SIZE) ? -c.depth_size : c.depth_size;
}

using SortKey = std::array<int, 13>;

// GLX 1.4 table 3.4 sort priorities; smaller keys sort first.
SortKey fbconfig_key(const FBConfigDesc& c, const Request& r) {
  return {caveat_rank(c.config_caveat),
          -sums(c, r, kColour).requested,
          c.buffer_size,
          c.doublebuffer,
          c.aux_buffers,
          c.sample_buffers,
          c.samples,
          depth_key(c, r),
          c.stencil_size,
          -sums(c, r, kAccum).requested,
          visual_type_rank(c.x_visual_type),
          0,
          0};
}

SortKey visual_key(const FBConfigDesc& c, const Request& r, int screen_depth_pref) {
  const auto colour = sums(c, r, kColour);
  const auto accum = sums(c, r, kAccum);
  return {c.visual_depth == screen_depth_pref ? 0 : 1,
          caveat_rank(c.config_caveat),
          -colour.requested,
          colour.unrequested,
          c.aux_buffers,
          c.sample_buffers,
          c.samples,
          depth_key(c, r),
          c.stencil_size,
          -accum.requested,
          accum.unrequested,
          visual_type_rank(c.x_visual_type),
          0};
}

template <typename KeyFn>
std::vector<const FBConfigDesc*> select_sorted(const std::vector<FBConfigDesc>& configs, const Request& r,
                                               KeyFn key) {
  std::vector<std::pair<SortKey, const FBConfigDesc*>> keyed;
  for (const auto& c : configs)
    if (matches(c, r)) keyed.emplace_back(key(c), &c);
  // Stable: configs equal in every sorted attribute keep the derivation (FBConfig ID) order.
  std::stable_sort(keyed.begin(), keyed.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<const FBConfigDesc*> out;
  out.reserve(keyed.size());
  for (const auto& [k, c] : keyed) out.push_back(c);
  return out;
}

void set_status(int* glx_error, int status) {
  if (glx_error) *glx_error = status;
}

}  // namespace

std::vector<const FBConfigDesc*> choose_fbconfigs(const std::vector<FBConfigDesc>& configs,
                                                  const int* attribs, std::string* error, int* glx_error) {
  set_status(glx_error, Success);
  std::vector<const FBConfigDesc*> out;
  if (!attribs) {
    for (const auto& c : configs) out.push_back(&c);
    return out;
  }
  std::vector<AttribEntry> entries;
  const int status = parse_attrib_list(attribs, AttribListStyle::FBConfig, &entries, error);
  if (status != Success) {
    set_status(glx_error, status);
    return out;
  }
  const Request r(entries, AttribListStyle::FBConfig);
  if (r[GLX_FBCONFIG_ID] != kDontCare) {
    if (const auto* c = find_fbconfig(configs, r[GLX_FBCONFIG_ID])) out.push_back(c);
    return out;
  }
  out = select_sorted(configs, r, [&](const FBConfigDesc& c) { return fbconfig_key(c, r); });
  log::debug("glXChooseFBConfig: {} of {} configs match", out.size(), configs.size());
  return out;
}

const FBConfigDesc* choose_visual_config(const std::vector<FBConfigDesc>& configs, int screen_depth_pref,
                                         const int* attribs, std::string* error, int* glx_error) {
  set_status(glx_error, Success);
  std::vector<AttribEntry> entries;
  const int status = parse_attrib_list(attribs, AttribListStyle::Visual, &entries, error);
  if (status != Success) {
    set_status(glx_error, status);
    return nullptr;
  }
  const bool rgba = std::any_of(entries.begin(), entries.end(),
                                [](const AttribEntry& e) { return e.attribute == GLX_RGBA && e.value != 0; });
  if (!rgba) log::debug("glXChooseVisual without GLX_RGBA: no colour-index visuals, choosing RGBA like Mesa");
  const Request r(entries, AttribListStyle::Visual);
  auto sorted =
      select_sorted(configs, r, [&](const FBConfigDesc& c) { return visual_key(c, r, screen_depth_pref); });
  log::debug("glXChooseVisual: {} of {} configs match", sorted.size(), configs.size());
  return sorted.empty() ? nullptr : sorted.front();
}

}  // namespace eglrun::glx
