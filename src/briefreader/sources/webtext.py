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
      | Datum\s+publicatie\s*Organisatie.*           # officielebekendmakingen metadata row
      | Deze\s+brief\s+is\s+onder\s+nr\.\s*\d+\s+toegevoegd\s+aan\s+dossier.*
      | a?h[\s-]tk[\s-]\d{8}[\s-]\d+                  # a lost-glyph Aanhangsel footer
      | (?:U\s+bent\s+hier:?\s*)?(?:Home|Startpagina)\s*[>›»/|].*   # breadcrumbs
      | U\s+bent\s+hier:.*
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
# The site's own title of the page, above the letter: `Brief regering : Reactie op …`.
_SITE_TITLE = re.compile(
    r"^(?:Kamerstuk|Aanhangsel(?:\s+van\s+de)?\s+Handelingen"
    r"|(?:Brief\s+(?:regering|commissie)|Motie|Amendement|Verslag)\s*[;:]\s.*)$"
)
_NOTE_LABEL = re.compile(r"^X\s?Noot$")
_NOTE_INLINE = re.compile(r"^Noot\s+(\d{1,3})\s*:\s*(\S.*)$")
_NUMBER = re.compile(r"^\d{1,3}$")
_SIGNERS = re.compile(r"^Ondertekenaars?$")
_MONITOR_NUMBER = re.compile(r"^\d\.$")
# parlementairemonitor.nl's numbered sections; only `Tekst` holds the letter
_MONITOR_SECTIONS = {"Kerngegevens": False, "Tekst": True, "Meer informatie": False}
_MONITOR_TAIL = {"Parlementaire Monitor", "Reacties", "Gerelateerde documenten"}
_MD_CHAMBER = re.compile(r"^#{1,6}\s*\d$")
_MD_NUMBER = re.compile(r"^#{1,6}\s*\d{2,5}$")
_MD_HEADING = re.compile(r"^#{1,6}\s+")
_MD_BOLD = re.compile(r"\*\*(.+?)\*\*")
_MD_RULE = re.compile(r"^-{3,}$|^\*{3,}$")
# `«Netjes gezuiverd»[1 ]`: a bracketed footnote marker, or `11[e ]`, a superscript ordinal
_MD_MARK = re.compile(r"\[(\d{1,3}|e|ste|de)\s?\]")

Rule = Callable[[list[str], int], int]


def looks_like_web_text(text: str) -> bool:
    """True when the text carries a site's or converter's furniture worth the pre-pass."""
    head = text[:4000]
    return bool(
        re.search(r"(?m)^(?:Naar boven|X ?Noot|Noot \d+:|-----|#{1,6} |Ondertekenaars)\s*$", text)
        or re.search(
            r"(?m)^(?:Kamerstuk|Datum publicatie|Direct naar|Brief regering|U bent hier"
            r"|(?:Home|Startpagina)\s*[>›»/|])",
            head,
        )
        or "Download PDF" in head
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
        _blank(lines, i)
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
        _blank(lines, j)
    return end - i


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


# Run in order over every line; a rule returns how many lines it consumed (at least 1).
RULES: tuple[Rule, ...] = (
    _site_title,
    _site_lines,
    _signers,
    _monitor,
    _x_noot,
    _noot_inline,
    _markdown,
)


def strip_web_furniture(text: str) -> str:
    """`text` with site furniture blanked and web footnotes rewritten; same line count."""
    if not looks_like_web_text(text):
        return text
    lines = text.split("\n")
    for rule in RULES:
        i = 0
        while i < len(lines):
            i += max(1, rule(lines, i)) if lines[i].strip() else 1
    return "\n".join(lines)
