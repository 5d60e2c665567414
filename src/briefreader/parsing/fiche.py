"""A BNC-fiche (the cabinet's assessment of an EU proposal): the template's fields as sections.

The fiche is a fixed template: a bold title (`Fiche 5: Herziening …`), numbered sections
(`1. Algemene gegevens` … `8. Implicaties voor ontwikkelingslanden`) and lettered fields
under them (`a) Titel voorstel`), each with its text straight under it, some with their own
unlettered subheadings (`Tape voor geconsolideerde handelsdata`). A long field label wraps
onto a second line (`… dan wel voorgestelde datum` / `inwerkingtreding (…) met …`).
"""

from __future__ import annotations

import re

from briefreader.parsing.blocks import BlockContext
from briefreader.parsing.lines import Line, ends_mid_sentence
from briefreader.parsing.rules import Block
from briefreader.parsing.state import ParseState

__all__ = ["field_heading", "heading_tail", "subheading", "title_stage"]

_TITLE = re.compile(r"^Fiche\s*\d*\s*:\s*\S")
_SECTION = re.compile(r"^\d{1,2}\.\s+[A-Z]")
_FIELD = re.compile(r"^[a-z]\)\s+\S")
_MAX_WORDS = 30


def title_stage(state: ParseState) -> None:
    """The `Fiche N: …` line is the title, not text."""
    body = state.body
    for i in range(state.start, min(state.start + 5, state.end)):
        if _TITLE.match(body[i].text):
            state.title = state.title or body[i].text
            if i == state.start:
                state.start += 1
            return


def _label(text: str) -> bool:
    return (
        len(text.split()) <= _MAX_WORDS
        and text[-1] not in ".;,:"
        and any(c.isalpha() for c in text)
    )


def _opens(ctx: BlockContext, i: int) -> bool:
    """A label may open here: after a blank line, a page break, or another heading."""
    line = ctx.lines[i]
    last = ctx.last()
    return line.gap > 0 or line.page_start or last is None or last.heading


def field_heading(ctx: BlockContext, i: int) -> bool:
    """`2. Essentie voorstel`, `a) Inhoud voorstel` (with a wrapped second line)."""
    line = ctx.lines[i]
    text = line.text
    section = bool(_SECTION.match(text))
    if not (section or _FIELD.match(text)) or not _opens(ctx, i):
        return False
    parts = [line]
    nxt = ctx.next_line(i)
    if (
        nxt is not None
        and nxt.gap == 0
        and not (_SECTION.match(nxt.text) or _FIELD.match(nxt.text) or "://" in nxt.text)
        and (nxt.text[0].islower() or ends_mid_sentence(text))
    ):
        parts.append(nxt)
    title = " ".join(p.text for p in parts)
    if not _label(title):
        return False
    heading = Line(line.index, title, line.gap, line.page_start)
    ctx.open_block(Block(True, [heading, *parts[1:]], 1 if section else 2))
    return True


def heading_tail(ctx: BlockContext, i: int) -> bool:
    """The second line of a wrapped label is already in its heading."""
    last = ctx.last()
    return last is not None and last.heading and last.lines[-1] is ctx.lines[i]


def subheading(ctx: BlockContext, i: int) -> bool:
    """An unlettered subheading right under a field label or after a blank line, its text
    straight under it."""
    line = ctx.lines[i]
    nxt = ctx.next_line(i)
    text = line.text
    if nxt is None or nxt.gap > 0 or not _opens(ctx, i):
        return False
    if not text[0].isupper() or len(text.split()) > 12 or not _label(text):
        return False
    if ends_mid_sentence(text) or not nxt.text[0].isupper() or len(nxt.text) <= len(text):
        return False
    ctx.open_block(Block(True, [line], 3))
    return True
