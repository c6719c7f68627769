#!/usr/bin/env bash
# tools/bench/run-bench.py still runs end to end and prints every figure docs/performance.md quotes.
# Only the shape of the output is checked: speed is never asserted by a test.
#   bench-smoke.sh <source dir> <build dir>
set -euo pipefail
source_dir=$1 build_dir=$2
out=$("$source_dir/tools/bench/run-bench.py" --build "$build_dir" --rounds 2 --sizes 64x64 --seconds 1 \
  --workloads spheres,empty)
printf '%s\n' "$out"
fail() { echo "FAIL: $*" >&2; exit 1; }
number='[0-9]+\.[0-9]+'
for side in mesa eglrun offscreen; do
  for wl in spheres empty; do
    [[ $(grep -cE "^round [12] $wl +64x64 +$side +fps +$number" <<<"$out") -eq 2 ]] ||
      fail "$wl/$side: not one line per round"
  done
done
grep -qE "^spheres +64x64 +eglrun/offscreen fps ratio $number \(ratio of medians\); round by round: median $number \[$number-$number\]$" <<<"$out" ||
  fail "no spheres ratio line"
grep -qE "^empty +64x64 +overhead -?$number ms/frame \[-?$number--?$number\]; 2 x memcpy $number ms; ratio -?$number$" <<<"$out" ||
  fail "no empty-frame overhead line"
grep -qE "^empty +64x64 +CPU per shown frame beyond offscreen -?$number ms" <<<"$out" || fail "no CPU-per-frame line"
echo "PASS: run-bench.py printed every figure"
