// Times presenting frames through WindowPresenter: run it once plain and once with EGLRUN_NO_SHM=1.
// usage: present_bench [width height frames]   (DISPLAY from the environment)
#include <X11/Xlib.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

#include "present/window_presenter.hpp"

int main(int argc, char** argv) {
  const int width = argc > 2 ? std::atoi(argv[1]) : 1920, height = argc > 2 ? std::atoi(argv[2]) : 1080;
  const int frames = argc > 3 ? std::atoi(argv[3]) : 100;
  Display* display = XOpenDisplay(nullptr);
  if (display == nullptr) return 1;
  Window window = XCreateSimpleWindow(display, DefaultRootWindow(display), 0, 0, width, height, 0, 0, 0);
  XMapWindow(display, window);
  XSync(display, False);

  std::string error;
  auto presenter = eglrun::present::WindowPresenter::create(DisplayString(display), window, &error);
  if (!presenter) {
    std::fprintf(stderr, "%s\n", error.c_str());
    return 1;
  }
  using clock = std::chrono::steady_clock;
  clock::duration in_present{}, total{};
  for (int i = 0; i < frames + 5; ++i) {
    const auto start = clock::now();
    eglrun::present::Image image = presenter->acquire(width, height);
    std::memset(image.pixels, i * 7, static_cast<size_t>(image.stride) * image.height);
    const auto filled = clock::now();
    if (presenter->present(image) != eglrun::present::PresentStatus::Ok) return 1;
    if (i >= 5) {  // the first frames pay for page faults and allocation
      in_present += clock::now() - filled;
      total += clock::now() - start;
    }
  }
  const auto before_finish = clock::now();
  presenter->finish();
  total += clock::now() - before_finish;
  auto ms = [&](clock::duration d) { return std::chrono::duration<double, std::milli>(d).count() / frames; };
  std::printf("%dx%d via %s: present() %.3f ms/frame, acquire+fill+present %.3f ms/frame (%d frames)\n",
              width, height, presenter->uses_shm() ? "MIT-SHM" : "PutImage", ms(in_present), ms(total),
              frames);
  presenter.reset();
  XCloseDisplay(display);
  return 0;
}
