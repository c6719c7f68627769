// Helpers shared by the libFuzzer harnesses: turn raw bytes into the int lists GLX takes.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <vector>

namespace eglrun::fuzz {

// The input as native ints. Terminated by 0 (None) only if the bytes say so: an unterminated list
// is exactly what the parsers' bound exists for. A guard page would be better, but the vector's
// exact size lets ASan catch any read past the end.
inline std::vector<int> as_ints(const uint8_t* data, size_t size) {
  std::vector<int> v(size / sizeof(int));
  if (!v.empty()) std::memcpy(v.data(), data, v.size() * sizeof(int));
  return v;
}

}  // namespace eglrun::fuzz
