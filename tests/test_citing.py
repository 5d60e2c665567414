"""Citations in the Dutch convention for `y` and the export: `(Kamerstuk 36 045, nr. 151,
p. 3)`, with the page where the source has pages."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefreader.citing import (
    letter_pages,
    page_starts,
    passage_citation,
    quote_with_citation,
    source_pages,
)
from briefreader.locations import samples_dir
from briefreader.sources import read_document
from briefreader.sources.named import read_named

SAMPLE = samples_dir() / "000_425c361073e3d6d9.txt"
DOCS = Path(__file__).parent / "documents" / "docs"


def _where(letter, words: str) -> tuple[int, int]:  # type: ignore[no-untyped-def]
    return next(
        (si, pi)
        for si, section in enumerate(letter.sections)
        for pi, para in enumerate(section.paragraphs)
        if words in para.text
    )


def _paged_letter(tmp_path: Path) -> Path:
    """Kamerstuk 36 045, nr. 151 as pdftotext gives it: three pages, form feeds between."""
    page = "\n".join(f"Regel {n} van de tekst loopt hier door tot het einde." for n in range(8))
    text = (
        "Den Haag, 3 februari 2022\n\nEerste alinea over de begroting van dit jaar.\n\n"
        f"{page}\n\fTweede pagina: de alinea over de NAVO begint hier en\n"
        "loopt door op deze pagina.\n\nEen alinea die op pagina twee begint\nen doorloopt\n"
        "\fnaar de derde pagina en daar eindigt.\n"
    )
    path = tmp_path / "kst-36045-151.txt"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_passage_is_cited_by_its_kamerstuk_and_page(tmp_path: Path) -> None:
    path = _paged_letter(tmp_path)
    letter = read_named(path)
    pages = source_pages(path)
    assert pages is not None and len(pages) == 2
    assert letter_pages(letter) == pages
    first = _where(letter, "Eerste alinea")
    assert passage_citation(letter, *first, pages) == "(Kamerstuk 36 045, nr. 151, p. 1)"
    second = _where(letter, "de alinea over de NAVO")
    assert passage_citation(letter, *second, pages) == "(Kamerstuk 36 045, nr. 151, p. 2)"
    across = _where(letter, "pagina twee begint")
    assert passage_citation(letter, *across, pages) == "(Kamerstuk 36 045, nr. 151, p. 2-3)"
    copied = quote_with_citation(letter, *second, pages)
    assert copied.startswith("Tweede pagina: de alinea over de NAVO begint hier")
    assert copied.endswith("\n\n(Kamerstuk 36 045, nr. 151, p. 2)\n")


def test_the_pypdf_samples_have_pages() -> None:
    letter = read_document(SAMPLE)
    pages = source_pages(SAMPLE)
    assert pages is not None and len(pages) >= 5
    cites = [
        passage_citation(letter, si, pi, pages)
        for si, s in enumerate(letter.sections)
        for pi in range(len(s.paragraphs))
    ]
    assert cites[0].endswith(", p. 1)")
    assert any(c.endswith(", p. 4)") for c in cites)
    numbers = [int(c.rsplit("p. ", 1)[1].split("-")[-1].rstrip(")")) for c in cites]
    assert numbers == sorted(numbers)  # pages only go forward through the letter


def test_without_pages_or_number_the_title_and_date_cite_it(tmp_path: Path) -> None:
    path = tmp_path / "brief.txt"
    path.write_text(
        "Datum 18 oktober 2023\nBetreft Verzamelbrief luchtvaart\n\nGeachte voorzitter,\n\n"
        "Hierbij stuur ik u de verzamelbrief.\n\nHoogachtend,\n\nDe Minister,\n\nM. Harbers\n",
        encoding="utf-8",
    )
    assert source_pages(path) is None
    letter = read_document(path)
    where = _where(letter, "verzamelbrief")
    cite = passage_citation(letter, *where, source_pages(path))
    assert "p." not in cite
    assert cite.startswith("(") and cite.endswith("18 oktober 2023)")


def test_markup_has_no_pages() -> None:
    assert source_pages(DOCS / "kst-36560-22.xml") is None
    assert page_starts("een\ntwee\n") is None
    assert page_starts("een\ntwee\n", paged=True) == ()


def test_a_pdf_passage_is_cited_with_the_page_it_is_on(tmp_path: Path) -> None:
    from briefreader.errors import UserError
    from tests.pdfmaker import make_pdf

    filler = [f"Regel {n} van deze pagina, met wat tekst om de pagina te vullen." for n in range(8)]
    pages = [
        ["Den Haag, 3 februari 2022", "", "Eerste alinea op de eerste pagina.", "", *filler],
        ["Tweede alinea, over de NAVO, staat op de tweede pagina.", "", *filler],
        ["Derde alinea op de derde pagina.", "", "De Minister van Defensie,", "K.H. Ollongren"],
    ]
    path = tmp_path / "kst-36045-151.pdf"
    path.write_bytes(make_pdf(pages))
    try:
        letter = read_named(path)
    except UserError as exc:
        pytest.skip(f"PDFs cannot be read here: {exc}")
    found = source_pages(path)
    assert found is not None and len(found) == 2
    where = _where(letter, "Tweede alinea")
    assert passage_citation(letter, *where, found) == "(Kamerstuk 36 045, nr. 151, p. 2)"
    where = _where(letter, "Derde alinea")
    assert passage_citation(letter, *where, found) == "(Kamerstuk 36 045, nr. 151, p. 3)"
