"""Search speed at 10,000 letters: query latency, the CLI warm, index build, and baselines.

    python benchmarks/bench_search.py [--letters 10000] [--runs 15] [--cli-runs 5]

Builds (or reuses) a corpus of realistic letters from samples/ under benchmarks/out/ and its
parse cache, then reports in one run:

- index build from scratch (letters/s) and the index's size on disk;
- per-query latency inside one process, p50 / p95 over `--runs` runs of each query, for a
  fixed set of queries with and without typos (each run forgets the memo of expanded query
  words, so every run pays the full price); target p95 <= 30 ms;
- the same while typing (every prefix of a few queries, as the search bar sees them);
- `search_letter` (the reader's n / N) in one very long letter;
- query-word expansion over a vocabulary of 100,000 real Dutch words (wordfreq), which is
  what a large real library brings; the synthetic corpus has only some 9,000 words;
- `briefreader search` end to end with a warm cache (a fresh process each run); target <= 1 s;
- for comparison on the same text: rapidfuzz `process.extract` over every paragraph, and
  `fzf --filter` over every line when fzf is installed.

Results go to stdout as a Markdown table and to benchmarks/out/bench_search.json.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from corpus import make_corpus  # noqa: E402

from briefreader.library import Library  # noqa: E402
from briefreader.search import SearchIndex  # noqa: E402
from briefreader.search.fts import unpack_text  # noqa: E402
from briefreader.search.normalize import normalize  # noqa: E402
from briefreader.search.vocab import Vocabulary  # noqa: E402

CLEAN = [
    "oekraine",
    "reisadvies",
    "sancties rusland",
    "militaire steun",
    '"militaire steun"',
    "het kabinet",
    "wapenexport",
    "reisadvies oekraine rood",
    "navo oostflank",
    "humanitaire hulp",
]
TYPOS = [
    "reisadvise",
    "sanktie",
    "Stoltenbreg",
    "oekriane",
    "verdedeging",
    "militarie stuen",
    "hervormingsprocess",
    "ruslnd sanctis",
    "reisadviezen oekraine",
    "wapenexprot",
]
TYPED = ["reisadvies oekraine", "militaire steun", "sanktie rusland"]
OUT = HERE / "out"


def pct(values: list[float], q: float) -> float:
    """The q-th percentile (0..100) by linear interpolation."""
    s = sorted(values)
    k = (len(s) - 1) * q / 100
    lo = int(k)
    hi = min(lo + 1, len(s) - 1)
    return s[lo] + (s[hi] - s[lo]) * (k - lo)


def ms(seconds: float) -> float:
    return round(seconds * 1000, 2)


def timed(fn: Callable[[], object], runs: int) -> list[float]:
    out = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        out.append(time.perf_counter() - t)
    return out


def summary(samples: list[float]) -> dict[str, float]:
    return {
        "p50_ms": ms(statistics.median(samples)),
        "p95_ms": ms(pct(samples, 95)),
        "min_ms": ms(min(samples)),
        "max_ms": ms(max(samples)),
    }


def build(lib: Library, where: Path) -> dict[str, float]:
    shutil.rmtree(where, ignore_errors=True)
    index = SearchIndex.open(where)
    t = time.perf_counter()
    index.update(lib)
    elapsed = time.perf_counter() - t
    index.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    index.close()
    size = sum(p.stat().st_size for p in where.glob("search.sqlite*"))
    n = len(lib.entries())
    return {"letters": n, "seconds": round(elapsed, 1), "letters_per_s": round(n / elapsed),
            "size_mb": round(size / 1e6, 1)}  # fmt: skip


def latency(index: SearchIndex, queries: list[str], runs: int) -> dict[str, object]:
    per_query = {}
    every: list[float] = []
    for q in queries:

        def once(q: str = q) -> None:
            index._memo.clear()  # pay for expanding every word, every run
            index.search(q, limit=20)

        once()  # warm the page cache and the vocabulary
        samples = timed(once, runs)
        every += samples
        per_query[q] = {**summary(samples), "hits": len(index.search(q, limit=20))}
    return {"all": summary(every), "queries": per_query}


def typing(index: SearchIndex, runs: int) -> dict[str, float]:
    every: list[float] = []
    for _ in range(runs):
        index._memo.clear()
        for q in TYPED:
            for n in range(1, len(q) + 1):
                t = time.perf_counter()
                index.search(q[:n], limit=20)
                every.append(time.perf_counter() - t)
    return summary(every)


def big_vocabulary(runs: int) -> dict[str, object]:
    try:
        from wordfreq import top_n_list
    except ImportError:
        return {"skipped": "wordfreq not installed"}
    words = {normalize(w) for w in top_n_list("nl", 100_000)}
    vocab = Vocabulary(dict.fromkeys(words, 1))
    words_q = ["reisadvise", "oekriane", "sanktie", "verdedeging", "ministerie", "navo", "oek"]
    samples: list[float] = []
    for w in words_q:
        samples += timed(lambda w=w: vocab.expand(w), runs)
    return {"words": len(vocab), **summary(samples)}


def one_letter(runs: int) -> dict[str, object]:
    """`search_letter` (the reader's n / N) over the longest sample repeated 20 times."""
    from dataclasses import replace

    from briefreader.ingest import read_letter_text
    from briefreader.locations import samples_dir
    from briefreader.parsing import parse_letter
    from briefreader.search import search_letter

    letters = [parse_letter(read_letter_text(p), str(p)) for p in samples_dir().glob("*.txt")]
    longest = max(letters, key=lambda x: x.paragraph_count)
    big = replace(longest, sections=longest.sections * 20)
    samples: list[float] = []
    for q in ["oekraine", "navo rusland", "reisadvise"]:
        samples += timed(lambda q=q: search_letter(big, q), runs)
    return {"paragraphs": big.paragraph_count, **summary(samples)}


def cli(corpus: Path, cache: Path, data: Path, runs: int) -> dict[str, object]:
    exe = shutil.which("briefreader")
    cmd = [exe] if exe else [sys.executable, "-m", "briefreader"]
    out = {}
    for q in ["reisadvise oekraine", "militaire steun"]:
        args = [*cmd, "search", q, str(corpus), "--cache-dir", str(cache), "--data-dir", str(data)]
        subprocess.run(args, capture_output=True, check=True)  # warm: index up to date
        samples = timed(lambda a=args: subprocess.run(a, capture_output=True, check=True), runs)
        out[q] = summary(samples)
    return out


def baselines(index: SearchIndex, corpus: Path, runs: int) -> dict[str, object]:
    from rapidfuzz import fuzz, process

    rows = index.db.execute("SELECT text FROM blocks WHERE kind = 0")
    paragraphs = [unpack_text(r[0]) for r in rows]  # stored zlib'd when that is shorter
    queries = ["reisadvise oekraine", "militaire steun"]
    out: dict[str, object] = {"paragraphs": len(paragraphs)}
    for name, scorer in (("rapidfuzz_WRatio", fuzz.WRatio), ("rapidfuzz_partial_ratio",
                                                             fuzz.partial_ratio)):  # fmt: skip
        samples: list[float] = []
        for q in queries:
            samples += timed(
                lambda q=q, s=scorer: process.extract(q, paragraphs, scorer=s, limit=20), runs
            )
        out[name] = summary(samples)
    fzf = shutil.which("fzf")
    if fzf:
        # fzf filters lines: every line of every letter file, as a user would pipe them in.
        lines = OUT / "all-lines.txt"
        with lines.open("w", encoding="utf-8") as out_file:
            for path in sorted(corpus.glob("*.txt")):
                out_file.write(path.read_text(encoding="utf-8"))
        with lines.open(encoding="utf-8") as counted:
            out["lines"] = sum(1 for _ in counted)

        def run_fzf(q: str) -> None:
            with lines.open("rb") as stdin:
                subprocess.run([fzf, "--filter", q], stdin=stdin, capture_output=True)

        samples = []
        for q in queries:
            samples += timed(lambda q=q: run_fzf(q), runs)
        out["fzf_filter"] = summary(samples)
    else:
        out["fzf_filter"] = "fzf not installed"
    return out


def table(r: dict[str, object]) -> str:
    b = r["build"]
    lat = r["latency"]
    assert isinstance(b, dict) and isinstance(lat, dict)
    rows = [
        "| measure | p50 | p95 | min | max |",
        "| --- | --- | --- | --- | --- |",
    ]

    def row(name: str, s: object) -> None:
        if isinstance(s, dict) and "p50_ms" in s:
            rows.append(f"| {name} | {s['p50_ms']} ms | {s['p95_ms']} ms | {s['min_ms']} ms"
                        f" | {s['max_ms']} ms |")  # fmt: skip
        else:
            rows.append(f"| {name} | {s} | | | |")

    row("query, no typos (all runs)", lat["clean"]["all"])
    row("query, with typos (all runs)", lat["typos"]["all"])
    row("query, as you type (every prefix)", r["typing"])
    row("expand one word, 100k-word vocabulary", r["vocab100k"])
    big = r["one_letter"]
    assert isinstance(big, dict)
    row(f"search_letter, one letter of {big['paragraphs']} paragraphs", big)
    for q, s in r["cli"].items():  # type: ignore[attr-defined]
        row(f"`briefreader search {q!r}` warm, end to end", s)
    base = r["baselines"]
    assert isinstance(base, dict)
    for name in ("rapidfuzz_WRatio", "rapidfuzz_partial_ratio"):
        row(f"baseline: {name} over {base['paragraphs']} paragraphs", base[name])
    row(f"baseline: fzf --filter over {base.get('lines', '?')} lines", base["fzf_filter"])
    rows.append("")
    rows.append(
        f"Index build from scratch: {b['letters']} letters in {b['seconds']} s"
        f" = {b['letters_per_s']} letters/s; search.sqlite {b['size_mb']} MB."
    )
    rows.append("")
    rows.append("| query | p50 | p95 | hits |")
    rows.append("| --- | --- | --- | --- |")
    for kind in ("clean", "typos"):
        for q, s in lat[kind]["queries"].items():
            rows.append(f"| `{q}` | {s['p50_ms']} ms | {s['p95_ms']} ms | {s['hits']} |")
    return "\n".join(rows)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("--letters", type=int, default=10_000)
    ap.add_argument("--runs", type=int, default=15)
    ap.add_argument("--cli-runs", type=int, default=5)
    ap.add_argument("--baseline-runs", type=int, default=3)
    a = ap.parse_args()

    corpus = OUT / f"corpus-{a.letters}"
    cache = OUT / f"cache-{a.letters}"
    data = OUT / "data-empty"
    t = time.perf_counter()
    make_corpus(corpus, a.letters)
    lib = Library([corpus], cache)
    lib.scan()
    print(f"corpus and parse cache ready in {time.perf_counter() - t:.1f} s", file=sys.stderr)

    result: dict[str, object] = {"letters": a.letters, "cpus": os.cpu_count()}
    result["build"] = build(lib, OUT / "search-build")
    print(f"build: {result['build']}", file=sys.stderr)
    # The CLI's cache dir: the parse cache plus an index built once and kept.
    shutil.copy(OUT / "search-build" / "search.sqlite", cache / "search.sqlite")
    for extra in cache.glob("search.sqlite-*"):
        extra.unlink()
    index = SearchIndex.open(cache)
    index.update(lib)
    result["latency"] = {
        "clean": latency(index, CLEAN, a.runs),
        "typos": latency(index, TYPOS, a.runs),
    }
    result["typing"] = typing(index, max(1, a.runs // 5))
    result["vocab100k"] = big_vocabulary(a.runs)
    result["one_letter"] = one_letter(max(1, a.runs // 3))
    result["cli"] = cli(corpus, cache, data, a.cli_runs)
    result["baselines"] = baselines(index, corpus, a.baseline_runs)
    index.close()
    (OUT / "bench_search.json").write_text(json.dumps(result, indent=1), encoding="utf-8")
    print(table(result))


if __name__ == "__main__":
    main()
