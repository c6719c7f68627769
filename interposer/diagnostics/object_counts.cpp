#include "diagnostics/object_counts.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <array>
#include <atomic>
#include <cstdlib>
#include <cstring>

namespace eglrun::diagnostics {
namespace {

constexpr size_t kObjects = static_cast<size_t>(Object::kCount);

struct Counters {
  std::atomic<uint64_t> created{0}, released{0};
};
// Plain static storage with constant initialisation: usable from any constructor or destructor.
std::array<Counters, kObjects> g_counters;

bool report_requested() {
  const char* v = std::getenv("EGLRUN_OBJECT_REPORT");
  return v != nullptr && v[0] != '\0' && std::strcmp(v, "0") != 0;
}

// At exit, after the application's atexit handlers: what it did not destroy shows as live.
__attribute__((destructor)) void report_at_exit() {
  if (report_requested()) print_object_report();
}

}  // namespace

void count_created(Object o, uint64_t n) { g_counters[static_cast<size_t>(o)].created.fetch_add(n); }
void count_released(Object o, uint64_t n) { g_counters[static_cast<size_t>(o)].released.fetch_add(n); }

ObjectCount object_count(Object o) {
  const auto& c = g_counters[static_cast<size_t>(o)];
  return {c.created.load(), c.released.load()};
}

const char* object_name(Object o) {
  switch (o) {
    case Object::EglContext:
      return "egl_contexts";
    case Object::EglImage:
      return "egl_images";
    case Object::GlTexture:
      return "gl_textures";
    case Object::GlFramebuffer:
      return "gl_framebuffers";
    case Object::GlRenderbuffer:
      return "gl_renderbuffers";
    case Object::GlPixelBuffer:
      return "gl_pixel_buffers";
    case Object::ShmSegment:
      return "shm_segments";
    case Object::Presenter:
      return "presenters";
    case Object::PresenterThread:
      return "presenter_threads";
    case Object::kCount:
      break;
  }
  return "?";
}

std::string object_report() {
  std::string line = "eglrun objects (created/released):";
  std::string live;
  for (size_t i = 0; i < kObjects; ++i) {
    const auto o = static_cast<Object>(i);
    const ObjectCount c = object_count(o);
    line += fmt::format(" {} {}/{}", object_name(o), c.created, c.released);
    if (c.created != c.released)
      live += fmt::format(" {}={}", object_name(o), static_cast<int64_t>(c.live()));
  }
  line += live.empty() ? " all released" : " LIVE:" + live;
  return line;
}

void print_object_report() {
  // Straight to fd 2 in one write: this runs in library destructors, where stdio and the logger may
  // already be gone, and the line must not interleave with other threads' output.
  std::string line = "[eglrun] " + object_report() + "\n";
  ssize_t ignored = ::write(STDERR_FILENO, line.data(), line.size());
  (void)ignored;
}

}  // namespace eglrun::diagnostics
