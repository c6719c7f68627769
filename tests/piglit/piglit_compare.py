#!/usr/bin/python3
"""Runs piglit tests twice -- with Mesa's own GLX and under eglrun -- and compares the results.

Started by run-piglit.sh inside two Xvfb servers: MESA_DISPLAY is an Xvfb WITH GLX (Mesa's GLX,
the reference), DISPLAY an Xvfb started with -extension GLX (eglrun). Each test runs on the Mesa
side, then on the eglrun side, one at a time, with a timeout.

The test list comes from piglit's generated profile (tests/opengl.xml.gz, made from all.py): the
whole `glx` group, plus the window-system GL tests of `spec@!opengl 1.0` and `spec@!opengl 1.1`.
Every test runs with `-auto` only (never `-fbo`), so it draws into a real window's default
framebuffer, which is what eglrun emulates.

Verdicts (acceptance of issue 4: every test that passes on Mesa passes under eglrun):
  same            both sides give the same result
  eglrun-better   Mesa does not pass, eglrun passes (e.g. drisw reads the front buffer as black)
  REGRESSION      Mesa passes, eglrun does not, and the test is not in the known-differences file
  known           Mesa passes, eglrun does not, listed in the known-differences file with a reason
  STALE           listed in the known-differences file but passes under eglrun: remove the entry
  differ          neither side passes but the results differ (reported, not a failure)
Exit status 0 when there is no REGRESSION and no STALE entry and the Mesa side passed enough tests
to be a meaningful reference; 1 otherwise; 2 on a usage or set-up error.
"""

import argparse
import ast
import gzip
import json
import os
import re
import signal
import subprocess
import sys
import time
import xml.etree.ElementTree as ET

PIGLIT_ROOT = '/usr/lib/x86_64-linux-gnu/piglit'
GL_GROUPS = ('spec@!opengl 1.0@', 'spec@!opengl 1.1@')
PASS = 'pass'
# Tests left out of the run, with the reason (reported at the start of every run).
EXCLUDED = {
    'spec@!opengl 1.0@gl-1.0-blend-func':
        'takes over a minute on llvmpipe with Mesa\'s own GLX (times out on both sides)',
}
# Worst-first order used when only subtest results are reported.
SEVERITY = ['crash', 'timeout', 'fail', 'warn', 'dmesg-fail', 'dmesg-warn', 'skip', 'notrun', 'pass']


def load_tests(root, only):
    """(name, argv) of the GLX group and the chosen GL groups, in profile order."""
    tree = ET.parse(gzip.open(os.path.join(root, 'tests', 'opengl.xml.gz')))
    glx, gl = [], []
    for node in tree.getroot():
        name = node.get('name')
        if node.get('type') != 'gl':
            continue
        opts = {o.get('name'): o.get('value') for o in node.findall('option')}
        argv = ast.literal_eval(opts['command'])
        if '-fbo' in argv or name in EXCLUDED:
            continue
        if name.startswith('glx@'):
            glx.append((name, argv))
        elif name.startswith(GL_GROUPS):
            gl.append((name, argv))
    tests = glx + gl
    if only:
        rx = re.compile(only)
        tests = [t for t in tests if rx.search(t[0])]
    return tests, len(glx), len(gl)


def load_known(path):
    """known-differences file: `test name | reason` per line, # comments."""
    known = {}
    with open(path, encoding='utf-8') as f:
        for lineno, line in enumerate(f, 1):
            line = line.strip()
            if not line or line.startswith('#'):
                continue
            name, sep, reason = line.partition('|')
            if not sep or not reason.strip():
                raise SystemExit(f'{path}:{lineno}: expected "test name | reason"')
            known[name.strip()] = reason.strip()
    return known


def interpret(returncode, output, timed_out):
    """A piglit-style result from a test's exit status and its PIGLIT: lines."""
    if timed_out:
        return 'timeout'
    result, subtests = None, {}
    for line in output.splitlines():
        if not line.startswith('PIGLIT:'):
            continue
        try:
            data = json.loads(line[len('PIGLIT:'):])
        except ValueError:
            continue
        if 'result' in data:
            result = data['result']
        if 'subtest' in data:
            subtests.update(data['subtest'])
    if returncode < 0:
        return 'crash'
    if result is None and subtests:
        result = min(subtests.values(), key=lambda r: SEVERITY.index(r) if r in SEVERITY else 0)
    if result is None:
        return 'fail'  # no verdict printed at all
    if returncode != 0 and result == PASS:
        return 'warn'
    return result


def run_one(argv, env, timeout, log_path):
    start = time.monotonic()
    if not any(os.access(a, os.X_OK) for a in argv[:3] if a.startswith(PIGLIT_ROOT)):
        # A few tests of the profile are not shipped by Debian's package (glx-tfp, windowoverlap).
        with open(log_path, 'w', encoding='utf-8') as log:
            log.write('binary not installed\n')
        return 'notinstalled', 0.0
    with open(log_path, 'w+b') as log:
        proc = subprocess.Popen(argv, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                                env=env, cwd=PIGLIT_ROOT, start_new_session=True)
        timed_out = False
        try:
            proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            timed_out = True
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
        # Children the test left behind (multi-process tests) must not outlive it.
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        log.seek(0)
        output = log.read().decode('utf-8', 'replace')
    return interpret(proc.returncode, output, timed_out), time.monotonic() - start


