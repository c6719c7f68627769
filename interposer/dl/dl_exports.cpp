// The exported dlsym: an assembly stub that asks eglrun_dlsym_hook first and otherwise tail-jumps to
// libc's dlsym, so libc still sees the application's return address (RTLD_NEXT, and RTLD_DEFAULT from
// a library with its own scope, depend on the caller). The table of eglrun's functions is built from
// the same lists as the exports.
#define GLX_GLXEXT_PROTOTYPES 1
#define GL_GLEXT_PROTOTYPES 1
#include <GL/gl.h>
#include <GL/glext.h>
#include <GL/glx.h>
#include <GL/glxext.h>
#include <dlfcn.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <string_view>

#include "config/settings.hpp"
#include "dl/redirect.hpp"
#include "entry.hpp"
#include "export.hpp"
#include "symbols/real.hpp"

namespace {

struct ExportEntry {
  std::string_view name;
  void* address;
};

const auto& sorted_exports() {
  static const auto table = [] {
    std::array t{
#define GLX_ENTRYPOINT(name) ExportEntry{#name, reinterpret_cast<void*>(&::name)},
#define GL_ENTRYPOINT(name) ExportEntry{#name, reinterpret_cast<void*>(&::name)},
#include "symbols/gl_entrypoints.inc"
#include "symbols/glx_entrypoints.inc"
#undef GLX_ENTRYPOINT
#undef GL_ENTRYPOINT
    };
    std::sort(t.begin(), t.end(), [](const ExportEntry& a, const ExportEntry& b) { return a.name < b.name; });
    return t;
  }();
  return table;
}

void* our_export(const char* name) {
  std::string_view n(name);
  const auto& t = sorted_exports();
  auto it = std::lower_bound(t.begin(), t.end(), n,
                             [](const ExportEntry& e, std::string_view v) { return e.name < v; });
  return it != t.end() && it->name == n ? it->address : nullptr;
}

// For libraries bound with RTLD_DEEPBIND, dlsym itself needs redirecting too: their own reference
// to it binds to libc's before eglrun's.
void* patch_target(const char* name) {
  if (std::strcmp(name, "dlsym") == 0) return reinterpret_cast<void*>(&::dlsym);
  return our_export(name);
}

}  // namespace

// Read by the stub; hidden so the stub reaches it without the GOT.
extern "C" {
__attribute__((visibility("hidden"))) void* eglrun_real_dlsym = nullptr;
}

// Non-null: the stub returns it. Null: the stub jumps to eglrun_real_dlsym with the caller's frame.
namespace {
// Until this library's constructors have run, dlsym callers are runtimes still starting up (ASan's
// interceptors resolve their real functions with dlsym before anything else works, malloc included):
// they get libc's dlsym untouched, with no allocation and no locking on the way.
// A plain flag read with a builtin: library code (std::atomic's out-of-line members) is instrumented,
// and the sanitizer's shadow memory may not exist yet.
bool library_ready = false;
__attribute__((constructor)) void mark_library_ready() {
  __atomic_store_n(&library_ready, true, __ATOMIC_RELEASE);
}
}  // namespace

namespace {
void* decide(void* handle, const char* name, const void* caller) noexcept {
  auto real = []() -> void* { return nullptr; };
  return eglrun::entry::wrap("dlsym", real, [&]() -> void* {
    if (!eglrun::config::settings().intercept_dlopen) return nullptr;
    eglrun::dl::patch_new_objects(patch_target);
    return eglrun::dl::redirect_dlsym(handle, name, caller, our_export);
  });
}
}  // namespace

// Not instrumented by sanitizers: ASan calls dlsym while it initialises, before its own checks work.
extern "C" __attribute__((visibility("hidden"), no_sanitize("address", "undefined", "thread"))) void*
eglrun_dlsym_hook(void* handle, const char* name, const void* caller) noexcept {
  if (eglrun_real_dlsym == nullptr) {
    // Plain dlvsym, no call_once: this can run before anything in the process is initialised.
    // Threads racing here store the same value.
    void* p = dlvsym(RTLD_NEXT, "dlsym", "GLIBC_2.34");
    eglrun_real_dlsym = p != nullptr ? p : dlvsym(RTLD_NEXT, "dlsym", "GLIBC_2.2.5");
  }
  if (!__atomic_load_n(&library_ready, __ATOMIC_ACQUIRE)) return nullptr;
  return decide(handle, name, caller);
}

#if defined(__x86_64__)
// rdi = handle, rsi = name; the return address at (%rsp) is the caller.
asm(R"(
  .text
  .globl dlsym
  .type dlsym, @function
  .p2align 4
dlsym:
  .cfi_startproc
  pushq %rdi
  .cfi_adjust_cfa_offset 8
  pushq %rsi
  .cfi_adjust_cfa_offset 8
  movq 16(%rsp), %rdx
  subq $8, %rsp
  .cfi_adjust_cfa_offset 8
  call eglrun_dlsym_hook
  addq $8, %rsp
  .cfi_adjust_cfa_offset -8
  popq %rsi
  .cfi_adjust_cfa_offset -8
  popq %rdi
  .cfi_adjust_cfa_offset -8
  testq %rax, %rax
  jnz 1f
  jmpq *eglrun_real_dlsym(%rip)
1:
  ret
  .cfi_endproc
  .size dlsym, .-dlsym
)");
#elif defined(__aarch64__)
// x0 = handle, x1 = name, x30 = the caller.
asm(R"(
  .text
  .globl dlsym
  .type dlsym, %function
  .p2align 4
dlsym:
  .cfi_startproc
  stp x29, x30, [sp, #-32]!
  .cfi_def_cfa_offset 32
  .cfi_offset 29, -32
  .cfi_offset 30, -24
  mov x29, sp
  stp x0, x1, [sp, #16]
  mov x2, x30
  bl eglrun_dlsym_hook
  mov x9, x0
  ldp x0, x1, [sp, #16]
  ldp x29, x30, [sp], #32
  .cfi_def_cfa_offset 0
  cbz x9, 1f
  mov x0, x9
  ret
1:
  adrp x9, eglrun_real_dlsym
  ldr x9, [x9, #:lo12:eglrun_real_dlsym]
  br x9
  .cfi_endproc
  .size dlsym, .-dlsym
)");
#else
// Without a stub, libc sees eglrun as the caller: RTLD_NEXT lookups start after eglrun.
EGLRUN_EXPORT void* dlsym(void* handle, const char* name) {
  if (void* p = eglrun_dlsym_hook(handle, name, __builtin_return_address(0))) return p;
  return reinterpret_cast<decltype(&dlsym)>(eglrun_real_dlsym)(handle, name);
}
#endif
