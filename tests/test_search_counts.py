"""In-letter search counts occurrences, not paragraphs: `/NAVO` in the first sample is 21
matches in 8 paragraphs, and each match says where it is."""

from __future__ import annotations

import re

from briefreader.locations import samples_dir
from briefreader.search import letter_matches, search_letter
from briefreader.sources import read_document

SAMPLE = samples_dir() / "000_425c361073e3d6d9.txt"


def _block_text(letter, match) -> str:  # type: ignore[no-untyped-def]
    section = letter.sections[match.section_index]
    if match.kind == "paragraph":
        return section.paragraphs[match.paragraph_index].text
    if match.kind == "heading":
        return section.title or ""
    if match.kind == "footnote":
        return letter.footnote(match.footnote).text
    return letter.title


def test_every_occurrence_is_a_match_in_reading_order() -> None:
    letter = read_document(SAMPLE)
    matches = letter_matches(letter, "NAVO")
    blocks = search_letter(letter, "NAVO")
    assert len(blocks) < len(matches)
    everywhere = [letter.title] + [
        t for s in letter.sections for t in [s.title or "", *(p.text for p in s.paragraphs)]
    ]
    everywhere += [f.text for f in letter.footnotes]
    assert len(matches) == len(re.findall(r"\bNAVO", " ".join(everywhere)))
    for match in matches:
        assert _block_text(letter, match)[match.start : match.end] == "NAVO"
    paragraphs = [
        (m.section_index, m.paragraph_index, m.start) for m in matches if m.kind == "paragraph"
    ]
    assert paragraphs == sorted(paragraphs)


def test_a_word_twice_in_one_paragraph_counts_twice() -> None:
    letter = read_document(SAMPLE)
    matches = [m for m in letter_matches(letter, "NAVO") if m.kind == "paragraph"]
    per_paragraph = {(m.section_index, m.paragraph_index) for m in matches}
    assert len(per_paragraph) < len(matches)


def test_nothing_found_is_no_match() -> None:
    assert letter_matches(read_document(SAMPLE), "qwxyzzy") == []
