// libFuzzer harness: glXChooseFBConfig / glXChooseVisual attribute lists (parse_attrib_list).
// Any list must parse to Success, GLX_BAD_ATTRIBUTE or GLX_BAD_VALUE without reading past its end.
#include <GL/glx.h>

#include <cstdlib>

#include "fuzz_common.hpp"
#include "glx/attrib_list.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const auto style =
      (data[0] & 1) ? eglrun::glx::AttribListStyle::Visual : eglrun::glx::AttribListStyle::FBConfig;
  std::vector<int> list = eglrun::fuzz::as_ints(data + 1, size - 1);
  // The C API cannot know a list's end: a list shorter than the parser's cap gets a None (twice, so a
  // dangling attribute has a value too); a longer one is left unterminated, and the parser must stop at
  // its cap without reading past the buffer (ASan sees the vector's exact end).
  if (list.size() < static_cast<size_t>(2 * eglrun::glx::kMaxAttribPairs + 2))
    list.insert(list.end(), {0, 0});
  std::vector<eglrun::glx::AttribEntry> out;
  std::string error;
  int r = eglrun::glx::parse_attrib_list(list.data(), style, &out, &error);
  if (r != Success && r != GLX_BAD_ATTRIBUTE && r != GLX_BAD_VALUE) std::abort();
  if (r != Success && error.empty()) std::abort();  // every refusal says why
  if (out.size() > static_cast<size_t>(2 * eglrun::glx::kMaxAttribPairs)) std::abort();
  return 0;
}
