"""Issue 12's figures at one library size, in one run: start-up, search from the shell, import.

    python benchmarks/bench_scale.py [--letters 10000] [--runs 5] [--cold]

The corpus is made once with the shared make_corpus.py under benchmarks/out/corpus-N, and its
caches live in benchmarks/out/cache-N (`--cold` builds them afresh with cold_import.py and
reports the import; without it a missing cache is built once, unreported). Then, each
`--runs` times in a fresh process, median (min-max) of wall time and of CPU time (the
machine has two cores shared with other work: CPU time is the steadier figure):

- the floor: a bare Textual app (header, 5-row list, footer) to its first frame;
- the reader to the first frame that shows the letter list: the samples, and N letters
  with warm caches (peak memory too); the ratios to the floor use medians of this run;
- `briefreader search` warm, end to end (a subprocess, interpreter start included);
- `fzf --filter` over every line of the same letters (skipped, with a note, without fzf);
- importing what `briefreader search` imports, against a bare `python -c pass`.

Results go to stdout and benchmarks/out/bench_scale-N.json, with `uptime` before and after.

Measured 2026-11-30 on the 2-core machine, 5 runs, median (min-max), wall; load 2.3-3.5:
10,000 letters (117 MB of text), commit 7e12d82:

    floor: bare Textual app, first frame            207 ms (202-213)
    reader, 5 samples, first frame                  498 ms (481-519)    2.41x floor
    reader, 10,000 letters warm, first frame        789 ms (779-1004)   3.81x, peak 85 MB
    briefreader search, warm                        194-218 ms (191-263), CPU 186-206 ms
    fzf --filter over the same text                 3.5-4.3 s
    cold import: parse 32 s (310 letters/s, 2 workers), index 23 s (440 letters/s);
    search.sqlite 133 MB = 1.14x the text

100,000 letters (1.17 GB), commit 86e1632 (before the parser merges), load 4.6-7.5, so CPU:
reader first frame 3.0 s CPU (2.9-3.1; floor 0.22 s: 13.9x), peak 294 MB; search warm
590-611 ms CPU (of which the stat of 100,000 files ~310 ms, listing ~430 ms); fzf 28 s CPU;
cold import (load 7-9): parse 1,025 s wall, 344 s CPU in the workers; index 657 s wall,
114 s CPU in the writer + 173 s in the workers; search.sqlite 1.31 GB = 1.12x the text.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE / "out"
sys.path.insert(0, str(HERE))

from bench_ui import FLOOR_APP, READER_APP, REPORT, compiled  # noqa: E402

from briefreader.locations import samples_dir  # noqa: E402

MAKE_CORPUS = Path("/work/shared/tools/make_corpus.py")
QUERIES = ["reisadvise oekraine", "militaire steun"]
# The apps also report their CPU seconds (every thread) at the first frame.
CPU_REPORT = REPORT.replace(
    "print(seconds, peak_kb(), flush=True)",
    "use = resource.getrusage(resource.RUSAGE_SELF)\n"
    "    print(seconds, peak_kb(), use.ru_utime + use.ru_stime, flush=True)",
)
FLOOR = FLOOR_APP.replace(REPORT, CPU_REPORT)
READER = READER_APP.replace(REPORT, CPU_REPORT)
assert FLOOR != FLOOR_APP and READER != READER_APP


def stats(values: list[float], scale: float = 1000.0) -> dict[str, float]:
    v = [x * scale for x in values]
    return {"median": round(statistics.median(v)), "min": round(min(v)), "max": round(max(v))}


def text(s: dict[str, float], unit: str = "ms") -> str:
    return f"{s['median']} {unit} ({s['min']}-{s['max']})"


def children_cpu() -> float:
    use = resource.getrusage(resource.RUSAGE_CHILDREN)
    return use.ru_utime + use.ru_stime


def launch(code: str, *args: str, complete: bool = False) -> tuple[float, float, float]:
    """Wall seconds from spawn to first frame, peak MB, CPU seconds, of one app run
    (`complete`: to the frame with every row, after the scan that checks every file)."""
    env = dict(os.environ, BENCH_SPAWNED=repr(time.time()))
    if complete:
        env["BENCH_COMPLETE"] = "1"
    out = subprocess.run(
        [sys.executable, "-c", code, *args], capture_output=True, text=True, check=True, env=env
    )
    seconds, kilobytes, cpu = out.stdout.strip().splitlines()[-1].split()
    return float(seconds), int(kilobytes) / 1024, float(cpu)


def app_runs(runs: int, code: str, *args: str, complete: bool = False) -> dict[str, object]:
    got = [launch(code, *args, complete=complete) for _ in range(runs)]
    return {
        "wall_ms": stats([g[0] for g in got]),
        "cpu_ms": stats([g[2] for g in got]),
        "peak_mb": stats([g[1] for g in got], 1.0),
    }


def command_runs(runs: int, args: list[str], stdin: Path | None = None) -> dict[str, object]:
    """Wall and CPU time of a command run `runs` times (after one run to warm up)."""
    walls, cpus = [], []
    for n in range(runs + 1):
        with open(stdin or os.devnull, "rb") as feed:
            cpu, t = children_cpu(), time.perf_counter()
            subprocess.run(args, stdin=feed, capture_output=True, check=True)
            if n:  # the first run warms the caches
                walls.append(time.perf_counter() - t)
                cpus.append(children_cpu() - cpu)
    return {"wall_ms": stats(walls), "cpu_ms": stats(cpus)}


def corpus(n: int) -> Path:
    folder = OUT / f"corpus-{n}"
    if len(list(folder.glob("*.txt"))) < n:
        subprocess.run(
            [sys.executable, MAKE_CORPUS, str(samples_dir()), str(folder), str(n)], check=True
        )
    return folder


def uptime() -> str:
    return subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("--letters", type=int, default=10_000)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--cold", action="store_true", help="build the caches afresh and report it")
    ap.add_argument("--fzf-runs", type=int, help="runs of fzf (default: --runs); it is slow")
    ap.add_argument("--fzf-queries", type=int, default=len(QUERIES), help="how many queries")
    a = ap.parse_args()
    compiled()
    n = a.letters
    folder = corpus(n)
    cache, data = OUT / f"cache-{n}", OUT / "data-empty"
    r: dict[str, object] = {"letters": n, "runs": a.runs, "cores": os.cpu_count()}
    r["uptime_before"] = uptime()
    if a.cold or not (cache / "search.sqlite").exists():
        shutil.rmtree(cache, ignore_errors=True)
        done = subprocess.run(
            [sys.executable, HERE / "cold_import.py", str(folder), str(cache)],
            capture_output=True, text=True, check=True,
        )  # fmt: skip
        if a.cold:
            r["cold_import"] = json.loads(done.stdout.strip().splitlines()[-1])
    r["floor"] = app_runs(a.runs, FLOOR)
    tmp = OUT / "bench-scale-tmp"
    shutil.rmtree(tmp, ignore_errors=True)
    sample_args = [str(tmp / "d1"), str(tmp / "c1"), str(samples_dir())]
    launch(READER, *sample_args)  # warm the samples' caches
    r["reader_samples"] = app_runs(a.runs, READER, *sample_args)
    big_args = [str(tmp / "d2"), str(cache), str(folder)]
    launch(READER, *big_args)  # the search index is already warm; the parse cache too
    r["reader_big"] = app_runs(a.runs, READER, *big_args)
    r["reader_big_complete"] = app_runs(a.runs, READER, *big_args, complete=True)
    exe = shutil.which("briefreader") or sys.executable
    base = [exe] if exe != sys.executable else [exe, "-m", "briefreader"]
    r["search_cli"] = {
        q: command_runs(
            a.runs,
            [*base, "search", q, str(folder), "--cache-dir", str(cache), "--data-dir", str(data)],
        )
        for q in QUERIES
    }
    fzf = shutil.which("fzf")
    if fzf:
        lines = OUT / f"all-lines-{n}.txt"
        if not lines.exists():
            with lines.open("wb") as out:
                for path in sorted(folder.glob("*.txt")):
                    out.write(path.read_bytes())
        runs = a.fzf_runs or a.runs
        r["fzf"] = {
            q: command_runs(runs, [fzf, "--filter", q], lines) for q in QUERIES[: a.fzf_queries]
        }
    else:
        r["fzf"] = "fzf not installed: baseline skipped"
    r["import_search_cli"] = command_runs(
        a.runs, [sys.executable, "-c", "import briefreader.cli.search"]
    )
    r["import_nothing"] = command_runs(a.runs, [sys.executable, "-c", "pass"])
    r["uptime_after"] = uptime()
    (OUT / f"bench_scale-{n}.json").write_text(json.dumps(r, indent=1), encoding="utf-8")
    print(report(r))


def report(r: dict[str, object]) -> str:
    def ratio(x: str, key: str = "wall_ms") -> str:
        top, floor = r[x], r["floor"]
        assert isinstance(top, dict) and isinstance(floor, dict)
        return f"{top[key]['median'] / floor[key]['median']:.2f}x"

    rows = [f"{r['letters']} letters, {r['runs']} runs, median (min-max); {r['uptime_before']}", ""]
    rows.append("| measure | wall | CPU | ratio to floor (wall / CPU) | peak |")
    rows.append("| --- | --- | --- | --- | --- |")
    apps = [
        ("floor", "floor: bare Textual app, first frame"),
        ("reader_samples", "reader, 5 samples, first frame"),
        ("reader_big", f"reader, {r['letters']} letters warm, first frame"),
        ("reader_big_complete", f"reader, {r['letters']} letters warm, every row checked"),
    ]
    for key, label in apps:
        s = r[key]
        assert isinstance(s, dict)
        rows.append(
            f"| {label} | {text(s['wall_ms'])} | {text(s['cpu_ms'])} | "
            f"{ratio(key)} / {ratio(key, 'cpu_ms')} | {text(s['peak_mb'], 'MB')} |"
        )
    for q, s in r["search_cli"].items():  # type: ignore[attr-defined]
        rows.append(f"| `briefreader search {q!r}` warm | {text(s['wall_ms'])} | "
                    f"{text(s['cpu_ms'])} | | |")  # fmt: skip
    if isinstance(r["fzf"], dict):
        for q, s in r["fzf"].items():
            rows.append(
                f"| `fzf --filter {q!r}` same text | {text(s['wall_ms'])} | {text(s['cpu_ms'])}"
                " | | |"
            )
    else:
        rows.append(f"| fzf | {r['fzf']} | | | |")
    for key, label in (("import_search_cli", "import briefreader.cli.search"),
                       ("import_nothing", "python -c pass")):  # fmt: skip
        s = r[key]
        assert isinstance(s, dict)
        rows.append(f"| {label} | {text(s['wall_ms'])} | {text(s['cpu_ms'])} | | |")
    if "cold_import" in r:
        rows += ["", f"cold import: {json.dumps(r['cold_import'])}"]
    rows += ["", f"after: {r['uptime_after']}"]
    return "\n".join(rows)


if __name__ == "__main__":
    main()
