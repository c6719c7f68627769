#include "present/window_presenter.hpp"

#include <fmt/format.h>
#include <xcb/shm.h>

#include <cstdlib>
#include <mutex>
#include <new>

#include "config/settings.hpp"
#include "diagnostics/object_counts.hpp"
#include "log/log.hpp"
#include "present/put_image.hpp"
#include "present/shm_probe.hpp"
#include "present/sigpipe_guard.hpp"
#include "present/x_errors.hpp"

namespace eglrun::present {
namespace {

// X coordinates and sizes travel as 16-bit signed values.
constexpr int max_dimension = 32767;

bool set_up_window(xcb_connection_t* c, uint32_t window, uint32_t gc, std::string* error) {
  const uint32_t gc_values[] = {0};
  xcb_void_cookie_t gc_cookie = xcb_create_gc_checked(c, gc, window, XCB_GC_GRAPHICS_EXPOSURES, gc_values);
  // Event masks are per client, so selecting StructureNotify on the application's window changes
  // nothing for the application; it tells us of a DestroyNotify before we draw into a dead window.
  const uint32_t events[] = {XCB_EVENT_MASK_STRUCTURE_NOTIFY};
  xcb_void_cookie_t select_cookie =
      xcb_change_window_attributes_checked(c, window, XCB_CW_EVENT_MASK, events);
  bool gc_ok = true;
  for (xcb_void_cookie_t cookie : {gc_cookie, select_cookie}) {
    if (xcb_generic_error_t* e = xcb_request_check(c, cookie)) {
      const bool is_gc = cookie.sequence == gc_cookie.sequence;
      gc_ok = gc_ok && !is_gc;
      // A GLX pixmap's target is a drawable but no window: BadWindow for the event mask alone is fine.
      if (!is_gc && gc_ok && e->error_code == XCB_WINDOW) {
        std::free(e);
        continue;
      }
      if (error->empty())
        *error = fmt::format("cannot set up window {:#x} for presenting: {}", window, describe(*e));
      std::free(e);
    }
  }
  if (error->empty() && xcb_connection_has_error(c))
    *error = fmt::format("the X connection failed while setting up window {:#x}", window);
  return error->empty();
}

}  // namespace

std::unique_ptr<WindowPresenter> WindowPresenter::create(const std::string& display_name, uint32_t window,
                                                         std::string* error) {
  SigpipeGuard sigpipe_guard;
  std::string ignored;
  if (error == nullptr) error = &ignored;
  error->clear();
  // Our own connection: it finds XAUTHORITY and the display the same way Xlib did for the app.
  // One connect at a time: xcb_connect reads the authority file through libXau's XauFileName,
  // which reallocates a static buffer, so two presenters connecting at once race on it (TSan).
  static std::mutex connect_mutex;
  std::unique_lock connect_lock(connect_mutex);
  xcb_connection_t* c = xcb_connect(display_name.empty() ? nullptr : display_name.c_str(), nullptr);
  connect_lock.unlock();
  if (int code = xcb_connection_has_error(c)) {
    *error = fmt::format("cannot open X display '{}' for presenting (xcb connection error {})", display_name,
                         code);
    xcb_disconnect(c);
    return nullptr;
  }
  std::optional<WindowFormat> format = query_window_format(c, window, error);
  uint32_t gc = xcb_generate_id(c);
  if (!format || !set_up_window(c, window, gc, error)) {
    xcb_disconnect(c);
    return nullptr;
  }

  std::string cause;
  if (config::settings().force_xputimage) {
    cause = "EGLRUN_NO_SHM=1 is set";
  } else if (std::optional<std::string> why = shm_unusable_reason(c, window, format->depth)) {
    cause = *why;
  }
  std::unique_ptr<WindowPresenter> presenter(new WindowPresenter(c, window, gc, *format, cause.empty()));
  if (!cause.empty()) presenter->fall_back_to_put_image(cause);
  log::debug("presenting to window {:#x} (depth {}, {}x{}) through {}", window, format->depth, format->width,
             format->height, presenter->use_shm_ ? "MIT-SHM" : "PutImage");
  return presenter;
}

WindowPresenter::WindowPresenter(xcb_connection_t* connection, uint32_t window, uint32_t gc,
                                 const WindowFormat& format, bool use_shm)
    : connection_(connection), window_(window), gc_(gc), format_(format), use_shm_(use_shm) {
  diagnostics::count_created(diagnostics::Object::Presenter);
}

WindowPresenter::~WindowPresenter() {
  SigpipeGuard sigpipe_guard;
  // The segments' detach requests need the connection, so they go before it does.
  for (Slot& slot : slots_) slot = Slot{};
  xcb_free_gc(connection_, gc_);
  xcb_disconnect(connection_);
  diagnostics::count_released(diagnostics::Object::Presenter);
}

void WindowPresenter::fall_back_to_put_image(const std::string& cause) {
  use_shm_ = false;
  // Once a process is enough: with many windows the cause is the same for all of them.
  if (log::first_time("present.no-shm"))
    log::info("MIT-SHM not used ({}); frames are copied to the X server over the socket", cause);
}

bool WindowPresenter::reserve(Slot& slot, size_t bytes) {
  // Reallocate when the frame grows, or shrinks a lot (so a window made small gives its memory back);
  // the small changes of an interactive resize reuse the buffer.
  if (slot.data() != nullptr && bytes <= slot.capacity && bytes >= slot.capacity / 4) return true;
  slot = Slot{};
  if (use_shm_) {
    std::string why;
    // Read-only: the server only ever reads frames.
    slot.shm = ShmSegment::create(connection_, bytes, /*read_only=*/true, &why);
    if (slot.shm) {
      slot.capacity = bytes;
      return true;
    }
    check_connection();
    if (!lost_) fall_back_to_put_image(why);
  }
  slot.heap.reset(new (std::nothrow) uint8_t[bytes]);
  if (!slot.heap) return false;
  slot.capacity = bytes;
  return true;
}

Image WindowPresenter::acquire(int width, int height) {
  SigpipeGuard sigpipe_guard;
  if (width <= 0 || height <= 0 || width > max_dimension || height > max_dimension) {
    log::warn("cannot present a {}x{} frame: X sizes are 1 to {}", width, height, max_dimension);
    return {};
  }
  const int index = next_slot_;
  next_slot_ ^= 1;
  wait_for_slot(index);
  Slot& slot = slots_[index];
  if (!reserve(slot, static_cast<size_t>(width) * static_cast<size_t>(height) * 4)) {
    log::warn("out of memory for a {}x{} frame", width, height);
    return {};
  }
  return Image{slot.data(), width, height, width * 4};
}

PresentStatus WindowPresenter::present(const Image& image) {
  SigpipeGuard sigpipe_guard;
  drain_events();
  if (lost_ || gone_) return take_status();
  if (image.pixels == nullptr || image.width <= 0 || image.height <= 0 || image.width > max_dimension ||
      image.height > max_dimension || image.stride < image.width * 4) {
    log::warn("not presenting an invalid {}x{} image (stride {})", image.width, image.height, image.stride);
    status_ = worse(status_, PresentStatus::Error);
    return take_status();
  }

  int index = -1;
  for (int i = 0; i < 2; ++i)
    if (slots_[i].data() == image.pixels) index = i;
  const Slot* slot = index >= 0 ? &slots_[index] : nullptr;
  if (slot != nullptr && slot->shm && image.stride % 4 == 0 &&
      static_cast<size_t>(image.stride) * image.height <= slot->capacity) {
    const auto w = static_cast<uint16_t>(image.width), h = static_cast<uint16_t>(image.height);
    xcb_shm_put_image(connection_, window_, gc_, static_cast<uint16_t>(image.stride / 4), h, 0, 0, w, h, 0, 0,
                      format_.depth, XCB_IMAGE_FORMAT_Z_PIXMAP, /*send_event=*/0, slot->shm->id(), 0);
  } else {
    std::string why;
    if (!put_image(connection_, window_, gc_, format_.depth, image, &why)) {
      log::warn("cannot present to window {:#x}: {}", window_, why);
      status_ = worse(status_, PresentStatus::Error);
    }
  }
  const xcb_get_geometry_cookie_t geometry = xcb_get_geometry(connection_, window_);
  fences_.push_back({xcb_get_input_focus(connection_), index, geometry});
  xcb_flush(connection_);
  // One frame in flight: the previous one is normally long done, so this rarely waits, but it keeps
  // a fast producer from running ahead of the server and brings in the previous frame's errors.
  wait_fences(1);
  return take_status();
}

PresentStatus WindowPresenter::finish() {
  SigpipeGuard sigpipe_guard;
  wait_fences(0);
  return take_status();
}

std::pair<int, int> WindowPresenter::window_size() {
  SigpipeGuard sigpipe_guard;
  drain_events();
  if (lost_ || gone_) return {0, 0};
  const xcb_get_geometry_cookie_t cookie = xcb_get_geometry(connection_, window_);
  take_geometry(cookie);
  return known_sequence_ == cookie.sequence ? known_size_ : std::pair<int, int>{0, 0};
}

void WindowPresenter::take_geometry(xcb_get_geometry_cookie_t cookie) {
  xcb_generic_error_t* error = nullptr;
  // Returns at once (nullptr) when the connection has failed.
  xcb_get_geometry_reply_t* geometry = xcb_get_geometry_reply(connection_, cookie, &error);
  if (geometry == nullptr) {
    if (error != nullptr && classify(*error, window_) == PresentStatus::WindowGone) gone_ = true;
    std::free(error);
    check_connection();
    return;
  }
  // A frame's query may be answered after a newer direct one (window_size()): the newer answer stays.
  if (static_cast<int32_t>(cookie.sequence - known_sequence_) > 0 || known_sequence_ == 0) {
    known_size_ = {geometry->width, geometry->height};
    known_sequence_ = cookie.sequence;
  }
  std::free(geometry);
}

void WindowPresenter::wait_fences(size_t keep) {
  while (fences_.size() > keep) {
    take_geometry(fences_.front().geometry);
    std::free(xcb_get_input_focus_reply(connection_, fences_.front().cookie, nullptr));
    fences_.pop_front();
  }
  drain_events();
}

void WindowPresenter::wait_for_slot(int slot) {
  for (size_t i = fences_.size(); i-- > 0;) {
    if (fences_[i].slot == slot) {
      wait_fences(fences_.size() - i - 1);
      return;
    }
  }
}

void WindowPresenter::drain_events() {
  while (xcb_generic_event_t* event = xcb_poll_for_event(connection_)) {
    const uint8_t type = event->response_type & 0x7f;
    if (type == 0) {
      const auto& error = *reinterpret_cast<xcb_generic_error_t*>(event);
      const PresentStatus status = classify(error, window_);
      if (status == PresentStatus::WindowGone) {
        gone_ = true;
      } else {
        // The first one says what is wrong; a broken setup would repeat it every frame.
        if (!reported_other_error_)
          log::warn("presenting to window {:#x} failed: {}", window_, describe(error));
        else
          log::debug("presenting to window {:#x} failed: {}", window_, describe(error));
        reported_other_error_ = true;
      }
      status_ = worse(status_, status);
    } else if (type == XCB_DESTROY_NOTIFY &&
               reinterpret_cast<xcb_destroy_notify_event_t*>(event)->window == window_) {
      gone_ = true;
    }
    std::free(event);
  }
  check_connection();
}

void WindowPresenter::check_connection() {
  if (lost_) return;
  if (int code = xcb_connection_has_error(connection_)) {
    lost_ = true;
    log::warn("lost the X connection presenting window {:#x} (xcb error {}); no more frames will be shown",
              window_, code);
  }
}

PresentStatus WindowPresenter::take_status() {
  if (gone_ && !lost_) log::debug("window {:#x} is gone; not presenting any more", window_);
  PresentStatus status = status_;
  if (gone_) status = worse(status, PresentStatus::WindowGone);
  if (lost_) status = worse(status, PresentStatus::ConnectionLost);
  status_ = PresentStatus::Ok;
  return status;
}

}  // namespace eglrun::present
