"""Header rules for letters re-published outside the official sites (news, party sites).

A news aggregator prints a ministry letter as the ministry sent it, without the Kamer's
header: the ministry's name (`Ministerie van Landbouw, Natuur en Voedselkwaliteit`) and the
subject on lines of their own over the text, or the page's headline over the addressee's
block (`Uitstelbrief op kamervragen van …` / `De Voorzitter van de Tweede Kamer`); the
letter's own reference glued to its first sentence (`DLZ/KZ-U-2904719 De vragen …`). A
party's site heads a motie with `Motie Thieme: het Terlouwmanifest …` and a bare date line.
"""

from __future__ import annotations

import re

from briefreader.parsing.dates import date_in
from briefreader.parsing.headfields import Header
from briefreader.parsing.lines import Line, ends_sentence

__all__ = ["bare_date", "glued_kenmerk", "ministry_line", "motie_headline", "page_title"]

_MINISTRY = re.compile(r"^Ministerie\s+van\s+[A-Z][\w ,'’-]+$")
_ADDRESSEE = re.compile(r"^(?:De\s+)?[Vv]oorzitter\s+van\s+de\s+(?:Tweede|Eerste)\s+Kamer\b")
_MOTIE_HEADLINE = re.compile(r"^(?:Gewijzigde\s+)?[Mm]otie\s+[A-Z][^:]{1,80}:\s+\S.*$")
_BARE_DATE = re.compile(r"^\d{1,2}\s+[a-z]{3,9}\s+\d{4}$")
_POSTAL = re.compile(r"Retouradres|Postbus|\b\d{4}\s?[A-Z]{2}\b")
_TEXT_LINE = 60
# `DLZ/KZ-U-2904719`, `DGA-2023/12345`: letter codes, then a number of five digits or more
_KENMERK = re.compile(r"^([A-Z]{2,}[A-Z0-9]*(?:[/-][A-Z0-9]+)*[/-]\d{5,})\s+(?=[A-Z])")


def _subject(line: Line) -> bool:
    text = line.text
    return line.gap > 0 and len(text) <= 120 and text[0].isupper() and not ends_sentence(text)


def ministry_line(head: Header, lines: list[Line], i: int) -> int:
    """`Ministerie van …` at the top: the sender's letterhead; a short line standing alone
    under it, with the text after a blank line, is the subject."""
    if i > 2 or not lines[i].text.startswith("Ministerie") or not _MINISTRY.match(lines[i].text):
        return 0
    j = i + 1
    if (
        head.subject is None
        and j + 1 < len(lines)
        and _subject(lines[j])
        and lines[j + 1].gap
        and len(lines[j + 1].text) >= _TEXT_LINE  # the letter's text, not a sidebar
    ):
        head.subject = lines[j].text
        return 2
    return 1


def page_title(head: Header, lines: list[Line], i: int) -> int:
    """A headline right over the addressee's block: the page's title of the letter."""
    if i != 0 or i + 1 >= len(lines) or head.subject or ends_sentence(lines[i].text):
        return 0
    if not _ADDRESSEE.match(lines[i + 1].text) or not lines[i].text[0].isalpha():
        return 0
    if _POSTAL.search(lines[i].text) or _MINISTRY.match(lines[i].text):
        return 0  # a return address (`> Retouradres Postbus …`) or the sender, not a headline
    head.subject = lines[i].text
    return 1


def glued_kenmerk(head: Header, lines: list[Line], i: int) -> None:
    """The letter's reference glued to the first line of its text: the kenmerk, taken off."""
    if i >= len(lines) or not lines[i].text[:1].isupper():
        return
    line = lines[i]
    m = _KENMERK.match(line.text)
    if m is None:
        return
    head.kenmerk = head.kenmerk or m.group(1)
    lines[i] = Line(line.index, line.text[m.end() :], line.gap, line.page_start, line.orphan)


def motie_headline(head: Header, lines: list[Line], i: int) -> int:
    """`Motie Thieme: het Terlouwmanifest als …` over a motie on a party's site: its title."""
    if i != 0 or head.subject or not _MOTIE_HEADLINE.match(lines[i].text):
        return 0
    head.subject = lines[i].text
    return 1


def bare_date(head: Header, lines: list[Line], i: int) -> int:
    """`18 mei 2017` on a line of its own in the header: the document's date."""
    text = lines[i].text
    if head.date or not text[0].isdigit() or not _BARE_DATE.match(text):
        return 0
    date = date_in(text)
    if date is None:
        return 0
    head.date = date
    return 1
