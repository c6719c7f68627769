#!/usr/bin/env bash
# Threads acceptance (issue 4): glx_threads_windows renders with 4 threads at once, each with its own
# context and window, for several hundred frames (checking its own pixels every frame itself); then
# all 4 windows are read back from another X connection and each must show its own pattern:
# black with quadrant i filled in thread i's colour, identical to the same program under Mesa's GLX.
#   threads-test.sh --bin TEST_BIN_DIR [--side eglrun|glx] [--eglrun PATH] [--frames N] [--artifacts DIR]
#   --side eglrun (default): the program runs under eglrun on an Xvfb WITHOUT GLX.
#   --side glx:   it runs again with Mesa's GLX (reference twin: proves the checks can pass).
# The reference captures (Mesa's GLX on an Xvfb with GLX) must themselves meet the pattern
# requirements, so an empty or wrong reference cannot make the comparison pass.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
scripts=$here/../scripts
bin=; side=eglrun; eglrun=; frames=500; artifacts=; inner=
while [[ $# -gt 0 ]]; do
  case $1 in
    --bin) bin=$2; shift 2 ;;
    --side) side=$2; shift 2 ;;
    --eglrun) eglrun=$2; shift 2 ;;
    --frames) frames=$2; shift 2 ;;
    --artifacts) artifacts=$2; shift 2 ;;
    --inner) inner=$2; shift 2 ;;  # internal: run and capture on $DISPLAY, output prefix $inner
    --) shift; break ;;
    *) echo "threads-test.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done
[[ -n $bin ]] || { echo "threads-test.sh: need --bin" >&2; exit 2; }
name=glx_threads_windows
export EGLRUN_QUIET=1  # no software-rendering notice in the program's stderr

# Pattern requirements of window i (window coordinates, y down; GL quadrant i: 0 bottom-left,
# 1 bottom-right, 2 top-left, 3 top-right; colours red, green, blue, yellow).
requirements() {
  local i=$1 cx cy
  cx=$(( i % 2 ? 75 : 25 )); cy=$(( i / 2 ? 25 : 75 ))
  echo --require "nonblack_frac>=0.245" --require "nonblack_frac<=0.255"
  echo --require "bbox_cx_rel>=0.$((cx - 2))" --require "bbox_cx_rel<=0.$((cx + 2))"
  echo --require "bbox_cy_rel>=0.$((cy - 2))" --require "bbox_cy_rel<=0.$((cy + 2))"
  case $i in
    0) echo --require "red_frac>=0.245" ;;
    1) echo --require "green_frac>=0.245" ;;
    2) echo --require "blue_frac>=0.245" ;;
    3) echo --require "red_frac<=0.001" --require "green_frac<=0.001" --require "blue_frac<=0.001" ;;
  esac
}

if [[ -n $inner ]]; then
  # Runs "$@" (the program), captures its 4 windows, ends it with a key press: exit 0 expected.
  "$@" --frames "$frames" --size 128x128 --hold 60 --name "$name" 2>"$inner.stderr" </dev/null &
  pid=$!
  trap 'kill $pid 2>/dev/null || true' EXIT
  status=0
  for i in 0 1 2 3; do
    # shellcheck disable=SC2046
    args=(--name "$name-$i ready" --timeout 40 --settle --out "$inner-$i.ppm" $(requirements "$i"))
    if [[ -n ${REFERENCE:-} ]]; then args+=(--compare "$REFERENCE-$i.ppm"); fi
    if ! "$bin/xwin_capture" "${args[@]}" >"$inner-$i.probe" 2>&1; then
      echo "threads-test.sh: window $i of $* does not show its pattern:"; cat "$inner-$i.probe"
      status=1
    fi
    kill -0 "$pid" 2>/dev/null || break
  done
  if kill -0 "$pid" 2>/dev/null; then
    id=$("$bin/xwin_capture" --name "$name-0 ready" --timeout 5 --print-id 2>/dev/null || true)
    [[ -n $id ]] && { xdotool keydown --window "$id" q >/dev/null 2>&1 || true; }
    for _ in $(seq 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    if kill -0 "$pid" 2>/dev/null; then
      echo "threads-test.sh: $* did not exit within 10 s of a key press"; status=1
    fi
  fi
  prog_status=0; wait "$pid" || prog_status=$?
  trap - EXIT
  if [[ $prog_status -ne 0 ]]; then echo "threads-test.sh: $* exited with status $prog_status"; status=1; fi
  cat "$inner.stderr"
  if grep -q "X Error of failed request" "$inner.stderr"; then echo "threads-test.sh: X error"; status=1; fi
  exit "$status"
fi

if [[ $side == eglrun && ! -x $eglrun ]]; then
  echo "threads-test.sh: eglrun launcher not found at '${eglrun}'" >&2; exit 1
fi
[[ -n $artifacts ]] || artifacts=$(mktemp -d)
rm -rf "$artifacts"; mkdir -p "$artifacts"
self=$here/threads-test.sh
common=(--bin "$bin" --frames "$frames")

echo "== reference: Mesa GLX on Xvfb with GLX"
"$scripts/xvfb-run.sh" --glx --log "$artifacts/xvfb-reference.log" -- \
  "$self" "${common[@]}" --inner "$artifacts/reference" -- "$bin/$name"
echo "== $side"
if [[ $side == eglrun ]]; then
  REFERENCE=$artifacts/reference "$scripts/xvfb-run.sh" --log "$artifacts/xvfb-eglrun.log" -- \
    "$self" "${common[@]}" --inner "$artifacts/eglrun" -- "$eglrun" -- "$bin/$name"
else
  REFERENCE=$artifacts/reference "$scripts/xvfb-run.sh" --glx --log "$artifacts/xvfb-glx.log" -- \
    "$self" "${common[@]}" --inner "$artifacts/glx" -- "$bin/$name"
fi
echo "threads-test.sh: all 4 windows show their own pattern ($side, $frames frames per thread)"
