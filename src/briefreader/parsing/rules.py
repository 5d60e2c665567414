"""Line tests the body's block rules share: headings, paragraph starts, Dutch dates.

Each test looks at one line and its neighbours (gap before, page start, what the previous
paragraph ended on) and says what the line is. The header block and the closing block have
their own rule tables (`header.py`, `closing.py`); `blocks.py` uses these for the body.
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
# a signing role, also with its name on the line: `De voorzitter van de commissie, Tielen`
_ROLE = re.compile(r"^(?:De|Het|DE|HET)\s+\S.{2,150},(?:$|(?<=commissie,)\s+[A-Z][\w'’. -]{1,40}$)")
NUMBERED = re.compile(r"^\d{1,3}\.\s+[A-Z«‘“]")
# `2.1 Woningbouwproductie`, `2.1. Betaalbaarheid`: a numbered sub-heading, one level down
SUBNUMBERED = re.compile(r"^\d{1,2}(?:\.\d{1,2})+\.?\s+[A-Z«‘“]")
ROMAN = re.compile(r"^(?:I|II|III|IV|V|VI|VII|VIII|IX|X|XI|XII)\.?\s+[A-Z«‘“]")
_BULLET = re.compile(r"^(?:[-•–○·▪●*]\s|\(?[a-z]\)\s|[a-z]\.\s|\d{1,2}\)\s)")
# A bullet has one of these first, or `.`/`)` second, or `)` third: most lines skip the regex.
_BULLET_FIRST = frozenset("-•–○·▪●*(")
_BULLET_SECOND = frozenset(".)")


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
class Block:
    """A heading or a paragraph under construction."""

    heading: bool
    lines: list[Line] = field(default_factory=list)
    level: int = 1


def is_heading_text(text: str) -> bool:
    """True when a line reads as a section heading: short, capitalised, no sentence end."""
    # (fifteen words take thirty characters: shorter lines need no split)
    if len(text) > 90 or (len(text) > 28 and len(text.split()) > 14) or len(text) < 2:
        return False
    first = text[0]
    if not (first.isupper() or first.isdigit() or first in "«‘“'"):
        return False
    if text[-1] in ".,;:?!-–" or _BULLET.match(text):
        return False
    if first.isdigit() and not (NUMBERED.match(text) or SUBNUMBERED.match(text)):
        return False
    if "," in text and (_PLACE_DATE.match(text) or _ROLE.match(text)):
        return False  # (both patterns need a comma)
    if ends_mid_sentence(text):
        return False
    return first.isalpha() or any(c.isalpha() for c in text)


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
    maybe_bullet = text[0] in _BULLET_FIRST or text[1:2] in _BULLET_SECOND or text[2:3] == ")"
    if maybe_bullet and _BULLET.match(text):
        return True
    if line.gap == 0 and not line.page_start:
        return False  # (most lines; tested before the hyphen, which also says False)
    if prev.endswith("-") and not prev.endswith(" -"):
        return False
    first = text[0]
    if line.gap == 0:  # a page break inside or between paragraphs
        return ends_sentence(prev) and (first.isupper() or not first.isalnum())
    # a blank line: a paragraph ends, unless the sentence plainly goes on
    return not (ends_mid_sentence(prev) or first.islower() or first in ",;)")
