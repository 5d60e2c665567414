"""Text copied from the publication websites, with the sites' furniture taken out.

Users copy letters from zoek.officielebekendmakingen.nl, tweedekamer.nl, rijksbegroting.nl
and parlementairemonitor.nl, or convert PDFs with tools that write Markdown. The letter is in
there, wrapped in what the site or the tool adds: `Naar boven`, `Download PDF`, breadcrumbs
(`Home > Kamerstukken > …`), a glued metadata row (`Datum publicatieOrganisatieVergaderjaar…`),
an `Ondertekenaars` list, the monitor's numbered site sections, Markdown `#` and `**` marks
and `-----` page rules, and footnotes written as `X Noot` / `1` / text or `Noot 1: text`.

`strip_web_furniture(text)` is a pre-pass over the lines: each rule looks at one line (and
the few after it) and blanks it or rewrites it. The text keeps its line count, so every
paragraph's source span still points at the line the user copied. A footnote comes out as
`N text` after a blank line, the form the footnote reader already knows; a Markdown page
rule becomes a form feed.
"""

from __future__ import annotations

import re
from collections.abc import Callable

__all__ = ["looks_like_web_text", "strip_web_furniture"]

# Whole lines that are site navigation or buttons, never letter text.
_SITE_LINE = re.compile(
    r"""^(?:
        Naar\s+boven
      | [•·*-]?\s*Download\s+(?:PDF|XML|ODT|HTML)(?:\s.*)?
      | Direct\s+naar\s+\(in\s+deze\s+pagina\):.*
      | Datum\s+publicatie\s*\|?\s*Organisatie.*     # officielebekendmakingen metadata row
      | (?:\s*:?-{3,}:?\s*\|)+\s*                     # a Markdown table's rule: `---|---|`
      | Zoals\s+vergunningen,\s+bouwplannen\s+en\s+lokale\s+regelgeving\.   # site blurbs
      | Adressen\s+en\s+contactpersonen\s+van\s+overheidsorganisaties\.
      | a?h[\s-]tk[\s-]\d{8}[\s-]\d+                  # a lost-glyph Aanhangsel footer
      | (?:U\s+bent\s+hier:?\s*)?(?:Home|Startpagina)\s*[>›»/|].*   # breadcrumbs
      | U\s+bent\s+hier:.*
      | Preview\s+document\b.*                       # buttons over a document preview
      | Directe\s+link\s+naar\s+document\b.*
      | (?:\[[^\]]{1,40}\]\s*){3,}                    # a navigation bar: `[overzicht] [leden]`
      | Terug\s+naar\s+(?:de\s+)?zoekresultaten
      | (?:Print|Printen|Delen|Permalink|Deel\s+deze\s+pagina|Zoek\s+in\s+dit\s+document)
    )$""",
    re.VERBOSE,
)
# The values row under the metadata row: `Tweede Kamer der Staten-Generaal2019-202035228 nr. 6`.
# …and its number when it is an Aanhangsel's (`…2023-20241314`) rather than a dossier's.
_METADATA_VALUES = re.compile(
    r"^(?:Tweede|Eerste)\s+Kamer\s+der\s+Staten-Generaal(?P<y1>\d{4})-(?P<y2>\d{4})"
    r"(?:(?P<number>\d{1,4})$)?"
)
# The same row copied as a Markdown table: `Tweede Kamer der Staten-Generaal | 2007-2008 |
# 31444-XVI nr. 6 |` (an Aanhangsel's: `| 2014-2015 | 1365 |`).
_METADATA_TABLE = re.compile(
    r"^(?:Tweede|Eerste)\s+Kamer\s+der\s+Staten-Generaal\s*\|\s*(?P<y1>\d{4})-(?P<y2>\d{4})\s*\|"
    r"\s*(?:(?P<dossier>\d{5}(?:-[A-Z0-9]{1,4})?)\s+nr\.\s*(?P<nr>\w{1,4})|(?P<number>\d{1,4}))\s*\|?$"
)
# The site's own title of the page, above the letter: `Brief regering : Reactie op …`,
# `Antwoord schriftelijke vragen : …`, `Lijst van vragen en antwoorden : …` (tweedekamer.nl
# writes the document type, a spaced colon, the title), `Brief regering; …` (the monitor).
_SITE_TITLE = re.compile(
    r"^(?:Kamerstuk|Aanhangsel(?:\s+van\s+de)?\s+Handelingen"
    r"|(?:Brief\s+(?:regering|commissie)|Motie|Amendement|Verslag)\s*[;:]\s.*"
    r"|[A-Z][a-z]+(?:\s[a-z]+){0,5}(?:\s:|;)\s\S.*)$"
)
# parlementairemonitor.nl's line under its title: `Deze brief is onder nr. 2 toegevoegd aan
# dossier 33820 …`, `Dit voorlopig verslag is onder nr. D toegevoegd aan wetsvoorstel 35099 …`
_ADDED_TO = re.compile(
    r"^(?:Deze|Dit)\s.{1,40}?\sis\s+onder\s+nr\.\s*(?P<number>\w+)\s+toegevoegd\s+aan\s"
    r"(?:(?:dossier|wetsvoorstel)\s+(?P<dossier>\d{5}(?:\s(?:[IVXLC]{1,6}|[A-Z])(?=\s|$))?))?.*$",
    re.MULTILINE,
)
# A header set in a layout table: the cell's text, then `|` and short cells (`| 2 |`).
_TABLE_ROW = re.compile(r"^(.*?\S)\s*\|(?:\s*\S{0,3}\s*\|)*$")
_DECISIONS = frozenset(
    "Aangenomen Verworpen Aangehouden Ingetrokken Vervallen Overgenomen Controversieel".split()
)
_VOTES = re.compile(rf"(?m)^Status\n\s*\n?(?:{'|'.join(sorted(_DECISIONS))})$")
_NOTE_LABEL = re.compile(r"^X\s?Noot$")
_NOTE_INLINE = re.compile(r"^Noot\s+(\d{1,3})\s*:\s*(\S.*)$")
_NUMBER = re.compile(r"^\d{1,3}$")
_SIGNERS = re.compile(r"^Ondertekenaars?$")
_MONITOR_NUMBER = re.compile(r"^\d\.$")
# parlementairemonitor.nl's numbered sections; only `Tekst` holds the letter
_MONITOR_SECTIONS = {"Kerngegevens": False, "Tekst": True, "Meer informatie": False}
_MONITOR_KENMERK = re.compile(
    r"^Kenmerk\s+(\d{5}(?:\s(?:[IVXLC]{1,6}|[A-Z]))?),\s*nr\.\s*(\w{1,4})$"
)
_MONITOR_TAIL = {"Parlementaire Monitor", "Reacties", "Gerelateerde documenten"}
_MD_CHAMBER = re.compile(r"^#{1,6}\s*\d$")
_MD_NUMBER = re.compile(r"^#{1,6}\s*\d{2,5}$")
_MD_HEADING = re.compile(r"^#{1,6}\s+")
_MD_BOLD = re.compile(r"\*\*(.+?)\*\*")
_MD_RULE = re.compile(r"^-{3,}$|^\*{3,}$")
# `«Netjes gezuiverd»[1 ]`: a bracketed footnote marker, or `11[e ]`, a superscript ordinal
_MD_MARK = re.compile(r"\[(\d{1,3}|e|ste|de)\s?\]")

