#!/usr/bin/env bash
# clang-tidy over the library's and the launcher's sources with the checks of .clang-tidy (bug-finding
# and performance checks; every finding is an error), as CI runs it.
#   scripts/tidy.sh [BUILD_DIR]    BUILD_DIR (default build) must hold compile_commands.json, which
#                                  every CMake configuration of this project writes
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${1:-$root/build}
[[ -f $build/compile_commands.json ]] || {
  echo "tidy.sh: no $build/compile_commands.json: configure first (cmake -S $root -B $build -G Ninja)" >&2
  exit 1
}
command -v run-clang-tidy >/dev/null || { echo "tidy.sh: run-clang-tidy not found (apt-get install clang-tidy)" >&2; exit 1; }
log=$(mktemp)
trap 'rm -f "$log"' EXIT
start=$(date +%s)
status=0
run-clang-tidy -p "$build" -j "$(nproc)" -quiet "$root/(interposer|launcher)/" >"$log" 2>&1 || status=$?
files=$(grep -c '^clang-tidy' "$log" || true)
# Only the findings, without the per-file "N warnings generated" noise.
sed 's/\x1b\[[0-9;]*m//g' "$log" | grep -E -A3 '^/.*: (error|warning): ' || true
echo "tidy.sh: $files files checked in $(($(date +%s) - start)) s"
if [[ $status -ne 0 ]]; then
  echo "tidy.sh: clang-tidy reported findings (above); fix them or, for a check that is wrong here, disable it in .clang-tidy with the reason" >&2
fi
exit "$status"
