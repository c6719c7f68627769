#!/usr/bin/env bash
# E2E for device selection and the software fallback, with real programs on an Xvfb without GLX:
#   - `eglrun glxinfo` prints exactly one fallback warning, naming the missing /dev/dri and the
#     missing hardware EGL vendor as causes (on a machine like CI's: no GPU);
#   - `VGL_DISPLAY=egl0 eglrun glxinfo` works and, the device being named, does not warn;
#   - `eglrun --require-gpu glxinfo` refuses before the program runs, with a clear message;
#   - the interposer without the launcher and a bad device: context creation fails with the device
#     error (GLX error, no crash), glxinfo reports no context.
#   e2e-device-checks.sh --eglrun PATH --lib PATH [--artifacts DIR]
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
eglrun=; lib=; artifacts=$(mktemp -d)
while [[ $# -gt 0 ]]; do
  case $1 in
    --eglrun) eglrun=$2; shift 2 ;;
    --lib) lib=$2; shift 2 ;;
    --artifacts) artifacts=$2; shift 2 ;;
    *) echo "e2e-device-checks.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done
mkdir -p "$artifacts"
[[ -d /dev/dri ]] && { echo "this machine has /dev/dri: the software-only checks do not apply"; exit 77; }

fail=0
check() { local what=$1; shift; if "$@"; then echo "ok   $what"; else echo "FAIL $what"; fail=1; fi; }
run() {  # run NAME CMD... : output in $artifacts/NAME.out, status in $artifacts/NAME.status
  local name=$1; shift; local st=0
  "$here/xvfb-run.sh" -- "$@" >"$artifacts/$name.out" 2>&1 || st=$?
  echo "$st" >"$artifacts/$name.status"
}
status() { cat "$artifacts/$1.status"; }

run default "$eglrun" -- glxinfo -B
check "eglrun glxinfo renders (direct rendering: Yes)" grep -q '^direct rendering: Yes' "$artifacts/default.out"
check "exactly one fallback warning" test "$(grep -c 'rendering in software' "$artifacts/default.out")" -eq 1
check "the warning names the missing /dev/dri" grep -q 'no /dev/dri' "$artifacts/default.out"
check "the warning names the missing hardware EGL vendor" grep -q 'no hardware EGL vendor' "$artifacts/default.out"

run vgl env VGL_DISPLAY=egl0 "$eglrun" -- glxinfo -B
check "VGL_DISPLAY=egl0 eglrun glxinfo renders" grep -q '^OpenGL renderer string:.*llvmpipe' "$artifacts/vgl.out"
check "a named software device does not warn" test "$(grep -c 'rendering in software' "$artifacts/vgl.out")" -eq 0

run strict "$eglrun" --require-gpu -- glxinfo -B
check "--require-gpu refuses (status $(status strict))" test "$(status strict)" -ne 0
check "--require-gpu says why" grep -qi 'software' "$artifacts/strict.out"
check "--require-gpu never started glxinfo" bash -c "! grep -q 'direct rendering' '$artifacts/strict.out'"

run preload_bad env LD_PRELOAD="$lib" EGLRUN_DEVICE=egl7 __GLX_VENDOR_LIBRARY_NAME=eglrun glxinfo -B
check "without the launcher, a bad device is named in the log" grep -q 'EGL device egl7 does not exist' "$artifacts/preload_bad.out"
check "without the launcher, it is context creation that fails" grep -q 'cannot create an OpenGL context' "$artifacts/preload_bad.out"
check "without the launcher, no context is made on another device" bash -c "! grep -q '^OpenGL renderer string' '$artifacts/preload_bad.out'"
check "without the launcher, no crash (status $(status preload_bad) < 128)" test "$(status preload_bad)" -lt 128

run preload_strict env LD_PRELOAD="$lib" EGLRUN_REQUIRE_GPU=1 __GLX_VENDOR_LIBRARY_NAME=eglrun glxinfo -B
check "without the launcher, EGLRUN_REQUIRE_GPU refuses the context" bash -c "! grep -q '^OpenGL renderer string' '$artifacts/preload_strict.out'"
check "without the launcher, the refusal is explained" grep -q 'GPU rendering is required' "$artifacts/preload_strict.out"

if [[ $fail -ne 0 ]]; then echo "outputs in $artifacts"; exit 1; fi
echo PASS
