"""Per-line facts of a PDF-extracted letter: page breaks, gaps, furniture, line joining.

The text of a Kamerbrief comes with hard line breaks every ~70 characters, page breaks shown
as a line that opens with a single space (or a form feed, or a run of blank lines in word-
processor exports), and running footers. This module turns the raw text into `Line` records
that the rules read, and joins the lines of a paragraph back into one clean line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Running footers and page furniture: `2 33783-48/2021D50613`, the officielebekendmakingen
# footer `Tweede Kamer, vergaderjaar 2021–2022, 21 501-02, nr. 2433 3`, a bare page number.
_FURNITURE = re.compile(
    r"""^(?:
        \d{1,4}\s+\d{3,6}(?:-[\w]+)*/\d{4}D\d+            # page + docnumber/dossier code
      | \d{4}D\d{3,}(?:\s+\d{1,4})?                       # dossier code (+ page)
      | (?:\d{1,4}\s+)?Tweede\s+Kamer,\s+vergaderjaar\s+\d{4}[–-]\d{4},.*?nr\.\s*\d+(?:\s+\d{1,4})?
      | kst-\d[\w-]*(?:\s.*)?                             # kst-36045-151 ISSN ... footer
      | ISSN\s+\d{4}\s*-\s*\d{3}[\dX].*
      | (?:Pagina|pagina|Page)\s+\d+\s+(?:van|of)\s+\d+
      | (?:ah|h)-[a-z]{2}-\d{8}-\d+[\w-]*                   # ah-tk-20232024-1314 footer
      | a?h\s[a-z]{2}\s\d{8}\s\d+                          # the same, as a converter lost it
      | ['’]s-Gravenhage\s+\d{4}(?:\s+Tweede\s+Kamer,.*)?   # SDU imprint
      | (?:\d{1,4}\s+)?Tweede\s+Kamer,\s+vergaderjaar\s+\d{4}[–-]\d{4},\s+Aanhangsel(?:\s+\d{1,4})?
      | Tweede\s+Kamer\s+der\s+Staten-Generaal\s+[12]       # SDU running head, chamber 2
      | Vergaderjaar\s+\d{4}[–-]\d{4}(?:\s+Aanhangsel\s+van\s+de\s+Handelingen)?
    )$""",
    re.VERBOSE,
)

# `ISSN 0921 - 7398’s-Gravenhage 2023Tweede Kamer, vergaderjaar 2022–2023, Aanhangsel 1Antwoord 3`
_GLUED_FOOTER = re.compile(
    r"^(?:ISSN\s+\d{4}\s*-\s*\d{3}[\dX]\s*)?(?:['’]s-Gravenhage\s+\d{4}\s*)?"
    r"Tweede\s+Kamer,\s+vergaderjaar\s+\d{4}[–-]\d{4},\s+Aanhangsel(?:\s*\d{1,4})?(?=[A-Z«])"
)
_RULE = re.compile(r"^-{3,}$|^(?:- ){2,}-$")
_BRACKET_MARK = re.compile(r"(?<=\S)\[(\d{1,3}) ?\]")
# Counted over "\n" + text: a pattern opening with a literal is scanned for fast (a `^` with
# MULTILINE would be tried at every position of the text).
_INDENTED = re.compile(r"\n +\S")
_NONBLANK = re.compile(r"\n[ \t\f]*\S")
_PAGE_NUMBER = re.compile(r"^-?\s*\d{1,3}\s*-?$")

TERMINAL = frozenset(".!?:;")
# Words a Dutch sentence cannot end on: a paragraph that stops on one of them goes on.
FUNCTION_WORDS = frozenset(
    [
        "de",
        "het",
        "een",
        "en",
        "of",
        "van",
        "voor",
        "met",
        "op",
        "in",
        "aan",
        "door",
        "tot",
        "bij",
        "naar",
        "om",
        "te",
        "dat",
        "die",
        "dit",
        "deze",
        "is",
        "zijn",
        "wordt",
        "worden",
        "werd",
        "heeft",
        "hebben",
        "als",
        "over",
        "uit",
        "onder",
        "tussen",
        "tegen",
        "zoals",
        "ook",
        "nog",
        "niet",
        "wel",
        "maar",
        "dan",
        "zal",
        "zullen",
        "kan",
        "kunnen",
        "moet",
        "moeten",
        "wil",
        "willen",
        "zich",
        "haar",
        "hun",
        "zij",
        "wij",
        "we",
        "u",
        "ons",
        "onze",
        "uw",
        "zo",
        "er",
        "hierbij",
        "daarbij",
        "waarbij",
        "waarin",
        "waarop",
        "per",
        "via",
        "vanuit",
        "namens",
        "mede",
        "alle",
    ]
)


@dataclass(slots=True)
class Line:
    """One non-blank line of the letter.

    `index` is the 0-based line number in the ingested text; `gap` counts the blank lines
    before it; `page_start` says a page break comes right before it; `orphan` marks text
    stranded between footnotes at a page bottom, which is kept as a paragraph of its own.
    """

    index: int
    text: str
    gap: int
    page_start: bool
    orphan: bool = False

    @property
    def breaks_page(self) -> bool:
        """A page boundary lies before this line (a page start or a run of blank lines)."""
        return self.page_start or self.gap >= 2


_FURNITURE_STARTS = (
    "Tweede",
    "kst-",
    "ISSN",
    "Pagina",
    "pagina",
    "Page",
    "ah-",
    "h-",
    "h ",
    "ah ",
    "'s-",
    "’s-",
    "Vergaderjaar",
)


# The first characters of the above and of a rule or page number (`---`, `- 2 -`): most lines
# start with none of them (nor with a digit) and skip the furniture checks.
_FURNITURE_FIRST = frozenset([*(s[0] for s in _FURNITURE_STARTS), "-"])


def is_furniture(text: str) -> bool:
    """True for running footers and document codes."""
    if not (text[0].isdigit() or text.startswith(_FURNITURE_STARTS)):
        return False  # most lines: skip the regex
    return bool(_FURNITURE.match(text))


def split_lines(text: str, furniture: list[str] | None = None) -> list[Line]:
    """The non-blank lines of `text` with their gaps and page starts; furniture dropped
    (and collected in `furniture` when given: a footer's id names the document).

    A line that opens with exactly one space starts a page, unless most lines are indented
    (a `pdftotext -layout` export), where only form feeds mark pages.
    """
    raw = text.split("\n")
    indented = len(_INDENTED.findall("\n" + text))
    nonblank = len(_NONBLANK.findall("\n" + text))
    space_marks_page = indented <= max(3, nonblank // 4)
    lines: list[Line] = []
    gap = 0
    form_feed = False
    # What no line can hold when the whole text does not (a form feed taken out of a line
    # may make the other two): most lines skip these tests.
    feeds = "\f" in text
    session = feeds or "vergaderjaar" in text
    spaces = feeds or "  " in text
    brackets = "[" in text
    for index, rawline in enumerate(raw):
        if feeds and "\f" in rawline:
            form_feed = True
            rawline = rawline.replace("\f", "")
        stripped = rawline.strip()
        if not stripped:
            gap += 1
            continue
        # (a line with text that opens with a space has a second character)
        page_start = form_feed or (space_marks_page and rawline[0] == " " and rawline[1] != " ")
        form_feed = False
        if session and "vergaderjaar" in stripped and (glued := _GLUED_FOOTER.match(stripped)):
            # pypdf glues an SDU footer to the next page's first line: keep that line only
            if furniture is not None:
                furniture.append(glued.group(0))
            stripped, gap, page_start = stripped[glued.end() :].strip(), gap + 2, True
        if brackets and "[" in stripped:
            # `zuiverd»[1 ]`: a footnote marker (a line with one is no rule line either way)
            stripped = _BRACKET_MARK.sub(r"\1", stripped)
        first = stripped[0]
        if first in _FURNITURE_FIRST or first.isdigit():  # most lines are none of these
            if first == "-" and stripped.startswith("---") and _RULE.match(stripped):
                # a converter's page break (pymupdf Markdown): what follows starts a page
                gap, form_feed = gap + 2, True
                continue
            if (first.isdigit() or first == "-" or stripped.startswith(_FURNITURE_STARTS)) and (
                ((page_start or not lines) and stripped == "Tweede Kamer der Staten-Generaal")
                or is_furniture(stripped)
                or (gap and _PAGE_NUMBER.match(stripped))
            ):
                # A footer sits at a page bottom: what follows starts a new page.
                gap += 2
                if furniture is not None:
                    furniture.append(stripped)
                continue
        if spaces and "  " in stripped:
            stripped = " ".join(stripped.split())
        lines.append(Line(index, stripped, gap, page_start or not lines))
        gap = 0
    return lines


_MARK_TAIL = re.compile("\ue000\\d+\ue001$")
_MARK_ENDS = ("\ue001", "\ue001\n")  # what a text ends on when `_MARK_TAIL` can match it


def ends_sentence(text: str) -> bool:
    """True when `text` ends like a finished sentence (closing quotes and brackets aside)."""
    t = (_MARK_TAIL.sub("", text) if text.endswith(_MARK_ENDS) else text).rstrip("»”’\"')]")
    return bool(t) and t[-1] in TERMINAL


def ends_mid_sentence(text: str) -> bool:
    """True when `text` plainly stops inside a sentence: a comma, hyphen or function word."""
    if text.endswith(_MARK_ENDS):
        text = _MARK_TAIL.sub("", text)
    if not text:
        return False
    if text[-1] in ",-–(":
        return True
    last = text.rsplit(" ", 1)[-1]
    return last in FUNCTION_WORDS
