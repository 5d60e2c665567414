"""Damaged PDFs (bytes flipped, cut short, spliced) are read or refused in one line.

Hypothesis mutates the fixture PDFs; each result must either parse into a letter or raise
`UserError` (what the CLI prints as one line): never another exception, never a hang.
"""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefreader.errors import UserError
from briefreader.sources import letter_from_bytes

DOCS = Path(__file__).resolve().parent / "documents" / "docs"
# small ones keep each example quick: an SDU Aanhangsel, the SDU motie, a Word letter
PDFS = [
    (DOCS / name).read_bytes()
    for name in (
        "ah-tk-20232024-1999.pdf",
        "kst-32545-143.pdf",
        "kamerbrief-venj-20110301-draagmoederschap.pdf",
    )
]


def _read(data: bytes) -> None:
    try:
        letter = letter_from_bytes(data, "mutated.pdf")
    except UserError as exc:
        assert "\n" not in str(exc)
    else:
        assert letter.title


@st.composite
def mutated(draw: st.DrawFn) -> bytes:
    data = bytearray(draw(st.sampled_from(PDFS)))
    for _ in range(draw(st.integers(1, 20))):
        at = draw(st.integers(0, len(data) - 1))
        data[at] = draw(st.integers(0, 255))
    if draw(st.booleans()):
        data = data[: draw(st.integers(8, len(data)))]
    return bytes(data)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated())
def test_a_mutated_pdf_parses_or_is_refused(data: bytes) -> None:
    _read(data)


@settings(max_examples=30, deadline=None)
@given(st.sampled_from(PDFS), st.integers(0, 4000), st.binary(max_size=64))
def test_a_pdf_with_foreign_bytes_spliced_in_parses_or_is_refused(
    data: bytes, at: int, junk: bytes
) -> None:
    _read(data[:at] + junk + data[at + len(junk) :])


def test_a_truncated_header_is_a_damaged_pdf() -> None:
    try:
        letter_from_bytes(b"%PDF-1.7\n%\xe2\xe3", "kort.pdf")
    except UserError as exc:
        assert "damaged PDF" in str(exc)
    else:
        raise AssertionError("a PDF without a body was read")