Rule = Callable[[list[str], int], int]

# A site's metadata line above the document: `Gepubliceerd: 9 maart 2016`, `Indiener(s): …`,
# `Bron: https://…`, `ID: 34300-VII-60`, `- Eerste ondertekenaar: …`, `Onderdeel van zaak …:`,
# `- 2024-09-25 13:30: Aanvang …`: a short label, a colon, the value (or nothing).
_LABEL_LINE = re.compile(r"^(?:-\s*)?[A-Z0-9][^:.?!]{0,40}:(?:\s|-|\d|$)")
# Lines above the block that name the document the way a header reads them stay.
_NAMES_DOCUMENT = re.compile(r"^(?:Kamerstuk\s+\d|Besluitenlijst\s)")
# Fields of a document's own labelled header (a committee list, a memo, a ministry's
# letterhead): a block holding one is the document's, never a site's.
_OWN_FIELDS = (
    "Document:",
    "Datum:",
    "Betreft:",
    "Onderwerp:",
    "Kenmerk:",
    "Ons kenmerk:",
    "Uw kenmerk:",
    "Uw brief",
    "Aan:",
    "Van:",
    "Bijlage",
    "Contactpersoon:",
    "Postadres:",
    "Bezoekadres:",
    "Retouradres",
)
_HEAD_LINES = 120
# A document's own labelled cells (a decision list's, a question list's) are its text.
_BODY_LABELS = ("Zaak:", "Besluit:", "Noot:", "Vraag", "Antwoord", "Agendapunt")
# `https://…`, or a registry number of the Tweede Kamer: `2024D34636`, `2013A02988`
_REGISTERED = re.compile(r"https?://|\b(?:19|20)\d{2}[ADZ]\d{5}\b")
_BLOCK_WINDOW = 40  # non-blank lines from the top in which a metadata block is looked for


