#!/usr/bin/env bash
# Kills the X server under a rendering GLX program; run inside tests/scripts/xvfb-run.sh (XVFB_PID).
#   server-killed.sh [--handler] -- command...   (the command runs glx_fault server-killed)
# Passes when the program leaves through its own X I/O error path within 20 s: exit 42 and its
# handler's line with --handler, else Xlib's default handler (exit 1, "X connection to ... broken" or "fatal IO error"). A hang in
# any thread (the interposer's included) is a failure, as is a signal or a sanitizer report.
set -euo pipefail
handler=0
[[ ${1:-} == --handler ]] && { handler=1; shift; }
[[ ${1:-} == -- ]] && shift
: "${XVFB_PID:?run me inside xvfb-run.sh}"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
"$@" >"$tmp/out" 2>"$tmp/err" &
pid=$!
for _ in $(seq 300); do grep -q ready "$tmp/out" 2>/dev/null && break; kill -0 $pid 2>/dev/null || break; sleep 0.1; done
grep -q ready "$tmp/out" || { cat "$tmp/err" >&2; echo "FAIL: the program never got ready" >&2; exit 1; }
kill -KILL "$XVFB_PID"
start=$(date +%s.%N)
status=
for _ in $(seq 200); do
  if ! kill -0 $pid 2>/dev/null; then set +e; wait $pid; status=$?; set -e; break; fi
  sleep 0.1
done
if [[ -z $status ]]; then
  echo "FAIL: the program hangs 20 s after the X server died; its threads:" >&2
  ls /proc/$pid/task >&2 || true
  for t in /proc/$pid/task/*; do echo "$t $(cat $t/comm) $(cat $t/wchan 2>/dev/null)" >&2; done
  kill -KILL $pid; exit 1
fi
elapsed=$(echo "$(date +%s.%N) - $start" | bc 2>/dev/null || echo "?")
echo "program exited with status $status ${elapsed}s after the X server was killed"
echo "--- its stderr:"; cat "$tmp/err"
if grep -qE 'AddressSanitizer|LeakSanitizer|ThreadSanitizer|runtime error|Segmentation' "$tmp/err"; then
  echo "FAIL: crash or sanitizer report" >&2; exit 1
fi
if [[ $handler -eq 1 ]]; then
  [[ $status -eq 42 ]] && grep -q 'app: X I/O error handler' "$tmp/err" || { echo "FAIL: expected the app's handler (exit 42)" >&2; exit 1; }
else
  [[ $status -eq 1 ]] && grep -qiE 'fatal IO error|X connection to .* broken' "$tmp/err" || { echo "FAIL: expected Xlib's default I/O error exit (status 1)" >&2; exit 1; }
fi
echo PASS
