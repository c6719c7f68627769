#!/usr/bin/env bash
# The test command: installs missing Debian packages (when root), configures and builds if needed,
# then runs the whole CTest suite (labels: unit, integration, e2e; "reference" marks the tests that
# run the same checks against Mesa's own GLX). Extra arguments go to ctest, e.g.
#   scripts/test.sh -L unit          scripts/test.sh -L reference        scripts/test.sh -R glxgears
# Environment: EGLRUN_BUILD_DIR (default: build), EGLRUN_TEST_TIMEOUT (whole run, default 2400 s: piglit alone takes 5-8 minutes).
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${EGLRUN_BUILD_DIR:-$root/build}

"$root/scripts/install-deps.sh"
if [[ ! -f $build/build.ninja ]]; then
  cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo
fi
cmake --build "$build"

cd "$build"
exec timeout --kill-after=30 "${EGLRUN_TEST_TIMEOUT:-2400}" \
  ctest --output-on-failure -j2 --timeout 300 "$@"