def _metadata_block(lines: list[str]) -> tuple[int, int] | None:
    """(first, last) line index of a block of `Label: value` lines near the top: at least three
    such lines, at most one other line between two of them, no two blank lines inside."""
    labels: list[int] = []
    seen = others = blanks = 0
    broken = False  # since the last label: two blank lines, or two other lines
    for i, raw in enumerate(lines):
        text = raw.strip()
        if not text:
            blanks += 1
            broken = broken or (bool(labels) and blanks >= 2)
            continue
        blanks = 0
        seen += 1
        if seen > _BLOCK_WINDOW:
            break
        if text.startswith(_OWN_FIELDS):
            return None  # the document's own labelled header, not a site's block
        if _LABEL_LINE.match(text) and not text.startswith(_BODY_LABELS):
            if broken:
                if len(labels) >= 3:
                    break
                labels = []  # too far from the last: a new block may start here
            labels.append(i)
            others, broken = 0, False
        elif labels:
            others += 1
            broken = broken or others > 1
            if broken and len(labels) >= 3:
                break
    if len(labels) < 3:
        return None
    # a site's block says where the document is registered: a link or the Kamer's number
    registered = any(_REGISTERED.search(lines[j]) for j in range(labels[0], labels[-1] + 1))
    return (labels[0], labels[-1]) if registered else None


def _drop_metadata_block(lines: list[str]) -> None:
    """A site's metadata block above the document (openkamer.org, berthub.eu/tkconv, …) and
    the page title over it are furniture; a line above it that names the document stays."""
    found = _metadata_block(lines)
    if found is None:
        return
    first, last = found
    for j in range(last + 1):
        if j < first and _NAMES_DOCUMENT.match(lines[j].strip()):
            continue
        _blank(lines, j)


def looks_like_web_text(text: str) -> bool:
    """True when the text carries a site's or converter's furniture worth the pre-pass."""
    head = text[:4000]
    first = head.lstrip().split("\n", 1)[0]
    return bool(
        _SITE_TITLE.match(first)
        or _ADDED_TO.search(head, 0, 1500)
        or re.search(
            r"(?m)^(?:Naar boven|X ?Noot|Noot \d+:|-----|#{1,6} |Ondertekenaars|Kerngegevens)\s*$",
            text,
        )
        or re.search(
            r"(?m)^(?:Kamerstuk|Datum publicatie|Direct naar|Brief regering|U bent hier"
            r"|(?:Home|Startpagina)\s*[>›»/|])",
            head,
        )
        or "Download PDF" in head
        or ("\nStatus\n" in text and _VOTES.search(text) is not None)
        or re.search(r"(?m)^#{1,6} |\*\*", head)
    )


