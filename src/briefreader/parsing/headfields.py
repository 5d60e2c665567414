"""What a document's header block says (`Header`), and the SDU header's number and heading lines."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

__all__ = ["GLUED_MARK", "HEADING_LINE", "Header", "letter_number"]


@dataclass(slots=True)
class Header:
    """What the header block said."""

    number: str | None = None
    heading: str | None = None
    recipient: str | None = None
    place: str | None = None
    date: dt.date | None = None
    subject: str | None = None
    dossier: str | None = None
    dossier_title: str | None = None
    session: str | None = None
    kenmerk: str | None = None
    committee: str | None = None


# An Eerste Kamer stuk's letter number, no `Nr.`: `C MEMORIE …`, `AI1 VERSLAG …` (glued note)
_LETTER_NUMBER_LINE = re.compile(r"^([A-Z]{1,2})\d{0,2}\s+([A-Z]{4}.*)$")
HEADING_LINE = re.compile(
    r"^(?:GEWIJZIGDE\s+|NADER\s+GEWIJZIGDE\s+|VOORLOPIG\s+|NADER\s+)?(?:BRIEF|MOTIE|VERSLAG|NOTA|MEMORIE|AMENDEMENT|"
    r"VOORSTEL|LIJST|ADVIES|EINDVERSLAG|BESLUITENLIJST|KONINKLIJKE)\b"
)
GLUED_MARK = re.compile(r"(?<=[A-Z])\d{1,2}$")


def letter_number(head: Header, text: str) -> re.Match[str] | None:
    """`B VOORLOPIG VERSLAG …` under the dossier line: an Eerste Kamer stuk's letter number."""
    if not head.dossier or head.number or not text[:1].isupper() or " " not in text[1:4]:
        return None
    m = _LETTER_NUMBER_LINE.match(text)
    if m is None or not HEADING_LINE.match(m.group(2)):
        return None
    return m if GLUED_MARK.sub("", m.group(2)).isupper() else None
