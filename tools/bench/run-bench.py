#!/usr/bin/python3
"""eglrun benchmark: the same workloads side by side, interleaved rounds, medians and ranges.

  tools/bench/run-bench.py --build BUILD_DIR [--rounds N] [--sizes 300x300,1920x1080,3840x2160]
                           [--seconds S] [--workloads gears,spheres,empty]

Sides: "mesa"      = the program with Mesa's own GLX on an Xvfb WITH GLX (no eglrun),
       "eglrun"    = the program under eglrun on an Xvfb WITHOUT GLX,
       "offscreen" = (spheres, empty) the same rendering under eglrun never swapped: nothing presented.
Per run: frames/s, process CPU ms per frame (the program's getrusage, or /proc for glxgears) and X
server CPU ms per frame (/proc/<Xvfb pid>/stat). Empty frame: eglrun's overhead per frame
(1/fps_eglrun - 1/fps_offscreen) next to 2 x memcpy of the frame, measured in the same run.
The eglrun side runs with EGLRUN_PROFILE=1: "shown fps" counts only frames that reached the window
(with spoiling, frames replaced by a newer one before the presenter got to them are not shown).
Speed is printed, never asserted."""
import argparse, os, re, signal, statistics, subprocess, sys, time

TICK = os.sysconf("SC_CLK_TCK")


def cpu_seconds(pid):
    try:
        f = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
        return (int(f[11]) + int(f[12])) / TICK  # utime + stime (all threads)
    except OSError:
        return 0.0


def start_xvfb(glx):
    r, w = os.pipe()
    args = ["Xvfb", "-displayfd", str(w), "-noreset", "-screen", "0", "3840x2160x24", "-nolisten", "tcp"]
    if not glx:
        args[1:1] = ["-extension", "GLX"]
    p = subprocess.Popen(args, pass_fds=(w,), stderr=subprocess.DEVNULL)
    os.close(w)
    num = b""
    while not num.endswith(b"\n"):
        c = os.read(r, 1)
        if not c:
            sys.exit("Xvfb did not start")
        num += c
    os.close(r)
    return p, ":" + num.decode().strip()


def shown_fraction(stderr):
    """eglrun's --profile lines: the share of swapped frames that reached the window (the rest were
    spoiled, i.e. replaced by a newer frame before the presenter got to them). 1.0 without lines."""
    shown = dropped = 0
    for m in re.finditer(r"\((\d+) shown, (\d+) dropped", stderr or ""):
        shown, dropped = shown + int(m.group(1)), dropped + int(m.group(2))
    return shown / (shown + dropped) if shown + dropped else 1.0


def run_program(cmd, env, xvfb_pid, seconds, gears):
    x0 = cpu_seconds(xvfb_pid)
    if not gears:
        out = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=seconds + 60)
        m = re.search(r"RESULT frames=(\d+) seconds=([\d.]+) fps=([\d.]+) cpu_ms=([\d.]+)", out.stdout)
        if not m:
            raise RuntimeError(f"{cmd}: no result\n{out.stderr[-2000:]}")
        frames = int(m.group(1))
        return (float(m.group(3)), float(m.group(4)), (cpu_seconds(xvfb_pid) - x0) * 1e3 / frames,
                shown_fraction(out.stderr))
    # glxgears reports every 5 s: the first report is the warm-up, the second is measured.
    err = open(os.devnull if "EGLRUN_PROFILE" not in env else "/tmp/run-bench-gears.err", "w")
    p = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=err, text=True)
    line1 = p.stdout.readline()
    c0, x0 = cpu_seconds(p.pid), cpu_seconds(xvfb_pid)
    line2 = p.stdout.readline()
    c1, x1 = cpu_seconds(p.pid), cpu_seconds(xvfb_pid)
    p.send_signal(signal.SIGTERM)
    p.wait(timeout=10)
    m = re.search(r"(\d+) frames in ([\d.]+) seconds", line2 or "")
    if not m:
        raise RuntimeError(f"{cmd}: no glxgears report ({line1!r} {line2!r})")
    frames, secs = int(m.group(1)), float(m.group(2))
    err.close()
    fraction = shown_fraction(open(err.name).read()) if err.name != os.devnull else 1.0
    return frames / secs, (c1 - c0) * 1e3 / frames, (x1 - x0) * 1e3 / frames, fraction


