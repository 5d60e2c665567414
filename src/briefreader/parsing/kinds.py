"""Which kind a document is, seen from its opening lines, and the body rules each kind uses.

Most kinds read their body with the shared heading-and-paragraph rules; a kind whose body is
laid out differently (a committee's decision list, a bill's articles) registers its own
block builder here, one line per kind. The kind seen here is also the `kind` the letter gets,
when the header's heading does not already say.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from briefreader.parsing import besluitenlijst, wetsvoorstel
from briefreader.parsing.lines import Line
from briefreader.parsing.rules import Block, build_blocks

__all__ = ["BODY_RULES", "body_blocks", "kind_from_lines"]

BlockBuilder = Callable[[list[Line]], list[Block]]

# One line per kind whose body has its own layout.
BODY_RULES: dict[str, BlockBuilder] = {
    "besluitenlijst": besluitenlijst.build_blocks,
    "wetsvoorstel": wetsvoorstel.build_blocks,
}

_MOTIE_OPENING = re.compile(r"^De Kamer,?\s*$|^De Kamer, gehoord de beraadslaging")
_FICHE = re.compile(r"^(?:Fiche\s*\d*\s*:|BNC-fiche\b|\d\.\s+Algemene gegevens$)")


def kind_from_lines(lines: list[Line]) -> str | None:
    """The kind the body's own lines show, before any heading rules run; None if unclear."""
    if besluitenlijst.looks_like_besluitenlijst(lines):
        return "besluitenlijst"
    head = [ln.text for ln in lines[:60]]
    if any(_MOTIE_OPENING.match(t) for t in head[:25]) and any(
        "verzoekt" in t or "spreekt uit" in t or "roept" in t for t in head
    ):
        return "motie"
    if wetsvoorstel.looks_like_bill(lines):
        return "wetsvoorstel"
    if sum(1 for t in head if _FICHE.match(t)) >= 1 and any(
        t.startswith(("a) Titel voorstel", "Fiche")) for t in head
    ):
        return "document"
    return None


def body_blocks(kind: str | None, lines: list[Line]) -> list[Block]:
    """The body's headings and paragraphs by the rules of its kind."""
    return BODY_RULES.get(kind or "", build_blocks)(lines)
