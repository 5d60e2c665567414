"""Letters copied from the publication websites read as clean letters, the sites' furniture gone.

Small invented letters in `tests/fixtures/web_*.txt`, one per site layout, go through the
same reader a user's file goes through (`sources.read_document`).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefreader.errors import UserError
from briefreader.model import Letter
from briefreader.sources import letter_from_bytes, read_document
from briefreader.sources.webtext import strip_web_furniture

FIXTURES = Path(__file__).parent / "fixtures"


def read(name: str) -> Letter:
    return read_document(FIXTURES / name)


def body(letter: Letter) -> str:
    return " ".join(p.text for s in letter.sections for p in s.paragraphs)


def test_officielebekendmakingen_copy() -> None:
    letter = read("web_ob_letter.txt")
    assert letter.kind == "brief"
    assert (letter.identifier, letter.dossier, letter.number) == ("kst-36012-3", "36 012", "3")
    assert letter.citation == "Kamerstuk 36 012, nr. 3"
    assert letter.session == "2021-2022"  # from the site's metadata row
    assert letter.title == "Wijziging van de Wet op de waterkeringen"
    assert (letter.place, letter.date) == ("Den Haag", dt.date(2022, 2, 9))
    assert [s.title for s in letter.sections] == [None]
    assert [(s.role, s.name) for s in letter.signatories] == [
        ("De minister van Infrastructuur en Waterstaat", "M. G. J. Harbers"),
        ("De staatssecretaris van Infrastructuur en Waterstaat", "V. L. W. A. Heijnen"),
    ]
    assert [(f.number, f.text) for f in letter.footnotes] == [
        (1, "Raadpleegbaar via www.tweedekamer.nl.")
    ]
    text = body(letter)
    assert text.startswith("Hierbij zend ik u het rapport over de dijkversterking langs de Lek.")
    for furniture in ("Naar boven", "Noot", "Datum publicatie", "Staten-Generaal2021", "Harbers"):
        assert furniture not in text


def test_rijksbegroting_copy() -> None:
    letter = read("web_rijksbegroting.txt")
    assert (letter.identifier, letter.dossier, letter.number) == (
        "kst-35925-J-14",
        "35 925 J",
        "14",
    )
    assert letter.session == "2021-2022"
    assert letter.title.startswith("Vaststelling van de begrotingsstaten van het Deltafonds")
    assert letter.date == dt.date(2022, 3, 3)
    assert [s.name for s in letter.signatories] == ["M.G.J. Harbers"]
    assert [f.text for f in letter.footnotes] == ["Raadpleegbaar via www.tweedekamer.nl"]
    assert body(letter) == "Hierbij bied ik u het jaarbericht over de zandsuppleties aan."


def test_tweedekamer_site_copy_without_blank_lines() -> None:
    letter = read("web_tk_site.txt")
    assert (letter.identifier, letter.title) == (
        "kst-36012-7",
        "Wijziging van de Wet op de waterkeringen",
    )
    assert letter.date == dt.date(2022, 4, 14)
    assert [(s.role, s.name) for s in letter.signatories] == [
        ("De Minister van Infrastructuur en Waterstaat", "M.G.J. Harbers")
    ]
    text = body(letter)
    assert "Ondertekenaars" not in text and "Brief regering" not in text
    assert text.endswith("Ik stuur u hierbij de gevraagde reactie.")


def test_parlementaire_monitor_copy() -> None:
    letter = read("web_monitor.txt")
    assert (letter.identifier, letter.date) == ("kst-36012-9", dt.date(2022, 5, 2))
    assert [s.title for s in letter.sections] == [None]
    assert body(letter) == (
        "Naar aanleiding van het verzoek van de vaste commissie informeer ik u over de dijken."
    )
    assert [s.name for s in letter.signatories] == ["M.G.J. Harbers"]


def test_markdown_marks_and_page_rules() -> None:
    raw = (FIXTURES / "markdown_pages.txt").read_text(encoding="utf-8")
    lines = strip_web_furniture(raw).split("\n")
    assert len(lines) == len(raw.split("\n"))  # source spans keep pointing at the copy
    kept = [ln for ln in lines if ln.strip()]
    assert kept[0] == "Vergaderjaar 2023–2024 Aanhangsel van de Handelingen"
    assert kept[1] == "Vragen gesteld door de leden der Kamer, met de daarop door de"
    assert kept[3] == "Nr. 412"  # the number under the masthead, as a header reads it
    assert kept[4] == "Het kabinet volgt de berichtgeving1 en het 11e sanctiepakket"
    assert "\f" in lines and not any("h tk" in ln or "# 2" in ln for ln in kept)
    letter = read("markdown_pages.txt")
    assert (letter.number, letter.session) == ("412", "2023-2024")
    assert [(f.number, f.text) for f in letter.footnotes] == [(1, "NRC, 3 oktober 2023.")]
    assert "berichtgeving en het 11e sanctiepakket met aandacht." in body(letter)


@pytest.mark.parametrize(
    "text",
    [
        "Aan de Voorzitter van de Tweede Kamer\n\nDen Haag, 1 mei 2022\n\nTekst.\n",
        "Het kabinet noemt de Kamerstuk-nummers.\nNoot van de redactie blijft tekst.\n",
    ],
)
def test_plain_letters_are_left_alone(text: str) -> None:
    assert strip_web_furniture(text) == text


def test_web_letter_with_headings_and_several_notes() -> None:
    letter = read("web_sections.txt")
    assert [s.title for s in letter.sections] == [None, "Dijkversterking", "Planning"]
    assert [(f.number, f.text) for f in letter.footnotes] == [
        (1, "Kamerstuk 36 012, nr. 4."),
        (2, "Zie de bijlage."),
    ]
    assert body(letter) == (
        "Hierbij informeer ik u over de dijken. De dijken worden sterker gemaakt. Dat kost tijd."
        " De werkzaamheden duren tot 2030."
    )


def test_aanhangsel_copied_from_the_site() -> None:
    letter = read("web_aanhangsel.txt")
    assert (letter.kind, letter.identifier) == ("kamervragen", "ah-tk-20232024-1314")
    assert letter.citation == "Aanhangsel Handelingen II 2023/24, nr. 1314"
    assert [s.title for s in letter.sections] == ["Vraag 1", "Antwoord 1"]
    assert body(letter) == "Bent u bekend met het bericht over de vogelgriep? Ja."


_PIECES = [
    "Naar boven",
    "X Noot",
    "XNoot",
    "1",
    "12",
    "Noot 3: tekst",
    "Ondertekenaars",
    "Eerste ondertekenaar",
    "-----",
    "# 2",
    "### 387",
    "**vet**",
    "[4 ]",
    "1.",
    "Kerngegevens",
    "Parlementaire Monitor",
    "Kamerstuk",
    "Datum publicatieOrganisatie",
    "Tweede Kamer der Staten-Generaal2023-20241314",
    "Den Haag, 4 maart 2011",
    "De Minister van Defensie, A.B. Naam",
    "",
    " ",
]


@settings(max_examples=80, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(_PIECES), st.text(max_size=30)), max_size=40))
def test_any_web_text_keeps_its_lines_and_parses(lines: list[str]) -> None:
    text = "\n".join(lines)
    cleaned = strip_web_furniture(text)
    assert cleaned.count("\n") == text.count("\n")
    try:
        letter = letter_from_bytes(text.encode("utf-8"), "<web>")
    except UserError:
        return  # an empty or binary text is refused in one line, not a crash
    assert letter.title.strip()
    assert all("\n" not in p.text for s in letter.sections for p in s.paragraphs)


def test_breadcrumbs_and_site_buttons_are_not_text() -> None:
    text = (
        "Home > Kamerstukken > Wijziging van de Waterwet\n\nPrint\n\n"
        "Aan de Voorzitter van de Tweede Kamer der Staten-Generaal\n\n"
        "Den Haag, 2 mei 2022\n\nHierbij informeer ik u over de dijken.\n\n"
        "Terug naar zoekresultaten\n"
    )
    letter = letter_from_bytes(text.encode("utf-8"), "<web>")
    assert letter.date == dt.date(2022, 5, 2)
    assert body(letter) == "Hierbij informeer ik u over de dijken."
