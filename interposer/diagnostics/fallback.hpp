// The software-fallback check the interposer runs once per process, at its first make-current.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "diagnostics/system_facts.hpp"

namespace eglrun::diagnostics {

// llvmpipe, softpipe, swrast, "Software Rasterizer", SwiftShader (case-insensitive).
bool is_software_renderer(std::string_view gl_renderer);

// Called once by the interposer after its first make-current, with GL_RENDERER. Prints (via log::warn)
// ONE warning naming the likely causes found on this machine and their fixes, unless settings().quiet
// or the user explicitly chose a device by name. Returns false when settings().require_gpu and the
// renderer is software (the caller then refuses the context), after logging the refusal.
bool check_renderer_at_first_make_current(std::string_view gl_renderer);

// The text of that warning / refusal (pure, for tests and for the launcher's native mode).
std::string fallback_warning_text(std::string_view gl_renderer, const std::vector<Cause>& causes);
std::string require_gpu_refusal_text(std::string_view gl_renderer, const std::vector<Cause>& causes);

}  // namespace eglrun::diagnostics
