// Presents known frames through WindowPresenter into a window owned by another connection (the
// "application"), then reads the window back with XGetImage and compares every pixel. Starts no X
// server: run_present_case.sh starts Xvfb and picks the cases for each configuration.
//
// Environment read here:
//   DISPLAY                    the server to use
//   EGLRUN_TEST_EXPECT_SHM     1 or 0: whether the presenter must (not) be using MIT-SHM
//   EGLRUN_TEST_XVFB_PID       the server's pid, for ServerDeath.*, which kills it
// gtest before Xlib: Xlib #defines None, Bool and Status, which gtest's headers use as names.
#include <gtest/gtest.h>
// (keep)
#include <X11/Xlib.h>
#include <X11/Xutil.h>
#include <signal.h>
#include <sys/shm.h>
#include <unistd.h>

#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "present/window_presenter.hpp"

namespace eglrun::present {
namespace {

// Every error the "application's" Xlib error handler receives.
std::vector<std::string> app_errors;

int record_error(Display* display, XErrorEvent* event) {
  char text[128];
  XGetErrorText(display, event->error_code, text, sizeof text);
  app_errors.push_back(std::string(text) + " request " + std::to_string(event->request_code));
  return 0;
}

// A gradient that differs per frame (seed), with 16x16 corners of distinct colours so a flip, an
// offset or a lost row shows.
uint32_t pattern(int x, int y, int w, int h, int seed) {
  constexpr int corner = 16;
  const bool left = x < corner, right = x >= w - corner, top = y < corner, bottom = y >= h - corner;
  if (top && left) return 0xff0000;
  if (top && right) return 0x00ff00;
  if (bottom && left) return 0x0000ff;
  if (bottom && right) return 0xffffff;
  const uint32_t r = static_cast<uint32_t>(x * 255 / (w > 1 ? w - 1 : 1));
  const uint32_t g = static_cast<uint32_t>(y * 255 / (h > 1 ? h - 1 : 1));
  const uint32_t b = static_cast<uint32_t>((x ^ y ^ (seed * 37)) & 0xff);
  return r << 16 | g << 8 | b;
}

// Fills in the server's byte order, which these tests require to be the host's (LSBFirst on x86).
void fill(const Image& image, int seed, uint32_t alpha) {
  for (int y = 0; y < image.height; ++y) {
    auto* row = reinterpret_cast<uint32_t*>(image.pixels + static_cast<size_t>(y) * image.stride);
    for (int x = 0; x < image.width; ++x) row[x] = pattern(x, y, image.width, image.height, seed) | alpha;
  }
}

class AppWindow {
 public:
  // depth 0: the default visual.
  AppWindow(Display* display, int width, int height, int depth = 0) : display_(display) {
    const int screen = DefaultScreen(display);
    XSetWindowAttributes attributes{};
    unsigned long mask = CWEventMask;
    attributes.event_mask = StructureNotifyMask;
    Visual* visual = DefaultVisual(display, screen);
    int window_depth = DefaultDepth(display, screen);
    if (depth != 0 && depth != window_depth) {
      XVisualInfo info;
      if (!XMatchVisualInfo(display, screen, depth, TrueColor, &info)) return;
      visual = info.visual;
      window_depth = depth;
      colormap_ = XCreateColormap(display, RootWindow(display, screen), visual, AllocNone);
      attributes.colormap = colormap_;
      attributes.border_pixel = 0;
      attributes.background_pixel = 0;
      mask |= CWColormap | CWBorderPixel | CWBackPixel;
    }
    window_ = XCreateWindow(display, RootWindow(display, screen), 0, 0, width, height, 0, window_depth,
                            InputOutput, visual, mask, &attributes);
    XMapWindow(display, window_);
    XEvent event;
    do {
      XWindowEvent(display, window_, StructureNotifyMask, &event);
    } while (event.type != MapNotify);
  }
  ~AppWindow() {
    if (window_ != 0 && !destroyed_) XDestroyWindow(display_, window_);
    if (colormap_ != 0) XFreeColormap(display_, colormap_);
    XSync(display_, False);
  }
  // sync: wait until the server has done it (else it races whatever comes next).
  void destroy(bool sync = true) {
    XDestroyWindow(display_, window_);
    if (sync) {
      XSync(display_, False);
    } else {
      XFlush(display_);
    }
    destroyed_ = true;
  }
  Window id() const { return window_; }

