"""PDF letters are read by pypdfium2 (no system packages): pages become page breaks."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from briefreader.errors import UserError
from briefreader.library import find_files
from briefreader.sources import read_document
from tests.pdfmaker import make_pdf

PAGES = [
    [
        "Aan de Voorzitter van de Tweede Kamer der Staten-Generaal",
        "",
        "Den Haag, 3 februari 2022",
        "",
        "Hierbij informeer ik u over de situatie in Oekraïne, die zorgelijk blijft.",
        "",
        "Militaire steun",
        "",
        "Nederland levert militaire steun aan de",
    ],
    [
        "bondgenoten in de regio en aan Oekraïne zelf.",
        "",
        "De Minister van Defensie,",
        "K.H. Ollongren",
    ],
]


def test_a_pdf_letter_parses_like_its_text(tmp_path: Path) -> None:
    path = tmp_path / "brief.pdf"
    path.write_bytes(make_pdf(PAGES))
    letter = read_document(path)
    assert letter.date == dt.date(2022, 2, 3)
    assert [s.title for s in letter.sections] == [None, "Militaire steun"]
    assert [p.text for p in letter.sections[1].paragraphs] == [
        "Nederland levert militaire steun aan de bondgenoten in de regio en aan Oekraïne zelf."
    ]
    assert [s.name for s in letter.signatories] == ["K.H. Ollongren"]
    assert find_files([tmp_path]) == [path]


def test_a_damaged_pdf_is_a_one_line_error(tmp_path: Path) -> None:
    path = tmp_path / "kapot.pdf"
    path.write_bytes(b"%PDF-1.4\nnot really a pdf\n")
    with pytest.raises(UserError, match="damaged PDF"):
        read_document(path)


def test_a_pdf_without_text_asks_for_ocr(tmp_path: Path) -> None:
    path = tmp_path / "scan.pdf"
    path.write_bytes(make_pdf([[]]))
    with pytest.raises(UserError, match="without text"):
        read_document(path)


def test_a_password_protected_pdf_is_refused_in_one_line(tmp_path: Path) -> None:
    import io

    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    for page in PdfReader(io.BytesIO(make_pdf(PAGES))).pages:
        writer.add_page(page)
    writer.encrypt("geheim")
    path = tmp_path / "dicht.pdf"
    with path.open("wb") as out:
        writer.write(out)
    with pytest.raises(UserError, match="password-protected"):
        read_document(path)
