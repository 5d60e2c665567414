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

Measured 2026-12-01 on the 2-core machine, quiet (load 0.0-0.6 at the start), 5 runs,
median (min-max), wall; the ratios are to the floor of the same run.

10,000 letters (117 MB of text), `--cold`, commit d37561b:

    floor: bare Textual app, first frame            211 ms (209-213)   peak 34 MB
    reader, 5 samples, first frame                  271 ms (262-276)   1.28x   peak 39 MB
    reader, 10,000 letters warm, first frame        287 ms (274-294)   1.36x   peak 46 MB
    ... every row checked (the whole list)          524 ms (512-569)   2.48x   peak 70 MB
    briefreader search 'reisadvise oekraine' warm    98 ms (97-99)
    briefreader search 'militaire steun' warm       101 ms (100-103)
    fzf --filter, same text, same queries           1.59 s (1.55-1.82), 1.70 s (1.66-1.72)
    import briefreader.cli.search                    68 ms (python -c pass: 10 ms)
    cold import: parse 16.4 s (611 letters/s; 31.4 s CPU in the workers: both cores),
    index 12.0 s (832 letters/s); search.sqlite 133 MB = 1.14x the text

100,000 letters (1.17 GB of text), warm, commit d37561b (fzf 3 runs):

    floor: bare Textual app, first frame            206 ms (202-217)
    reader, 5 samples, first frame                  275 ms (269-280)   1.33x
    reader, 100,000 letters warm, first frame       282 ms (277-295)   1.37x   peak 48 MB
    ... every row checked (the whole list)          2.52 s (2.40-2.89)         peak 307 MB
    briefreader search 'reisadvise oekraine' warm   149 ms (145-166)
    briefreader search 'militaire steun' warm       215 ms (212-238)
    fzf --filter, same text, same queries           19.3 s (16.0-19.3), 17.4 s (17.1-17.5)

100,000 letters `--cold`, commit 95e4bfb (2026-11-30, the import code as now): parse
199 s (502 letters/s; 365 s CPU in the workers, 1.83 cores), index 149 s (671 letters/s);
search.sqlite 1.31 GB = 1.12x the text (1.17 GB).
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
