"""Kamervragen (Aanhangsel van de Handelingen): members' written questions with the answers.

The intro names the questioners with their parties, the minister asked, the subject and the
`ingezonden` date; a second sentence names the answering minister(s) and the `ontvangen`
date (`Mededeling van …` when the answer is delayed). The body is `Vraag N` / `Antwoord N`
sections, also grouped (`Vraag 3, 4 en 5`), or a `Mededeling`. There is no closing block:
the answering ministers are the signatories.
"""

from __future__ import annotations

import re

from briefreader.parsing.aanhangsel import read_intro
from briefreader.parsing.blocks import BlockContext, continuation, paragraph
from briefreader.parsing.rules import Block
from briefreader.parsing.state import ParseState

__all__ = ["intro_stage", "no_other_headings", "sign", "vraag_heading"]

_NUMBERS = r"\d{1,3}[a-z]?(?:(?:\s*,\s*|\s+en\s+|\s*[–-]\s*)\d{1,3}[a-z]?)*"
VRAAG = re.compile(rf"^(?:(?:Vraag|Vragen|Antwoord|Antwoorden)\s+{_NUMBERS}|Mededeling)$")


def sign(state: ParseState) -> str | None:
    """`kamervragen` for an Aanhangsel: its heading, or `Vraag 1` and `Antwoord 1` lines."""
    head = " ".join(ln.text for ln in state.lines[:12])
    if "Aanhangsel van de Handelingen" in head and "Vragen" in head:
        return "kamervragen"
    texts = {ln.text for ln in state.lines[:400]}
    if "Vraag 1" in texts and ("Antwoord 1" in texts or "Mededeling" in texts):
        return "kamervragen"
    return None


def vraag_heading(ctx: BlockContext, i: int) -> bool:
    """`Vraag 1`, `Antwoord 3, 4 en 5`, `Mededeling` on a line of its own: a section."""
    line = ctx.lines[i]
    if not VRAAG.match(line.text):
        return False
    ctx.open_block(Block(True, [line], 1))
    return True


def no_other_headings(ctx: BlockContext, i: int) -> bool:
    """Between the `Vraag`/`Antwoord` sections there are no headings: table rows such as
    `TOTAAL 12 17 40` and short lines stay text."""
    return paragraph(ctx, i) or continuation(ctx, i)


def intro_stage(state: ParseState) -> None:
    """Questioners, subject, dates and answering ministers from the text before `Vraag 1`,
    read as the XML, HTML and ODT readers read them (`aanhangsel.read_intro`)."""
    body = state.body
    first = next((i for i, ln in enumerate(body) if VRAAG.match(ln.text)), None)
    if first is None:
        return
    text = " ".join(ln.text for ln in body[:first])
    if "(ingezonden" not in text and "(ontvangen" not in text:
        return  # not the usual intro: leave the generic header
    intro = read_intro(text)
    state.questioners = list(intro.questioners)
    state.title = intro.title or state.title
    state.submitted = intro.submitted
    state.header.date = intro.answered or state.header.date
    state.pairs = [(s.role, s.name) for s in intro.signatories]
    state.start, state.end = first, len(body)
    state.header.recipient = None
    numbers = [ln.text for ln in body[:first] if ln.text.isdigit()]
    if numbers and state.header.number is None:
        state.header.number = numbers[0]
