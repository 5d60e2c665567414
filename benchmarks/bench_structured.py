"""Benchmark of the structured readers (official XML, the site's HTML, ODT) and of references.

Each fixture in `tests/documents/docs/` of those formats is read REPEAT times (bytes to
`Letter`, sibling metadata included) and reported as median and spread (min-max) in ms with
its throughput; then `find_cites` over every paragraph of the bundled samples (copied COPIES
times), in MB/s, median and spread. One core, no warm-up beyond the first read.

    python benchmarks/bench_structured.py [--repeat 30] [--copies 20]
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

from briefreader.parsing.identity import find_cites
from briefreader.sources import is_document_name, letter_from_bytes, read_document

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "tests" / "documents" / "docs"


def spread(values: list[float]) -> str:
    return f"{statistics.median(values):7.2f} ({min(values):.2f}-{max(values):.2f})"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=30)
    parser.add_argument("--copies", type=int, default=20)
    args = parser.parse_args()

    print(f"{'document':34} {'KB':>6}  ms median (min-max)   MB/s")
    for path in sorted(DOCS.iterdir()):
        if path.suffix not in (".xml", ".html", ".odt") or not is_document_name(path.name):
            continue
        data = path.read_bytes()
        times = []
        for _ in range(args.repeat):
            start = time.perf_counter()
            letter_from_bytes(data, str(path))
            times.append((time.perf_counter() - start) * 1000)
        rate = len(data) / 1e6 / (statistics.median(times) / 1000)
        print(f"{path.name:34} {len(data) / 1024:6.1f}  {spread(times):22} {rate:5.1f}")

    samples = sorted((ROOT / "samples").glob("*.txt"))
    paragraphs = [p.text for f in samples for s in read_document(f).sections for p in s.paragraphs]
    paragraphs += [n.text for f in samples for n in read_document(f).footnotes]
    paragraphs *= args.copies
    size = sum(len(p.encode("utf-8")) for p in paragraphs) / 1e6
    rates = []
    for _ in range(5):
        start = time.perf_counter()
        found = find_cites(paragraphs)
        rates.append(size / (time.perf_counter() - start))
    print(
        f"\nfind_cites over {len(paragraphs)} paragraphs ({size:.1f} MB): "
        f"{spread(rates)} MB/s, {len(found)} distinct references"
    )


if __name__ == "__main__":
    main()
