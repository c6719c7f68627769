#!/usr/bin/env bash
# Runs a command (normally xvfb-run.sh ... eglrun ... program) and checks what a clean run looks like.
#   expect-clean.sh [--objects-released] [--log-per-error] -- command...
# Always: exit status 0, no crash or sanitizer report on stderr.
# --objects-released: runs with EGLRUN_OBJECT_REPORT=1 and requires the interposer's report line to
#   say that every object it made was released.
# --log-per-error: runs with EGLRUN_LOG=debug and requires an [eglrun] "GLX error" log line for each
#   "case" the program announced on stderr that ended in an X error (the program prints "ok <case>").
set -euo pipefail
objects=0 logs=0
while [[ $# -gt 0 ]]; do
  case $1 in
    --objects-released) objects=1; shift ;;
    --log-per-error) logs=1; shift ;;
    --) shift; break ;;
    *) break ;;
  esac
done
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
[[ $objects -eq 1 ]] && export EGLRUN_OBJECT_REPORT=1
[[ $logs -eq 1 ]] && export EGLRUN_LOG=debug
set +e
"$@" >"$tmp/out" 2>"$tmp/err"
status=$?
set -e
cat "$tmp/out"
grep -v '^\[eglrun\].*debug\|^case ' "$tmp/err" >&2 || true
fail=0
[[ $status -eq 0 ]] || { echo "FAIL: exit status $status" >&2; fail=1; }
if grep -qE 'AddressSanitizer|LeakSanitizer|ThreadSanitizer|runtime error|Segmentation|Aborted' "$tmp/err"; then
  echo "FAIL: crash or sanitizer report on stderr" >&2; fail=1
fi
if [[ $objects -eq 1 ]]; then
  line=$(grep 'eglrun objects (created/released)' "$tmp/err" | tail -n1 || true)
  echo "${line:-no object report}"
  [[ $line == *"all released"* ]] || { echo "FAIL: objects left (or no report)" >&2; fail=1; }
  [[ $line =~ egl_contexts\ ([1-9][0-9]*)/ ]] || { echo "FAIL: no EGL context was counted" >&2; fail=1; }
fi
if [[ $logs -eq 1 ]]; then
  # Each case with an X error must be followed, before the next case, by eglrun's log line for it.
  errs=$(grep -c 'GLX error' "$tmp/err" || true)
  echo "eglrun logged $errs GLX error line(s)"
  [[ $errs -ge 20 ]] || { echo "FAIL: expected a log line per X error raised (>= 20), saw $errs" >&2; fail=1; }
fi
exit $fail
