#!/usr/bin/env bash
# Runs a command against its own, fresh Xvfb and returns the command's exit status.
#   xvfb-run.sh [--glx] [--screen WxHxD] [--log FILE] [--] command [args...]
# The server is started on a free display (-displayfd), with -noreset (see docs/testing.md), and
# WITHOUT the GLX extension (-extension GLX) unless --glx is given (the reference side: Mesa's own
# GLX). DISPLAY is exported to the command; XVFB_PID too. The server is killed when the command
# ends, also on a signal. Exit status 125 when Xvfb cannot be started.
set -euo pipefail

glx=0
screen=1280x1024x24
log=/dev/null
while [[ $# -gt 0 ]]; do
  case $1 in
    --glx) glx=1; shift ;;
    --no-glx) glx=0; shift ;;
    --screen) screen=$2; shift 2 ;;
    --log) log=$2; shift 2 ;;
    --) shift; break ;;
    -*) echo "xvfb-run.sh: unknown option $1" >&2; exit 2 ;;
    *) break ;;
  esac
done
[[ $# -gt 0 ]] || { echo "usage: xvfb-run.sh [--glx] [--screen WxHxD] [--log FILE] [--] command [args...]" >&2; exit 2; }

tmp=$(mktemp -d "${TMPDIR:-/tmp}/xvfb-run.XXXXXX")
xvfb_pid=
cleanup() {
  if [[ -n $xvfb_pid ]] && kill -0 "$xvfb_pid" 2>/dev/null; then
    kill "$xvfb_pid" 2>/dev/null || true
    for _ in $(seq 50); do kill -0 "$xvfb_pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$xvfb_pid" 2>/dev/null || true
    wait "$xvfb_pid" 2>/dev/null || true
  fi
  rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 143' TERM
trap 'exit 130' INT

args=(-displayfd 3 -noreset -nolisten tcp -screen 0 "$screen")
[[ $glx -eq 1 ]] || args+=(-extension GLX)
Xvfb "${args[@]}" 3>"$tmp/display" >>"$log" 2>&1 </dev/null &
xvfb_pid=$!

display=
for _ in $(seq 200); do   # up to 20 s
  if [[ -s $tmp/display ]] && display=$(head -n1 "$tmp/display") && [[ -n $display ]]; then break; fi
  kill -0 "$xvfb_pid" 2>/dev/null || { echo "xvfb-run.sh: Xvfb exited during start-up (see ${log})" >&2; exit 125; }
  sleep 0.1
done
[[ -n $display ]] || { echo "xvfb-run.sh: Xvfb gave no display number in 20 s" >&2; exit 125; }

export DISPLAY=":$display" XVFB_PID=$xvfb_pid
# The command's status is the script's status; keep the EXIT trap for the server.
set +e
"$@"
status=$?
set -e
exit "$status"
