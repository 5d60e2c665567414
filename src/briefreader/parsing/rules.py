"""Small ordered rules over the body lines: header, closing block, headings, paragraphs.

Each rule looks at one line and its neighbours (gap before, page start, what the previous
paragraph ended on) and says what the line is. The rules run in order: header block first,
then the closing block of signatories from the end, then headings and paragraphs between.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from briefreader.parsing.lines import Line, ends_mid_sentence, ends_sentence

MONTHS = {
    name: i + 1
    for i, name in enumerate(
        [
            "januari",
            "februari",
            "maart",
            "april",
            "mei",
            "juni",
            "juli",
            "augustus",
            "september",
            "oktober",
            "november",
            "december",
        ]
    )
}
MONTHS.update({k[:3]: v for k, v in list(MONTHS.items())})
MONTHS["sept"] = 9
_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
DATE = re.compile(rf"\b(\d{{1,2}})\s+({_MONTH})\.?\s+(\d{{4}})\b", re.IGNORECASE)
_PLACE_DATE = re.compile(
    rf"^(['’]?[A-Z][\w'’. -]{{1,40}}),\s+(\d{{1,2}}\s+(?:{_MONTH})\.?\s+\d{{4}})$"
)
_NUMBER_TITLE = re.compile(r"^Nr\.\s*(\d+)\s+(.+)$")
_FIELD = re.compile(r"^(Datum|Betreft|Onderwerp|Vastgesteld)[:\s]\s*(.+)$", re.IGNORECASE)
_LETTERHEAD = re.compile(
    r"^(?:>?\s*Retouradres|Onze\s+referentie|Uw\s+referentie|Ons\s+kenmerk|Uw\s+kenmerk|Kenmerk|Uw\s+brief|Bijlage\(?n?\)?|Postbus|Contactpersoon|"
    r"Referentie|Retouradres|Inlichtingen|Doorkiesnummer|Telefoon|www\.|[TFE]\s+\+?\d)"
)
_SALUTATION = re.compile(r"^(?:Geachte|Zeer geachte|Beste)\b.{0,80},$", re.IGNORECASE)
_VALEDICTION = re.compile(
    r"^(?:Hoogachtend|Met (?:de meeste |vriendelijke )?(?:hoogachting|groet(?:en)?)),?$",
    re.IGNORECASE,
)
_RECIPIENT = re.compile(r"^(?:Aan de |De Voorzitter van de Tweede Kamer)")
_ROLE = re.compile(r"^(?:De|Het|DE|HET)\s+\S.{2,150},$")
_NAME = re.compile(r"^(?:[a-z]{2,5}\.\s*)*[A-Z][\w.'’ -]{1,60}$")
NUMBERED = re.compile(r"^\d{1,3}\.\s+[A-Z«‘“]")
# `2.1 Woningbouwproductie`, `2.1. Betaalbaarheid`: a numbered sub-heading, one level down
SUBNUMBERED = re.compile(r"^\d{1,2}(?:\.\d{1,2})+\.?\s+[A-Z«‘“]")
ROMAN = re.compile(r"^(?:I|II|III|IV|V|VI|VII|VIII|IX|X|XI|XII)\.?\s+[A-Z«‘“]")
_BULLET = re.compile(r"^(?:[-•–○·▪●*]\s|\(?[a-z]\)\s|[a-z]\.\s|\d{1,2}\)\s)")


def parse_date(text: str) -> dt.date | None:
    """The first Dutch date in `text` (`3 februari 2022`), or None when it is not a date."""
    m = DATE.search(text)
    if not m:
        return None
    try:
        return dt.date(int(m.group(3)), MONTHS[m.group(2).lower()], int(m.group(1)))
    except ValueError:
        return None


@dataclass(slots=True)
class Header:
    """What the header block said."""

    number: str | None = None
    heading: str | None = None
    recipient: str | None = None
    place: str | None = None
    date: dt.date | None = None
    subject: str | None = None


def _blocks_of(lines: list[Line], start: int, stop: int) -> list[tuple[int, int]]:
    """(start, end) of each run of lines between blank lines or page breaks."""
    spans = []
    i = start
    while i < stop:
        end = i + 1
        while end < stop and lines[end].gap == 0 and not lines[end].page_start:
            end += 1
        spans.append((i, end))
        i = end
    return spans


def take_header(lines: list[Line]) -> tuple[Header, int]:
    """Read the header block at the top; return it and the index of the first body line.

    With a salutation (`Geachte voorzitter,`) near the top, everything before it is letterhead
    and header (ministry address, `Datum`, `Betreft`, references); without one, the header is
    the run of recognised blocks at the top (document number, recipient, place and date).
    """
    head = Header()
    salutation = next((i for i, ln in enumerate(lines[:80]) if _SALUTATION.match(ln.text)), None)
    stop = salutation if salutation is not None else len(lines)
    i = 0
    for start, end in _blocks_of(lines, 0, stop):
        block = [ln.text for ln in lines[start:end]]
        if not _read_header_block(head, block, start == 0) and salutation is None:
            return head, start
        i = end
    return head, (salutation + 1 if salutation is not None else i)


def _read_header_block(head: Header, block: list[str], at_top: bool) -> bool:
    """Take what a header block says into `head`; False when it is not a header block."""
    first = block[0]
    m = _NUMBER_TITLE.match(first)
    pd = _PLACE_DATE.match(first) if len(block) == 1 else None
    fields = [f for f in map(_FIELD.match, block) if f]
    if m and head.number is None and at_top:
        head.number = m.group(1)
        head.heading = " ".join([m.group(2), *block[1:]])
    elif _RECIPIENT.match(first) and head.recipient is None and len(block) <= 5:
        # the recipient, without the street address that may follow it
        lines = [ln for ln in block if not any(c.isdigit() for c in ln)]
        head.recipient = " ".join(ln for ln in lines if ln != "Den Haag") or first
    elif pd and head.date is None:
        head.place, head.date = pd.group(1).strip(), parse_date(pd.group(2))
    elif fields and len(block) <= 8:
        for fm in fields:
            key, value = fm.group(1).lower(), fm.group(2).strip()
            if key in ("datum", "vastgesteld") and head.date is None:
                head.date = parse_date(value)
            elif key in ("betreft", "onderwerp") and head.subject is None:
                head.subject = value
    elif _LETTERHEAD.match(first) and len(block) <= 4:
        pass
    else:
        return False
    return True


def take_closing(lines: list[Line], start: int) -> tuple[list[tuple[str, str]], int]:
    """Signatories (role, name) of the closing block; return them and where the block starts."""
    pairs: list[tuple[str, str]] = []
    end = len(lines)
    while end - start >= 2:
        name = lines[end - 1].text
        role_at = end - 2
        # A role may run over two lines: `De Minister voor Buitenlandse Handel en` / `...,`.
        if not _ROLE.match(lines[role_at].text) and role_at - 1 >= start:
            joined = lines[role_at - 1].text + " " + lines[role_at].text
            if _ROLE.match(joined) and lines[role_at].gap == 0:
                role_at -= 1
        role = " ".join(ln.text for ln in lines[role_at : end - 1])
        if not (_ROLE.match(role) and _NAME.match(name) and len(name.split()) <= 6):
            break
        if lines[end - 1].gap > 1:
            break
        pairs.append((role[:-1].strip(), name.strip()))
        end = role_at
    pairs.reverse()
    if pairs and end - 1 >= start and _VALEDICTION.match(lines[end - 1].text):
        end -= 1
    return pairs, end


@dataclass(slots=True)
class Block:
    """A heading or a paragraph under construction."""

    heading: bool
    lines: list[Line] = field(default_factory=list)
    level: int = 1


def is_heading_text(text: str) -> bool:
    """True when a line reads as a section heading: short, capitalised, no sentence end."""
    if len(text) > 90 or len(text.split()) > 14 or len(text) < 2:
        return False
    first = text[0]
    if not (first.isupper() or first.isdigit() or first in "«‘“'"):
        return False
    if text[-1] in ".,;:?!-–" or _BULLET.match(text):
        return False
    if first.isdigit() and not (NUMBERED.match(text) or SUBNUMBERED.match(text)):
        return False
    if _PLACE_DATE.match(text) or _ROLE.match(text) or ends_mid_sentence(text):
        return False
    return any(c.isalpha() for c in text)


def isolated(line: Line, nxt: Line | None) -> bool:
    """A line with blank lines on both sides, and no lower-case sentence going on after it."""
    return line.gap >= 1 and (nxt is None or (nxt.gap >= 1 and not nxt.text[0].islower()))


def alone_after(text: str, nxt: Line | None) -> bool:
    """Does a heading candidate stand alone below: a blank, a page break, or the end?

    A numbered heading (`1. Antwoord van het kabinet`) may be followed straight by its text.
    """
    if nxt is None:
        return True
    if nxt.text[0].islower() and (nxt.gap == 0 or len(text) >= 55):
        return False  # the sentence goes on (a full-width line cut at a page end)
    if nxt.gap >= 1 or nxt.page_start:
        return True
    numbered = NUMBERED.match(text) or ROMAN.match(text)
    return bool(numbered) and nxt.text[0].isupper()


def starts_paragraph(line: Line, prev: str) -> bool:
    """Does `line` open a new paragraph after a paragraph whose last line is `prev`?"""
    text = line.text
    if _BULLET.match(text):
        return True
    if prev.endswith("-") and not prev.endswith(" -"):
        return False
    first = text[0]
    if line.gap == 0 and not line.page_start:
        return False
    if line.gap == 0:  # a page break inside or between paragraphs
        return ends_sentence(prev) and (first.isupper() or not first.isalnum())
    # a blank line: a paragraph ends, unless the sentence plainly goes on
    return not (ends_mid_sentence(prev) or first.islower() or first in ",;)")
