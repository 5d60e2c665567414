"""A committee's decision list (besluitenlijst): banners and agenda items as sections.

A besluitenlijst is a table printed as text: grey banners group the agenda (`Brievenlijst`,
`Wet- en regelgeving`, `Brieven van de minister van BZK`), each item is a numbered row
`3. Agendapunt: <title>` whose title wraps over lines (and sometimes a page break), and the
item's cells are labelled lines (`Zaak:`, `Besluit:`, `Noot:`, `Volgcommissie(s):`). A reader
wants the banners as sections, each agenda item as a section under its banner (its title the
printed row, unwrapped), and each labelled cell as a paragraph.
"""

from __future__ import annotations

import re

from briefreader.parsing.lines import Line, ends_mid_sentence, ends_sentence
from briefreader.parsing.rules import Block
from briefreader.parsing.state import ParseState

__all__ = ["blocks_stage", "build_blocks", "looks_like_besluitenlijst"]

_ITEM = re.compile(r"^(\d{1,3})\s?\.\s+(Agendapunt\s*:.*)$")
# A labelled cell: `Zaak:`, `Besluit:`, `Noot:`, `Volgcommissie(s):`, `Activiteitnummer:`
_CELL = re.compile(r"^[A-Z][a-z]{2,20}(?:\(s\))?\s?:(?:\s|$)")
_NOTE = re.compile(r"^(?:Geen|Er zijn geen)\s+agendapunten\b", re.IGNORECASE)
_BARE_ITEM = re.compile(r"^\d{1,2}\.$")
_PAGE_NUMBER = re.compile(r"^\d{1,3}$")
# the Eerste Kamer calls its list `Korte aantekeningen vergadering commissie … van <date>`
_NAMED = re.compile(r"^(?:Document:\s*)?Besluitenlijst\b|^Korte aantekeningen vergadering\b")


def looks_like_besluitenlijst(lines: list[Line]) -> bool:
    """A `Document: Besluitenlijst …` line or a title that says so, and agenda rows (numbered
    `Agendapunt:` rows, or unnumbered items with their `Zaak:` and `Besluit:` cells)."""
    head = [ln.text for ln in lines[:40]]
    named = any(_NAMED.match(t) for t in head if "Besluitenlijst" in t or "aantekeningen" in t)
    if not named:
        return False
    # the Eerste Kamer's items: a number alone on its line (`1.`), the item's title under it
    if sum(1 for ln in lines if ln.text[:1].isdigit() and _BARE_ITEM.match(ln.text)) >= 2:
        return True
    decided = 0
    for line in lines:
        if _ITEM.match(line.text):
            return True
        decided += line.text.startswith(("Zaak:", "Besluit:"))
    return decided >= 2


def _join(texts: list[str]) -> str:
    """Wrapped lines of a title as one line; a hyphen at a line end is kept (Word layout)."""
    out = texts[0]
    for text in texts[1:]:
        if out.endswith("-") and not out.endswith(" -") and not text.startswith(("en ", "of ")):
            out += text
        else:
            out += " " + text
    return out


def _without_page_numbers(lines: list[Line]) -> list[Line]:
    """The lines without bare page numbers (and lone `-` marks of empty cells).

    A number alone at a page's top or bottom is the page's number; the line after it
    starts the page.
    """
    out: list[Line] = []
    broke = False
    for i, line in enumerate(lines):
        nxt = lines[i + 1] if i + 1 < len(lines) else None
        number = _PAGE_NUMBER.match(line.text)
        if number and (line.page_start or nxt is None or nxt.breaks_page):
            broke = True
            continue
        if line.text in ("-", "–"):
            continue
        if broke:
            line = Line(line.index, line.text, line.gap, True, line.orphan)
            broke = False
        out.append(line)
    return out


def _heading(lines: list[Line], level: int) -> Block:
    first = lines[0]
    title = _join([ln.text for ln in lines])
    m = _ITEM.match(title)
    if m:
        title = f"{m.group(1)}. {m.group(2)}"
    return Block(True, [Line(first.index, title, first.gap, first.page_start)], level)


def _run_end(lines: list[Line], i: int) -> int:
    """Index past the lines of the row that starts at `i`.

    A row goes on while lines follow without a blank; an agenda title also over a page
    break, a cell over a page break while its sentence is unfinished.
    """
    item = bool(_ITEM.match(lines[i].text))
    j = i + 1
    while j < len(lines) and not _CELL.match(lines[j].text) and not _ITEM.match(lines[j].text):
        nxt = lines[j]
        prev = lines[j - 1].text
        if nxt.page_start:
            if item:
                pass
            elif (
                ends_sentence(prev)
                and not nxt.text[0].islower()
                or nxt.gap > 0
                and nxt.text[0].isupper()
                and not ends_mid_sentence(prev)
            ):
                break
        elif nxt.gap > 0:
            break
        j += 1
    return j


def _banner(lines: list[Line], i: int, j: int) -> bool:
    """A grey-bar banner: a short unfinished line (or two) with blank lines around it."""
    before = lines[i].gap > 0 or lines[i].page_start
    after = j == len(lines) or lines[j].gap > 0 or lines[j].page_start
    return before and after and j - i <= 3 and not ends_sentence(lines[j - 1].text)


def build_blocks(lines: list[Line]) -> list[Block]:
    """Banners (level 1), agenda items (level 2) and one paragraph per labelled cell."""
    lines = _without_page_numbers(lines)
    blocks: list[Block] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        j = _run_end(lines, i)
        run = lines[i:j]
        text = line.text
        if _ITEM.match(text):
            blocks.append(_heading(run, 2))
        elif _CELL.match(text) or _NOTE.match(text):
            blocks.append(Block(False, run))
        elif _banner(lines, i, j):
            blocks.append(_heading(run, 1))
        elif line.page_start and blocks and not blocks[-1].heading:
            blocks[-1].lines.extend(run)  # a cell's text that goes on over the page break
        else:
            blocks.append(Block(False, run))
        i = j
    return blocks


def blocks_stage(state: ParseState) -> None:
    """This kind's body: its own block rules in place of the shared ones."""
    state.blocks = build_blocks(state.body[state.start : state.end])
