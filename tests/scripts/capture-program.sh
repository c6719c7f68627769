#!/usr/bin/env bash
# Starts a GLX program on $DISPLAY, waits for its window and captures it with xwin_capture from a
# separate X connection, then stops the program.
#   capture-program.sh --capture XWIN_CAPTURE --name WINDOW_NAME [--stderr FILE] [--timeout S]
#                      [--quit-key] [capture options (--out F, --compare F, --settle, ...)]
#                      -- command [args...]
# Fails (status 1) if the capture fails, or if the program exits before it was captured (its
# status is reported; its stderr is printed). After the capture the program is stopped: with
# --quit-key by a key press sent to its window (xdotool), after which it must exit by itself with
# status 0 within 10 s (clean teardown: context, window and display released); otherwise SIGTERM.
set -euo pipefail

capture=
name=
errfile=
timeout=20
quit_key=0
capture_args=()
while [[ $# -gt 0 ]]; do
  case $1 in
    --capture) capture=$2; shift 2 ;;
    --name) name=$2; shift 2 ;;
    --stderr) errfile=$2; shift 2 ;;
    --timeout) timeout=$2; shift 2 ;;
    --quit-key) quit_key=1; shift ;;
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

if [[ $quit_key -eq 1 && $status -eq 0 && -n $prog_pid ]]; then
  id=$("$capture" --name "$name" --timeout 2 --print-id 2>/dev/null || true)
  [[ -n $id ]] && { xdotool keydown --window "$id" q >/dev/null 2>&1 || true; }
  for _ in $(seq 100); do kill -0 "$prog_pid" 2>/dev/null || break; sleep 0.1; done
  if kill -0 "$prog_pid" 2>/dev/null; then
    echo "capture-program.sh: '$*' did not exit within 10 s of a key press in its window" >&2
    status=1
  else
    prog_status=0
    wait "$prog_pid" || prog_status=$?
    prog_pid=
    if [[ $prog_status -ne 0 ]]; then
      echo "capture-program.sh: '$*' exited with status $prog_status after the key press (expected 0)" >&2
      status=1
    fi
  fi
fi
if [[ -n $prog_pid ]] && kill -0 "$prog_pid" 2>/dev/null; then
  kill "$prog_pid" 2>/dev/null || true
  wait "$prog_pid" 2>/dev/null || true
  prog_pid=
fi
if [[ $status -ne 0 ]]; then
  echo "capture-program.sh: capture or exit check of '$name' failed (status $status) for: $*" >&2
  if [[ $own_err -eq 1 && -s $errfile ]]; then echo "---- program stderr:" >&2; cat "$errfile" >&2; echo "----" >&2; fi
fi
exit "$status"
