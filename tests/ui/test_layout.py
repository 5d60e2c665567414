"""The reader's layout of a letter: reflowed text, footnotes reachable, passages located."""

from __future__ import annotations

from pathlib import Path

import pytest
from rich.cells import cell_len
from rich.style import Style

from briefreader import locations
from briefreader.ingest import read_letter_text
from briefreader.model import Letter
from briefreader.parsing import parse_letter
from briefreader.ui.layout import GUTTER, STYLE_NAMES, build_layout, wrap_offsets

STYLES = {name: Style() for name in STYLE_NAMES}


def sample(prefix: str) -> Letter:
    path = next(Path(locations.samples_dir()).glob(f"{prefix}_*.txt"))
    return parse_letter(read_letter_text(path), str(path))


def test_wrap_breaks_on_spaces_within_the_width() -> None:
    text = "De Minister van Buitenlandse Zaken informeert uw Kamer over Oekraïne."
    pieces = [
        text[a:b].strip()
        for a, b in zip(
            [0, *wrap_offsets(text, 20)], [*wrap_offsets(text, 20), len(text)], strict=True
        )
    ]
    assert " ".join(pieces) == text
    assert all(cell_len(p) <= 20 for p in pieces)


def test_a_word_longer_than_the_line_is_cut() -> None:
    url = "https://www.rijksoverheid.nl/documenten/kamerstukken/2022/02/03/brief"
    assert all(b % 20 == 0 for b in wrap_offsets(url, 20))


@pytest.mark.parametrize("width", [40, 77, 140])
def test_every_line_fits_and_every_paragraph_is_a_passage(width: int) -> None:
    letter = sample("000")
    layout = build_layout(letter, width, STYLES)
    assert all(cell_len(line.plain) <= width - GUTTER for line in layout.lines)
    assert len(layout.passages) == letter.paragraph_count
    words = " ".join(line.plain.strip() for line in layout.lines)
    for section in letter.sections:
        assert section.title is None or section.title in words


def test_footnote_markers_and_bodies_are_shown() -> None:
    letter = sample("000")
    text = "\n".join(line.plain for line in build_layout(letter, 200, STYLES).lines)
    assert letter.footnotes
    for note in letter.footnotes:
        assert note.text[:30] in text
    marker = str(letter.footnotes[0].number).translate(str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹"))
    assert text.count(marker) >= 2  # in the running text and before its body


def test_header_and_signatories_frame_the_letter() -> None:
    letter = sample("000")
    lines = [line.plain for line in build_layout(letter, 120, STYLES).lines]
    assert lines[0].startswith("Recente ontwikkelingen")
    assert any(line.startswith("Aan de Voorzitter") for line in lines[:8])  # no `To: Aan`
    last_paragraph = letter.sections[-1].paragraphs[-1].text
    end = max(i for i, line in enumerate(lines) if line and line in last_paragraph)
    closing = "\n".join(lines[end:])
    assert "W.B. Hoekstra" in closing and "K.H. Ollongren" in closing
