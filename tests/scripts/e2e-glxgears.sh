#!/usr/bin/env bash
# E2E: glxgears (Debian's mesa-utils, unmodified) through eglrun on an Xvfb WITHOUT GLX, or with
# --side glx directly with Mesa's GLX on an Xvfb WITH GLX (proves the checks can pass).
#   e2e-glxgears.sh [--side eglrun|glx] [--eglrun PATH] --capture XWIN_CAPTURE [--artifacts DIR]
# 1. 2 s after start, its 300x300 window shows red, green and blue gear pixels.
# 2. After `xdotool windowsize ID 800 600`, the window content is 800x600 with the gears drawn at
#    the new size and centred: the bounding box of non-black pixels is centred in the window and
#    reaches far beyond the old 300x300 corner, red/green/blue are still there.
# 3. glxgears is still running afterwards and has printed its "N frames in 5.0 seconds" line.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
side=eglrun; eglrun=; capture=; artifacts=
while [[ $# -gt 0 ]]; do
  case $1 in
    --side) side=$2; shift 2 ;;
    --eglrun) eglrun=$2; shift 2 ;;
    --capture) capture=$2; shift 2 ;;
    --artifacts) artifacts=$2; shift 2 ;;
    --inner) inner=1; shift ;;
    *) echo "e2e-glxgears.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done
[[ -n $capture ]] || { echo "e2e-glxgears.sh: need --capture" >&2; exit 2; }
if [[ -z $artifacts ]]; then artifacts=$(mktemp -d); fi
mkdir -p "$artifacts"

if [[ ${inner:-0} -eq 0 ]]; then
  xvfb_opts=(--glx)
  if [[ $side == eglrun ]]; then
    [[ -x $eglrun ]] || { echo "FAIL: eglrun launcher not found at '${eglrun}' (not built yet?)" >&2; exit 1; }
    xvfb_opts=()
  fi
  exec "$here/xvfb-run.sh" "${xvfb_opts[@]}" -- "$0" --inner --side "$side" --eglrun "${eglrun:-none}" \
    --capture "$capture" --artifacts "$artifacts"
fi

# --- inside the Xvfb ---
cmd=(glxgears)
[[ $side == eglrun ]] && cmd=("$eglrun" -- glxgears)
SECONDS=0
"${cmd[@]}" >"$artifacts/glxgears.out" 2>"$artifacts/glxgears.err" </dev/null &
gears=$!
trap 'kill $gears 2>/dev/null || true; wait $gears 2>/dev/null || true' EXIT

fail=0
step() { echo "== $*"; }
dump() { echo "---- glxgears stdout:"; cat "$artifacts/glxgears.out"; echo "---- glxgears stderr:"; cat "$artifacts/glxgears.err"; }

step "window after 2 s shows red, green and blue gears"
for _ in $(seq 20); do   # fail fast if glxgears does not even start
  if ! kill -0 $gears 2>/dev/null; then
    st=0; wait $gears || st=$?
    echo "FAIL: glxgears exited at start (status $st)"; dump; exit 1
  fi
  sleep 0.1
done
if ! "$capture" --name glxgears --delay 2 --timeout 10 --out "$artifacts/gears-300x300.ppm" \
     --require 'width>=300' --require 'width<=300' --require 'height>=300' --require 'height<=300' \
     --require 'red_frac>=0.02' --require 'green_frac>=0.005' --require 'blue_frac>=0.005'; then
  fail=1
fi
id=$("$capture" --name glxgears --timeout 5 --print-id || true)
if [[ -z $id ]]; then echo "FAIL: glxgears window not found"; dump; exit 1; fi

step "resize to 800x600: gears at the new size, centred, not in the old corner"
xdotool windowsize "$id" 800 600
if ! "$capture" --id "$id" --delay 1 --timeout 10 --out "$artifacts/gears-800x600.ppm" \
     --require 'width>=800' --require 'width<=800' --require 'height>=600' --require 'height<=600' \
     --require 'red_frac>=0.02' --require 'green_frac>=0.005' --require 'blue_frac>=0.005' \
     --require 'bbox_cx_rel>=0.35' --require 'bbox_cx_rel<=0.65' \
     --require 'bbox_cy_rel>=0.35' --require 'bbox_cy_rel<=0.65' \
     --require 'nb_minx<=200' --require 'nb_maxx>=600' --require 'nb_miny<=150' --require 'nb_maxy>=450' \
     --require 'cx_rel>=0.3' --require 'cx_rel<=0.6' --require 'cy_rel>=0.4' --require 'cy_rel<=0.7'; then
  fail=1
fi

step "glxgears keeps running and reports its frame rate"
while ! grep -q 'frames in' "$artifacts/glxgears.out" && kill -0 $gears 2>/dev/null; do
  (( SECONDS < 15 )) || break
  sleep 0.2
done
if ! kill -0 $gears 2>/dev/null; then
  st=0; wait $gears || st=$?
  echo "FAIL: glxgears exited early (status $st)"; fail=1
fi
if grep -q 'frames in' "$artifacts/glxgears.out"; then
  grep 'frames in' "$artifacts/glxgears.out" | head -n1
else
  echo "FAIL: no 'frames in N seconds' line from glxgears"; fail=1
fi
if grep -q "X Error of failed request" "$artifacts/glxgears.err"; then echo "FAIL: X error on stderr"; fail=1; fi

if [[ $fail -ne 0 ]]; then dump; echo "FAIL (captures in $artifacts)"; exit 1; fi
echo PASS
