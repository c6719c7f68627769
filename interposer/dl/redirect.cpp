#include "dl/redirect.hpp"

#include <dlfcn.h>
#include <elf.h>
#include <link.h>
#include <sys/mman.h>
#include <unistd.h>

#include <cstdint>
#include <cstring>
#include <mutex>
#include <set>
#include <string>
#include <utility>

#include "log/log.hpp"

namespace eglrun::dl {

namespace {

std::string_view basename_of(std::string_view path) {
  auto slash = path.rfind('/');
  return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

bool is_glx_name(const char* name) { return std::strncmp(name, "glX", 3) == 0; }

}  // namespace

LibraryKind classify_library(std::string_view path) {
  auto base = basename_of(path);
  if (base.starts_with("libGL.so")) return LibraryKind::kGL;
  if (base.starts_with("libGLX.so")) return LibraryKind::kGLX;
  if (base.starts_with("libOpenGL.so")) return LibraryKind::kOpenGL;
  return LibraryKind::kOther;
}

bool is_gl_stack_library(std::string_view path) {
  auto base = basename_of(path);
  static constexpr std::string_view prefixes[] = {"libGL.so",   "libGLX",    "libOpenGL.so", "libGLdispatch",
                                                  "libEGL",     "libGLES",   "libglapi",     "libgallium",
                                                  "libvulkan_", "libeglrun", "libdrm",       "libgbm"};
  for (auto p : prefixes)
    if (base.starts_with(p)) return true;
  return base.ends_with("_dri.so");
}

void* redirect_dlsym(void* handle, const char* name, const void* caller, ExportLookup lookup) {
  if (name == nullptr) return nullptr;
  void* ours = lookup(name);
  if (ours == nullptr) return nullptr;
  // libglvnd's and Mesa's own lookups keep their meaning.
  Dl_info info{};
  if (caller != nullptr && dladdr(caller, &info) != 0 && info.dli_fname != nullptr &&
      is_gl_stack_library(info.dli_fname))
    return nullptr;
  // The global scope already finds eglrun first (it is preloaded); a caller loaded with
  // RTLD_DEEPBIND, or asking for the definition after its own, would find libGL's.
  if (handle == RTLD_DEFAULT || handle == RTLD_NEXT) return ours;
  link_map* map = nullptr;
  if (dlinfo(handle, RTLD_DI_LINKMAP, &map) != 0 || map == nullptr || map->l_name == nullptr) return nullptr;
  switch (classify_library(map->l_name)) {
    case LibraryKind::kGL:
      return ours;
    case LibraryKind::kGLX:
      return is_glx_name(name) ? ours : nullptr;
    case LibraryKind::kOpenGL:
      return is_glx_name(name) ? nullptr : ours;
    case LibraryKind::kOther:
      return nullptr;
  }
  return nullptr;
}

namespace {

#if defined(__x86_64__)
constexpr unsigned kJumpSlot = R_X86_64_JUMP_SLOT, kGlobDat = R_X86_64_GLOB_DAT, kAbs = R_X86_64_64;
#elif defined(__aarch64__)
constexpr unsigned kJumpSlot = R_AARCH64_JUMP_SLOT, kGlobDat = R_AARCH64_GLOB_DAT, kAbs = R_AARCH64_ABS64;
#else
constexpr unsigned kJumpSlot = ~0u, kGlobDat = ~0u, kAbs = ~0u;  // no patching on other targets
#endif

struct ObjectPatch {
  ExportLookup lookup;
  ElfW(Addr) base = 0;
  const ElfW(Sym) * symtab = nullptr;
  const char* strtab = nullptr;
  uintptr_t relro_begin = 0, relro_end = 0;
  std::size_t changed = 0;

  // glibc stores relocated addresses in the dynamic section of objects it loaded; the vDSO and
  // some other loaders leave them relative.
  template <typename T>
  T* at(ElfW(Addr) value) const {
    return reinterpret_cast<T*>(value < base ? value + base : value);
  }

  void write_slot(uintptr_t slot, uintptr_t value) {
    auto* p = reinterpret_cast<uintptr_t*>(slot);
    if (*p == value) return;
    const bool relro = slot >= relro_begin && slot < relro_end;
    const uintptr_t page = slot & ~(static_cast<uintptr_t>(sysconf(_SC_PAGESIZE)) - 1);
    const std::size_t len = slot + sizeof(uintptr_t) - page;
    if (relro && mprotect(reinterpret_cast<void*>(page), len, PROT_READ | PROT_WRITE) != 0) {
      log::warn("cannot unprotect a GOT page to redirect a GL reference");
      return;
    }
    *p = value;
    if (relro) mprotect(reinterpret_cast<void*>(page), len, PROT_READ);
    ++changed;
  }

