#!/usr/bin/env bash
# The launcher preloads only an absolute path it resolved itself (from /proc/self/exe), never a name
# the dynamic loader would search for, nor one planted in the working directory, LD_LIBRARY_PATH or
# next to a symlink to the launcher; what the user already preloads stays first.
#   preload-check.sh LAUNCHER
set -euo pipefail
launcher=$(readlink -f "$1")
want=$(readlink -f "$(dirname "$launcher")/../lib/libeglrun.so")
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
fail=0
show='printf %s "$LD_PRELOAD"'
check() {  # name expected actual
  if [[ $3 == "$2" ]]; then echo "ok $1: $3"; else echo "FAIL: $1: LD_PRELOAD is '$3', expected '$2'" >&2; fail=1; fi
}
[[ $want == /* && -f $want ]] || { echo "FAIL: no library next to the launcher ($want)" >&2; exit 1; }

check plain "$want" "$(env -u LD_PRELOAD "$launcher" -- /bin/sh -c "$show")"

# Decoys: a libeglrun.so in the working directory, in ./lib, and on LD_LIBRARY_PATH.
mkdir -p "$tmp/work/lib" "$tmp/ldpath"
for f in "$tmp/work/libeglrun.so" "$tmp/work/lib/libeglrun.so" "$tmp/ldpath/libeglrun.so"; do echo decoy >"$f"; done
check decoys "$want" "$(cd "$tmp/work" && env -u LD_PRELOAD LD_LIBRARY_PATH="$tmp/ldpath" "$launcher" -- /bin/sh -c "$show")"

# A symlink to the launcher in a directory with its own ../lib/libeglrun.so decoy.
mkdir -p "$tmp/fake/bin" "$tmp/fake/lib"
echo decoy >"$tmp/fake/lib/libeglrun.so"
ln -s "$launcher" "$tmp/fake/bin/eglrun"
check symlink "$want" "$(env -u LD_PRELOAD "$tmp/fake/bin/eglrun" -- /bin/sh -c "$show")"

# An existing preload stays first; a bare or relative libeglrun.so in it is dropped, not searched for.
libm=$(readlink -f /lib/x86_64-linux-gnu/libm.so.6 2>/dev/null || true)
if [[ -n $libm && -f $libm ]]; then
  check user-first "$libm:$want" "$(LD_PRELOAD="libeglrun.so:$libm:./libeglrun.so" "$launcher" -- /bin/sh -c "$show" 2>/dev/null)"
fi

# Every entry the launcher produces is absolute.
for p in $(env -u LD_PRELOAD "$launcher" -- /bin/sh -c "$show" | tr ':' ' '); do
  [[ $p == /* ]] || { echo "FAIL: relative preload entry $p" >&2; fail=1; }
done
[[ $fail -eq 0 ]] && echo PASS
exit $fail