 private:
  Display* display_;
  Window window_ = 0;
  Colormap colormap_ = 0;
  bool destroyed_ = false;
};

// Reads back `w`x`h` at (0,0) and counts pixels that differ from the pattern (compared on `mask`).
::testing::AssertionResult matches(Display* display, Window window, int w, int h, int seed, uint32_t mask,
                                   uint32_t alpha = 0) {
  XImage* image = XGetImage(display, window, 0, 0, w, h, AllPlanes, ZPixmap);
  if (image == nullptr) return ::testing::AssertionFailure() << "XGetImage failed";
  if (image->bits_per_pixel != 32 || image->byte_order != LSBFirst) {
    XDestroyImage(image);
    return ::testing::AssertionFailure() << "test needs 32-bit LSBFirst images";
  }
  size_t wrong = 0;
  std::ostringstream first;
  for (int y = 0; y < h; ++y) {
    const auto* row =
        reinterpret_cast<const uint32_t*>(image->data + static_cast<size_t>(y) * image->bytes_per_line);
    for (int x = 0; x < w; ++x) {
      const uint32_t want = (pattern(x, y, w, h, seed) | alpha) & mask, got = row[x] & mask;
      if (want != got && wrong++ < 5)
        first << " (" << x << "," << y << "): want " << std::hex << want << " got " << got << std::dec;
    }
  }
  XDestroyImage(image);
  if (wrong == 0) return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure()
         << wrong << " of " << size_t(w) * h << " pixels differ;" << first.str();
}

// System V segments created by this process that are not yet marked for removal. The presenter
// must IPC_RMID every segment as soon as the server has attached it.
std::vector<std::string> live_unremoved_segments() {
  std::vector<std::string> found;
  std::ifstream table("/proc/sysvipc/shm");
  std::string line;
  std::getline(table, line);  // header
  while (std::getline(table, line)) {
    std::istringstream fields(line);
    long key, id, size, cpid;
    std::string perms;
    fields >> key >> id >> perms >> size >> cpid;
    const long mode = std::strtol(perms.c_str(), nullptr, 8);
    constexpr long shm_dest = 01000;
    if (cpid == getpid() && (mode & shm_dest) == 0) found.push_back(line);
  }
  return found;
}

std::vector<std::string> own_segments() {
  std::vector<std::string> found;
  std::ifstream table("/proc/sysvipc/shm");
  std::string line;
  std::getline(table, line);
  while (std::getline(table, line)) {
    std::istringstream fields(line);
    long key, id, size, cpid;
    std::string perms;
    fields >> key >> id >> perms >> size >> cpid;
    if (cpid == getpid()) found.push_back(line);
  }
  return found;
}

class PresentTest : public ::testing::Test {
 protected:
  void SetUp() override {
    display_ = XOpenDisplay(nullptr);
    ASSERT_NE(display_, nullptr) << "cannot open DISPLAY=" << (getenv("DISPLAY") ? getenv("DISPLAY") : "");
    XSetErrorHandler(record_error);
    app_errors.clear();
  }
  void TearDown() override {
    if (display_ != nullptr) {
      XSync(display_, False);
      EXPECT_TRUE(app_errors.empty()) << "the application's error handler saw: " << app_errors.front();
      XCloseDisplay(display_);
    }
  }

  std::unique_ptr<WindowPresenter> presenter_for(const AppWindow& window) {
    std::string error;
    auto presenter = WindowPresenter::create(DisplayString(display_), window.id(), &error);
    EXPECT_NE(presenter, nullptr) << error;
    if (presenter) check_transport(*presenter);
    return presenter;
  }
  static void check_transport(const WindowPresenter& presenter) {
    if (const char* expect = getenv("EGLRUN_TEST_EXPECT_SHM")) {
      EXPECT_EQ(presenter.uses_shm(), std::string(expect) == "1");
    }
  }

  // Presents `frames` frames of w x h, checking each on screen.
  void present_frames(WindowPresenter& presenter, const AppWindow& window, int w, int h, int frames,
                      uint32_t alpha = 0, uint32_t mask = 0xffffff, int first_seed = 1) {
    for (int seed = first_seed; seed < first_seed + frames; ++seed) {
      Image image = presenter.acquire(w, h);
      ASSERT_NE(image.pixels, nullptr);
      ASSERT_EQ(image.stride, w * 4);
      fill(image, seed, alpha);
      ASSERT_EQ(presenter.present(image), PresentStatus::Ok);
      ASSERT_EQ(presenter.finish(), PresentStatus::Ok);
      ASSERT_TRUE(matches(display_, window.id(), w, h, seed, mask, alpha))
          << "frame " << seed << " " << w << "x" << h;
    }
  }

