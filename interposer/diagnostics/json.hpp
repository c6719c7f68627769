// Just enough JSON output for --list --json and --doctor --json (no parser: eglrun only writes JSON).
#pragma once

#include <string>
#include <string_view>

namespace eglrun::diagnostics {

// A JSON string literal, quotes included, with control characters and non-ASCII bytes kept valid.
std::string json_string(std::string_view text);

}  // namespace eglrun::diagnostics
