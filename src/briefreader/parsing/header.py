"""The header block of a letter, read line by line by a table of small rules.

An SDU-typeset Kamerstuk opens with its dossier and the dossier's title (`32 500 C
Vaststelling van …`), its number and heading (`Nr. 7 BRIEF VAN DE MINISTER …`), the
recipient and the place and date (`Den Haag, 13 mei 2011`); copies from the websites put
these on lines of their own, with or without blank lines between, in a few orders
(`25 295` / `Infectieziektenbestrijding` / `nr. 1` / `BRIEF VAN …`; rijksbegroting.nl's
`34775 A 52 BRIEF VAN …` under its title). A ministry letter on letterhead has a sidebar
and the fields `Datum`, `Betreft`/`Onderwerp`, `Ons kenmerk` before `Geachte voorzitter,`.

Each rule looks at one line (and the lines right under it) and either claims it, saying how
many lines it took, or leaves it. Without a salutation the header is the run of claimed
lines at the top; with one, everything above it is header and unclaimed lines there are
letterhead.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from briefreader.parsing.headfields import GLUED_MARK as _GLUED_MARK
from briefreader.parsing.headfields import HEADING_LINE as _HEADING_LINE
from briefreader.parsing.headfields import Header
from briefreader.parsing.headfields import letter_number as _letter_number
from briefreader.parsing.lines import Line, ends_sentence
from briefreader.parsing.republished import (
    bare_date,
    glued_kenmerk,
    ministry_line,
    motie_headline,
    page_title,
)
from briefreader.parsing.rules import MONTHS, parse_date

__all__ = ["HEADER_RULES", "Header", "take_header"]


_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
_DOSSIER = (
    r"(?P<dossier>\d{2}\s?\d{3})(?:[-–](?P<sub>\d{1,3}|[A-Z]{1,4}))?"
    # a budget chapter or part: `32 500 C`, `36 600 XII` (not a title word such as `NAVO`)
    r"(?:\s+(?P<part>[A-Z]|[IVXLC]{1,6})\b)?"
)
# a Rijkswet's own number after the dossier (`35 099 (R2114)`) is no title
_DOSSIER_LINE = re.compile(rf"^{_DOSSIER}(?:\s+\(R\d{{3,4}}\))?(?:\s+(?P<title>[A-Z«(‘“'].*))?$")
# rijksbegroting.nl: `34775 A 52 BRIEF VAN DE MINISTER VAN …`
_DOSSIER_NUMBER_LINE = re.compile(
    rf"^{_DOSSIER}\s+(?P<number>\d{{1,4}})\s+(?P<heading>[A-Z][A-Z ,.’'&-]+)$"
)
# A page's own title naming the document: `Kamerstuk 34 919, nr. 3`, `Kamerstuk 36200-XII-12`.
# An Eerste Kamer stuk is numbered by letter: `Kamerstuk 35 099, nr. D`.
_KAMERSTUK_LINE = re.compile(
    rf"^Kamerstuk\s+{_DOSSIER}(?:,?\s+nr\.\s*(?P<number>\d{{1,4}}|[A-Z]{{1,2}})|[-–](?P<dash>\d{{1,4}}))$"
)
_NUMBER_LINE = re.compile(r"^[Nn]r\.\s*(\d{1,4})(?:\s+(\S.*))?$")
_RECIPIENT = re.compile(
    r"^(?:Aan\s+de\s+|De\s+[Vv]oorzitter\s+van\s+de\s+(?:Tweede|Eerste)\s+Kamer)"
)
_PLACE_DATE = re.compile(
    rf"^((?:['’]s[- ])?[A-Z][\w'’. -]{{1,40}}),\s+(\d{{1,2}}\s+(?:{_MONTH})\.?\s+\d{{4}})$"
)
# The SDU masthead, with the chamber's number pypdf leaves after it.
_MASTHEAD = re.compile(
    r"^(?:(?:Tweede|Eerste)\s+Kamer\s+der\s+Staten-Generaal\s*\d?"
    r"|Vragen gesteld door de leden der Kamer, met de daarop door de|regering gegeven antwoorden)$"
)
_SESSION = re.compile(r"^Vergaderjaar\s+(\d{4})\s*[–-]\s*(\d{4})\b(?:,\s*nr\.\s*(\d{1,5})$)?")
_FIELD = re.compile(
    r"^(Datum|Betreft|Onderwerp|Vastgesteld|Voorgesteld|Ontvangen)(?::\s*|\s+)(\S.*)$",
    re.IGNORECASE,
)
_DATE_FIELD = re.compile(rf"^Datum:?\s+\d{{1,2}}\s+(?:{_MONTH})\b", re.IGNORECASE)
_SUBJECT_FIELD = re.compile(r"^(?:Betreft|Onderwerp):?\s+\S")
_KENMERK_LABEL = re.compile(r"^(?:Ons\s+kenmerk|Kenmerk|Onze\s+referentie)\s*:?\s*(\S.*)?$")
_LETTERHEAD = re.compile(
    r"^(?:>?\s*Retouradres|Onze\s+referentie|Uw\s+referentie|Ons\s+kenmerk|Uw\s+kenmerk|Kenmerk|"
    r"Uw\s+brief|Bijlage\(?n?\)?|Postbus|Contactpersoon|Referentie|Inlichtingen|Doorkiesnummer|"
    r"Telefoon|www\.|[TFE]\s+\+?\d)"
)
# A committee's list: `Voortouwcommissie: …`, `Volgcommissie(s): …`, `Document: Besluitenlijst …`
_LIST_FIELD = re.compile(
    r"^(Voortouwcommissie|Volgcommissie\(s\)|Document|Griffier)\s*:\s*(.*)$"
    r"|^(Besluitenlijst|Korte\s+aantekeningen)\s+(?:van\s+de\s+)?"
    r"(?:procedurevergadering|vergadering|commissie)\b.*$"
)
_SALUTATION = re.compile(r"^(?:Geachte|Zeer geachte|Beste)\b.{0,80},$", re.IGNORECASE)

# A rule gets the header so far, the lines and an index; it returns how many lines it
# claimed there (0: not its line).
HeaderRule = Callable[[Header, list[Line], int], int]


def _continues(lines: list[Line], j: int) -> bool:
    """Line `j` runs on from the line above (no blank line, no page break, no other field)."""
    return (
        j < len(lines)
        and lines[j].gap == 0
        and not lines[j].page_start
        and not any(rule(Header(), lines, j) for rule in _STARTERS)
    )


def _dossier_of(m: re.Match[str]) -> str:
    dossier = m.group("dossier")
    if " " not in dossier:
        dossier = f"{dossier[:2]} {dossier[2:]}"
    if m.group("sub"):
        dossier += ("-" if m.group("sub").isdigit() else " ") + m.group("sub")
    if m.group("part"):
        dossier += " " + m.group("part")
    return dossier


def dossier_number_line(head: Header, lines: list[Line], i: int) -> int:
    """`34775 A 52 BRIEF VAN …`: dossier, number and heading on one line."""
    m = _DOSSIER_NUMBER_LINE.match(lines[i].text)
    if not m or head.dossier or head.number:
        return 0
    head.dossier, head.number, head.heading = _dossier_of(m), m.group("number"), m.group("heading")
    return 1


def dossier_line(head: Header, lines: list[Line], i: int) -> int:
    """`32 500 C Vaststelling van …`, or the dossier alone with its title on the next line."""
    m = _DOSSIER_LINE.match(lines[i].text)
    # after the number, or another dossier, it is text (`12 345 mensen …`); the same dossier
    # with its chapter (`34 300 VII` under a page's `34 300`) says it more fully
    if not m or head.heading:
        return 0
    known, found = head.dossier, _dossier_of(m)
    if known and known != found and not found.startswith(known + " "):
        return _second_dossier(head, lines, i)
    head.dossier = _dossier_of(m)
    title = [m.group("title")] if m.group("title") else []
    j = i + 1
    while _continues(lines, j) and not ends_sentence(lines[j].text) and len(title) < 4:
        title.append(lines[j].text)
        j += 1
    if not title and _title_apart(lines, j):
        # every header part on a line of its own, blank lines between: `33 820` / (blank) /
        # `Evaluatie Wet …` / (blank) / `Nr. 2`: the title is the line before the number
        title.append(lines[j].text)
        j += 1
    if title:
        head.dossier_title = " ".join(title)
    return j - i


def _second_dossier(head: Header, lines: list[Line], i: int) -> int:
    """A document in two dossiers prints a line for each (`26 643 …` / `32 761 …` / `Nr. 971
    BRIEF …`): the second is skipped when the number line follows; the first names it."""
    if head.number or i + 1 >= len(lines) or not lines[i].text[:1].isdigit():
        return 0
    nxt = lines[i + 1].text
    return 1 if _NUMBER_LINE.match(nxt) or _letter_number(head, nxt) else 0


def _title_apart(lines: list[Line], j: int) -> bool:
    """Line `j` is a dossier title standing apart: the number or the heading comes next."""
    if j + 1 >= len(lines) or lines[j].page_start or ends_sentence(lines[j].text):
        return False
    if any(rule(Header(), lines, j) for rule in _STARTERS):
        return False
    nxt = lines[j + 1].text
    return bool(_NUMBER_LINE.match(nxt) or (_HEADING_LINE.match(nxt) and nxt.isupper()))


def kamerstuk_line(head: Header, lines: list[Line], i: int) -> int:
    """`Kamerstuk 34 919, nr. 3` over a copied page: the document's dossier and number."""
    m = _KAMERSTUK_LINE.match(lines[i].text)
    if not m:
        return 0
    dossier, number = _dossier_of(m), m.group("number") or m.group("dash")
    if head.dossier or head.number:
        # the page naming the same document twice (its title and its table) is one header
        return 1 if (head.dossier, head.number) == (dossier, number) else 0
    head.dossier, head.number = dossier, number
    return 1


