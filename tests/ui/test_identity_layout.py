"""The letter's header names it as Dutch texts do, numbers never break, references are links."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

from rich.style import Style

from briefreader.model import Letter, Paragraph, Questioner, Section
from briefreader.sources import read_document
from briefreader.ui.header import header_facts
from briefreader.ui.layout import STYLE_NAMES, build_layout, glue_numbers

STYLES = {name: Style() for name in STYLE_NAMES}
DOCS = Path(__file__).parents[1] / "documents" / "docs"


def letter(**fields: object) -> Letter:
    base = Letter(
        id="x",
        source="x.txt",
        kind="brief",
        title="Een brief",
        date=dt.date(2024, 4, 2),
        place="Den Haag",
        recipient="Aan de Voorzitter van de Tweede Kamer der Staten-Generaal",
        sender="Minister van Buitenlandse Zaken",
        sections=(Section(None, 1, (Paragraph("Tekst."),)),),
    )
    return dataclasses.replace(base, **fields)  # type: ignore[arg-type]


def test_the_header_gives_the_citation_instead_of_a_bare_number() -> None:
    facts = header_facts(letter(number="151", citation="Kamerstuk 36 045, nr. 151"))
    assert facts[0] == (None, "Kamerstuk 36 045, nr. 151 · Kamerbrief · 2024-04-02 · Den Haag")
    assert all(label != "Number" for label, _ in facts)
    # the Dutch recipient stands on its own, without an English label before it
    assert (None, "Aan de Voorzitter van de Tweede Kamer der Staten-Generaal") in facts
    assert ("From", "Minister van Buitenlandse Zaken") in facts


def test_kamervragen_show_who_asked_and_when_asked_and_answered() -> None:
    facts = header_facts(
        letter(
            kind="kamervragen",
            citation="Aanhangsel Handelingen II 2023/24, nr. 1314",
            submitted=dt.date(2024, 3, 6),
            questioners=(Questioner("Kostić", "PvdD"), Questioner("Teunissen")),
        )
    )
    first = facts[0][1]
    assert first.startswith("Aanhangsel Handelingen II 2023/24, nr. 1314 · Kamervragen")
    assert "submitted 2024-03-06, answered 2024-04-02" in first
    assert ("Asked by", "Kostić (PvdD), Teunissen") in facts


def test_kamerstuk_numbers_do_not_break_inside() -> None:
    text = (
        "Zie de brief van de minister over de Europese top van vorige week"
        " (Kamerstuk 21 501-02, nr. 2433) en verder."
    )
    glued = glue_numbers(text)
    assert "21\u00a0501-02,\u00a0nr.\u00a02433" in glued and len(glued) == len(text)
    for width in range(30, 90):
        lines = [
            line.plain
            for line in build_layout(
                letter(sections=(Section(None, 1, (Paragraph(text),)),)), width, STYLES
            ).lines
        ]
        assert any("21 501-02, nr. 2433" in line for line in lines), width


def test_references_in_text_and_footnotes_are_links_to_what_they_cite() -> None:
    real = read_document(DOCS / "010_kst-21501-20-512_bz_euro-zone-top.txt")
    layout = build_layout(real, 100, STYLES)
    linked = {
        span.style.meta.get("identifier")
        for line in layout.lines
        for span in line.spans
        if isinstance(span.style, Style) and span.style.meta.get("cite")
    }
    assert "kst-21501-20-508" in linked
