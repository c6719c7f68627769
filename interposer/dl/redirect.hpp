// Run-time loading: which dlsym lookups get eglrun's functions, and patching the GOTs of libraries
// that bypass the global scope (RTLD_DEEPBIND). See docs/runtime-loading.md.
#pragma once

#include <cstddef>
#include <string_view>

namespace eglrun::dl {

// eglrun's export for `name` (a GLX function or an intercepted GL function), or null.
using ExportLookup = void* (*)(const char* name);

// What a loaded library is, from its file name.
enum class LibraryKind {
  kOther,
  kGL,      // libGL.so*: GLX and GL
  kGLX,     // libGLX.so*: GLX only
  kOpenGL,  // libOpenGL.so*: GL only
};
LibraryKind classify_library(std::string_view path);

// Libraries of the GL stack itself (libglvnd, Mesa's EGL/GLX/GL and drivers, eglrun): their own
// lookups and references are never redirected.
bool is_gl_stack_library(std::string_view path);

// The decision for one dlsym(handle, name) made outside eglrun: eglrun's function, or null to let
// the real dlsym answer. `caller` is the return address of the dlsym call.
void* redirect_dlsym(void* handle, const char* name, const void* caller, ExportLookup lookup);

// Points the GOT entries of libraries loaded since the last call at eglrun's functions, for every
// undefined reference to a name `lookup` knows (eglrun's exports, and dlsym). Only a library loaded with
// RTLD_DEEPBIND (or into another namespace) can have bound them elsewhere; for all others the write changes
// nothing. Returns the number of entries changed. Cheap when nothing was loaded.
std::size_t patch_new_objects(ExportLookup lookup);

}  // namespace eglrun::dl
