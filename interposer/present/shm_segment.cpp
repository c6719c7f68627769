#include "present/shm_segment.hpp"

#include <fmt/format.h>
#include <sys/ipc.h>
#include <sys/shm.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>

#include "diagnostics/object_counts.hpp"
#include "present/x_errors.hpp"

namespace eglrun::present {

std::unique_ptr<ShmSegment> ShmSegment::create(xcb_connection_t* connection, size_t size, bool read_only,
                                               std::string* why) {
  // 0600: frames may show anything the app draws; only our user (and the server) may map them.
  int shmid = shmget(IPC_PRIVATE, size, IPC_CREAT | 0600);
  if (shmid < 0) {
    *why = fmt::format("shmget of {} bytes failed: {}", size, std::strerror(errno));
    return nullptr;
  }
  void* address = shmat(shmid, nullptr, 0);
  if (address == reinterpret_cast<void*>(-1)) {
    *why = fmt::format("shmat failed: {}", std::strerror(errno));
    shmctl(shmid, IPC_RMID, nullptr);
    return nullptr;
  }
  xcb_shm_seg_t seg = xcb_generate_id(connection);
  xcb_generic_error_t* error = nullptr;
  if (seg != static_cast<uint32_t>(-1))
    error = xcb_request_check(connection, xcb_shm_attach_checked(connection, seg, shmid, read_only));
  // Whatever the answer, nobody else needs the id any more: the server holds its own attachment now
  // (or failed to), and ours stays mapped until shmdt.
  shmctl(shmid, IPC_RMID, nullptr);

  if (seg == static_cast<uint32_t>(-1) || error != nullptr || xcb_connection_has_error(connection)) {
    if (error != nullptr) {
      *why = fmt::format(
          "the X server could not attach our shared memory ({}); it may run in another IPC namespace or on "
          "another host",
          describe(*error));
      std::free(error);
    } else {
      *why = "the X connection failed while attaching shared memory";
    }
    shmdt(address);
    return nullptr;
  }
  diagnostics::count_created(diagnostics::Object::ShmSegment);
  return std::unique_ptr<ShmSegment>(new ShmSegment(connection, seg, static_cast<uint8_t*>(address), size));
}

ShmSegment::~ShmSegment() {
  // No need to wait for the server: it reads through its own mapping, which outlives ours.
  xcb_shm_detach(connection_, seg_);
  shmdt(data_);
  diagnostics::count_released(diagnostics::Object::ShmSegment);
}

}  // namespace eglrun::present
