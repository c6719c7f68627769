// libFuzzer harness: glXCreateContextAttribsARB attribute lists (parse_context_attribs).
#include <cstdlib>

#include "fuzz_common.hpp"
#include "glx/context_attribs.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const bool es_allowed = data[0] & 1;
  std::vector<int> list = eglrun::fuzz::as_ints(data + 1, size - 1);
  // Terminated (twice, so a dangling attribute has a value): the C API cannot know a list's end.
  list.insert(list.end(), {0, 0});
  eglrun::glx::ContextAttribs out;
  auto err = eglrun::glx::parse_context_attribs(list.data(), es_allowed, &out);
  if (err.kind != eglrun::glx::ContextAttribsError::kNone && err.message.empty()) std::abort();
  if (err.kind == eglrun::glx::ContextAttribsError::kNone) {
    // An accepted request is one EGL can be asked for.
    if (out.request.major < 1 || out.request.minor < 0) std::abort();
    if (out.request.es_profile && !es_allowed) std::abort();
  }
  return 0;
}
