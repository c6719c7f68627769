#!/usr/bin/env bash
# MIT-SHM segments are private and never outlive the program. Run inside xvfb-run.sh.
#   shm-check.sh LAUNCHER GLX_PROGRAM
# While the program renders, every System V segment it created (cpid in /proc/sysvipc/shm) must be
# mode 0600 and already marked for removal (IPC_RMID: key 0 and the SHM_DEST bit in perms), so no
# other user can map a frame and nothing survives its processes; after SIGKILL none may remain.
# No file the program has open under /tmp or /dev/shm may be readable by others.
set -euo pipefail
launcher=$1 program=$2
tmp=$(mktemp -d); trap 'kill -KILL $pid 2>/dev/null || true; rm -rf "$tmp"' EXIT
mkdir -m 700 "$tmp/progtmp"
env -u EGLRUN_NO_SHM TMPDIR="$tmp/progtmp" "$launcher" -- "$program" --frames 0 --name shmcheck >"$tmp/out" 2>"$tmp/err" &
pid=$!
segs() { awk -v p="$1" 'NR>1 && $5==p {print}' /proc/sysvipc/shm; }
# The launcher execs the program, so $pid is the program. Wait for its frames (segments appear).
for _ in $(seq 100); do [[ -n $(segs $pid) ]] && break; kill -0 $pid || break; sleep 0.1; done
sleep 1  # a few more frames: segments are replaced as buffers grow
lines=$(segs $pid)
fail=0
if [[ -z $lines ]]; then
  cat "$tmp/err" >&2; echo "FAIL: the program made no shared-memory segment (MIT-SHM not used?)" >&2; exit 1
fi
echo "segments of pid $pid (key shmid perms size cpid lpid nattch ...):"
echo "$lines"
while read -r key shmid perms size cpid lpid nattch rest; do
  mode=$((8#$perms & 8#777)); dest=$((8#$perms & 8#1000))
  [[ $mode -eq $((8#600)) ]] || { echo "FAIL: segment $shmid has mode $(printf %o $mode)" >&2; fail=1; }
  [[ $dest -ne 0 && $key -eq 0 ]] || { echo "FAIL: segment $shmid (key $key) is not marked for removal" >&2; fail=1; }
done <<<"$lines"
# Files this script has open too (ctest's log, …) were inherited, not created by the program.
inherited=$(for fd in /proc/$$/fd/*; do readlink "$fd" 2>/dev/null || true; done)
for fd in /proc/$pid/fd/*; do
  target=$(readlink "$fd" || true)
  grep -Fxq -- "$target" <<<"$inherited" && continue
  case $target in
    "$tmp/out"|"$tmp/err") ;;  # our own capture of its output
    /tmp/*|/dev/shm/*)
      target=${target% (deleted)}
      if [[ -e $target ]] && (( 8#$(stat -c %a "$target") & 8#004 )); then
        echo "FAIL: world-readable temporary file $target" >&2; fail=1
      fi ;;
  esac
done
[[ -z $(find "$tmp/progtmp" -mindepth 1 -perm -o=r 2>/dev/null) ]] || {
  echo "FAIL: world-readable files in TMPDIR: $(find "$tmp/progtmp" -mindepth 1 -perm -o=r)" >&2; fail=1; }
kill -KILL $pid
wait $pid 2>/dev/null || true
for _ in $(seq 50); do [[ -z $(segs $pid) ]] && break; sleep 0.1; done
left=$(segs $pid)
[[ -z $left ]] || { echo "FAIL: segments left after SIGKILL:"; echo "$left"; fail=1; } >&2
echo "after SIGKILL: $( [[ -z $left ]] && echo 'no segment of ours remains' || echo "$left")"
[[ $fail -eq 0 ]] && echo PASS
exit $fail
