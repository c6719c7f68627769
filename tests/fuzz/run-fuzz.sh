#!/usr/bin/env bash
# Runs one libFuzzer harness for a bounded time from the committed corpus.
#   run-fuzz.sh HARNESS CORPUS_DIR WORK_DIR SECONDS
# New interesting inputs go to WORK_DIR/new (never into the source tree); a crash, leak or UBSan
# report fails the run and leaves the reproducer in WORK_DIR/artifacts.
set -euo pipefail
harness=$1 corpus=$2 work=$3 seconds=$4
[[ -x $harness ]] || { echo "run-fuzz.sh: no harness at $harness (is clang++ with libFuzzer installed?)" >&2; exit 1; }
[[ -d $corpus ]] && compgen -G "$corpus/*" >/dev/null || { echo "run-fuzz.sh: empty corpus $corpus" >&2; exit 1; }
rm -rf "$work"
mkdir -p "$work/new" "$work/artifacts"
# The committed corpus alone first: every seed must pass (a regression input stays a regression test).
"$harness" -runs=0 "$corpus"
exec "$harness" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
  -artifact_prefix="$work/artifacts/" "$work/new" "$corpus"
