"""Synthetic corpora for benchmarks: N letters in the plain-text layout of the samples.

Each letter is assembled from the paragraphs and headings of the bundled sample letters
(shuffled, with dates and numbers varied and a few words swapped), so its layout -- hard line
breaks, hyphenation, page breaks, footnotes -- matches the real ones while its text differs.

    from benchmarks.corpus import make_corpus
    files = make_corpus(Path("benchmarks/out/corpus-10000"), 10_000)

or `python benchmarks/corpus.py OUT_DIR N [--seed S]`. A folder that already holds the corpus
for the same N and seed (see its `.corpus` marker) is reused as it is.
"""

from __future__ import annotations

import argparse
import random
import re
from pathlib import Path

from briefreader.locations import samples_dir
from briefreader.parsing.rules import MONTHS as MONTH_NUMBERS

MONTHS = list(MONTH_NUMBERS)[:12]  # the full Dutch month names, in order
_SKIP = ("Aan de Voorzitter", "Den Haag,", "De Minister")


def _blocks(text: str) -> list[str]:
    return [b for b in re.split(r"\n\s*\n", text) if b.strip()]


def _is_heading(block: str) -> bool:
    s = block.strip()
    return "\n" not in s and len(s) < 70 and not s.endswith((".", ",", ";", ":"))


def _pieces(samples: Path) -> tuple[list[str], list[str]]:
    """The paragraphs and the headings of every sample letter, as raw text blocks."""
    paras: list[str] = []
    heads: list[str] = []
    for f in sorted(samples.glob("*.txt")):
        for b in _blocks(f.read_text(encoding="utf-8")):
            if b.lstrip().startswith(_SKIP):
                continue
            (heads if _is_heading(b) else paras).append(b)
    return paras, heads


def make_corpus(out_dir: Path, n: int, seed: int = 1, samples: Path | None = None) -> list[Path]:
    """Write `n` synthetic letters `synth_000000.txt`... into `out_dir`; return their paths."""
    out_dir.mkdir(parents=True, exist_ok=True)
    files = [out_dir / f"synth_{i:06d}.txt" for i in range(n)]
    marker = out_dir / ".corpus"
    stamp = f"n={n} seed={seed}\n"
    if marker.exists() and marker.read_text() == stamp and all(f.exists() for f in files):
        return files
    rng = random.Random(seed)
    paras, heads = _pieces(samples or samples_dir())
    words = sorted({w for p in paras for w in re.findall(r"[a-zà-ÿ]{6,}", p)})

    def vary_number(_: re.Match[str]) -> str:
        return str(rng.randint(1, 31))

    def vary_word(m: re.Match[str]) -> str:
        return rng.choice(words) if rng.random() < 0.05 else m.group(0)

    for path in files:
        date = f"{rng.randint(1, 28)} {rng.choice(MONTHS)} {rng.randint(2015, 2026)}"
        parts = [
            " Aan de Voorzitter van de Tweede Kamer der Staten-Generaal ",
            f"Den Haag, {date} ",
        ]
        for _ in range(rng.randint(2, 9)):
            parts.append(rng.choice(heads))
            for _ in range(rng.randint(1, 6)):
                p = rng.choice(paras)
                # vary the text a little so that no two letters are identical
                p = re.sub(r"\b\d{1,2}\b", vary_number, p)
                p = re.sub(r"\b[a-z]{6,}\b", vary_word, p)
                parts.append(p)
        parts.append("De Minister van Buitenlandse Zaken, \nW.B. Hoekstra ")
        path.write_text("\n\n".join(parts) + "\n", encoding="utf-8")
    keep = set(files)
    for stale in out_dir.glob("synth_*.txt"):
        if stale not in keep:
            stale.unlink()
    marker.write_text(stamp)
    return files


def main() -> None:
    """`python benchmarks/corpus.py OUT_DIR N [--seed S]`."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("out", type=Path)
    ap.add_argument("n", type=int)
    ap.add_argument("--seed", type=int, default=1)
    a = ap.parse_args()
    print(f"{len(make_corpus(a.out, a.n, a.seed))} letters in {a.out}")


if __name__ == "__main__":
    main()
