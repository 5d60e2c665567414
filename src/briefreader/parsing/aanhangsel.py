"""Kamervragen's opening lines, read the same way whatever format they came in.

An Aanhangsel opens with who asked what (`Vragen van de leden Van Weyenberg, Romke de Jong en
Kat (allen D66) aan de Minister van … over de TOZO (ingezonden 3 juni 2021).`) and who
answered (`Antwoord van Minister Koolmees (Sociale Zaken en Werkgelegenheid) (ontvangen 21 juni
2021).`, or `Mededeling van …` when the answer is late). `read_intro(text)` turns those lines
into an `Intro`: questioners with their parties, subject, title, both dates, and the answering
ministers as signatories. The XML, HTML and ODT readers use it; text and PDF can too.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from briefreader.model import Questioner, Signatory
from briefreader.parsing.dates import date_in

__all__ = ["Intro", "read_intro"]

_ASKED = re.compile(
    r"Vragen\s+van\s+(?:de\s+leden|het\s+lid)\s+(?P<who>.+?)\s+aan\s+(?:de|het)\s+.+?"
    r"(?:\s+over\s+(?P<what>.+?))?\s*\(ingezonden\s+(?P<date>[^)]*)\)",
    re.IGNORECASE | re.DOTALL,
)
_ANSWERED = re.compile(r"\b(?:Antwoord|Mededeling)\s+van\b(?P<rest>.*)", re.DOTALL)
_MINISTER = re.compile(
    r"\b(?P<office>[Mm]inister-president|[Mm]inister|[Ss]taatssecretaris|[Vv]icepremier)\s+"
    r"(?P<name>(?:[A-Z]|[a-z]+\s+[A-Z])[^(),]*?)\s*\((?P<dept>[^()]+)\)"
)
_GROUP_PARTY = re.compile(r"\((?:allen|beiden|alle\s+drie|allebei)\s+([^()]+)\)\s*$", re.I)


@dataclass(frozen=True, slots=True)
class Intro:
    """What kamervragen's opening lines say; `answered` is the `ontvangen` date."""

    questioners: tuple[Questioner, ...] = ()
    subject: str | None = None
    title: str | None = None
    submitted: dt.date | None = None
    answered: dt.date | None = None
    signatories: tuple[Signatory, ...] = ()


def _clean(text: str) -> str:
    return " ".join(text.split())


def _questioners(who: str) -> tuple[Questioner, ...]:
    """`Van Weyenberg, Romke de Jong en Kat (allen D66)`, `Ceder (ChristenUnie) en Dobbe (SP)`."""
    group = _GROUP_PARTY.search(who)
    party = _clean(group[1]) if group else None
    who = who[: group.start()] if group else who
    out: list[Questioner] = []
    for part in re.split(r",\s*|\s+en\s+(?![^()]*\))", who):
        m = re.fullmatch(r"\s*(.+?)\s*(?:\(([^()]+)\))?\s*", part, re.DOTALL)
        if m and _clean(m[1]):
            out.append(Questioner(_clean(m[1]), _clean(m[2]) if m[2] else party))
    return tuple(out)


def read_intro(text: str) -> Intro:
    """The facts in kamervragen's opening lines (`text`: those lines, in any wrapping)."""
    questioners: tuple[Questioner, ...] = ()
    subject = title = None
    submitted = answered = None
    asked = _ASKED.search(text)
    if asked:
        questioners = _questioners(asked["who"])
        submitted = date_in(asked["date"])
        who = _clean(re.sub(r"\s*\([^()]*\)", "", asked["who"]))
        lead = "de leden" if len(questioners) > 1 else "het lid"
        subject = _clean(asked["what"] or "") or None
        title = f"Vragen van {lead} {who}" + (f" over {subject}" if subject else "")
    signatories: tuple[Signatory, ...] = ()
    answer = _ANSWERED.search(text, asked.end() if asked else 0)
    if answer:
        received = re.search(r"\(ontvangen\s+([^)]*)\)", answer["rest"])
        answered = date_in(received[1]) if received else None
        head = re.split(r",?\s+mede\s+namens\b|\(ontvangen", answer["rest"])[0]
        signatories = tuple(
            Signatory(f"De {m['office']} van {_clean(m['dept'])}", _clean(m["name"]))
            for m in _MINISTER.finditer(head)
        )
    return Intro(questioners, subject, title, submitted, answered, signatories)