def _blank(lines: list[str], i: int) -> None:
    lines[i] = ""


def _next_nonblank(lines: list[str], i: int) -> int | None:
    for j in range(i + 1, min(len(lines), i + 4)):
        if lines[j].strip():
            return j
    return None


def _site_lines(lines: list[str], i: int) -> int:
    text = lines[i].strip()
    if _SITE_LINE.match(text):
        _blank(lines, i)
    elif text.startswith(("Tweede", "Eerste")) and (m := _METADATA_TABLE.match(text)):
        # the page's only identity when the SDU title lines were not copied
        if m["dossier"]:
            lines[i] = f"Kamerstuk {m['dossier']}, nr. {m['nr']}"
        else:
            lines[i] = f"Vergaderjaar {m['y1']}-{m['y2']}, nr. {m['number']}"
    elif text.endswith("|") and (m := _TABLE_ROW.match(text)):
        lines[i] = m.group(1)  # a layout table's row: `Vergaderjaar 2024-2025 |`
    elif text.startswith("D") and (m := _ADDED_TO.match(text)):
        # the monitor's page title stands above this line, first on the page
        above = [j for j in range(i) if lines[j].strip()]
        for j in above if len(above) <= 1 else []:
            _blank(lines, j)
        # the document's number, also a letter (an Eerste Kamer stuk), as a header says it
        own = f"Kamerstuk {m['dossier']}, nr. {m['number']}" if m["dossier"] else ""
        lines[i] = own
    elif m := _METADATA_VALUES.match(text):
        # the row's session (and an Aanhangsel's number), as a header line says them
        number = f", nr. {m['number']}" if m["number"] else ""
        lines[i] = f"Vergaderjaar {m['y1']}-{m['y2']}{number}"
    return 1


def _site_title(lines: list[str], i: int) -> int:
    """The page's own title above the letter, or the masthead's chamber number of a Markdown
    conversion (`# 2`: Tweede Kamer): only while nothing else has been seen."""
    text = lines[i].strip()
    if not any(ln.strip() for ln in lines[:i]) and (
        _SITE_TITLE.match(text) or _MD_CHAMBER.match(text)
    ):
        # an answer's registered title (`Antwoord op vragen van het lid X over …`) is kept
        # on its own: the kamervragen intro reads it as the title
        _, sep, title = text.partition(" : ")
        lines[i] = title if sep and title.startswith("Antwoord op vragen van ") else ""
    return 1


def _x_noot(lines: list[str], i: int) -> int:
    """`X Noot` / `1` / (blank) / `text` → `1 text` after blank lines."""
    if not _NOTE_LABEL.match(lines[i].strip()):
        return 1
    number_at = _next_nonblank(lines, i)
    if number_at is None or not _NUMBER.match(lines[number_at].strip()):
        return 1
    text_at = _next_nonblank(lines, number_at)
    number = lines[number_at].strip()
    _blank(lines, i)
    _blank(lines, number_at)
    if text_at is None:
        return number_at - i + 1
    lines[text_at] = f"{number} {lines[text_at].strip()}"
    return text_at - i + 1


def _noot_inline(lines: list[str], i: int) -> int:
    m = _NOTE_INLINE.match(lines[i].strip())
    if m:
        lines[i] = f"{m.group(1)} {m.group(2)}"
    return 1


def _signers(lines: list[str], i: int) -> int:
    """tweedekamer.nl's `Ondertekenaars` list after the letter: the signature says it all."""
    if not _SIGNERS.match(lines[i].strip()):
        return 1
    rest = " ".join(lines[i + 1 : i + 6]).lower()
    if "ondertekenaar" not in rest:
        return 1
    for j in range(i, len(lines)):
        _blank(lines, j)
    return len(lines) - i


