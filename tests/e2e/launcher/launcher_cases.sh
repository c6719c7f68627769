#!/bin/bash
# End-to-end cases of the eglrun launcher binary, no X server needed.
# Usage: launcher_cases.sh CASE EGLRUN [BUILD_DIR]
# Exit 0 pass, 1 fail, 77 skip (CTest SKIP_RETURN_CODE).
set -u
case_name=$1
eglrun=$2
build_dir=${3:-}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
json_python=/usr/bin/python3  # Debian's: the python3 first on PATH may be a pyenv build

fail() { echo "FAIL [$case_name]: $*" >&2; exit 1; }
skip() { echo "SKIP [$case_name]: $*" >&2; exit 77; }
# Runs eglrun, keeping stdout, stderr and the status in $out, $err, $rc.
run() {
  "$@" >"$work/out" 2>"$work/err"
  rc=$?
  out=$(cat "$work/out")
  err=$(cat "$work/err")
}
expect_rc() { [ "$rc" -eq "$1" ] || fail "expected exit $1, got $rc; stdout: $out; stderr: $err"; }
expect_in() { grep -qF -- "$2" <<<"$1" || fail "expected \"$2\" in: $1"; }
has_hardware_device() {
  "$eglrun" --list --json | "$json_python" -c \
    'import json,sys; sys.exit(0 if any(not d["software"] and d["initialises"] for d in json.load(sys.stdin)["devices"]) else 1)'
}

case $case_name in
list)
  run "$eglrun" --list
  expect_rc 0
  expect_in "$out" "egl0"
  if ! has_hardware_device; then
    expect_in "$out" "software"
    expect_in "$out" "Default device (egl): egl0"
  fi
  ;;
list-json)
  run "$eglrun" --list --json
  expect_rc 0
  "$json_python" -m json.tool <"$work/out" >/dev/null || fail "--list --json is not JSON: $out"
  "$json_python" -c 'import json,sys; d=json.load(sys.stdin); assert d["devices"][0]["name"]=="egl0"; assert d["default"]' \
    <"$work/out" || fail "unexpected --list --json content: $out"
  ;;
bad-egl-index)
  run "$eglrun" -d egl5 -- touch "$work/ran"
  expect_rc 3
  [ ! -e "$work/ran" ] || fail "the program ran despite the bad device"
  expect_in "$err" "egl5 does not exist"
  expect_in "$err" "egl0"
  run "$eglrun" -d egl5 true
  expect_rc 3
  ;;
bad-card-node)
  [ -e /dev/dri/card0 ] && skip "/dev/dri/card0 exists on this machine"
  run "$eglrun" -d /dev/dri/card0 -- touch "$work/ran"
  expect_rc 3
  [ ! -e "$work/ran" ] || fail "the program ran despite the bad device"
  expect_in "$err" "/dev/dri/card0 does not exist"
  expect_in "$err" "egl0"
  run "$eglrun" -d /dev/dri/card0 true
  expect_rc 3
  ;;
bad-device-from-environment)
  EGLRUN_DEVICE=egl7 run "$eglrun" -- touch "$work/ran"
  expect_rc 3
  expect_in "$err" "from EGLRUN_DEVICE"
  env -u EGLRUN_DEVICE VGL_DISPLAY=egl7 "$eglrun" -- touch "$work/ran" >"$work/out" 2>"$work/err"
  rc=$?; err=$(cat "$work/err"); out=
  expect_rc 3
  expect_in "$err" "from VGL_DISPLAY"
  [ ! -e "$work/ran" ] || fail "the program ran despite the bad device"
  run "$eglrun" -d nonsense true
  expect_rc 3
  expect_in "$err" "not an EGL device name"
  ;;
good-device)
  run "$eglrun" -d egl0 -- sh -c 'echo "$EGLRUN_DEVICE"'
  expect_rc 0
  [ "$out" = egl0 ] || fail "EGLRUN_DEVICE not passed: $out"
  env -u EGLRUN_DEVICE VGL_DISPLAY=egl0 "$eglrun" true || fail "VGL_DISPLAY=egl0 refused"
  ;;
require-gpu)
  has_hardware_device && skip "this machine has a hardware EGL device"
  run "$eglrun" --require-gpu -- touch "$work/ran"
  expect_rc 4
  [ ! -e "$work/ran" ] || fail "the program ran despite --require-gpu"
  expect_in "$err" "GPU is required"
  expect_in "$err" "only software"
  EGLRUN_REQUIRE_GPU=1 run "$eglrun" true
  expect_rc 4
  ;;
doctor)
  has_hardware_device && skip "this machine has a hardware EGL device"
  run "$eglrun" --doctor
  expect_rc 1
  expect_in "$out" "verdict: software only"
  expect_in "$out" "egl-devices"
  expect_in "$out" "dev-dri"
  ;;
