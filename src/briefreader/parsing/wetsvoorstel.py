"""A bill (wetsvoorstel): Boek / Hoofdstuk / Titel / Afdeling / Paragraaf / Artikel as sections.

A bill's body is its articles, grouped in chapters, titles, divisions and paragraphs; a
reader wants that tree in the outline. Each structure line (`HOOFDSTUK 2. DE RAAD`,
`Afdeling 2.1 Instelling`, `§ 3 Toezicht`, `Artikel 2.4`, `ARTIKEL I`) opens a section one
level below the kind of unit above it; its name may follow on the same line or the next.
The text between them is read by the shared paragraph rules.
"""

from __future__ import annotations

import re

from briefreader.parsing.blocks import BlockRule, continuation, heading, orphan, paragraph
from briefreader.parsing.blocks import build_blocks as rule_blocks
from briefreader.parsing.lines import Line, ends_sentence
from briefreader.parsing.rules import Block
from briefreader.parsing.state import ParseState

__all__ = ["blocks_stage", "build_blocks", "looks_like_bill", "unit_of"]

# The units from the top of the tree down; a bill uses some of them.
UNITS = ("boek", "deel", "hoofdstuk", "titel", "afdeling", "paragraaf", "artikel")
_NUMBER = r"(?:[IVXLC]+|\d+[a-z]?(?:\.\d+[a-z]?)*|[A-Z])\.?"
_STRUCTURE = re.compile(
    rf"^(?P<unit>Boek|BOEK|Deel|DEEL|Hoofdstuk|HOOFDSTUK|Titel|TITEL|Afdeling|AFDELING|"
    rf"Paragraaf|PARAGRAAF|§|Artikel|ARTIKEL)\s*(?P<number>{_NUMBER})(?:\s+(?P<name>\S.{{0,110}}))?$"
)
# The first characters of those unit words: most lines start with none and skip the regex.
_UNIT_FIRST = frozenset("BDHTAP§")
_LID = re.compile(r"^\d{1,2}[a-z]?\.\s+\S")
_BILL_HEADING = re.compile(r"VOORSTEL VAN WET|WETSVOORSTEL|Voorstel van wet", re.IGNORECASE)


def unit_of(text: str) -> str | None:
    """The unit a structure line opens (`hoofdstuk`, `artikel`, …), or None."""
    m = _STRUCTURE.match(text) if text[:1] in _UNIT_FIRST else None
    if not m:
        return None
    unit = m.group("unit").lower()
    name = m.group("name") or ""
    if name and (ends_sentence(name) and unit != "artikel" or name[0].islower()):
        return None  # `Artikel 3 van de wet is …`: a sentence, not a heading
    return "paragraaf" if unit == "§" else unit


def looks_like_bill(lines: list[Line]) -> bool:
    """A bill says so at the top, or is built of articles in units."""
    units = [u for ln in lines if ln.text[:1] in _UNIT_FIRST and (u := unit_of(ln.text))]
    articles = units.count("artikel")
    if articles == 0:
        return False  # (most documents: the heading need not be read)
    head = " ".join(ln.text for ln in lines[:15])
    return bool(_BILL_HEADING.search(head)) or (articles >= 3 and len(set(units)) >= 2)


def build_blocks(lines: list[Line]) -> list[Block]:
    """Structure lines as nested headings; the text between them as paragraphs."""
    used = sorted({u for ln in lines if (u := unit_of(ln.text))}, key=UNITS.index)
    blocks: list[Block] = []
    chunk: list[Line] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        unit = unit_of(line.text)
        if unit is None:
            chunk.append(line)
            i += 1
            continue
        # before the first unit (a memorie van toelichting's general part) headings are kept
        blocks.extend(_paragraphs(chunk, with_headings=not blocks))
        chunk = []
        title = line.text
        nxt = lines[i + 1] if i + 1 < len(lines) else None
        # `HOOFDSTUK 1` / `ALGEMENE BEPALINGEN`: a short name on the next line
        if (
            nxt is not None
            and len(title.split()) <= 2
            and unit != "artikel"
            and unit_of(nxt.text) is None
            and len(nxt.text) <= 90
            and not ends_sentence(nxt.text)
        ):
            title = f"{title} {nxt.text}"
            i += 1
        head = Line(line.index, title, line.gap, line.page_start)
        blocks.append(Block(True, [head], used.index(unit) + 1))
        i += 1
    blocks.extend(_paragraphs(chunk, with_headings=not blocks))
    return blocks


def _paragraphs(chunk: list[Line], with_headings: bool = False) -> list[Block]:
    """The text of one unit as paragraphs, a new one at each numbered lid (`2. De …`).

    Inside the units no heading rule runs: the bill's own units are the outline.
    """
    rules: list[BlockRule] = [orphan, paragraph, continuation]
    if with_headings:
        rules.insert(1, heading)
    out: list[Block] = []
    for block in rule_blocks(chunk, rules) if chunk else []:
        if block.heading:
            out.append(block)
            continue
        current = Block(False, [block.lines[0]])
        out.append(current)
        for line in block.lines[1:]:
            if _LID.match(line.text) and ends_sentence(current.lines[-1].text):
                current = Block(False, [line])
                out.append(current)
            else:
                current.lines.append(line)
    return out


def blocks_stage(state: ParseState) -> None:
    """This kind's body: its own block rules in place of the shared ones."""
    state.blocks = build_blocks(state.body[state.start : state.end])