def title_above_dossier(head: Header, lines: list[Line], i: int) -> int:
    """A page title right above `34775 A 52 BRIEF …` is the dossier's title."""
    if i != 0 or head.dossier_title or i + 1 >= len(lines):
        return 0
    if not _DOSSIER_NUMBER_LINE.match(lines[i + 1].text) or ends_sentence(lines[i].text):
        return 0
    head.dossier_title = lines[i].text
    return 1


def number_line(head: Header, lines: list[Line], i: int) -> int:
    """`Nr. 7 BRIEF VAN DE MINISTER …` (the heading may wrap, or come on the next line)."""
    m = _NUMBER_LINE.match(lines[i].text) or _letter_number(head, lines[i].text)
    if not m or (head.number and head.number != m.group(1)):
        return 0
    head.number = m.group(1)
    if m.group(2):
        head.heading = _GLUED_MARK.sub("", m.group(2))
        return 1 + _heading_tail(head, lines, i + 1)
    return 1


def _heading_tail(head: Header, lines: list[Line], j: int) -> int:
    """The upper-case lines that continue a heading."""
    taken = 0
    while _continues(lines, j + taken) and lines[j + taken].text.isupper():
        head.heading = f"{head.heading} {lines[j + taken].text}"
        taken += 1
    return taken


