"""Ministry letters on letterhead (Word-made): the sidebar as furniture, Word's headings.

A ministry letter prints its sidebar (directorate, visiting and postal address, `Ons
kenmerk` and its value, `Bijlage(n)`) beside the first page and repeats part of it on every
later page (`Kenmerk` / `IENW/BSK-2023/297705`); text extraction puts those lines at a
page's top or bottom, or in the middle of a paragraph. Its headings are bold or italic lines
with a blank line above and the text straight under them (`word.py`).

`sign` recognises such a letter (`Datum` and `Betreft`/`Onderwerp` fields with a
`Retouradres`, `Pagina 1 van N`, a kenmerk or `Geachte …,`) and names it `brief` early, so
the rules here, registered for `brief`, apply to letterhead letters; an SDU letter gets its
kind later.
"""

from __future__ import annotations

import re

from briefreader.parsing.lines import Line
from briefreader.parsing.state import ParseState

__all__ = ["page_of", "page_spans", "sidebar_stage", "sign"]

_FIELDS = re.compile(r"^(?:Datum\s+\d|Betreft\s|Onderwerp\s)")
_LETTERHEAD_SIGNS = re.compile(
    r"^(?:>?\s*Retouradres|Pagina 1 van \d|(?:Ons\s+|Uw\s+)?[Kk]enmerk$|Geachte\s.{0,40},$)"
)
_LABEL = re.compile(
    r"^(?:Ons\s+kenmerk|Uw\s+kenmerk|Kenmerk|Onze\s+referentie|Uw\s+referentie|Bijlage\(?n?\)?|"
    r"Bezoekadres|Postadres|Contactpersoon|Inlichtingen|Datum|Overheidsidentificatienr|"
    r"Directoraat-[Gg]eneraal|Directie\s|Ministerie\s+van|Doorkiesnummer|Telefoon|Fax)\b"
)
_ADDRESS = re.compile(
    r"^(?:Postbus\s+\d+|\d{4}\s?[A-Z]{2}\s+\S.*|www\.\S+|[TFE]\s+\+?\d[\d ()-]+.*|"
    r"[A-Z][\w.'’ -]+\s\d{1,4}[a-z]?|\d{10,})$"
)
_KENMERK_LABEL = re.compile(r"^(?:Ons\s+)?[Kk]enmerk$")


def sign(state: ParseState) -> str | None:
    """`brief` for a letter on ministry letterhead."""
    head = [ln.text for ln in state.lines[:60]]
    fields = sum(1 for t in head if _FIELDS.match(t))
    if fields < 2:
        return None  # (most documents: the marks need not be counted)
    marks = sum(1 for t in head if _LETTERHEAD_SIGNS.match(t))
    return "brief" if marks >= 1 else None


def _sidebar_line(text: str) -> bool:
    return bool(_LABEL.match(text) or _ADDRESS.match(text))


def page_of(lines: list[Line]) -> list[int]:
    """The page number (from 0) of each line."""
    pages, page = [], 0
    for i, line in enumerate(lines):
        if line.breaks_page and i > 0:
            page += 1
        pages.append(page)
    return pages


def sidebar_stage(state: ParseState) -> None:
    """Take the sidebar's lines out of the text, wherever a page puts them; keep the kenmerk.

    The lines the sidebar shows on page 1 before the letter opens are learnt; on later
    pages a run of such lines at a page's top, or a block of sidebar lines closing a page,
    is dropped, and the kenmerk printed inside a text line is taken out of it. The line
    after a dropped run starts the page in its place.
    """
    lines = state.lines
    if not lines:
        return
    pages = page_of(lines)
    opening = _opening(lines)
    # what the sidebar says on page 1 (before the letter opens) is what later pages repeat
    known = {ln.text for ln in lines[:opening] if len(ln.text.split()) <= 6}
    drop: set[int] = set()
    for i, line in enumerate(lines):
        if pages[i] > 0 and line.breaks_page:
            j = i
            while j < len(lines) and pages[j] == pages[i] and _repeat(lines, j, known):
                drop.add(j)
                j += 1
    for first, end in page_spans(pages):
        # the header (before the letter opens) is the header stage's to read
        drop.update(j for j in _sidebar_tail(lines, first, end) if j >= opening)
    labels = [i for i in sorted(drop) if _KENMERK_LABEL.match(lines[i].text)]
    if labels and labels[0] + 1 < len(lines):
        state.kenmerk = state.kenmerk or lines[labels[0] + 1].text
    state.lines = _without(lines, drop, _glued_kenmerk(lines[:opening]), opening)