def safe(name):
    return re.sub(r'[^A-Za-z0-9_.=-]+', '_', name)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--eglrun', required=True, help='the eglrun launcher')
    ap.add_argument('--known', required=True, help='known-differences file')
    ap.add_argument('--artifacts', required=True, help='directory for logs and the result table')
    ap.add_argument('--timeout', type=float, default=60, help='per test run, seconds')
    ap.add_argument('--only', help='regular expression: run only matching tests (no count checks)')
    ap.add_argument('--min-mesa-pass', type=int, default=100,
                    help='the Mesa side must pass at least this many tests (reference sanity)')
    ap.add_argument('--list', action='store_true', help='print the selected tests and exit')
    args = ap.parse_args()
    args.eglrun = os.path.abspath(args.eglrun)  # tests run with piglit's directory as cwd

    tests, n_glx, n_gl = load_tests(PIGLIT_ROOT, args.only)
    if args.list:
        for name, argv in tests:
            print(f'{name}\t{" ".join(argv + ["-auto"])}')
        return 0
    if not args.only and (n_glx < 100 or n_gl < 100):
        print(f'piglit_compare: expected >=100 GLX and >=100 GL tests, found {n_glx} and {n_gl}')
        return 2
    known = load_known(args.known)
    mesa_display = os.environ.get('MESA_DISPLAY')
    egl_display = os.environ.get('DISPLAY')
    if not mesa_display or not egl_display or mesa_display == egl_display:
        print('piglit_compare: need MESA_DISPLAY (Xvfb with GLX) and DISPLAY (Xvfb without GLX)')
        return 2

    base_env = dict(os.environ, PIGLIT_PLATFORM='glx', PIGLIT_SOURCE_DIR=PIGLIT_ROOT)
    base_env.pop('MESA_DISPLAY', None)
    mesa_env = dict(base_env, DISPLAY=mesa_display)
    egl_env = dict(base_env, DISPLAY=egl_display)
    bindir = os.path.join(PIGLIT_ROOT, 'bin')
    for side in ('mesa', 'eglrun'):
        os.makedirs(os.path.join(args.artifacts, side), exist_ok=True)

    rows = []
    t0 = time.monotonic()
    print(f'piglit_compare: {len(tests)} tests ({n_glx} glx, {n_gl} GL window tests), '
          f'Mesa GLX on {mesa_display}, eglrun on {egl_display}', flush=True)
    for name, reason in EXCLUDED.items():
        print(f'  excluded: {name}: {reason}')
    for name, argv in tests:
        cmd = [os.path.join(bindir, argv[0])] + argv[1:] + ['-auto']
        mesa, mesa_s = run_one(cmd, mesa_env, args.timeout,
                               os.path.join(args.artifacts, 'mesa', safe(name) + '.log'))
        egl_log = os.path.join(args.artifacts, 'eglrun', safe(name) + '.log')
        egl, egl_s = run_one([args.eglrun, '--'] + cmd, egl_env, args.timeout, egl_log)
        note = ''
        if mesa == PASS and egl != PASS:
            # One retry, so that a timing hiccup on a loaded machine is not reported as a regression.
            first = egl
            egl, egl_s = run_one([args.eglrun, '--'] + cmd, egl_env, args.timeout, egl_log)
            if egl == PASS:
                note = f'passed on retry (first run: {first})'
        if mesa == PASS and egl != PASS:
            verdict = 'known' if name in known else 'REGRESSION'
        elif name in known and egl == PASS:
            verdict = 'STALE'
        elif mesa != PASS and egl == PASS:
            verdict = 'eglrun-better'
        elif mesa == egl:
            verdict = 'same'
        else:
            verdict = 'differ'
        if name in known and verdict == 'known':
            note = known[name]
        rows.append((name, mesa, egl, verdict, note, mesa_s, egl_s))
        if verdict != 'same':
            print(f'  {verdict:14} {name}: mesa {mesa}, eglrun {egl} {note}', flush=True)
    elapsed = time.monotonic() - t0

    listed_not_run = sorted(set(known) - {r[0] for r in rows})
    counts = {}
    for r in rows:
        counts[r[3]] = counts.get(r[3], 0) + 1
    mesa_pass = sum(1 for r in rows if r[1] == PASS)
    egl_pass = sum(1 for r in rows if r[2] == PASS)

    table = os.path.join(args.artifacts, 'piglit-results.md')
    with open(table, 'w', encoding='utf-8') as f:
        f.write('| test | Mesa GLX | eglrun | verdict | note |\n| --- | --- | --- | --- | --- |\n')
        for name, mesa, egl, verdict, note, _, _ in rows:
            f.write(f'| {name} | {mesa} | {egl} | {verdict} | {note} |\n')
    with open(os.path.join(args.artifacts, 'piglit-results.json'), 'w', encoding='utf-8') as f:
        json.dump([dict(zip(('test', 'mesa', 'eglrun', 'verdict', 'note', 'mesa_s', 'eglrun_s'), r))
                   for r in rows], f, indent=1)

    print(f'\n{len(rows)} tests in {elapsed:.0f} s; Mesa passes {mesa_pass}, eglrun passes {egl_pass}')
    print('verdicts: ' + ', '.join(f'{k} {v}' for k, v in sorted(counts.items())))
    print(f'table: {table}')
    for name in listed_not_run:
        print(f'  note: known-differences entry "{name}" matched no test that ran')

    ok = True
    if counts.get('REGRESSION'):
        print(f'FAIL: {counts["REGRESSION"]} test(s) pass with Mesa GLX but not under eglrun '
              f'and are not in {args.known}')
        ok = False
    if counts.get('STALE'):
        print(f'FAIL: {counts["STALE"]} entry(ies) of {args.known} now pass under eglrun: remove them')
        ok = False
    if not args.only and mesa_pass < args.min_mesa_pass:
        print(f'FAIL: the Mesa reference passed only {mesa_pass} tests (< {args.min_mesa_pass}): '
              'the comparison is meaningless')
        ok = False
    return 0 if ok else 1


if __name__ == '__main__':
    sys.exit(main())
