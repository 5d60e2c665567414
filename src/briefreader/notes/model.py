"""What an annotation is: an `Anchor` into a letter, the `Annotation` itself, a reading `Position`.

An anchor keeps the passage three ways, as Hypothesis does: the exact quote, about 32
characters of context on each side, and the position (letter id, section, paragraph, offsets).
The position is only a hint; the quote and its context are what let an annotation find its
passage again in a corrected letter. `anchor_for` builds one from a parsed letter.

A reading position is kept the same way, smaller: section, paragraph and the start of its
text; `find_position` finds it again in a changed letter (the reader's one position finder).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from briefreader.model import Letter


CONTEXT = 32
# Paragraphs are joined with this when context crosses a paragraph boundary.
PARAGRAPH_BREAK = "\n"


@dataclass(frozen=True, slots=True)
class Anchor:
    """Where an annotation points: a span of one paragraph's text, with its quote and context."""

    letter_id: str
    section_index: int
    paragraph_index: int
    start: int  # character offsets in the paragraph text (whole paragraph: 0..len)
    end: int
    quote: str
    prefix: str  # up to CONTEXT characters before the quote (across paragraph breaks)
    suffix: str  # up to CONTEXT characters after it


@dataclass(frozen=True, slots=True)
class Annotation:
    """A saved note on a passage. `detached`: its passage is not in the current letter text."""

    id: int
    anchor: Anchor
    note: str
    tags: tuple[str, ...]
    created: str  # ISO 8601 with the local UTC offset
    updated: str
    letter_title: str
    section_title: str | None
    detached: bool


@dataclass(frozen=True, slots=True)
class Position:
    """Reading state of one letter: the paragraph in view and the start of its text."""

    section_index: int
    paragraph_index: int
    quote: str


def paragraph_texts(letter: Letter) -> list[tuple[int, int, str]]:
    """Every paragraph of `letter` in reading order as (section index, paragraph index, text)."""
    return [
        (si, pi, para.text)
        for si, section in enumerate(letter.sections)
        for pi, para in enumerate(section.paragraphs)
    ]


def context_before(texts: list[str], ordinal: int, start: int, size: int = CONTEXT) -> str:
    """The `size` characters before offset `start` of paragraph `ordinal`, across breaks."""
    out = texts[ordinal][:start]
    k = ordinal
    while len(out) < size and k > 0:
        k -= 1
        out = texts[k] + PARAGRAPH_BREAK + out
    return out[-size:]


def context_after(texts: list[str], ordinal: int, end: int, size: int = CONTEXT) -> str:
    """The `size` characters after offset `end` of paragraph `ordinal`, across breaks."""
    out = texts[ordinal][end:]
    k = ordinal
    while len(out) < size and k + 1 < len(texts):
        k += 1
        out = out + PARAGRAPH_BREAK + texts[k]
    return out[:size]


def anchor_at(
    letter_id: str,
    flat: list[tuple[int, int, str]],
    ordinal: int,
    start: int,
    end: int,
) -> Anchor:
    """The anchor of `[start, end)` in paragraph number `ordinal` of a flattened letter."""
    texts = [t for _, _, t in flat]
    si, pi, text = flat[ordinal]
    start = max(0, min(start, len(text)))
    end = max(start, min(end, len(text)))
    return Anchor(
        letter_id,
        si,
        pi,
        start,
        end,
        text[start:end],
        context_before(texts, ordinal, start),
        context_after(texts, ordinal, end),
    )


def anchor_for(
    letter: Letter,
    section_index: int,
    paragraph_index: int,
    start: int | None = None,
    end: int | None = None,
) -> Anchor:
    """The anchor of a passage of `letter`: a whole paragraph, or `[start, end)` within it.

    Offsets are clamped to the paragraph; a paragraph that does not exist is a `ValueError`.
    """
    flat = paragraph_texts(letter)
    for ordinal, (si, pi, text) in enumerate(flat):
        if si == section_index and pi == paragraph_index:
            return anchor_at(
                letter.id,
                flat,
                ordinal,
                0 if start is None else start,
                len(text) if end is None else end,
            )
    raise ValueError(
        f"letter {letter.id} has no paragraph {paragraph_index} in section {section_index}"
    )


def passage_now(annotation: Annotation, letter: Letter | None) -> str | None:
    """The text at a note's place in `letter` as it is now, when the wording there is not
    the quote the note was made on (the letter was corrected); None when it is the same, or
    the note is detached or not on this letter. The note keeps its own quote either way."""
    x = annotation.anchor
    if letter is None or annotation.detached or x.letter_id != letter.id or not x.quote:
        return None
    if not 0 <= x.section_index < len(letter.sections):
        return None
    paragraphs = letter.sections[x.section_index].paragraphs
    if not 0 <= x.paragraph_index < len(paragraphs):
        return None
    now = paragraphs[x.paragraph_index].text[x.start : x.end]
    return None if now == x.quote else now


QUOTE_CHARS = 60  # of a paragraph's start, kept with a reading position to find it again


def _quote_at(letter: Letter, section: int, paragraph: int) -> str:
    """The first words of passage `(section, paragraph)` (`paragraph` -1: its heading)."""
    if not 0 <= section < len(letter.sections):
        return ""
    sec = letter.sections[section]
    if 0 <= paragraph < len(sec.paragraphs):
        return sec.paragraphs[paragraph].text[:QUOTE_CHARS]
    return (sec.title or "")[:QUOTE_CHARS]


def position_at(letter: Letter, section: int, paragraph: int) -> Position:
    """The reading position at a passage, as the store keeps it."""
    return Position(section, paragraph, _quote_at(letter, section, paragraph))


def find_position(letter: Letter, position: Position | None) -> tuple[int, int]:
    """The `(section, paragraph)` a stored position points at in this version of the letter:
    where its quote now starts a paragraph (or a heading without paragraphs), else the same
    place clamped to the letter; the start when there is no position."""
    if position is None:
        return (0, 0)
    section, paragraph = position.section_index, position.paragraph_index
    quote = position.quote
    if quote and not _quote_at(letter, section, paragraph).startswith(quote):
        for s, sec in enumerate(letter.sections):
            for p, par in enumerate(sec.paragraphs):
                if par.text.startswith(quote):
                    return (s, p)
            if sec.title and sec.title.startswith(quote) and not sec.paragraphs:
                return (s, -1)
    if not letter.sections:
        return (0, 0)
    section = max(0, min(section, len(letter.sections) - 1))
    count = len(letter.sections[section].paragraphs)
    paragraph = -1 if count == 0 else max(0, min(paragraph, count - 1))
    return (section, paragraph)
