"""A motie: its movers under `en gaat over tot de orde van de dag.`, and its title.

A motie reads `De Kamer, gehoord de beraadslaging, constaterende dat …; verzoekt de
regering …, en gaat over tot de orde van de dag.` and ends with the names of the members
who move it, one per line, without roles: they are its signatories, the first as its
`Indiener`, the others as `Medeindiener` (as the official XML path names them too). Its
heading (`MOTIE VAN DE LEDEN INGE VAN DIJK EN GRINWIS`) is its title, with the names
written as the movers' lines write them.
"""

from __future__ import annotations

import re

from briefreader.parsing.blocks import BlockContext
from briefreader.parsing.lines import Line
from briefreader.parsing.rules import Block

__all__ = ["clause", "movers", "title_from_heading"]

# The motie's clauses, each a paragraph as the official XML has them.
_CLAUSE = re.compile(
    r"^(?:De Kamer,|gehoord de beraadslaging|constaterende|overwegende|van mening|"
    r"(?:en\s+)?(?:verzoekt|spreekt uit|roept|draagt|besluit|vraagt)|en gaat over tot)\b"
)
_CLOSING_WORDS = re.compile(r"\bgaat over tot de orde van de dag[.,]?$")
_MOVER = re.compile(r"^[A-Z][\w'’.-]*(?:\s+[\w'’.-]+){0,4}$")
_MAX_MOVERS = 15


def movers(lines: list[Line], start: int, end: int) -> tuple[tuple[str, str], int] | None:
    """The mover on line `end - 1`, when a run of names there follows the motie's last words."""
    if end - start < 2 or not _MOVER.match(lines[end - 1].text):
        return None
    top = end - 1
    while top > start and _MOVER.match(lines[top - 1].text) and end - top < _MAX_MOVERS:
        if lines[top].gap > 1:
            break  # the names stand together (a web copy puts a blank line between them)
        top -= 1
    if top - 1 < start or not _CLOSING_WORDS.search(lines[top - 1].text):
        return None
    role = "Indiener" if end - 1 == top else "Medeindiener"
    return (role, lines[end - 1].text), end - 1


def title_from_heading(heading: str, names: list[str]) -> str:
    """`MOTIE VAN HET LID KOSTIĆ` → `Motie van het lid Kostić`, names as the movers write them."""
    title = " ".join(heading.split()).lower().capitalize()
    for name in names:
        title = re.sub(re.escape(name.lower()), name, title)
    return title


def clause(ctx: BlockContext, i: int) -> bool:
    """`constaterende dat …;`, `verzoekt de regering …,` after a blank line: a new paragraph."""
    line = ctx.lines[i]
    last = ctx.last()
    if last is None or not (line.gap > 0 or line.page_start) or not _CLAUSE.match(line.text):
        return False
    ctx.open_block(Block(False, [line]))
    return True
