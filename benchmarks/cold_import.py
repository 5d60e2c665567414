"""Cold import of a folder of letters, in two phases: parse (every core) and index.

    python benchmarks/cold_import.py CORPUS CACHE_DIR [--stop-after N] [--parse-only]

Prints one JSON line: letters, seconds and letters/s of each phase, the CPU seconds of this
process and of its worker processes, the sizes of the caches and of the letters' text.
`--stop-after N` interrupts the parse after N letters (as Ctrl-C would), to show a resume.
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import time
from pathlib import Path

from briefreader.library import Library
from briefreader.search import SearchIndex


class Stop(Exception):
    """Raised from the progress callback to interrupt the parse."""


def cpu() -> tuple[float, float]:
    me = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime, kids.ru_utime + kids.ru_stime


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("corpus", type=Path)
    ap.add_argument("cache", type=Path)
    ap.add_argument("--stop-after", type=int, default=0)
    ap.add_argument("--parse-only", action="store_true", help="stop before the index")
    a = ap.parse_args()
    out: dict[str, object] = {}
    lib = Library([a.corpus], a.cache)
    last = [0.0]

    def progress(done: int, total: int) -> None:
        now = time.perf_counter()
        if now - last[0] > 10 or done == total:
            last[0] = now
            print(f"parse {done}/{total}", file=sys.stderr, flush=True)
        if a.stop_after and done >= a.stop_after:
            raise Stop

    t, (c0, k0) = time.perf_counter(), cpu()
    try:
        entries = lib.scan(progress)
    except Stop:
        out["interrupted_after_s"] = round(time.perf_counter() - t, 1)
        print(json.dumps(out))
        return
    parse_s = time.perf_counter() - t
    c1, k1 = cpu()
    out["letters"] = len(entries)
    out["parse"] = {
        "seconds": round(parse_s, 1),
        "letters_per_s": round(len(entries) / parse_s),
        "cpu_main_s": round(c1 - c0, 1),
        "cpu_workers_s": round(k1 - k0, 1),
    }
    if a.parse_only:
        print(json.dumps(out))
        return
    index = SearchIndex.open(a.cache)
    t = time.perf_counter()
    index.update(lib, lambda done, total: progress(done, total) if done == total else None)
    index_s = time.perf_counter() - t
    c2, k2 = cpu()
    index.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    index.close()
    out["index"] = {
        "seconds": round(index_s, 1),
        "letters_per_s": round(len(entries) / index_s),
        "cpu_main_s": round(c2 - c1, 1),
        "cpu_workers_s": round(k2 - k1, 1),
    }
    text = sum(p.stat().st_size for p in a.corpus.iterdir() if p.suffix == ".txt")
    size = sum(p.stat().st_size for p in a.cache.glob("search.sqlite*"))
    parsed = sum(p.stat().st_size for p in a.cache.glob("letters.sqlite*"))
    out["text_mb"] = round(text / 1e6, 1)
    out["search_sqlite_mb"] = round(size / 1e6, 1)
    out["index_to_text"] = round(size / text, 2)
    out["letters_sqlite_mb"] = round(parsed / 1e6, 1)
    print(json.dumps(out))


if __name__ == "__main__":
    main()