def _monitor(lines: list[str], i: int) -> int:
    """parlementairemonitor.nl's `1.` / `Kerngegevens` sections around the letter text."""
    if not _MONITOR_NUMBER.match(lines[i].strip()):
        return 1
    name_at = _next_nonblank(lines, i)
    if name_at is None:
        return 1
    name = lines[name_at].strip()
    if name in _MONITOR_TAIL:
        end = len(lines)
    elif name in _MONITOR_SECTIONS:
        end = name_at + 1
        if not _MONITOR_SECTIONS[name]:
            while end < len(lines) and not _MONITOR_NUMBER.match(lines[end].strip()):
                end += 1
    else:
        return 1
    for j in range(i, end):
        # the table's `Kenmerk 33820, nr. 2` names the document: kept as a header says it
        own = _MONITOR_KENMERK.match(lines[j].strip())
        lines[j] = f"Kamerstuk {own[1]}, nr. {own[2]}" if own else ""
    return end - i


def _vote_result(lines: list[str], i: int) -> int:
    """A site's vote result under a motie (`Status` / `Verworpen` / `Voor` / parties / `Tegen`
    / parties): furniture to the end of the page."""
    if lines[i].strip() != "Status":
        return 1
    at = _next_nonblank(lines, i)
    if at is None or lines[at].strip() not in _DECISIONS:
        return 1
    for j in range(i, len(lines)):
        _blank(lines, j)
    return len(lines) - i


def _markdown(lines: list[str], i: int) -> int:
    text = lines[i]
    if _MD_RULE.match(text.strip()):
        lines[i] = "\f"
        return 1
    if _MD_NUMBER.match(text.strip()):
        # `### 387` under the masthead: the document's number, written as a header reads it
        lines[i] = "Nr. " + text.strip().lstrip("#").strip()
        return 1
    text = _MD_HEADING.sub("", text)
    if "**" in text:
        text = _MD_BOLD.sub(r"\1", text)
    if "[" in text:
        text = _MD_MARK.sub(r"\1", text)
    lines[i] = text
    return 1


_MEETING_FIELD = re.compile(r"^(?:\d{1,2}:\d{2}\s*-\s*\d{1,2}:\d{2}\s+uur|Locatie:.*)$")


def _meeting(lines: list[str], i: int) -> int:
    """tweedekamer.nl's meeting page: `De vergadering is geweest` over the meeting's date, time
    and room: the date is the list's (`Datum …`, as a header reads it), the rest furniture."""
    if not lines[i].startswith("De vergadering is ") or len(lines[i]) > 30:
        return 1
    _blank(lines, i)
    for j in range(i + 1, min(len(lines), i + 6)):
        text = lines[j].strip()
        if text[:1].isdigit() and _MEETING_FIELD.match(text) or text.startswith("Locatie:"):
            _blank(lines, j)
        elif text[:1].isdigit() and " " in text and text.split()[-1].isdigit():
            lines[j] = "Datum " + text
    return 1


# Run in order over every line; a rule returns how many lines it consumed (at least 1).
RULES: tuple[Rule, ...] = (
    _site_title,
    _site_lines,
    _signers,
    _vote_result,
    _monitor,
    _x_noot,
    _noot_inline,
    _markdown,
    _meeting,
)


def strip_web_furniture(text: str) -> str:
    """`text` with site furniture blanked and web footnotes rewritten; same line count."""
    if not looks_like_web_text(text):
        # only a metadata block above the document may be there: look at the top alone
        head = text.split("\n", _HEAD_LINES)
        top = head[:_HEAD_LINES]
        _drop_metadata_block(top)
        return text if top == head[:_HEAD_LINES] else "\n".join(top + head[_HEAD_LINES:])
    lines = text.split("\n")
    _drop_metadata_block(lines)
    for rule in RULES:
        i = 0
        while i < len(lines):
            i += max(1, rule(lines, i)) if lines[i].strip() else 1
    return "\n".join(lines)
