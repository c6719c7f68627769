#!/usr/bin/env bash
# Installs the Debian 12 packages that building eglrun and running its tests need.
# Idempotent and quiet when everything is already present; needs root to install.
#   scripts/install-deps.sh          install what is missing
#   scripts/install-deps.sh --check  only report what is missing (exit 1 if anything is)
#   scripts/install-deps.sh --with-piglit  also piglit (or EGLRUN_WITH_PIGLIT=1), for tests/piglit
#   scripts/install-deps.sh --build-only   only what building the library and launcher needs
#                                          (cmake -DEGLRUN_BUILD_TESTS=OFF; deploy/container/Dockerfile)
set -euo pipefail

build_packages=(
  build-essential cmake ninja-build pkg-config
  libx11-dev libxext-dev libxcb1-dev libxcb-shm0-dev libxcb-glx0-dev
  libegl-dev libegl1-mesa-dev libgl-dev libgles-dev khronos-api
  libfmt-dev
)
packages=(
  "${build_packages[@]}"
  # tests
  libgtest-dev libgmock-dev googletest
  # runtime: Mesa's software EGL/GLX drivers (llvmpipe)
  libgl1-mesa-dri libglx-mesa0 libegl-mesa0
  # tests and demo: X server, X tools, the GLX clients we run unmodified
  xvfb xauth x11-utils mesa-utils xdotool
  # unshare (IPC-namespace test), pkill-free process handling, timeout
  util-linux procps coreutils
  # libFuzzer harnesses (tests/fuzz) and their sanitizer runtimes
  clang-14 libclang-rt-14-dev
  # lint: the tree's formatting (tests/lint/check_format.sh) and static analysis
  clang-format clang-tidy
  # PyOpenGL: a third-party run-time GL loader (tests/integration/runtime-loading)
  python3-opengl
  # the deployment-material lint (tests/lint/check_deploy.py) parses the Kubernetes manifests
  python3-yaml
  python3
)

# piglit (about 2.1 GB installed) only on request: --with-piglit or EGLRUN_WITH_PIGLIT=1 (tests/piglit).
with_piglit=${EGLRUN_WITH_PIGLIT:-0}
rest=()
for a in "$@"; do
  case $a in
    --with-piglit) with_piglit=1 ;;
    --build-only) packages=("${build_packages[@]}") ;;
    *) rest+=("$a") ;;
  esac
done
set -- "${rest[@]+"${rest[@]}"}"
if [[ $with_piglit == 1 ]]; then packages+=(piglit); fi

missing=()
for p in "${packages[@]}"; do
  status=$(dpkg-query -W -f='${db:Status-Status}' "$p" 2>/dev/null || true)
  [[ $status == installed ]] || missing+=("$p")
done

if [[ ${#missing[@]} -eq 0 ]]; then
  exit 0
fi
if [[ ${1:-} == --check ]]; then
  echo "missing packages: ${missing[*]}"
  exit 1
fi
if [[ $(id -u) -ne 0 ]]; then
  echo "install-deps.sh: missing packages (${missing[*]}); run as root to install them" >&2
  exit 1
fi

echo "install-deps.sh: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
