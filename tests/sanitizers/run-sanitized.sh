#!/usr/bin/env bash
# Sanitizer configurations of CI (docs/reliability.md):
#   run-sanitized.sh address   ASan+UBSan build in build-asan: the unit tests with LeakSanitizer; the
#                              integration and fault tests with ASan+UBSan (leak checking off there: the
#                              runtime is preloaded into every process of the test scripts, and coreutils
#                              such as mktemp leak by design); then LeakSanitizer on eglrun-run programs
#                              alone: 2,000 create/destroy cycles, the hostile-input and close-display
#                              programs (Mesa/X11 leaks suppressed, lsan.supp)
#   run-sanitized.sh thread    TSan build in build-tsan: the threaded tests (label threads), with
#                              tsan.supp (Mesa/LLVM internals only); the test programs are built with
#                              TSan and link its runtime themselves, so nothing is preloaded
# ASan: the runtime is put first in LD_PRELOAD (the launcher keeps an existing LD_PRELOAD first), as a
# preloaded sanitized library needs. TSan cannot be preloaded that way: in an uninstrumented program
# (bash, dash) its setjmp interceptor jumps through a pointer that is only set once TSan has started,
# and the shells crash in main. Environment: EGLRUN_SANITIZE_BUILD_DIR overrides the build dir.
set -euo pipefail
kind=${1:?usage: run-sanitized.sh address|thread}
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
here=$root/tests/sanitizers
start=$(date +%s)
case $kind in
  address)
    build=${EGLRUN_SANITIZE_BUILD_DIR:-$root/build-asan}
    runtime=$(g++ -print-file-name=libasan.so)
    preload=$runtime
    labels='^(integration|fault)$'
    extra=(-DEGLRUN_STRESS_LEAK_CYCLES=2000)
    asan_common=abort_on_error=1:detect_odr_violation=0:allocator_may_return_null=1
    export ASAN_OPTIONS=detect_leaks=0:$asan_common
    export LSAN_OPTIONS=suppressions=$here/lsan.supp:print_suppressions=0
    export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
    ;;
  thread)
    build=${EGLRUN_SANITIZE_BUILD_DIR:-$root/build-tsan}
    runtime=$(g++ -print-file-name=libtsan.so)
    preload=
    labels='^threads$'
    extra=(-DEGLRUN_STRESS_THREAD_ITERATIONS=60)
    # Exported before the build: gtest discovery runs the unit test binaries, and must see the same
    # suppressions as the tests (a report there fails the build, as it would fail every test).
    export TSAN_OPTIONS="suppressions=$here/tsan.supp:halt_on_error=1:second_deadlock_stack=1:report_signal_unsafe=0:print_suppressions=0"
    ;;
  *) echo "run-sanitized.sh: unknown sanitizer $kind" >&2; exit 2 ;;
esac
[[ -f $runtime ]] || { echo "run-sanitized.sh: no $kind runtime ($runtime)" >&2; exit 1; }

cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DEGLRUN_SANITIZE="$kind" \
  -DEGLRUN_BUILD_FUZZERS=OFF "${extra[@]}" >/dev/null
cmake --build "$build"
built=$(date +%s)

status=0
set +e
if [[ $kind == address ]]; then
  # Plain ASan executables need no preload: full leak checking.
  # The real-device tests load and unload Mesa's driver: LSan then reports 128 bytes realloc'ed in a
  # module that is gone, with no frame a suppression can name. They run without leak checking.
  real_device='EglDevice\.|RealDevices\.'
  (cd "$build" && ASAN_OPTIONS=detect_leaks=1:$asan_common ctest --output-on-failure -j2 --timeout 900 -L '^unit$' -E "$real_device") || status=1
  (cd "$build" && ASAN_OPTIONS=detect_leaks=0:$asan_common ctest --output-on-failure -j2 --timeout 900 -L '^unit$' -R "$real_device") || status=1
fi
# Tests that cannot work with a sanitizer runtime in the process, whatever eglrun does: RTLD_DEEPBIND
# is refused by ASan (google/sanitizers#611); ASan's dlopen interceptor calls dlopen from libasan, so
# the program's RUNPATH no longer applies (dl.origin); the preload-path test clears LD_PRELOAD, which
# removes the runtime that must come first.
excluded='integration\.dl\.deepbind|integration\.dl\.origin|fault\.launcher_preload_path'
(cd "$build" && LD_PRELOAD=$preload${LD_PRELOAD:+${preload:+:}$LD_PRELOAD} ctest --output-on-failure -j2 --timeout 900 -L "$labels" -LE reference -E "$excluded") || status=1
if [[ $kind == address ]]; then
  # LeakSanitizer on the programs run through eglrun only (the runtime preloaded into them alone).
  lsan_run() {
    echo "LeakSanitizer: $*"
    "$root/tests/scripts/xvfb-run.sh" -- env LD_PRELOAD="$runtime" ASAN_OPTIONS=detect_leaks=1:$asan_common \
      EGLRUN_QUIET=1 EGLRUN_OBJECT_REPORT=1 "$build/bin/eglrun" -- "$@"
  }
  lsan_run "$build/tests/bin/glx_leak_cycles" --cycles 2000 || status=1
  lsan_run "$build/tests/bin/glx_bad_input" >/dev/null || status=1
  lsan_run "$build/tests/bin/glx_fault" close-display || status=1
fi
set -e
end=$(date +%s)
echo "sanitizer $kind: build $((built - start)) s, tests $((end - built)) s, status $status"
exit $status
