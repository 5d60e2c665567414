"""PDF speed on one core: pages/s over the fixture PDFs, the slowest fixture, a 250-page PDF.

    python benchmarks/bench_pdf.py [--runs 5]

Times reading and parsing each PDF in tests/documents/docs/ (`sources.letter_from_bytes`,
text extraction included) `--runs` times and reports the median and spread (min-max) of:
pages per second over all fixture PDFs (target >= 50), the slowest fixture's time (target
<= 1 s), and a 250-page PDF made by concatenating the fixtures' pages with pypdf (target
<= 3 s). CPU time (`process_time`), so other processes on the machine count less.
"""

from __future__ import annotations

import argparse
import io
import statistics
import time
from pathlib import Path

from briefreader.sources import letter_from_bytes

DOCS = Path(__file__).resolve().parent.parent / "tests" / "documents" / "docs"


def page_count(data: bytes) -> int:
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(data)
    try:
        return len(doc)
    finally:
        doc.close()


def big_pdf(files: list[Path], pages: int) -> bytes:
    """A PDF of `pages` pages, the fixtures' pages repeated in turn (needs pypdf)."""
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    readers = [PdfReader(io.BytesIO(f.read_bytes())) for f in files]
    while len(writer.pages) < pages:
        for reader in readers:
            for page in reader.pages:
                if len(writer.pages) < pages:
                    writer.add_page(page)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def timed(data: bytes, name: str) -> float:
    start = time.process_time()
    letter_from_bytes(data, name)
    return time.process_time() - start


def spread(values: list[float], unit: str, digits: int = 3) -> str:
    med, low, high = statistics.median(values), min(values), max(values)
    return f"median {med:.{digits}f} {unit} (min {low:.{digits}f}, max {high:.{digits}f})"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    files = sorted(DOCS.glob("*.pdf"))
    datas = {f.name: f.read_bytes() for f in files}
    pages = sum(page_count(d) for d in datas.values())
    for name, data in datas.items():  # warm up: word list, library load
        timed(data, name)
    rates, slowest = [], []
    worst = ""
    for _ in range(args.runs):
        times = {name: timed(data, name) for name, data in datas.items()}
        rates.append(pages / sum(times.values()))
        worst = max(times, key=lambda n: times[n])
        slowest.append(times[worst])
    print(f"fixture PDFs: {len(files)} files, {pages} pages")
    print(f"  pages/s: {spread(rates, 'pages/s', 1)}  (target >= 50)")
    print(f"  slowest ({worst}): {spread(slowest, 's')}  (target <= 1 s)")
    try:
        big = big_pdf(files, 250)
    except ImportError:
        print("250-page PDF: skipped (pip install pypdf to build it)")
        return
    bigs = [timed(big, "big.pdf") for _ in range(args.runs)]
    print(f"250-page PDF ({len(big) // 1024} KB): {spread(bigs, 's')}  (target <= 3 s)")


if __name__ == "__main__":
    main()
