// The GL side of a window's presenter thread: its own EGL context (config-less, surfaceless, sharing
// nothing with the application's contexts) that imports the drawable's swap-chain images and reads
// finished frames straight into the window's X image. Used by that thread alone.
#pragma once

#include <EGL/egl.h>

#include <cstdint>
#include <memory>
#include <vector>

namespace eglrun::drawable {
struct SwapImage;
}

namespace eglrun::present {

class ReadbackWorker {
 public:
  explicit ReadbackWorker(EGLDisplay display) : display_(display) {}
  // Deletes its GL objects and context; on the thread that used it.
  ~ReadbackWorker();
  ReadbackWorker(const ReadbackWorker&) = delete;
  ReadbackWorker& operator=(const ReadbackWorker&) = delete;

  // Reads `image` (rows stored top-down, as eglrun's flipped framebuffers render them) into `dst`
  // as BGRA, `stride` bytes per row, top row first. The image must be finished (its fence waited).
  // False when the context cannot be made.
  // bottom_up: the rows were rendered without GL_MESA_framebuffer_flip_y (GL_MESA_pack_invert).
  bool read(const std::shared_ptr<drawable::SwapImage>& image, uint8_t* dst, int stride, bool bottom_up);

 private:
  struct View {
    std::weak_ptr<drawable::SwapImage> image;
    uint64_t id = 0;
    unsigned fbo = 0, rb = 0;
    bool read_rgba = false;  // present::read_as_rgba() of the image's channel sizes
  };
  bool make_current();
  void drop(View& v);

  EGLDisplay display_;
  void* context_ = nullptr;  // EGLContext
  bool failed_ = false;
  bool inverted_ = false;
  std::vector<View> views_;
};

}  // namespace eglrun::present
