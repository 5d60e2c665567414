"""Word-made letters: headings set in bold or italic, and footnotes under a lost rule.

A ministry letter made in Word marks its headings by type, not by space: the heading has a
blank line above it and its text straight under it (`Rapport` / `In het rapport …`); a
numbered one may wrap (`2. Controles door … en de` / `Inspectie …`). Its footnotes sit under
a short rule that text extraction drops, so the first footnote of a page can follow the text
without a blank line. Both rules are registered for letterhead letters (`brief` recognised
early, see `letterhead.py`).
"""

from __future__ import annotations

import re

from briefreader.parsing.blocks import BlockContext
from briefreader.parsing.letterhead import page_of, page_spans
from briefreader.parsing.lines import Line, ends_mid_sentence, ends_sentence
from briefreader.parsing.rules import Block
from briefreader.parsing.state import ParseState

__all__ = ["footnote_gap_stage", "heading_tail", "word_heading"]

_NOTE_START = re.compile(r"^(\d{1,3})\s+\S")


def footnote_gap_stage(state: ParseState) -> None:
    """Put back the space above a page's footnotes where the extraction lost it.

    Word sets a page's footnotes under a short rule, which text extraction drops: the first
    footnote then follows the text without a blank line. A line that opens with the next
    footnote's number, whose marker is on the page above it, and from which every line to
    the page's end is footnote text, is given the blank line the footnote reader expects.
    """
    lines = state.lines
    pages = page_of(lines)
    expected = 1
    for first, end in page_spans(pages):
        for i in range(first + 1, end):
            m = _NOTE_START.match(lines[i].text)
            if not m or int(m.group(1)) != expected:
                continue
            if not _marked(lines[first:i], expected) or not _notes_to_end(lines[i:end], expected):
                continue
            if lines[i].gap == 0:
                line = lines[i]
                lines[i] = Line(line.index, line.text, 1, line.page_start, line.orphan)
            break
        numbers = [int(m.group(1)) for ln in lines[first:end] if (m := _NOTE_START.match(ln.text))]
        later = [n for n in numbers if n >= expected]
        expected = _last_run(later, expected) + 1 if later else expected


def _marked(lines: list[Line], number: int) -> bool:
    """Footnote `number`'s marker is glued to a word or a stop in these lines."""
    marker = re.compile(rf"(?:(?<=[^\W\d_])|(?<=[.,;:)»”’]))\s?{number}(?!\d)")
    return any(marker.search(ln.text) for ln in lines)


def _notes_to_end(lines: list[Line], first: int) -> bool:
    """Every line from here to the page's end is a footnote opening the next number, or the
    text of the one above it (a zone of at most a dozen lines)."""
    if len(lines) > 14:
        return False
    expected = first
    for line in lines:
        m = _NOTE_START.match(line.text)
        if m and int(m.group(1)) == expected:
            expected += 1
    return expected > first


def _last_run(numbers: list[int], start: int) -> int:
    """The last number of the run start, start+1, … found in `numbers` (start - 1 if none)."""
    n = start - 1
    for number in numbers:
        if number == n + 1:
            n = number
    return n


def heading_tail(ctx: BlockContext, i: int) -> bool:
    """The second line of a wrapped heading is already in its heading."""
    last = ctx.last()
    return last is not None and last.heading and last.lines[-1] is ctx.lines[i]


def word_heading(ctx: BlockContext, i: int) -> bool:
    """A short line under a blank line with the text straight under it (bold in Word).

    `Rapport`, `Draagmoederschap of adoptie?`, `2. Controles door … en de` / `Inspectie …
    (ILT)` (a numbered heading may wrap onto a second line).
    """
    line = ctx.lines[i]
    nxt = ctx.next_line(i)
    last = ctx.last()
    if nxt is None or nxt.gap > 0 or not (line.gap > 0 or line.page_start):
        return False
    if last is not None and not last.heading and ends_mid_sentence(last.lines[-1].text):
        return False
    text = line.text
    parts = [text]
    numbered = bool(re.match(r"^\d{1,2}\.\s+[A-Z(]", text))
    after = ctx.next_line(i + 1)
    if numbered and ends_mid_sentence(text) and after is not None and after.gap == 0:
        tail = nxt.text
        if len(tail.split()) > 10 or tail[-1] in ".,;:" or not after.text[:1].isupper():
            return False
        parts.append(nxt.text)
        nxt = after
    title = " ".join(parts)
    if not _heading_words(title, numbered) or not nxt.text[:1].isupper():
        return False
    if len(nxt.text) < len(parts[-1]) and not ends_sentence(nxt.text):
        return False  # a short line under a short line: a list or an address, not a heading
    heading_line = Line(line.index, title, line.gap, line.page_start)
    wrapped = [ctx.lines[i + 1]] if len(parts) == 2 else []
    level = 2 if numbered and ctx.seen_plain_heading else 1
    ctx.open_block(Block(True, [heading_line, *wrapped], level))
    ctx.seen_plain_heading = ctx.seen_plain_heading or not numbered
    return True


def _heading_words(text: str, numbered: bool = False) -> bool:
    """Short, capitalised (or bracketed), not a sentence, a list item or a field."""
    words = text.split()
    if not words or len(words) > (16 if numbered else 10) or len(text) > 110:
        return False
    first = text[0]
    if not (first.isupper() or first == "(" or (numbered and first.isdigit())):
        return False
    if first.isdigit() and not numbered:
        return False
    # `Energietransitie:` is a heading; `Het betreft de volgende onderwerpen:` opens a list
    if text[-1] in ".,;-–" or (text[-1] == ":" and len(words) > 3) or ends_mid_sentence(text):
        return False
    return not re.match(r"^(?:[-•–·▪●*]\s|Hoogachtend|Geachte)", text)