def fmt(values, unit=""):
    return f"{statistics.median(values):8.2f}{unit} [{min(values):.2f}-{max(values):.2f}]"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--build", required=True)
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--sizes", default="300x300,1920x1080,3840x2160")
    ap.add_argument("--workloads", default="gears,spheres,empty")
    ap.add_argument("--seconds", type=float, default=5)
    a = ap.parse_args()
    build = os.path.abspath(a.build)
    eglrun = os.path.join(build, "bin", "eglrun")
    bench = os.path.join(build, "tools", "bench", "glx_bench")
    memcpy = os.path.join(build, "tools", "bench", "memcpy_bench")
    glx_srv, glx_dpy = start_xvfb(True)
    bare_srv, bare_dpy = start_xvfb(False)
    base_env = dict(os.environ, EGLRUN_QUIET="1")
    results = {}  # (workload, size, side) -> list of (fps, cpu, xcpu)
    memcpy_ms = {}
    try:
        for rnd in range(a.rounds):
            for size in a.sizes.split(","):
                w, h = size.split("x")
                out = subprocess.run([memcpy, size], capture_output=True, text=True).stdout
                memcpy_ms.setdefault(size, []).append(float(re.search(r"memcpy_ms=([\d.]+)", out).group(1)))
                for wl in a.workloads.split(","):
                    gears = wl == "gears"
                    prog = (["glxgears", "-geometry", f"{w}x{h}"] if gears else
                            [bench, "--scene", wl, "--size", size, "--seconds", str(a.seconds)])
                    sides = ["mesa", "eglrun"] + ([] if gears else ["offscreen"])
                    if rnd % 2:
                        sides.reverse()  # interleaved, and neither side always first
                    for side in sides:
                        if side == "mesa":
                            cmd, env, srv = prog, dict(base_env, DISPLAY=glx_dpy), glx_srv
                        else:
                            cmd = [eglrun, "--"] + prog + (["--offscreen"] if side == "offscreen" else [])
                            env, srv = dict(base_env, DISPLAY=bare_dpy), bare_srv
                            if side == "eglrun":
                                env["EGLRUN_PROFILE"] = "1"  # counts the frames shown vs spoiled
                        r = run_program(cmd, env, srv.pid, a.seconds, gears)
                        results.setdefault((wl, size, side), []).append(r)
                        print(f"round {rnd + 1} {wl:8s} {size:10s} {side:9s} fps {r[0]:8.2f} "
                              f"cpu {r[1]:7.2f} ms/frame  X {r[2]:6.2f} ms/frame  shown {r[3] * 100:5.1f}%",
                              flush=True)
    finally:
        glx_srv.terminate()
        bare_srv.terminate()
    print(f"\nSummary: median [min-max] of {a.rounds} interleaved rounds")
    print(f"{'workload':8s} {'size':10s} {'side':9s} {'fps':>24s} {'process cpu ms/frame':>26s} {'X cpu ms/frame':>24s}"
          f" {'shown fps (not spoiled)':>26s}")
    for (wl, size, side), rs in results.items():
        print(f"{wl:8s} {size:10s} {side:9s} {fmt([r[0] for r in rs])} {fmt([r[1] for r in rs])} "
              f"{fmt([r[2] for r in rs])} {fmt([r[0] * r[3] for r in rs])}")

    def fps_ratio(label, size, wl, side, ref):
        num, den = results[(wl, size, side)], results[(wl, size, ref)]
        # Both sides of a round ran minutes apart at most, so the round's own ratio is the paired
        # figure; on a noisy machine its median moves less than the ratio of the two medians.
        rounds = [n[0] / d[0] for n, d in zip(num, den)]
        print(f"{label:7s} {size:10s} {side}/{ref} fps ratio {statistics.median(r[0] for r in num) / statistics.median(r[0] for r in den):.3f}"
              f" (ratio of medians); round by round: median {statistics.median(rounds):.3f} "
              f"[{min(rounds):.3f}-{max(rounds):.3f}]")

    for size in a.sizes.split(","):
        if ("gears", size, "mesa") in results:
            fps_ratio("gears", size, "gears", "eglrun", "mesa")
        if ("spheres", size, "offscreen") in results:
            fps_ratio("spheres", size, "spheres", "eglrun", "offscreen")
        if ("empty", size, "offscreen") in results:
            over = [1e3 / e[0] - 1e3 / o[0] for e, o in
                    zip(results[("empty", size, "eglrun")], results[("empty", size, "offscreen")])]
            # Microseconds at small sizes; never 0 (a clock that coarse would be a broken machine).
            mc = max(statistics.median(memcpy_ms[size]), 1e-6)
            print(f"empty   {size:10s} overhead {statistics.median(over):.3f} ms/frame "
                  f"[{min(over):.3f}-{max(over):.3f}]; 2 x memcpy {2 * mc:.3f} ms; ratio {statistics.median(over) / (2 * mc):.2f}")
            # The application thread no longer waits for the read-back, so the wall-clock overhead
            # can be ~0: the CPU (process + X server) spent per frame that reached the window, less
            # the same rendering off-screen, is the cost of presenting.
            cpu_over = [(e[1] + e[2]) / e[3] - o[1] for e, o in
                        zip(results[("empty", size, "eglrun")], results[("empty", size, "offscreen")])]
            print(f"empty   {size:10s} CPU per shown frame beyond offscreen {statistics.median(cpu_over):.3f} ms "
                  f"[{min(cpu_over):.3f}-{max(cpu_over):.3f}]; ratio to 2 x memcpy {statistics.median(cpu_over) / (2 * mc):.2f}")


if __name__ == "__main__":
    main()
