"""Kind signs and stages for committee lists, moties, bills and fiches; header facts to state.

A kind sign looks at a document's first lines, before anything else is read, and names its
kind so the tables can pick that kind's rules (`table.py` registers each with one line):

- `besluitenlijst`: a `Document: Besluitenlijst …` line and numbered `Agendapunt:` rows;
- `motie`: `De Kamer, gehoord de beraadslaging, …` with `verzoekt`/`spreekt uit`, or an SDU
  heading `MOTIE VAN …`;
- `wetsvoorstel`: `VOORSTEL VAN WET` over articles, or articles in units;
- `document`: a BNC-fiche (`Fiche 5: …`, `1. Algemene gegevens`, `a) Titel voorstel`);
- `verslag`: an SDU heading `VERSLAG …`, `VOORLOPIG VERSLAG …`, `LIJST VAN VRAGEN EN
  ANTWOORDEN` (so a list's `Vraag 1` / `Antwoord 1` lines are read as sections).
"""

from __future__ import annotations

import re

from briefreader.parsing import besluitenlijst, wetsvoorstel
from briefreader.parsing.motie import title_from_heading
from briefreader.parsing.state import ParseState

__all__ = [
    "besluitenlijst_sign",
    "fiche_sign",
    "header_identity_stage",
    "motie_sign",
    "motie_title_stage",
    "verslag_sign",
    "wetsvoorstel_sign",
]

_MOTIE_OPENING = re.compile(r"^De Kamer,?(?:\s+gehoord de beraadslaging,?)?$")
_MOTIE_HEADING = re.compile(r"\b(?:GEWIJZIGDE\s+)?MOTIE\s+VAN\s+(?:HET\s+LID|DE\s+LEDEN)\b")
_MOTIE_ASKS = ("verzoekt", "spreekt uit", "roept", "draagt de regering op", "constaterende")
_VERSLAG_HEADING = re.compile(
    r"^(?:Nr\.\s*\w{1,4}\s+)?"
    r"(?P<type>(?:VOORLOPIG|NADER|EIND)\s*VERSLAG|VERSLAG|LIJST VAN VRAGEN EN ANTWOORDEN)(?:\s|$)"
)
_FICHE = re.compile(
    r"^(?:Fiche\s*\d*\s*:|BNC-fiche\b|1\.\s+Algemene gegevens$|a\)\s+Titel voorstel)"
)


def besluitenlijst_sign(state: ParseState) -> str | None:
    """A committee's decision list."""
    return "besluitenlijst" if besluitenlijst.looks_like_besluitenlijst(state.lines) else None


def motie_sign(state: ParseState) -> str | None:
    """A motie: its opening words and what it asks, or its SDU heading."""
    head = [ln.text for ln in state.lines[:40]]
    if any(_MOTIE_HEADING.search(t) for t in head[:12] if "MOTIE" in t):
        return "motie"
    opens = any(_MOTIE_OPENING.match(t) for t in head[:25] if t.startswith("De Kamer"))
    return "motie" if opens and any(t.startswith(_MOTIE_ASKS) for t in head) else None


def verslag_sign(state: ParseState) -> str | None:
    """A verslag: its SDU heading near the top, in capitals, or, where a copied page lost
    the heading, the committee's formula (`… heeft de eer als volgt verslag uit te brengen`)."""
    for line in state.lines[:20]:
        text = line.text
        if "verslag uit te brengen" in text and "heeft de eer" in text:
            return "verslag"
        m = _VERSLAG_HEADING.match(text) if text[0] in "NVLE" else None
        if m and text[m.start("type") :].isupper():
            return "verslag"
    return None


def wetsvoorstel_sign(state: ParseState) -> str | None:
    """A bill: it says so over its articles, or it is built of articles in units."""
    return "wetsvoorstel" if wetsvoorstel.looks_like_bill(state.lines) else None


def fiche_sign(state: ParseState) -> str | None:
    """A BNC-fiche: the template's numbered and lettered field headings near the top."""
    found = sum(1 for ln in state.lines[:80] if ln.text[:1] in "FB1a" and _FICHE.match(ln.text))
    return "document" if found >= 2 else None


def header_identity_stage(state: ParseState) -> None:
    """What the header says of the document's identity, where nothing earlier said it."""
    head = state.header
    state.dossier = state.dossier or head.dossier
    state.session = state.session or head.session
    state.kenmerk = head.kenmerk or state.kenmerk  # page 1's, where later pages differ


def motie_title_stage(state: ParseState) -> None:
    """A motie is known by its heading (`Motie van het lid Kostić`), not its dossier's title."""
    heading = state.header.heading
    names = [name for _, name in state.pairs]
    if heading and not state.title:
        state.title = title_from_heading(heading, names)
    elif not state.title and not state.header.subject and names:
        # no heading, no headline (a copy of the text alone): named by its movers
        lead = (
            f"het lid {names[0]}"
            if len(names) == 1
            else "de leden " + " en ".join([", ".join(names[:-1]), names[-1]])
        )
        state.title = f"Motie van {lead}"
