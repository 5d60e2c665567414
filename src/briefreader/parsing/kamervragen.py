"""Kamervragen (Aanhangsel van de Handelingen): members' written questions with the answers.

The intro names the questioners with their parties, the minister asked, the subject and the
`ingezonden` date; a second sentence names the answering minister(s) and the `ontvangen`
date (`Mededeling van …` when the answer is delayed). The body is `Vraag N` / `Antwoord N`
sections, also grouped (`Vraag 3, 4 en 5`), or a `Mededeling`. There is no closing block:
the answering ministers are the signatories.
"""

from __future__ import annotations

import re
from operator import attrgetter

from briefreader.parsing.aanhangsel import read_intro
from briefreader.parsing.blocks import BlockContext, continuation, paragraph
from briefreader.parsing.identity import cite_spans
from briefreader.parsing.lines import Line
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
    texts = set(map(attrgetter("text"), state.lines[:400]))
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


_ANSWER_TITLE = "Antwoord op vragen van "
_SEE_ALSO = re.compile(r"\bZie\s+ook\s+(?=Aanhangsel)")


def _own_aanhangsel(text: str) -> str | None:
    """`Zie ook Aanhangsel Handelingen, vergaderjaar 2024–2025, nr. 1028.` under the answer's
    header (tweedekamer.nl) names the Aanhangsel these answers are: its identifier."""
    m = _SEE_ALSO.search(text)
    if m is None:
        return None
    spans = cite_spans(text[m.end() :])
    if spans and spans[0][0] == 0 and spans[0][2].identifier:
        return spans[0][2].identifier
    return None


def _after_intro(body: list[Line], top: int, first: int) -> int:
    """Where the text after the intro starts: a covering paragraph between the answer line
    (`… (ontvangen 1 juli 2021). Zie ook Aanhangsel …, nr. 2844.`) and `Vraag 1`
    (`Hierbij bied ik u … de antwoorden aan`) is the letter's own text and must not be lost."""
    last = None
    for i in range(first - 1, top - 1, -1):
        if "(ontvangen" in body[i].text:
            last = i
            break
    if last is None:
        return first
    # the answer date may be broken over the line end: `(ontvangen` / `4 februari 2025).`
    if ")" not in body[last].text.rsplit("(ontvangen", 1)[-1] and last + 1 < first:
        last += 1
    end = last + 1
    tail = body[last].text.rsplit(")", 1)[-1]
    if "Zie ook" not in tail:
        if end >= first or not body[end].text.startswith("Zie ook"):
            return end
        end += 1
    # the `Zie ook Aanhangsel …` sentence after the answer line may run over more lines
    while end < first and not body[end - 1].text.rstrip().endswith("."):
        end += 1
    return end


def intro_stage(state: ParseState) -> None:
    """Questioners, subject, dates and answering ministers from the text before `Vraag 1`,
    read as the XML, HTML and ODT readers read them (`aanhangsel.read_intro`)."""
    body = state.body
    first = next((i for i, ln in enumerate(body) if VRAAG.match(ln.text)), None)
    if first is None:
        return
    # the intro opens at `Vragen van …`: a page title above it (`Antwoord op vragen van het
    # lid X over …`) names the questioners without their parties and is no part of it
    top = next((i for i in range(first) if body[i].text.startswith("Vragen van ")), 0)
    text = " ".join(ln.text for ln in body[top:first])
    if "(ingezonden" not in text and "(ontvangen" not in text:
        return  # not the usual intro: leave the generic header
    intro = read_intro(text)
    # the answer's registered title above the intro (tweedekamer.nl) is the document's title
    answer_title = next((ln.text for ln in body[:top] if ln.text.startswith(_ANSWER_TITLE)), None)
    if state.identifier is None and "Aanhangsel" in text:
        state.identifier = _own_aanhangsel(text)
    state.questioners = list(intro.questioners)
    state.title = answer_title or intro.title or state.title
    state.submitted = intro.submitted
    state.header.date = intro.answered or state.header.date
    state.pairs = [(s.role, s.name) for s in intro.signatories]
    state.start, state.end = _after_intro(body, top, first), len(body)
    state.header.recipient = None
    numbers = [ln.text for ln in body[:first] if ln.text.isdigit()]
    if numbers and state.header.number is None:
        state.header.number = numbers[0]