  Display* display_ = nullptr;
};

TEST_F(PresentTest, PatternArrivesExactly) {
  AppWindow window(display_, 640, 480);
  auto presenter = presenter_for(window);
  ASSERT_TRUE(presenter);
  EXPECT_EQ(presenter->window_size(), std::make_pair(640, 480));
  present_frames(*presenter, window, 640, 480, 4);
  // Segments, if any, were removed from the namespace as soon as the server attached them.
  EXPECT_EQ(live_unremoved_segments(), std::vector<std::string>{});
  if (presenter->uses_shm()) {
    EXPECT_EQ(own_segments().size(), 2u) << "one segment per buffer";
  }
}

// Frames go out back to back, without waiting in between: the double buffering must not let a
// buffer be refilled while the server may still read it.
TEST_F(PresentTest, PipelinedFramesAllArrive) {
  AppWindow window(display_, 512, 384);
  auto presenter = presenter_for(window);
  ASSERT_TRUE(presenter);
  for (int seed = 1; seed <= 30; ++seed) {
    Image image = presenter->acquire(512, 384);
    ASSERT_NE(image.pixels, nullptr);
    fill(image, seed, 0);
    ASSERT_EQ(presenter->present(image), PresentStatus::Ok);
  }
  ASSERT_EQ(presenter->finish(), PresentStatus::Ok);
  EXPECT_TRUE(matches(display_, window.id(), 512, 384, 30, 0xffffff));
}

TEST_F(PresentTest, Depth32Window) {
  XVisualInfo info;
  if (!XMatchVisualInfo(display_, DefaultScreen(display_), 32, TrueColor, &info))
    GTEST_SKIP() << "no depth-32 TrueColor visual";
  AppWindow window(display_, 300, 200, 32);
  auto presenter = presenter_for(window);
  ASSERT_TRUE(presenter);
  present_frames(*presenter, window, 300, 200, 2, 0xff000000u, 0xffffffffu);
}

TEST_F(PresentTest, FollowsFrameSizeChanges) {
  AppWindow window(display_, 800, 600);
  auto presenter = presenter_for(window);
  ASSERT_TRUE(presenter);
  present_frames(*presenter, window, 320, 200, 2, 0, 0xffffff, 1);
  present_frames(*presenter, window, 800, 600, 2, 0, 0xffffff, 3);
  present_frames(*presenter, window, 100, 50, 3, 0, 0xffffff, 5);
  present_frames(*presenter, window, 799, 599, 2, 0, 0xffffff, 8);
  EXPECT_EQ(live_unremoved_segments(), std::vector<std::string>{});
}

// Needs a screen of at least 3840x2160 (else XGetImage cannot read the window back).
TEST_F(PresentTest, LargeFrame) {
  const int w = 3840, h = 2160;
  ASSERT_GE(DisplayWidth(display_, DefaultScreen(display_)), w);
  ASSERT_GE(DisplayHeight(display_, DefaultScreen(display_)), h);
  AppWindow window(display_, w, h);
  auto presenter = presenter_for(window);
  ASSERT_TRUE(presenter);
  present_frames(*presenter, window, w, h, 2);
}

TEST_F(PresentTest, NonexistentWindowIsRefused) {
  AppWindow window(display_, 10, 10);
  std::string error;
  auto presenter = WindowPresenter::create(DisplayString(display_), window.id() + 1000, &error);
  EXPECT_EQ(presenter, nullptr);
  EXPECT_NE(error.find("BadDrawable"), std::string::npos) << error;
}

TEST_F(PresentTest, WindowDestroyedByAnotherClient) {
  AppWindow window(display_, 200, 100);
  auto presenter = presenter_for(window);
  ASSERT_TRUE(presenter);
  present_frames(*presenter, window, 200, 100, 1);
  window.destroy();

  // Reported by the first present() after the destruction, or by the next at the latest (the
  // DestroyNotify may still be in flight).
  PresentStatus status = PresentStatus::Ok;
  for (int attempt = 0; attempt < 2 && status == PresentStatus::Ok; ++attempt) {
    Image image = presenter->acquire(200, 100);
    ASSERT_NE(image.pixels, nullptr);
    fill(image, 2, 0);
    status = presenter->present(image);
  }
  EXPECT_EQ(status, PresentStatus::WindowGone);
  EXPECT_EQ(presenter->present(presenter->acquire(200, 100)), PresentStatus::WindowGone) << "final";
  EXPECT_EQ(presenter->window_size(), std::make_pair(0, 0));
}

// The presenter's requests race the destruction: some hit the live window, some the dead one.
TEST_F(PresentTest, WindowDestroyedWhileFramesAreInFlight) {
  AppWindow window(display_, 200, 100);
  auto presenter = presenter_for(window);
  ASSERT_TRUE(presenter);
  PresentStatus status = PresentStatus::Ok;
  for (int frame = 0; frame < 20 && status == PresentStatus::Ok; ++frame) {
    Image image = presenter->acquire(200, 100);
    fill(image, frame, 0);
    status = presenter->present(image);
    if (frame == 5) window.destroy(/*sync=*/false);
  }
  // The destroy was only flushed: on a loaded machine the server may still have answered every frame
  // above first. Once it has surely been processed, the next frame must be refused.
  XSync(display_, False);
  if (status == PresentStatus::Ok) status = presenter->finish();
  if (status == PresentStatus::Ok) {
    Image image = presenter->acquire(200, 100);
    fill(image, 20, 0);
    status = presenter->present(image);
    if (status == PresentStatus::Ok) status = presenter->finish();
  }
  EXPECT_EQ(status, PresentStatus::WindowGone);
}

// Run alone, against a server the script lets us kill.
TEST(ServerDeath, ReportsConnectionLost) {
  const char* pid_text = getenv("EGLRUN_TEST_XVFB_PID");
  ASSERT_NE(pid_text, nullptr) << "run through run_present_case.sh server-killed";
  // A hang here is the failure we look for; fail loudly instead of waiting for CTest's timeout.
  alarm(20);
  Display* display = XOpenDisplay(nullptr);
  ASSERT_NE(display, nullptr);
  XSetErrorHandler(record_error);
  // Never destroyed: its destructor would talk to the dead server through Xlib, whose I/O error
  // handler exits the process.
  auto* window = new AppWindow(display, 320, 240);
  std::string error;
  auto presenter = WindowPresenter::create(DisplayString(display), window->id(), &error);
  ASSERT_TRUE(presenter) << error;
  Image image = presenter->acquire(320, 240);
  fill(image, 1, 0);
  ASSERT_EQ(presenter->present(image), PresentStatus::Ok);
  ASSERT_EQ(presenter->finish(), PresentStatus::Ok);

  const pid_t server = static_cast<pid_t>(std::atol(pid_text));
  ASSERT_EQ(kill(server, SIGKILL), 0);
  // Wait until it is really gone so the next requests meet a closed socket.
  for (int i = 0; i < 200 && kill(server, 0) == 0; ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds(10));

  // A new size makes acquire() attach new segments: requests go to the dead socket before anything
  // is read from it. SIGPIPE keeps its default action here, as in most apps: a write that raised it
  // would kill the test.
  PresentStatus status = PresentStatus::Ok;
  for (int frame = 0; frame < 3 && status != PresentStatus::ConnectionLost; ++frame) {
    image = presenter->acquire(640 + frame, 480);
    ASSERT_NE(image.pixels, nullptr) << "acquire must still give a buffer to fill";
    fill(image, frame, 0);
    status = presenter->present(image);
  }
  EXPECT_EQ(status, PresentStatus::ConnectionLost);
  EXPECT_EQ(presenter->finish(), PresentStatus::ConnectionLost);
  EXPECT_EQ(presenter->window_size(), std::make_pair(0, 0));
  presenter.reset();  // must not crash or block either
  EXPECT_TRUE(app_errors.empty());
  alarm(0);
  // The application's Display is dead too; closing it would run Xlib's fatal I/O error handler.
}

// Run alone: presents, says "ready" and waits to be SIGKILLed; the script then checks that the
// server dropped the segments (nothing leaks although the destructor never ran).
TEST(ShmLifetime, HoldUntilKilled) {
  Display* display = XOpenDisplay(nullptr);
  ASSERT_NE(display, nullptr);
  AppWindow window(display, 320, 240);
  std::string error;
  auto presenter = WindowPresenter::create(DisplayString(display), window.id(), &error);
  ASSERT_TRUE(presenter) << error;
  ASSERT_TRUE(presenter->uses_shm());
  for (int seed = 0; seed < 2; ++seed) {
    Image image = presenter->acquire(320, 240);
    fill(image, seed, 0);
    ASSERT_EQ(presenter->present(image), PresentStatus::Ok);
  }
  ASSERT_EQ(own_segments().size(), 2u);
  std::cout << "ready" << std::endl;
  pause();
}

// Run against a depth-16 server: the presenter refuses windows whose pixels are not 32 bits.
TEST(Depth, RefusesNon32BitPixels) {
  Display* display = XOpenDisplay(nullptr);
  ASSERT_NE(display, nullptr);
  XSetErrorHandler(record_error);
  app_errors.clear();
  ASSERT_EQ(DefaultDepth(display, DefaultScreen(display)), 16) << "run through run_present_case.sh depth16";
  {
    AppWindow window(display, 64, 64);
    std::string error;
    auto presenter = WindowPresenter::create(DisplayString(display), window.id(), &error);
    EXPECT_EQ(presenter, nullptr);
    EXPECT_NE(error.find("only 32-bit pixels"), std::string::npos) << error;
  }
  XSync(display, False);
  EXPECT_TRUE(app_errors.empty());
  XCloseDisplay(display);
}

}  // namespace
}  // namespace eglrun::present
