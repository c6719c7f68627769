#!/bin/bash
# Runs one configuration of present_window_test against a fresh Xvfb.
# usage: run_present_case.sh CASE TEST_BINARY
#   shm          default setup: MIT-SHM must be used
#   no-shm       EGLRUN_NO_SHM=1: PutImage, with exactly one info line saying so
#   unshare-ipc  server in another IPC namespace: attach fails, same single info line
#   large-shm / large-no-shm   a 3840x2160 frame on a 3840x2160 screen
#   window-gone  another client destroys the window
#   server-killed  Xvfb is SIGKILLed under the presenter
#   sigkill      the presenting process is SIGKILLed: the server must drop its segments
#   depth16      a depth-16 server: refused with a clear error
set -u
case_name=$1
test_binary=$2
work=$(mktemp -d)
xvfb_pid=
cleanup() {
  [ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null && wait "$xvfb_pid" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

start_xvfb() {  # $1: screen WxHxD
  Xvfb -displayfd 3 -noreset -extension GLX -screen 0 "$1" 3>"$work/displayfd" 2>"$work/xvfb.log" &
  xvfb_pid=$!
  for _ in $(seq 100); do
    if grep -q '^[0-9]' "$work/displayfd" 2>/dev/null; then
      export DISPLAY=":$(head -n1 "$work/displayfd")"
      return 0
    fi
    kill -0 "$xvfb_pid" 2>/dev/null || break
    sleep 0.1
  done
  cat "$work/xvfb.log" >&2
  fail "Xvfb did not start"
}

# Runs the test binary with a gtest filter, stderr to $work/stderr (echoed), pid kept for ipcs.
run_test() {  # $1: gtest filter, rest: prefix command (env, unshare ...)
  local filter=$1
  shift
  "$@" "$test_binary" --gtest_filter="$filter" 2>"$work/stderr" &
  test_pid=$!
  wait "$test_pid"
  test_rc=$?
  cat "$work/stderr" >&2
}

# The test process must leave no System V segment behind.
check_no_segments_left() {
  local left
  left=$(ipcs -m -p | awk -v pid="$test_pid" '$3 == pid')
  [ -z "$left" ] || fail "segments left by pid $test_pid: $left"
}

# Exactly one eglrun log line, and it must name the cause ($1, a grep pattern).
check_single_fallback_line() {
  local lines
  lines=$(grep -c '^\[eglrun\]' "$work/stderr")
  [ "$lines" -eq 1 ] || fail "expected exactly 1 eglrun log line, got $lines"
  grep '^\[eglrun\]' "$work/stderr" | grep -q "$1" || fail "the log line does not name the cause ($1)"
  grep '^\[eglrun\]' "$work/stderr" | grep -q "over the socket" || fail "the log line does not say frames are copied"
}

everyday='PresentTest.*:-PresentTest.LargeFrame'
case "$case_name" in
  shm)
    start_xvfb 1280x1024x24
    run_test "$everyday" env EGLRUN_TEST_EXPECT_SHM=1
    [ "$test_rc" -eq 0 ] || fail "test failed"
    check_no_segments_left ;;
  no-shm)
    start_xvfb 1280x1024x24
    run_test "PresentTest.PatternArrivesExactly:PresentTest.FollowsFrameSizeChanges" \
      env EGLRUN_NO_SHM=1 EGLRUN_LOG=info EGLRUN_TEST_EXPECT_SHM=0
    [ "$test_rc" -eq 0 ] || fail "test failed"
    check_single_fallback_line 'EGLRUN_NO_SHM'
    check_no_segments_left ;;
  unshare-ipc)
    start_xvfb 1280x1024x24
    run_test "$everyday" unshare --ipc env EGLRUN_LOG=info EGLRUN_TEST_EXPECT_SHM=0
    [ "$test_rc" -eq 0 ] || fail "test failed"
    check_single_fallback_line 'shared memory' ;;
  large-shm)
    start_xvfb 3840x2160x24
    run_test PresentTest.LargeFrame env EGLRUN_TEST_EXPECT_SHM=1
    [ "$test_rc" -eq 0 ] || fail "test failed"
    check_no_segments_left ;;
  large-no-shm)
    start_xvfb 3840x2160x24
    run_test PresentTest.LargeFrame env EGLRUN_NO_SHM=1 EGLRUN_TEST_EXPECT_SHM=0
    [ "$test_rc" -eq 0 ] || fail "test failed" ;;
  window-gone)
    start_xvfb 1280x1024x24
    run_test 'PresentTest.WindowDestroyed*' env EGLRUN_TEST_EXPECT_SHM=1
    [ "$test_rc" -eq 0 ] || fail "test failed"
    run_test 'PresentTest.WindowDestroyed*' env EGLRUN_NO_SHM=1 EGLRUN_TEST_EXPECT_SHM=0
    [ "$test_rc" -eq 0 ] || fail "test failed (no-shm)" ;;
  server-killed)
    start_xvfb 1280x1024x24
    run_test ServerDeath.ReportsConnectionLost env EGLRUN_TEST_XVFB_PID="$xvfb_pid"
    [ "$test_rc" -eq 0 ] || fail "test failed (exit status $test_rc)"
    xvfb_pid= ;;
  sigkill)
    start_xvfb 1280x1024x24
    "$test_binary" --gtest_filter=ShmLifetime.HoldUntilKilled >"$work/stdout" 2>&1 &
    test_pid=$!
    for _ in $(seq 100); do grep -q '^ready' "$work/stdout" && break; sleep 0.1; done
    grep -q '^ready' "$work/stdout" || { cat "$work/stdout" >&2; fail "test did not get ready"; }
    [ -n "$(ipcs -m -p | awk -v pid="$test_pid" '$3 == pid')" ] || fail "no segments seen while presenting"
    kill -KILL "$test_pid"
    wait "$test_pid" 2>/dev/null
    # The server notices the closed connection and detaches; removal was requested long ago.
    for _ in $(seq 50); do [ -z "$(ipcs -m -p | awk -v pid="$test_pid" '$3 == pid')" ] && break; sleep 0.1; done
    check_no_segments_left ;;
  depth16)
    start_xvfb 1280x1024x16
    run_test Depth.RefusesNon32BitPixels env
    [ "$test_rc" -eq 0 ] || fail "test failed" ;;
  *) fail "unknown case $case_name" ;;
esac
echo "PASS: $case_name"