def _opening(lines: list[Line]) -> int:
    """Where the letter opens: after `Geachte …,`, else after its `Datum`/`Betreft` fields."""
    for i, line in enumerate(lines[:80]):
        if line.text.startswith(("Geachte", "Zeer geachte")):
            return i
    return max((i + 1 for i, ln in enumerate(lines[:60]) if _FIELDS.match(ln.text)), default=0)


def _without(
    lines: list[Line], drop: set[int], glued: re.Pattern[str] | None, opening: int
) -> list[Line]:
    """`lines` without the dropped ones and the glued kenmerk; page starts carried over."""
    kept: list[Line] = []
    carry = False
    for i, line in enumerate(lines):
        if i in drop:
            carry = carry or line.breaks_page
            continue
        if glued and i >= opening and glued.search(line.text):
            text = " ".join(glued.sub(" ", line.text).split())
            if not text:
                carry = carry or line.breaks_page
                continue
            line = Line(line.index, text, line.gap, line.page_start, line.orphan)
        if carry:
            line = Line(line.index, line.text, max(line.gap, 2), True, line.orphan)
            carry = False
        kept.append(line)
    return kept


def _glued_kenmerk(head: list[Line]) -> re.Pattern[str] | None:
    """The kenmerk as later pages print it inside a text line (`… verbeteren DGBI / 26844711 :
    met …`): its number, with the letter codes before it; None without a kenmerk on page 1."""
    for j in range(len(head) - 1):
        if _KENMERK_LABEL.match(head[j].text):
            digits = max(re.findall(r"\d{5,}", head[j + 1].text), key=len, default=None)
            if digits:
                codes = r"(?:[A-Z&]{2,}\s?[–/-]?\s?){0,3}"
                return re.compile(rf"\s?{codes}{digits}\b(?:\s(?=[:;,.]))?")
    return None


def _repeat(lines: list[Line], j: int, known: set[str]) -> bool:
    """A repeated sidebar line at a page's top: a label, or the value right under one."""
    text = lines[j].text
    if text in known or _LABEL.match(text):
        return True
    return _kenmerk_value(lines, j) and len(text.split()) <= 4


def page_spans(pages: list[int]) -> list[tuple[int, int]]:
    """(first, end) line index of each page."""
    spans: list[tuple[int, int]] = []
    for i, page in enumerate(pages):
        if not spans or pages[spans[-1][0]] != page:
            spans.append((i, i + 1))
        else:
            spans[-1] = (spans[-1][0], i + 1)
    return spans


def _sidebar_tail(lines: list[Line], first: int, end: int) -> range:
    """The blocks of sidebar lines that close a page (and not the page's only text)."""
    start, hits = end, 0
    while start > first:
        top = start - 1
        while top > first and lines[top].gap == 0:
            top -= 1
        block = range(top, start)
        found = sum(1 for j in block if _sidebar_line(lines[j].text) or _kenmerk_value(lines, j))
        if found * 2 < len(block) or top == first:
            break
        start, hits = top, hits + found
    return range(start, end) if hits >= 3 else range(0)


def _kenmerk_value(lines: list[Line], j: int) -> bool:
    return j > 0 and bool(_KENMERK_LABEL.match(lines[j - 1].text)) and len(lines[j].text) <= 40
