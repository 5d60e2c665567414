"""Headings in text with hard line breaks and no blank lines (tweedekamer.nl's letters).

tweedekamer.nl prints a letter wrapped at ~85 characters with no blank line anywhere, so a
section heading is a line like any other:

    … In deze brief geef ik daarbij een toelichting.
    Voorbereiding gemeenteraadsverkiezingen
    In 334 gemeenten vinden gemeenteraadsverkiezingen plaats op 14, 15 en 16 maart …

In such text (almost no line has a blank line above it) a short line without a stop, after
a finished sentence and before a full-width line that opens a sentence, is a heading. The
stage gives it the blank lines a heading has elsewhere, so the shared heading rule takes it.
"""

from __future__ import annotations

from briefreader.parsing.lines import Line, ends_sentence
from briefreader.parsing.rules import is_heading_text
from briefreader.parsing.state import ParseState

__all__ = ["headings_stage"]

_OWN_BODY = frozenset({"kamervragen", "motie", "besluitenlijst", "wetsvoorstel"})
_MIN_LINES = 8
_SHORT = 60  # a heading: at most this long, where a wrapped text line is ~70-90
_FULL = 50  # the line under it opens a paragraph: a wrapped, long line


def _dense(lines: list[Line]) -> bool:
    """Hard-wrapped text without blank lines: at most one line in twenty has a gap above."""
    if len(lines) < _MIN_LINES:
        return False
    apart = sum(1 for ln in lines[1:] if ln.gap or ln.page_start)
    return apart * 20 <= len(lines)


def _heading_at(lines: list[Line], i: int) -> bool:
    text = lines[i].text
    if len(text) > _SHORT or text[-1] in ".,;:?!" or ", " in text or len(text.split()) > 8:
        return False
    if i == 0 or i + 1 >= len(lines) or not ends_sentence(lines[i - 1].text):
        return False
    nxt = lines[i + 1].text
    return len(nxt) >= _FULL and nxt[0].isupper() and is_heading_text(text)


def headings_stage(state: ParseState) -> None:
    """In dense hard-wrapped text, set each heading line apart with a blank line on both sides."""
    if state.kind in _OWN_BODY:
        return
    body = state.body
    start, end = state.start, state.end
    lines = body[start:end]
    if not _dense(lines):
        return
    for i in range(1, len(lines) - 1):
        if _heading_at(lines, i):
            for j in (start + i, start + i + 1):
                ln = body[j]
                body[j] = Line(ln.index, ln.text, max(ln.gap, 1), ln.page_start, ln.orphan)
