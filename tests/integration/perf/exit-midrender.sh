#!/usr/bin/env bash
# A program that calls exit() in the middle of rendering, with its context, window and the
# presenter thread all alive, must exit promptly with its own status (no hang in the presenter
# thread, no crash in EGL's exit handlers). Run with spoiling on and off.
#   exit-midrender.sh EGLRUN GLX_BENCH
set -euo pipefail
eglrun=$1; bench=$2
for spoil in 1 0; do
  start=$(date +%s%N)
  set +e
  EGLRUN_SPOIL=$spoil EGLRUN_QUIET=1 timeout 20 "$eglrun" -- "$bench" --scene empty --size 640x480 --exit-after 50
  status=$?
  set -e
  ms=$(( ($(date +%s%N) - start) / 1000000 ))
  if [[ $status -ne 0 ]]; then
    echo "FAIL: EGLRUN_SPOIL=$spoil: exit status $status after ${ms} ms (124 = hung)" >&2
    exit 1
  fi
  echo "ok: EGLRUN_SPOIL=$spoil: exit() mid-render returned status 0 in ${ms} ms"
done
