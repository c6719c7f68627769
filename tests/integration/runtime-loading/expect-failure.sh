#!/usr/bin/env bash
# Runs a command that must FAIL cleanly: non-zero exit status below 128 (no crash, no timeout) and a
# line on stderr matching REGEX. Used for the switched-off cases, which must show that the mechanism
# under test is what makes the passing cases pass.
#   expect-failure.sh --stderr-matches REGEX -- command [args...]
set -euo pipefail
regex=
while [[ $# -gt 0 ]]; do
  case $1 in
    --stderr-matches) regex=$2; shift 2 ;;
    --) shift; break ;;
    *) echo "expect-failure.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done
[[ -n $regex && $# -gt 0 ]] || { echo "usage: expect-failure.sh --stderr-matches REGEX -- command..." >&2; exit 2; }
err=$(mktemp)
trap 'rm -f "$err"' EXIT
status=0
"$@" 2>"$err" || status=$?
echo "---- stderr (exit status $status):"; grep -v '^\(  \|\[eglrun\] warning: rendering in software\)' "$err" || true
if [[ $status -eq 0 ]]; then echo "FAIL: the command succeeded, it was expected to fail" >&2; exit 1; fi
if [[ $status -ge 124 ]]; then echo "FAIL: exit status $status (crash, signal or timeout), not a clean failure" >&2; exit 1; fi
if ! grep -Eq -- "$regex" "$err"; then echo "FAIL: stderr has no line matching '$regex'" >&2; exit 1; fi
echo "PASS: failed as expected (status $status)"
