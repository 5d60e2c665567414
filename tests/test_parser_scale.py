"""The parser's time grows linearly with the size of a letter (no quadratic backtracking).

This compares CPU time at two sizes in one run (a ratio, not a speed goal; speed lives in
benchmarks/bench_parse.py). Linear work gives a ratio near 4 for 4x the text; quadratic, 16.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from briefreader.ingest import clean_text
from briefreader.parsing import parse_letter

SAMPLES = sorted((Path(__file__).resolve().parent.parent / "samples").glob("*.txt"))


def realistic(size: int) -> str:
    """The samples over and over, each copy with line-end hyphens in words of its own."""
    rng = random.Random(7)
    texts = [clean_text(p.read_text(encoding="utf-8")) for p in SAMPLES]
    out, n = [], 0
    while n < size:
        for t in texts:
            word = "".join(rng.choice("bcdfgklmnprstv") + rng.choice("aeiou") for _ in range(5))
            out.append(f"{t}\nHet {word[:4]}-\n{word[4:]} is een woord.\n")
            n += len(t)
    return "\n".join(out)


def adversarial(size: int) -> str:
    """Long runs without spaces, digit lines, and a new hyphenated word on every line."""
    rng = random.Random(11)
    unit = (
        "a" * 3000
        + "-\n"
        + "1 " * 400
        + "\n\n"
        + "Kamerstuk 21 501-02, nr. " * 50
        + "\n"
        + " "
        + "ab-" * 300
        + "\n"
        + "c.s.1 " * 200
        + "\n\n1 x\n"
        + "«»" * 500
        + "-\nx\n"
    )
    out, n = [], 0
    while n < size:
        out.append(unit)
        for _ in range(40):
            word = "".join(rng.choice("bcdfgklmnprstv") + rng.choice("aeiou") for _ in range(5))
            out.append(f"de {word[:5]}-\n{word[5:]} en verder\n")
        n += len(unit) + 40 * 30
    return "".join(out)


def cpu_time(text: str) -> float:
    best = float("inf")
    for _ in range(3):
        start = time.process_time()
        parse_letter(text)
        best = min(best, time.process_time() - start)
    return best


@pytest.mark.parametrize("make", [realistic, adversarial], ids=["samples", "adversarial"])
def test_parse_time_is_linear_in_size(make: Callable[[int], str]) -> None:
    small, large = make(400_000), make(1_600_000)
    ratio = cpu_time(large) / max(cpu_time(small), 1e-3)
    assert ratio < 9, f"4x the text took {ratio:.1f}x the time"
