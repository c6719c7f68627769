// Unit tests of the presenter's X-free pieces: request splitting, error classification, SIGPIPE guard.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>

#include "present/put_image.hpp"
#include "present/sigpipe_guard.hpp"
#include "present/x_errors.hpp"

namespace eglrun::present {
namespace {

TEST(PresentPutImageSplit, RowsFitTheRequestLimit) {
  // Core limit without BIG-REQUESTS: 65535 words.
  const size_t core = 65535 * 4;
  const size_t row = 1920 * 4;
  const int rows = rows_per_put_request(core, row);
  EXPECT_GT(rows, 0);
  EXPECT_LE(sizeof(xcb_put_image_request_t) + 4 + rows * row, core);
  EXPECT_GT(sizeof(xcb_put_image_request_t) + 4 + (rows + 1) * row, core) << "uses the room it has";
}

TEST(PresentPutImageSplit, HeightStaysWithin16Bits) {
  EXPECT_EQ(rows_per_put_request(size_t(1) << 34, 4), 0xffff);
}

TEST(PresentPutImageSplit, RowTooWideForOneRequest) {
  EXPECT_EQ(rows_per_put_request(1024, 4096), 0);
  EXPECT_EQ(rows_per_put_request(16, 4), 0);
  EXPECT_EQ(rows_per_put_request(1 << 20, 0), 0);
}

xcb_generic_error_t error_with(uint8_t code, uint32_t resource) {
  xcb_generic_error_t error{};
  error.error_code = code;
  error.resource_id = resource;
  return error;
}

TEST(PresentXErrors, DestroyedWindowIsWindowGone) {
  EXPECT_EQ(classify(error_with(XCB_WINDOW, 0x400001), 0x400001), PresentStatus::WindowGone);
  EXPECT_EQ(classify(error_with(XCB_DRAWABLE, 0x400001), 0x400001), PresentStatus::WindowGone);
}

TEST(PresentXErrors, OtherErrorsAreErrors) {
  EXPECT_EQ(classify(error_with(XCB_WINDOW, 0x400002), 0x400001), PresentStatus::Error) << "another resource";
  EXPECT_EQ(classify(error_with(XCB_MATCH, 0x400001), 0x400001), PresentStatus::Error);
  EXPECT_EQ(classify(error_with(XCB_ACCESS, 0), 0x400001), PresentStatus::Error);
}

TEST(PresentXErrors, Names) {
  EXPECT_EQ(x_error_name(XCB_MATCH), "BadMatch");
  EXPECT_EQ(x_error_name(200), "error 200");
  EXPECT_EQ(describe(error_with(XCB_WINDOW, 0x2a)), "BadWindow (resource 0x2a, request 0.0)");
}

TEST(PresentStatusOrder, WorstWins) {
  EXPECT_EQ(worse(PresentStatus::Ok, PresentStatus::Error), PresentStatus::Error);
  EXPECT_EQ(worse(PresentStatus::WindowGone, PresentStatus::Error), PresentStatus::WindowGone);
  EXPECT_EQ(worse(PresentStatus::WindowGone, PresentStatus::ConnectionLost), PresentStatus::ConnectionLost);
}

bool sigpipe_pending() {
  sigset_t pending;
  sigpending(&pending);
  return sigismember(&pending, SIGPIPE) == 1;
}

// Writing to a socket whose peer is gone raises SIGPIPE, whose default action would end this test.
TEST(PresentSigpipeGuard, WriteToClosedPeerDoesNotKill) {
  int fds[2];
  ASSERT_EQ(socketpair(AF_UNIX, SOCK_STREAM, 0, fds), 0);
  close(fds[1]);
  {
    SigpipeGuard guard;
    EXPECT_EQ(write(fds[0], "x", 1), -1);
    EXPECT_EQ(errno, EPIPE);
  }
  EXPECT_FALSE(sigpipe_pending());
  close(fds[0]);
}

TEST(PresentSigpipeGuard, LeavesAnEarlierSigpipePending) {
  sigset_t pipe, old;
  sigemptyset(&pipe);
  sigaddset(&pipe, SIGPIPE);
  ASSERT_EQ(pthread_sigmask(SIG_BLOCK, &pipe, &old), 0);
  raise(SIGPIPE);
  ASSERT_TRUE(sigpipe_pending());
  { SigpipeGuard guard; }
  EXPECT_TRUE(sigpipe_pending()) << "not ours to discard";
  const timespec now{0, 0};
  sigtimedwait(&pipe, nullptr, &now);
  pthread_sigmask(SIG_SETMASK, &old, nullptr);
}

}  // namespace
}  // namespace eglrun::present
