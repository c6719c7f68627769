#!/usr/bin/env bash
# Demo: installs what is missing (when root), builds, and runs the unmodified glxgears from Debian's
# mesa-utils through build/bin/eglrun for about 5 seconds. If DISPLAY is unset it starts its own
# Xvfb WITHOUT the GLX extension (-extension GLX) and stops it afterwards. Prints the GL renderer
# (from `eglrun glxinfo -B`) and glxgears's frame rate.
#   scripts/demo.sh
# Environment: EGLRUN_BUILD_DIR (default: build).
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${EGLRUN_BUILD_DIR:-$root/build}

if [[ ${1:-} != --inner ]]; then
  "$root/scripts/install-deps.sh"
  if [[ ! -f $build/build.ninja ]]; then
    cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
  fi
  echo "Building in $build ..."
  cmake --build "$build" >/dev/null
  if [[ -z ${DISPLAY:-} ]]; then
    echo "DISPLAY is not set: starting a private Xvfb without GLX (-extension GLX)"
    exec "$root/tests/scripts/xvfb-run.sh" -- "$0" --inner
  fi
fi

eglrun=$build/bin/eglrun
[[ -x $eglrun ]] || { echo "demo: $eglrun was not built" >&2; exit 1; }

extensions=$(xdpyinfo 2>/dev/null || true)
if grep -q '^ *GLX$' <<<"$extensions"; then glx="present"; else glx="absent"; fi
echo "X display $DISPLAY, GLX extension on the server: $glx"

info=$("$eglrun" glxinfo -B 2>&1) || true
renderer=$(grep -m1 'OpenGL renderer string' <<<"$info" || true)
if [[ -z $renderer ]]; then
  echo "demo: eglrun glxinfo -B printed no renderer:" >&2; echo "$info" >&2; exit 1
fi
echo "$renderer"

echo "Running glxgears through eglrun for ~5 s ..."
out=$(mktemp)
trap 'rm -f "$out"' EXIT
"$eglrun" glxgears >"$out" 2>&1 &
pid=$!
for _ in $(seq 100); do   # glxgears prints its rate after 5 s; wait up to 10 s
  grep -q 'frames in' "$out" && break
  kill -0 "$pid" 2>/dev/null || break
  sleep 0.1
done
kill "$pid" 2>/dev/null || true
status=0; wait "$pid" 2>/dev/null || status=$?
if ! grep -q 'frames in' "$out"; then
  echo "demo: glxgears reported no frame rate (status $status):" >&2; cat "$out" >&2; exit 1
fi
echo "glxgears: $(grep -m1 'frames in' "$out")"
