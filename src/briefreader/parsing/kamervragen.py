"""Kamervragen (Aanhangsel van de Handelingen): members' written questions with the answers.

The intro names the questioners with their parties, the minister asked, the subject and the
`ingezonden` date; a second sentence names the answering minister(s) and the `ontvangen`
date (`Mededeling van …` when the answer is delayed). The body is `Vraag N` / `Antwoord N`
sections, also grouped (`Vraag 3, 4 en 5`), or a `Mededeling`. There is no closing block:
the answering ministers are the signatories.
"""

from __future__ import annotations

import re

from briefreader.model import Questioner
from briefreader.parsing.blocks import BlockContext, continuation, paragraph
from briefreader.parsing.rules import Block, parse_date
from briefreader.parsing.state import ParseState

__all__ = ["intro_stage", "no_other_headings", "sign", "vraag_heading"]

_NUMBERS = r"\d{1,3}[a-z]?(?:(?:\s*,\s*|\s+en\s+|\s*[–-]\s*)\d{1,3}[a-z]?)*"
VRAAG = re.compile(rf"^(?:(?:Vraag|Vragen|Antwoord|Antwoorden)\s+{_NUMBERS}|Mededeling)$")
_ASKED = re.compile(
    r"\bVragen\s+van\s+(?:de\s+leden|het\s+lid)\s+(.+?)\s+aan\s+(?:de|het)\s", re.DOTALL
)
_MEMBER = re.compile(r"^(.+?)\s*\(([^()]+)\)$")
_SUBJECT = re.compile(r"\s(?:over|inzake)\s+(.+?)\s*\(ingezonden", re.DOTALL)
_SUBMITTED = re.compile(r"\(ingezonden\s+([^)]+)\)")
_RECEIVED = re.compile(r"\(ontvangen\s+(?:\(ontvangen\s+)?([^)]+)\)")
_ANSWERER = re.compile(
    r"\b(Minister|Staatssecretaris|minister|staatssecretaris)\s+"
    r"((?:van|de|der|den|ter|in\s+'t|te)?\s*[A-Z][\w'’ .-]*?)\s*\(([^()]+)\)"
)
_ANSWER_HEAD = re.compile(r"\b(?:Antwoord|Mededeling)\s+van\s+(.+)", re.DOTALL)


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


def _members(names: str) -> list[Questioner]:
    """`Mutluer (GroenLinks-PvdA) en Kostić (PvdD)` as questioners with their parties."""
    parts = re.split(r"\s*,\s*|\s+en\s+(?=[A-Z'’])", " ".join(names.split()))
    found = []
    for part in parts:
        m = _MEMBER.match(part.strip())
        name, party = (m.group(1), m.group(2)) if m else (part.strip(), None)
        if name:
            found.append(Questioner(name.strip(), party))
    return found


def intro_stage(state: ParseState) -> None:
    """Questioners, subject, dates and answering ministers from the text before `Vraag 1`."""
    body = state.body
    first = next((i for i, ln in enumerate(body) if VRAAG.match(ln.text)), None)
    if first is None:
        return
    intro = " ".join(ln.text for ln in body[:first])
    if intro.count("(ingezonden") == 0 and intro.count("(ontvangen") == 0:
        return  # not the usual intro: leave the generic header
    asked = _ASKED.search(intro)
    if asked:
        state.questioners = _members(asked.group(1))
    subject = _SUBJECT.search(intro)
    if subject:
        state.title = " ".join(subject.group(1).split())
    submitted = _SUBMITTED.search(intro)
    if submitted:
        state.submitted = parse_date(submitted.group(1))
    received = _RECEIVED.search(intro)
    if received:
        state.header.date = parse_date(received.group(1))
    answer = _ANSWER_HEAD.search(intro)
    pairs = []
    if answer:
        for m in _ANSWERER.finditer(answer.group(1)):
            pairs.append((f"{m.group(1).capitalize()} ({m.group(3)})", m.group(2).strip()))
    state.pairs = pairs
    state.start, state.end = first, len(body)
    state.header.recipient = None
    numbers = [ln.text for ln in body[:first] if ln.text.isdigit()]
    if numbers and state.header.number is None:
        state.header.number = numbers[0]
