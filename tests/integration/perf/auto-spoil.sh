#!/usr/bin/env bash
# On a software renderer (Mesa's llvmpipe device here) the default is not to spoil: every frame the
# program swaps reaches the window, because a dropped frame's rendering is CPU time the presenter
# needed. EGLRUN_SPOIL=1 still spoils (its drop count is printed, not asserted: it depends on timing).
#   auto-spoil.sh EGLRUN GLX_BENCH
set -euo pipefail
eglrun=$1; bench=$2
run() {  # prints the program's log; the empty scene at 1080p renders far faster than it can be shown
  "$@" "$eglrun" -v -v -- "$bench" --scene empty --size 1920x1080 --seconds 6 2>&1 >/dev/null
}
log=$(run env -u EGLRUN_SPOIL EGLRUN_PROFILE=1)
echo "$log" | grep -E "profile|spoil" || true
if ! grep -q "software renderer: every frame is shown" <<<"$log"; then
  echo "FAIL: default on a software renderer did not say that it presents every frame" >&2
  exit 1
fi
dropped=$(grep -oE '[0-9]+ dropped' <<<"$log" | awk '{s += $1} END {print s + 0}')
shown=$(grep -oE '\([0-9]+ shown' <<<"$log" | tr -d '(' | awk '{s += $1} END {print s + 0}')
if [[ $shown -eq 0 || $dropped -ne 0 ]]; then
  echo "FAIL: default (auto) on a software renderer: $shown frames shown, $dropped dropped (want >0, 0)" >&2
  exit 1
fi
echo "ok: auto on llvmpipe: $shown shown, 0 dropped"
log=$(run env EGLRUN_SPOIL=1 EGLRUN_PROFILE=1)
if grep -q "every frame is shown" <<<"$log"; then
  echo "FAIL: EGLRUN_SPOIL=1 did not turn spoiling on" >&2
  exit 1
fi
echo "info: EGLRUN_SPOIL=1: $(grep -oE '[0-9]+ shown, [0-9]+ dropped' <<<"$log" | head -1)"
