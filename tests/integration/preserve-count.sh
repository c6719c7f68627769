#!/usr/bin/env bash
# The deferred back-buffer preserve copy (docs/performance.md): glxgears-like frames, which start
# with a full glClear, make no copy; a frame drawn over the previous one makes exactly one.
#   preserve-count.sh <eglrun launcher> <glx_preserve_back>
set -euo pipefail
launcher=$1 program=$2
here=$(cd "$(dirname "$0")" && pwd)
frames=10
err=$(mktemp); trap 'rm -f "$err"' EXIT
status=0
EGLRUN_QUIET=1 EGLRUN_OBJECT_REPORT=1 "$here/../scripts/xvfb-run.sh" -- "$launcher" -- "$program" --count $frames \
  2>"$err" || status=$?
cat "$err" >&2
[[ $status -eq 0 ]] || { echo "FAIL: glx_preserve_back --count exited $status" >&2; exit 1; }
line=$(grep -o 'back-buffer preserve copies: .*' "$err" || true)
# The first frame has nothing to preserve; the other cleared ones skip; the last one copies.
want="back-buffer preserve copies: 1 made, $((frames - 1)) skipped"
if [[ $line != "$want" ]]; then
  echo "FAIL: expected '$want', got '${line:-no report line}'" >&2
  exit 1
fi
echo "ok   $line"
