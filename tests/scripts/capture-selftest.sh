#!/usr/bin/env bash
# Self-test of xwin_capture's comparison (so that "0 differing pixels" means something): captures
# glx_scene on an Xvfb with Mesa's GLX, changes one pixel of a copy and checks that the comparison
# finds exactly that pixel, and that --tolerance and --max-diff relax it as documented.
#   capture-selftest.sh --bin TEST_BIN_DIR [--artifacts DIR]
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
bin=; artifacts=
while [[ $# -gt 0 ]]; do
  case $1 in
    --bin) bin=$2; shift 2 ;;
    --artifacts) artifacts=$2; shift 2 ;;
    --inner) inner=1; shift ;;
    *) echo "capture-selftest.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done
if [[ -z $artifacts ]]; then artifacts=$(mktemp -d); fi
mkdir -p "$artifacts"
if [[ ${inner:-0} -eq 0 ]]; then
  exec "$here/xvfb-run.sh" --glx -- "$0" --inner --bin "$bin" --artifacts "$artifacts"
fi

"$bin/glx_scene" --frames 2 --hold 30 --size 64x48 &
prog=$!
trap 'kill $prog 2>/dev/null || true; wait $prog 2>/dev/null || true' EXIT
fail=0
expect() {  # expect STATUS DESCRIPTION -- capture args
  local want=$1 what=$2; shift 3
  local got=0 out
  out=$("$bin/xwin_capture" --name "glx_scene ready" --timeout 1 "$@" 2>&1) || got=$?
  if [[ $got -eq $want ]]; then echo "ok   $what"; else echo "FAIL $what (status $got, wanted $want): $out"; fail=1; fi
  last_output=$out
}
expect 0 "capture settles and is written" -- --settle --timeout 10 --out "$artifacts/a.ppm"
expect 0 "a capture equals itself" -- --compare "$artifacts/a.ppm"
# Header "P6\n64 48\n255\n" is 13 bytes; change the red byte of pixel (10,5) by 40.
cp "$artifacts/a.ppm" "$artifacts/b.ppm"
off=$((13 + (5 * 64 + 10) * 3))
orig=$(od -An -tu1 -j "$off" -N1 "$artifacts/a.ppm" | tr -d ' ')
new=$(( orig >= 128 ? orig - 40 : orig + 40 ))
printf "\\$(printf %03o "$new")" | dd of="$artifacts/b.ppm" bs=1 seek="$off" conv=notrunc status=none
expect 1 "a one-pixel change is detected" -- --compare "$artifacts/b.ppm"
if [[ $last_output == *"differing_pixels=1 "*"first at (10,5)"* ]]; then echo "ok   it is reported at (10,5)"; else echo "FAIL report: $last_output"; fail=1; fi
expect 0 "--max-diff 1 accepts it" -- --compare "$artifacts/b.ppm" --max-diff 1
expect 0 "--tolerance 40 accepts it" -- --compare "$artifacts/b.ppm" --tolerance 40
expect 1 "--tolerance 39 does not" -- --compare "$artifacts/b.ppm" --tolerance 39
expect 1 "a failing requirement fails" -- --require 'width>=65'
expect 0 "a holding requirement passes" -- --require 'width>=64' --require 'height<=48'
expect 2 "a missing window is an error" -- --id 0x1234567 --timeout 0.5
[[ $fail -eq 0 ]] && echo PASS || { echo FAIL; exit 1; }
