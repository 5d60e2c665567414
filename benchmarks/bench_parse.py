"""Parse throughput on one core: letters/s and MB/s over a generated corpus, and a 50 MB letter.

    python benchmarks/bench_parse.py [--letters 2000] [--runs 5] [--big-mb 50]

Builds (or reuses) a corpus of realistic letters from samples/ under benchmarks/out/, reads
them into memory, then times `parse_letter` over all of them `--runs` times and reports the
median and spread. The target is at least 10 MB/s (about 500 letters of the samples' size per
second). It then times one generated letter of `--big-mb` MB against one a tenth its size,
to show that time grows linearly with size.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from corpus import make_corpus  # noqa: E402

from briefreader.ingest import clean_text, read_letter_text  # noqa: E402
from briefreader.locations import samples_dir  # noqa: E402
from briefreader.parsing import parse_letter  # noqa: E402
from briefreader.parsing.hyphens import zipf  # noqa: E402


def timed(texts: list[str]) -> float:
    start = time.process_time()
    for text in texts:
        parse_letter(text)
    return time.process_time() - start


def big_letter(mb: float) -> str:
    samples = [
        clean_text(p.read_text(encoding="utf-8")) for p in sorted(samples_dir().glob("*.txt"))
    ]
    out, size = [], 0
    while size < mb * 1e6:
        for text in samples:
            out.append(text)
            size += len(text.encode())
    return "\n".join(out)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--letters", type=int, default=2000)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--big-mb", type=float, default=50.0)
    args = ap.parse_args()

    files = make_corpus(HERE / "out" / f"corpus-{args.letters}", args.letters)
    texts = [read_letter_text(f) for f in files]
    mb = sum(len(t.encode()) for t in texts) / 1e6
    zipf("kabinet")  # load the word list once, outside the timing (as a long-running app does)
    timed(texts[:50])  # warm up
    runs = [timed(texts) for _ in range(args.runs)]
    med = statistics.median(runs)
    print(f"corpus: {len(texts)} letters, {mb:.1f} MB; {args.runs} runs on one core (CPU time)")
    print(f"  parse time   median {med:.2f} s  (min {min(runs):.2f}, max {max(runs):.2f})")
    print(
        f"  throughput   {len(texts) / med:.0f} letters/s, {mb / med:.1f} MB/s "
        f"(spread {mb / max(runs):.1f}-{mb / min(runs):.1f} MB/s); target >= 10 MB/s"
    )

    small_text, large_text = big_letter(args.big_mb / 10), big_letter(args.big_mb)
    t_small = min(timed([small_text]) for _ in range(3))
    t_large = timed([large_text])
    print(
        f"one letter of {len(small_text.encode()) / 1e6:.0f} MB: {t_small:.2f} s; "
        f"of {len(large_text.encode()) / 1e6:.0f} MB: {t_large:.2f} s "
        f"(ratio {t_large / t_small:.1f} for 10x the text; linear is 10)"
    )


if __name__ == "__main__":
    main()
