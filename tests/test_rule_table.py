"""The parser is an ordered table of rules: a layout is added as a rule, for its kinds only."""

from __future__ import annotations

import pytest

from briefreader.parsing import parse_letter
from briefreader.parsing.blocks import BlockContext
from briefreader.parsing.ruler import Ruler
from briefreader.parsing.rules import Block
from briefreader.parsing.table import BLOCKS, STAGES

KAMERVRAGEN = """Vragen van de leden Mutluer (GroenLinks-PvdA) en Faber-van de Klashorst(PVV) aan de
Minister van Onderwijs, Cultuur en Wetenschap over het bericht «Kritiek op besluit»
(ingezonden 6 maart 2024).

Antwoord van Minister Bruins Slot (BZ) van Minister Schreinemacher (Buitenlandse Handel en
Ontwikkelingssamenwerking) (ontvangen 25 maart 2024).

Vraag 1
Heeft u kennisgenomen van het artikel?

Antwoord 1
Ja.

Vraag 2, 3 en 4
Deelt u de mening dat dit zo is?

Antwoord 2, 3 en 4
Nee.

Mededeling
De vragen zijn beantwoord bij brief.
"""


def test_rules_run_in_table_order_and_only_for_their_kinds() -> None:
    ruler: Ruler[str] = Ruler()
    ruler.add("a", "A")
    ruler.add("c", "C")
    ruler.add("b", "B", after="a")
    ruler.add("kv", "KV", kinds=["kamervragen"], before="a")
    assert ruler.for_kind("brief") == ["A", "B", "C"]
    assert ruler.for_kind("kamervragen") == ["KV", "A", "B", "C"]
    with pytest.raises(ValueError):
        ruler.add("a", "again")
    ruler.remove("b")
    assert ruler.for_kind("brief") == ["A", "C"]


def test_a_new_layout_is_one_registered_rule() -> None:
    def shouting(ctx: BlockContext, i: int) -> bool:
        line = ctx.lines[i]
        if not line.text.endswith("!!!"):
            return False
        ctx.open_block(Block(True, [line], 1))
        return True

    text = "Aan de Voorzitter van de Tweede Kamer\n\nEen alinea.\nLet op!!!\nNog een alinea.\n"
    before = parse_letter(text)
    BLOCKS.add("test-shouting", shouting, before="heading")
    try:
        after = parse_letter(text)
    finally:
        BLOCKS.remove("test-shouting")
    assert [s.title for s in before.sections] == [None]
    assert [s.title for s in after.sections] == [None, "Let op!!!"]


def test_the_stages_are_named_in_order() -> None:
    names = STAGES.names()
    assert names.index("lines") < names.index("footnotes") < names.index("blocks")


def test_kamervragen_from_text() -> None:
    letter = parse_letter(KAMERVRAGEN)
    assert letter.kind == "kamervragen"
    assert [(q.name, q.party) for q in letter.questioners] == [
        ("Mutluer", "GroenLinks-PvdA"),
        ("Faber-van de Klashorst", "PVV"),
    ]
    assert [s.name for s in letter.signatories] == ["Bruins Slot", "Schreinemacher"]
    assert str(letter.submitted) == "2024-03-06"
    assert str(letter.date) == "2024-03-25"
    assert [s.title for s in letter.sections] == [
        "Vraag 1",
        "Antwoord 1",
        "Vraag 2, 3 en 4",
        "Antwoord 2, 3 en 4",
        "Mededeling",
    ]
    assert "Kritiek op besluit" in letter.title
