#!/usr/bin/env bash
# Starts a GLX program on $DISPLAY, waits for its window and captures it with xwin_capture from a
# separate X connection, then stops the program.
#   capture-program.sh --capture XWIN_CAPTURE --name WINDOW_NAME [--stderr FILE] [--timeout S]
#                      [capture options (--out F, --compare F, --settle, --require E, ...)]
#                      -- command [args...]
# Fails (status 1) if the capture fails, or if the program exits before it was captured (its
# status is reported; its stderr is printed). The program is killed with SIGTERM after the capture.
set -euo pipefail

capture=
name=
errfile=
timeout=20
capture_args=()
while [[ $# -gt 0 ]]; do
  case $1 in
    --capture) capture=$2; shift 2 ;;
    --name) name=$2; shift 2 ;;
    --stderr) errfile=$2; shift 2 ;;
    --timeout) timeout=$2; shift 2 ;;
    --) shift; break ;;
    --settle|--probe) capture_args+=("$1"); shift ;;
    *) capture_args+=("$1" "$2"); shift 2 ;;
  esac
done
[[ -n $capture && -n $name && $# -gt 0 ]] || { echo "capture-program.sh: bad usage" >&2; exit 2; }

own_err=0
if [[ -z $errfile ]]; then errfile=$(mktemp); own_err=1; fi
prog_pid=
cap_pid=
cleanup() {
  for p in $cap_pid $prog_pid; do
    if kill -0 "$p" 2>/dev/null; then kill "$p" 2>/dev/null || true; fi
  done
  for p in $cap_pid $prog_pid; do wait "$p" 2>/dev/null || true; done
  if [[ $own_err -eq 1 ]]; then rm -f "$errfile"; fi
}
trap cleanup EXIT

"$@" 2>"$errfile" </dev/null &
prog_pid=$!
"$capture" --name "$name" --timeout "$timeout" "${capture_args[@]}" &
cap_pid=$!

status=0
while :; do
  if ! kill -0 "$cap_pid" 2>/dev/null; then
    wait "$cap_pid" || status=$?
    cap_pid=
    break
  fi
  if ! kill -0 "$prog_pid" 2>/dev/null; then
    prog_status=0
    wait "$prog_pid" || prog_status=$?
    prog_pid=
    # The program may legitimately finish right after the capture; give the capture a moment.
    for _ in $(seq 20); do kill -0 "$cap_pid" 2>/dev/null || break; sleep 0.1; done
    if kill -0 "$cap_pid" 2>/dev/null; then
      echo "capture-program.sh: '$*' exited with status $prog_status before its window was captured" >&2
      # With --stderr the caller shows the program's stderr itself.
      if [[ $own_err -eq 1 ]]; then echo "---- its stderr:" >&2; cat "$errfile" >&2; echo "----" >&2; fi
      exit 1
    fi
  fi
  sleep 0.1
done

if [[ -n $prog_pid ]] && kill -0 "$prog_pid" 2>/dev/null; then
  kill "$prog_pid" 2>/dev/null || true
  wait "$prog_pid" 2>/dev/null || true
  prog_pid=
fi
if [[ $status -ne 0 ]]; then
  echo "capture-program.sh: capture of '$name' failed (status $status) for: $*" >&2
  if [[ $own_err -eq 1 && -s $errfile ]]; then echo "---- program stderr:" >&2; cat "$errfile" >&2; echo "----" >&2; fi
fi
exit "$status"
