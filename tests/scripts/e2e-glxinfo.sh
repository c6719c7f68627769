#!/usr/bin/env bash
# E2E: glxinfo (Debian's mesa-utils, unmodified) through eglrun on an Xvfb WITHOUT GLX, or with
# --side glx directly with Mesa's GLX on an Xvfb WITH GLX (proves the checks can pass).
#   e2e-glxinfo.sh [--side eglrun|glx] [--eglrun PATH] [--artifacts DIR]
# Checks (glxinfo exits 0 even when it fails, so its output is what is checked):
#   exit status 0; "direct rendering: Yes"; "OpenGL renderer string:" names llvmpipe;
#   "OpenGL core profile version string:" is 4.5 or greater; for eglrun, the server or client GLX
#   vendor string names eglrun (case-insensitive).
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
side=eglrun; eglrun=; artifacts=
while [[ $# -gt 0 ]]; do
  case $1 in
    --side) side=$2; shift 2 ;;
    --eglrun) eglrun=$2; shift 2 ;;
    --artifacts) artifacts=$2; shift 2 ;;
    *) echo "e2e-glxinfo.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done
if [[ -z $artifacts ]]; then artifacts=$(mktemp -d); fi
mkdir -p "$artifacts"
out=$artifacts/glxinfo-$side.txt

if [[ $side == eglrun ]]; then
  [[ -x $eglrun ]] || { echo "FAIL: eglrun launcher not found at '${eglrun}' (not built yet?)" >&2; exit 1; }
  cmd=("$eglrun" -- glxinfo); xvfb_opts=()
else
  cmd=(glxinfo); xvfb_opts=(--glx)
fi
status=0
"$here/xvfb-run.sh" "${xvfb_opts[@]}" -- "${cmd[@]}" >"$out" 2>&1 || status=$?

fail=0
check() {  # check DESCRIPTION COMMAND...
  local what=$1; shift
  if "$@"; then echo "ok   $what"; else echo "FAIL $what"; fail=1; fi
}
check "glxinfo exits 0 (status $status)" test "$status" -eq 0
check "direct rendering: Yes" grep -q '^direct rendering: Yes' "$out"
check "OpenGL renderer string names llvmpipe" grep -Eq '^OpenGL renderer string:.*llvmpipe' "$out"
core=$(sed -n 's/^OpenGL core profile version string: \([0-9]*\)\.\([0-9]*\).*/\1 \2/p' "$out" | head -n1)
core_ok() { [[ -n $core ]] && read -r maj min <<<"$core" && (( maj > 4 || (maj == 4 && min >= 5) )); }
check "OpenGL core profile version string >= 4.5 (got '${core/ /.}')" core_ok
if [[ $side == eglrun ]]; then
  check "a GLX vendor string names eglrun" grep -Eiq '^(server|client) glx vendor string:.*eglrun' "$out"
fi
grep -E '^(direct rendering|server glx vendor|client glx vendor|OpenGL renderer|OpenGL core profile version)' "$out" || true
if [[ $fail -ne 0 ]]; then
  echo "---- glxinfo output (head):"; head -n 40 "$out"; echo "---- full output: $out"
  exit 1
fi
echo PASS