doctor-json)
  run "$eglrun" --doctor --json
  "$json_python" -m json.tool <"$work/out" >/dev/null || fail "--doctor --json is not JSON: $out"
  if ! has_hardware_device; then
    expect_rc 1
    "$json_python" -c 'import json,sys; d=json.load(sys.stdin); assert d["hardware_rendering"] is False; assert d["checks"]' \
      <"$work/out" || fail "unexpected --doctor --json content"
  fi
  ;;
exit-status)
  run "$eglrun" -- sh -c 'exit 7'
  expect_rc 7
  run "$eglrun" false
  expect_rc 1
  run "$eglrun" -- "$work/no-such-program"
  expect_rc 127
  ;;
arguments-verbatim)
  run "$eglrun" -- sh -c 'for a; do printf "[%s]\n" "$a"; done' sh "a b" '"q"' "it's" '' -d --list '*'
  expect_rc 0
  expected=$(printf '[%s]\n' "a b" '"q"' "it's" '' -d --list '*')
  [ "$out" = "$expected" ] || fail "arguments changed: $out"
  # A program whose name looks like an option, after --.
  mkdir "$work/bin"
  printf '#!/bin/sh\necho "option-named program ran: $*"\n' >"$work/bin/--list"
  chmod +x "$work/bin/--list"
  PATH="$work/bin:$PATH" run "$eglrun" -- --list --json
  expect_rc 0
  [ "$out" = "option-named program ran: --json" ] || fail "did not run the program named --list: $out"
  ;;
preload-kept)
  extra=$(/usr/bin/python3 -c 'import ctypes.util; print(ctypes.util.find_library("m") or "")')
  extra=/lib/x86_64-linux-gnu/${extra:-libm.so.6}
  [ -e "$extra" ] || extra=$(ls /usr/lib/*/libm.so.6 | head -n1)
  LD_PRELOAD=$extra run "$eglrun" -- sh -c 'echo "$LD_PRELOAD"; echo "$__GLX_VENDOR_LIBRARY_NAME"'
  expect_rc 0
  preload=$(head -n1 <<<"$out")
  vendor=$(tail -n1 <<<"$out")
  [ "${preload%%:*}" = "$extra" ] || fail "existing preload not kept first: $preload"
  lib=${preload##*:}
  case $lib in /*/libeglrun.so) ;; *) fail "preloaded library is not an absolute libeglrun.so: $preload" ;; esac
  [ -f "$lib" ] || fail "preloaded library does not exist: $lib"
  [ "$vendor" = eglrun ] || fail "__GLX_VENDOR_LIBRARY_NAME=$vendor"
  ;;
nested)
  # eglrun started under eglrun (e.g. from a shell it runs): one copy of the library, still first-party.
  run "$eglrun" -- "$eglrun" -- sh -c 'echo "$LD_PRELOAD"'
  expect_rc 0
  case $out in /*/libeglrun.so) ;; *) fail "nested LD_PRELOAD is $out" ;; esac
  ;;
options-to-environment)
  run "$eglrun" --quiet -v --fps 30 --profile --no-shm --no-spoil -- \
    sh -c 'echo "$EGLRUN_QUIET $EGLRUN_LOG $EGLRUN_FPS $EGLRUN_PROFILE $EGLRUN_NO_SHM $EGLRUN_SPOIL"'
  expect_rc 0
  [ "$(tail -n1 <<<"$out")" = "1 info 30 1 1 0" ] || fail "variables: $out"
  ;;
help-version)
  run "$eglrun" --help
  expect_rc 0
  for word in --device --list --doctor --json --require-gpu --native --quiet --verbose --version --fps \
    --profile --no-shm --no-spoil EGLRUN_DEVICE EGLRUN_REQUIRE_GPU EGLRUN_QUIET EGLRUN_LOG EGLRUN_FPS \
    EGLRUN_PROFILE EGLRUN_NO_SHM EGLRUN_SPOIL VGL_DISPLAY; do
    expect_in "$out" "$word"
  done
  run "$eglrun" --version
  expect_rc 0
  expect_in "$out" "eglrun "
  run "$eglrun" --bogus
  expect_rc 2
  expect_in "$err" "unknown option --bogus"
  ;;
installed)
  [ -n "$build_dir" ] || fail "needs the build directory"
  prefix=$work/prefix
  cmake --install "$build_dir" --prefix "$prefix" >"$work/install.log" 2>&1 || {
    cat "$work/install.log" >&2
    fail "cmake --install failed"
  }
  installed=$prefix/bin/eglrun
  [ -x "$installed" ] || fail "no $installed"
  run "$installed" -- sh -c 'echo "$LD_PRELOAD"'
  expect_rc 0
  case $out in "$prefix"/*/libeglrun.so) ;; *) fail "installed launcher preloads $out, not its own library" ;; esac
  # Moving the whole tree keeps it working: the library is found relative to the launcher.
  mv "$prefix" "$work/moved"
  run "$work/moved/bin/eglrun" -- sh -c 'echo "$LD_PRELOAD"'
  expect_rc 0
  case $out in "$work/moved"/*/libeglrun.so) ;; *) fail "moved launcher preloads $out" ;; esac
  ;;
*)
  fail "unknown case"
  ;;
esac
echo "PASS [$case_name]"
