#!/usr/bin/env bash
# The library exports exactly the entry points of the .inc lists: no more (a leaked internal symbol
# could be interposed by the application), no fewer (a listed function that is not really exported).
set -euo pipefail
lib=$1 expected_list=$2
expected=$(grep -v '^\s*$' "$expected_list" | tr -d ' ' | sort -u)
actual=$(nm -D --defined-only "$lib" | awk '$2 ~ /^[TWiV]$/ {print $3}' | sed 's/@.*//' | sort -u)
missing=$(comm -23 <(echo "$expected") <(echo "$actual"))
extra=$(comm -13 <(echo "$expected") <(echo "$actual"))
[[ -n $missing ]] && echo "listed but not exported:" $missing
[[ -n $extra ]] && echo "exported but not listed:" $extra
[[ -z $missing && -z $extra ]] || exit 1
echo "exports match the lists: $(echo "$expected" | wc -l) symbols"