def heading_line(head: Header, lines: list[Line], i: int) -> int:
    """`BRIEF VAN DE MINISTER VAN …` on a line of its own."""
    text = lines[i].text
    if head.heading or not _HEADING_LINE.match(text) or not text.isupper():
        return 0
    # a footnote marker glued to the last word (`… KONINKRIJKSRELATIES1`) is no part of it
    head.heading = _GLUED_MARK.sub("", text)
    return 1 + _heading_tail(head, lines, i + 1)


def recipient(head: Header, lines: list[Line], i: int) -> int:
    """`Aan de Voorzitter van de Tweede Kamer …`, without the street address under it."""
    if head.recipient or not _RECIPIENT.match(lines[i].text):
        return 0
    parts = [lines[i].text]
    j = i + 1
    while _continues(lines, j) and j - i < 5:
        text = lines[j].text
        if not any(c.isdigit() for c in text) and text.upper() != "DEN HAAG":
            parts.append(text)
        j += 1
    head.recipient = " ".join(parts)
    return j - i


def place_date(head: Header, lines: list[Line], i: int) -> int:
    """`Den Haag, 13 mei 2011`."""
    m = _PLACE_DATE.match(lines[i].text)
    if not m or head.date:
        return 0
    head.place, head.date = m.group(1).strip(), parse_date(m.group(2))
    return 1


def session_line(head: Header, lines: list[Line], i: int) -> int:
    """`Vergaderjaar 2017-2018` (with a number: `Vergaderjaar 2023-2024, nr. 1314`)."""
    m = _SESSION.match(lines[i].text)
    if not m:
        return 0
    head.session = head.session or f"{m.group(1)}-{m.group(2)}"
    head.number = head.number or m.group(3)
    return 1


def field_line(head: Header, lines: list[Line], i: int) -> int:
    """`Datum 30 mei 2023`, `Betreft …` (a subject may wrap onto the next lines)."""
    m = _FIELD.match(lines[i].text)
    if not m:
        return 0
    key, value = m.group(1).lower(), m.group(2).strip()
    if key in ("datum", "vastgesteld", "voorgesteld", "ontvangen"):
        date = parse_date(value)
        if date is None:
            return 0
        head.date = head.date or date
        return 1
    parts = [value]
    j = i + 1
    while _continues(lines, j) and not _LETTERHEAD.match(lines[j].text) and j - i < 4:
        if lines[j].text[0].isupper() and ends_sentence(parts[-1]):
            break
        parts.append(lines[j].text)
        j += 1
    head.subject = head.subject or " ".join(parts)
    return j - i


