#!/usr/bin/env bash
# piglit acceptance (issue 4): runs piglit's whole GLX group and the window-system GL tests of
# `spec@!opengl 1.0` and `spec@!opengl 1.1` (all with -auto, in a window, never -fbo) once with
# Mesa's own GLX on an Xvfb WITH GLX and once under eglrun on an Xvfb WITHOUT GLX, in one run, and
# compares: every test that passes with Mesa must pass under eglrun, except the entries of
# known-differences.txt (each with its reason), and no entry there may pass under eglrun.
#   run-piglit.sh --eglrun PATH [--artifacts DIR] [--timeout SECONDS] [--only REGEX] [--list]
# Writes <artifacts>/piglit-results.md (test | Mesa | eglrun | verdict) and per-test logs.
# Exit status: 0 acceptance met, 1 not met, 77 piglit not installed (skipped), other: set-up error.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
scripts=$here/../scripts
piglit=/usr/lib/x86_64-linux-gnu/piglit
eglrun=; artifacts=; extra=()
while [[ $# -gt 0 ]]; do
  case $1 in
    --eglrun) eglrun=$2; shift 2 ;;
    --artifacts) artifacts=$2; shift 2 ;;
    --timeout|--only) extra+=("$1" "$2"); shift 2 ;;
    --list) extra+=(--list); shift ;;
    *) echo "run-piglit.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done

if [[ ! -d $piglit/bin || ! -f $piglit/tests/opengl.xml.gz ]]; then
  echo "run-piglit.sh: piglit is not installed (Debian package piglit; scripts/install-deps.sh --with-piglit); skipping"
  exit 77
fi
[[ -x $eglrun ]] || { echo "run-piglit.sh: eglrun launcher not found at '${eglrun}'" >&2; exit 2; }
[[ -n $artifacts ]] || artifacts=$(mktemp -d)
rm -rf "$artifacts"; mkdir -p "$artifacts"

# Debian's python3 (the first python3 on PATH may lack Debian's modules, see field notes).
# Outer server: Mesa's GLX (reference), its display handed on as MESA_DISPLAY; inner: no GLX.
exec "$scripts/xvfb-run.sh" --glx --log "$artifacts/xvfb-mesa.log" -- \
  bash -c '
    export MESA_DISPLAY=$DISPLAY
    exec "$0" --log "$1/xvfb-eglrun.log" -- /usr/bin/python3 "$2/piglit_compare.py" \
      --eglrun "$3" --known "$2/known-differences.txt" --artifacts "$1" "${@:4}"
  ' "$scripts/xvfb-run.sh" "$artifacts" "$here" "$eglrun" "${extra[@]}"
