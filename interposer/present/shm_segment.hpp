// One System V shared-memory segment that the X server has attached (MIT-SHM).
#pragma once

#include <xcb/shm.h>
#include <xcb/xcb.h>

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

namespace eglrun::present {

class ShmSegment {
 public:
  // Creates a private segment of `size` bytes, maps it and has the server attach it. The segment is
  // marked for removal as soon as the server holds it, so it disappears with the last detach even if
  // we are killed, and no other process can attach it by id afterwards. nullptr and *why on failure.
  static std::unique_ptr<ShmSegment> create(xcb_connection_t* connection, size_t size, bool read_only,
                                            std::string* why);
  ~ShmSegment();
  ShmSegment(const ShmSegment&) = delete;
  ShmSegment& operator=(const ShmSegment&) = delete;

  uint8_t* data() const { return data_; }
  size_t size() const { return size_; }
  xcb_shm_seg_t id() const { return seg_; }

 private:
  ShmSegment(xcb_connection_t* connection, xcb_shm_seg_t seg, uint8_t* data, size_t size)
      : connection_(connection), seg_(seg), data_(data), size_(size) {}

  xcb_connection_t* connection_;
  xcb_shm_seg_t seg_;
  uint8_t* data_;
  size_t size_;
};

}  // namespace eglrun::present