def kenmerk_line(head: Header, lines: list[Line], i: int) -> int:
    """`Ons kenmerk` with the reference after it or on the next line."""
    m = _KENMERK_LABEL.match(lines[i].text)
    if not m:
        return 0
    value = m.group(1)
    taken = 1
    if not value and i + 1 < len(lines) and lines[i + 1].gap == 0:
        value, taken = lines[i + 1].text, 2
    if value and not head.kenmerk:
        head.kenmerk = " ".join(value.split())
    return taken


def list_field(head: Header, lines: list[Line], i: int) -> int:
    """A committee list's labelled header cell, wrapped over the lines under it.

    `Document: Besluitenlijst van de procedurevergadering van woensdag 26 oktober 2016` (or
    the same title without its label) is the title, and the meeting's date is the list's date
    (the list is often signed days later).
    """
    m = _LIST_FIELD.match(lines[i].text)
    if not m:
        return 0
    label = m.group(1) or "Document"  # a list titled without its label: `Besluitenlijst …`
    parts = [m.group(2) if m.group(1) else m.group(0)]
    j = i + 1
    # an item's number alone under the title (`1.`, the Eerste Kamer's) opens the items
    while _continues(lines, j) and not _LIST_FIELD.match(lines[j].text):
        if lines[j].text.endswith(".") and lines[j].text[:-1].isdigit():
            break
        parts.append(lines[j].text)
        j += 1
    value = " ".join(p for p in parts if p)
    if label == "Document" and value:
        head.subject = value
        head.date = parse_date(value) or head.date
    elif label == "Voortouwcommissie" and value:
        head.committee = value
    return j - i


def letterhead_line(head: Header, lines: list[Line], i: int) -> int:
    """`> Retouradres …`, `Bijlage(n)`, `Postbus …`, the SDU masthead: letterhead furniture."""
    text = lines[i].text
    if _MASTHEAD.match(text):
        # the chamber's number may follow on a line of its own (`2`: Tweede Kamer)
        nxt = lines[i + 1].text if i + 1 < len(lines) else ""
        return 2 if nxt in ("1", "2") else 1
    return 1 if _LETTERHEAD.match(text) else 0


# Rules that open a header item, tried in order on each line.
_STARTERS: tuple[HeaderRule, ...] = (
    dossier_number_line,
    kamerstuk_line,
    number_line,
    heading_line,
    recipient,
    place_date,
    session_line,
    field_line,
    kenmerk_line,
    list_field,
)
HEADER_RULES: tuple[HeaderRule, ...] = (
    title_above_dossier,
    page_title,
    ministry_line,
    motie_headline,
    *_STARTERS[:1],
    dossier_line,
    *_STARTERS[1:],
    bare_date,
    letterhead_line,
)


def _claim(head: Header, lines: list[Line], i: int) -> int:
    for rule in HEADER_RULES:
        taken = rule(head, lines, i)
        if taken:
            return taken
    return 0


def take_header(lines: list[Line]) -> tuple[Header, int]:
    """Read the header block at the top; return it and the index of the first body line."""
    head = Header()
    # (a salutation ends on its comma: other lines skip the pattern)
    said = (i for i, ln in enumerate(lines[:80]) if ln.text.endswith((",", ",\n")))
    salutation = next((i for i in said if _SALUTATION.match(lines[i].text)), None)
    i = 0
    if salutation is not None:
        while i < salutation:
            i += _claim(head, lines, i) or 1
        return head, salutation + 1
    # a letterhead letter without a salutation: its sidebar may come before `Datum`/`Betreft`
    dated = [j for j, ln in enumerate(lines[:60]) if _DATE_FIELD.match(ln.text)]
    subject = (
        [j for j, ln in enumerate(lines[:60]) if _SUBJECT_FIELD.match(ln.text)] if dated else []
    )
    if dated and subject:
        while i <= max(dated[0], subject[0]):
            i += _claim(head, lines, i) or 1
    while i < len(lines):
        taken = _claim(head, lines, i)
        if not taken:
            break
        i += taken
    if head.recipient or head.subject:
        glued_kenmerk(head, lines, i)
    return head, i
