#!/usr/bin/env bash
# e2e.deploy.session: the container entrypoint (deploy/container/eglrun-session) run from an
# installed tree (cmake --install of this build, the layout the image has):
#   1. no DISPLAY: it starts its own Xvfb, prints the doctor's verdict, runs glxinfo through eglrun,
#      exits 0, and leaves no X server behind;
#   2. DISPLAY given: it uses that server and starts none;
#   3. the program's exit status comes back unchanged;
#   4. EGLRUN_REQUIRE_GPU=1 on a machine without a hardware device: exit 4 (the launcher's refusal);
#   5. SIGTERM (pod shutdown) reaches the program, whose exit status comes back; no X server left.
#   session-test.sh --build DIR --source DIR --artifacts DIR
set -uo pipefail
while [[ $# -gt 0 ]]; do
  case $1 in
    --build) build=$2; shift 2 ;;
    --source) source=$2; shift 2 ;;
    --artifacts) artifacts=$2; shift 2 ;;
    *) echo "session-test.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done
rm -rf "$artifacts" && mkdir -p "$artifacts"
failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }

prefix=$artifacts/prefix
cmake --install "$build" --prefix "$prefix" >"$artifacts/install.log" 2>&1 || { cat "$artifacts/install.log" >&2; exit 1; }
[[ -x $prefix/bin/eglrun ]] || { echo "FAIL: install put no bin/eglrun in $prefix" >&2; exit 1; }
session=$source/deploy/container/eglrun-session
export PATH=$prefix/bin:$PATH
unset DISPLAY

# The pid of the Xvfb the session started, from its line "started Xvfb on :N (WxHxD, pid P)".
started_pid() { sed -n 's/^eglrun-session: started Xvfb on :[0-9]* (.*, pid \([0-9]*\))$/\1/p' "$1" | head -1; }

# 1. own Xvfb
"$session" glxinfo -B >"$artifacts/own.out" 2>"$artifacts/own.err"
status=$?
[[ $status == 0 ]] || fail "glxinfo through the session exited $status (see $artifacts/own.err)"
grep -q '^OpenGL renderer string: ' "$artifacts/own.out" || fail "no renderer string in glxinfo's output"
grep -q '^eglrun-session: started Xvfb on :[0-9]' "$artifacts/own.err" || fail "the session did not report starting Xvfb"
grep -q '^eglrun-session: doctor verdict: ' "$artifacts/own.err" || fail "the session printed no doctor verdict"
grep -q 'direct rendering: Yes' "$artifacts/own.out" || fail "glxinfo did not render through eglrun (no direct rendering)"
xvfb=$(started_pid "$artifacts/own.err")
[[ -n $xvfb ]] || fail "the session did not report its Xvfb's pid"
sleep 0.5
[[ -n $xvfb ]] && kill -0 "$xvfb" 2>/dev/null && fail "the session's Xvfb (pid $xvfb) still runs after the session ended"

# 2. given DISPLAY
"$source/tests/scripts/xvfb-run.sh" -- "$session" glxinfo -B >"$artifacts/given.out" 2>"$artifacts/given.err"
status=$?
[[ $status == 0 ]] || fail "with DISPLAY set the session exited $status"
grep -q 'started Xvfb' "$artifacts/given.err" && fail "with DISPLAY set the session started its own Xvfb"
grep -q '^OpenGL renderer string: ' "$artifacts/given.out" || fail "with DISPLAY set: no renderer string"

# 3. exit status
EGLRUN_SESSION_CHECK=0 "$session" sh -c 'exit 7' 2>/dev/null
status=$?
[[ $status == 7 ]] || fail "the program's exit status 7 came back as $status"

# 4. --require-gpu through the environment
if "$prefix/bin/eglrun" --list --json 2>/dev/null | grep -q '"software": *false'; then
  expected=0
else
  expected=4
fi
EGLRUN_REQUIRE_GPU=1 "$session" glxinfo -B >"$artifacts/require.out" 2>"$artifacts/require.err"
status=$?
[[ $status == "$expected" ]] || fail "EGLRUN_REQUIRE_GPU=1 gave exit $status, expected $expected"

# 5. SIGTERM is passed on: the program's TERM handler runs and its exit status (0) comes back.
marker=$artifacts/term.marker
"$session" sh -c "trap 'echo got-term >$marker; exit 0' TERM; sleep 30 & wait" \
  >"$artifacts/term.out" 2>"$artifacts/term.err" &
pid=$!
for _ in $(seq 100); do
  xvfb=$(started_pid "$artifacts/term.err")
  [[ -n $xvfb ]] && break
  sleep 0.1
done
[[ -n $xvfb ]] || fail "the SIGTERM session reported no Xvfb"
sleep 1
kill -0 "$pid" 2>/dev/null || fail "the program ended before SIGTERM: $(cat "$artifacts/term.err")"
kill -TERM "$pid"
ended=0
for _ in $(seq 100); do
  if ! kill -0 "$pid" 2>/dev/null; then ended=1; break; fi
  sleep 0.1
done
if [[ $ended == 1 ]]; then
  wait "$pid"
  status=$?
  [[ -f $marker ]] || fail "SIGTERM did not reach the program (its handler did not run)"
  [[ $status == 0 ]] || fail "after SIGTERM the session exited $status, expected the program's 0"
else
  fail "the session was still running 10 s after SIGTERM"
  kill -KILL "$pid" 2>/dev/null
fi
sleep 0.5
if [[ -n $xvfb ]] && kill -0 "$xvfb" 2>/dev/null; then
  fail "the session's Xvfb (pid $xvfb) still runs after the session ended on SIGTERM"
  kill "$xvfb"
fi

if [[ $failures -gt 0 ]]; then
  echo "e2e.deploy.session: $failures failure(s); artifacts in $artifacts" >&2
  exit 1
fi
echo "e2e.deploy.session: all 5 checks passed"
