#!/usr/bin/env bash
# Pixel identity test: renders a GLX test program with Mesa's own GLX on an Xvfb that HAS GLX (the
# reference), captures its window; then renders the same program on a second side and requires
# the capture to be identical (0 differing pixels unless --max-diff says otherwise).
#   pixel-test.sh --program PATH --name WINDOW_NAME --bin TEST_BIN_DIR
#                 [--side eglrun|glx] [--eglrun PATH] [--unshare-ipc] [--size WxH]
#                 [--artifacts DIR] [--max-diff N] [--tolerance T] [--max-eglrun-lines N]
#   --side eglrun (default): the program runs as `eglrun PROGRAM` on an Xvfb started with
#                 -extension GLX (no GLX on the server).
#   --side glx:   the program runs again with Mesa's GLX on an Xvfb with GLX (self-check of the
#                 harness: proves the scene is deterministic and the capture can match).
#   --unshare-ipc: the second side's program runs under `unshare --ipc` (it cannot share memory
#                 with the X server, so MIT-SHM attach fails). Needs root or user namespaces;
#                 exits 77 (skipped) if unshare is not permitted.
#   --max-eglrun-lines N: the second side's stderr may hold at most N lines containing "[eglrun]".
#   --eglrun-line REGEX: one of those lines must match REGEX (e.g. proof that a fallback happened).
#   --ignore-eglrun-line REGEX: lines matching REGEX are not counted by --max-eglrun-lines.
# The second side's stderr must never contain "X Error of failed request", and after the capture
# the program must exit cleanly (status 0) when a key is pressed in its window.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
program=; name=; bin=; side=eglrun; eglrun=; unshare_ipc=0; size=256x256
artifacts=; max_diff=0; tolerance=0; max_lines=; line_re=; ignore_re='^$'
while [[ $# -gt 0 ]]; do
  case $1 in
    --program) program=$2; shift 2 ;;
    --name) name=$2; shift 2 ;;
    --bin) bin=$2; shift 2 ;;
    --side) side=$2; shift 2 ;;
    --eglrun) eglrun=$2; shift 2 ;;
    --unshare-ipc) unshare_ipc=1; shift ;;
    --size) size=$2; shift 2 ;;
    --artifacts) artifacts=$2; shift 2 ;;
    --max-diff) max_diff=$2; shift 2 ;;
    --tolerance) tolerance=$2; shift 2 ;;
    --max-eglrun-lines) max_lines=$2; shift 2 ;;
    --eglrun-line) line_re=$2; shift 2 ;;
    --ignore-eglrun-line) ignore_re=$2; shift 2 ;;
    *) echo "pixel-test.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done
[[ -n $program && -n $name && -n $bin ]] || { echo "pixel-test.sh: need --program, --name, --bin" >&2; exit 2; }
if [[ $side == eglrun && ! -x $eglrun ]]; then
  echo "pixel-test.sh: eglrun launcher not found at '${eglrun}' (not built yet?)" >&2
  exit 1
fi
if [[ $unshare_ipc -eq 1 ]] && ! unshare --ipc true 2>/dev/null; then
  echo "pixel-test.sh: 'unshare --ipc' is not permitted here (needs root); skipping" >&2
  exit 77
fi

if [[ -z $artifacts ]]; then artifacts=$(mktemp -d); fi
rm -rf "$artifacts"; mkdir -p "$artifacts"
ref=$artifacts/reference.ppm
out=$artifacts/$side.ppm
err=$artifacts/$side.stderr
prog_args=(--frames 3 --hold 60 --size "$size" --name "$name")
ready="$name ready"

echo "== reference: Mesa GLX on Xvfb with GLX"
"$here/xvfb-run.sh" --glx --log "$artifacts/xvfb-reference.log" -- \
  "$here/capture-program.sh" --capture "$bin/xwin_capture" --name "$ready" --stderr "$artifacts/reference.stderr" \
  --settle --out "$ref" -- "$program" "${prog_args[@]}"

cmd=("$program" "${prog_args[@]}")
xvfb_opts=(--glx)
if [[ $side == eglrun ]]; then cmd=("$eglrun" -- "${cmd[@]}"); xvfb_opts=(); fi
if [[ $unshare_ipc -eq 1 ]]; then cmd=(unshare --ipc -- "${cmd[@]}"); fi
echo "== $side side: ${cmd[*]} on Xvfb $([[ $side == eglrun ]] && echo "-extension GLX" || echo "with GLX")"
status=0
"$here/xvfb-run.sh" "${xvfb_opts[@]}" --log "$artifacts/xvfb-$side.log" -- \
  "$here/capture-program.sh" --capture "$bin/xwin_capture" --name "$ready" --stderr "$err" \
  --quit-key --settle --out "$out" --compare "$ref" --tolerance "$tolerance" --max-diff "$max_diff" \
  --diff-out "$artifacts/diff.ppm" -- "${cmd[@]}" || status=$?

if grep -q "X Error of failed request" "$err"; then
  echo "FAIL: the program's stderr has an X error:" >&2; cat "$err" >&2; status=1
fi
if [[ -n $max_lines ]]; then
  n=$(grep '\[eglrun\]' "$err" | grep -Evc "$ignore_re" || true)
  if [[ $n -gt $max_lines ]]; then
    echo "FAIL: $n [eglrun] lines on stderr, at most $max_lines allowed:" >&2; cat "$err" >&2; status=1
  else
    echo "stderr has $n [eglrun] line(s) (at most $max_lines allowed)"
  fi
fi
if [[ -n $line_re ]] && ! grep '\[eglrun\]' "$err" | grep -Eq "$line_re"; then
  echo "FAIL: no [eglrun] line on stderr matches /$line_re/" >&2; status=1
fi
if [[ -s $err ]]; then echo "---- $side stderr:"; cat "$err"; echo "----"; fi
if [[ $status -ne 0 ]]; then echo "FAIL (captures and logs in $artifacts)"; else echo "PASS"; fi
exit "$status"