  void apply(const ElfW(Rela) * rel, std::size_t count) {
    for (std::size_t i = 0; i < count; ++i) {
      const unsigned type = ELF64_R_TYPE(rel[i].r_info);
      if (type != kJumpSlot && type != kGlobDat && type != kAbs) continue;
      const auto& sym = symtab[ELF64_R_SYM(rel[i].r_info)];
      if (sym.st_shndx != SHN_UNDEF || sym.st_name == 0) continue;  // the object's own definition
      void* ours = lookup(strtab + sym.st_name);
      if (ours == nullptr) continue;
      auto value = reinterpret_cast<uintptr_t>(ours);
      if (type == kAbs) value += static_cast<uintptr_t>(rel[i].r_addend);
      write_slot(base + rel[i].r_offset, value);
    }
  }

  void run(const dl_phdr_info* info) {
    const ElfW(Dyn)* dyn = nullptr;
    for (int i = 0; i < info->dlpi_phnum; ++i) {
      const auto& ph = info->dlpi_phdr[i];
      if (ph.p_type == PT_DYNAMIC) dyn = reinterpret_cast<const ElfW(Dyn)*>(base + ph.p_vaddr);
      if (ph.p_type == PT_GNU_RELRO) {
        relro_begin = base + ph.p_vaddr;
        relro_end = relro_begin + ph.p_memsz;
      }
    }
    if (dyn == nullptr) return;
    const ElfW(Rela)* jmprel = nullptr, *rela = nullptr;
    std::size_t jmprel_size = 0, rela_size = 0;
    bool plt_is_rela = true;
    for (; dyn->d_tag != DT_NULL; ++dyn) {
      switch (dyn->d_tag) {
        case DT_SYMTAB:
          symtab = at<const ElfW(Sym)>(dyn->d_un.d_ptr);
          break;
        case DT_STRTAB:
          strtab = at<const char>(dyn->d_un.d_ptr);
          break;
        case DT_JMPREL:
          jmprel = at<const ElfW(Rela)>(dyn->d_un.d_ptr);
          break;
        case DT_PLTRELSZ:
          jmprel_size = dyn->d_un.d_val;
          break;
        case DT_PLTREL:
          plt_is_rela = dyn->d_un.d_val == DT_RELA;
          break;
        case DT_RELA:
          rela = at<const ElfW(Rela)>(dyn->d_un.d_ptr);
          break;
        case DT_RELASZ:
          rela_size = dyn->d_un.d_val;
          break;
        default:
          break;
      }
    }
    if (symtab == nullptr || strtab == nullptr) return;
    if (jmprel != nullptr && plt_is_rela) apply(jmprel, jmprel_size / sizeof(ElfW(Rela)));
    if (rela != nullptr) apply(rela, rela_size / sizeof(ElfW(Rela)));
  }
};

struct ScanState {
  std::mutex mutex;
  unsigned long long adds = 0, subs = 0;
  bool scanned = false;
  std::set<std::pair<ElfW(Addr), std::string>> seen;  // objects already patched
};

ScanState& scan_state() {
  static ScanState* s = new ScanState;  // never destroyed: dlsym can run during exit
  return *s;
}

struct ScanContext {
  ScanState* state;
  ExportLookup lookup;
  bool counters_only;
  unsigned long long adds = 0, subs = 0;
  std::size_t changed = 0;
};

int scan_one(dl_phdr_info* info, size_t size, void* data) {
  auto* ctx = static_cast<ScanContext*>(data);
  if (size < offsetof(dl_phdr_info, dlpi_subs) + sizeof(info->dlpi_subs)) return 1;
  if (ctx->counters_only) {
    ctx->adds = info->dlpi_adds;
    ctx->subs = info->dlpi_subs;
    return 1;  // the counters are the same for every object: one is enough
  }
  const char* name = info->dlpi_name != nullptr ? info->dlpi_name : "";
  // The executable (empty name) and the vDSO bind through the global scope, eglrun first.
  if (name[0] == '\0' || std::strstr(name, "linux-vdso") != nullptr || is_gl_stack_library(name)) return 0;
  if (!ctx->state->seen.emplace(info->dlpi_addr, name).second) return 0;
  ObjectPatch patch{ctx->lookup};
  patch.base = info->dlpi_addr;
  patch.run(info);
  if (patch.changed > 0) log::debug("{}: {} GL/GLX references redirected to eglrun", name, patch.changed);
  ctx->changed += patch.changed;
  return 0;
}

}  // namespace

std::size_t patch_new_objects(ExportLookup lookup) {
  auto& state = scan_state();
  std::lock_guard lock(state.mutex);
  ScanContext probe{&state, lookup, true};
  dl_iterate_phdr(scan_one, &probe);
  if (state.scanned && probe.adds == state.adds && probe.subs == state.subs) return 0;
  // An unloaded library's address can come back with another one (or the same one, fresh).
  if (probe.subs != state.subs) state.seen.clear();
  ScanContext ctx{&state, lookup, false};
  dl_iterate_phdr(scan_one, &ctx);
  state.adds = probe.adds;
  state.subs = probe.subs;
  state.scanned = true;
  return ctx.changed;
}

}  // namespace eglrun::dl
