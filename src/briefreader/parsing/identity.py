"""A document's official identity and the references it makes to other documents.

Dutch parliamentary papers have one official identifier each (`kst-36045-151`,
`kst-36600-XII-57`, `ah-tk-20232024-1314`) and are cited in a handful of fixed forms
(`Kamerstuk 36 045, nr. 151`, `Aanhangsel Handelingen II 2023/24, nr. 1314`). Letters write
those forms loosely: lower case, compact (`36200-XII-60`), with chamber and session
(`Kamerstukken II 2022/23, 36 229, nr. 1`). Everything here is a pure function of strings:

- `normalize_dossier`, `normalize_session`, `short_session`: the canonical spellings;
- `kamerstuk_identifier`, `aanhangsel_identifier`, `parse_identifier`: to and from ids;
- `citation_for`: how Dutch texts cite a document;
- `read_reference`, `find_cites`: references in running text, resolved where they name one
  document;
- `with_identity`: fill a parsed `Letter`'s identity, citation, references and cites.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from briefreader.model import Cite, Letter
from briefreader.parsing.dates import MONTHS, dutch_date  # re-exported: callers import them here
from briefreader.parsing.scan import first_of, word_matches

__all__ = [
    "MONTHS",
    "Identity",
    "aanhangsel_identifier",
    "citation_for",
    "cite_spans",
    "document_url",
    "dutch_date",
    "find_cites",
    "kamerstuk_identifier",
    "normalize_dossier",
    "normalize_session",
    "parse_identifier",
    "read_reference",
    "short_session",
    "with_identity",
]


_DASH = "[-–‑]"
# `36 600 XII`, `21 501-02`, `34 775 A`, `36600-XII`: dossier digits, a sub-number or a chapter.
_DOSSIER = (
    rf"\d{{2}}\s?\d{{3}}(?:{_DASH}\d{{2}}(?!\d))?"
    rf"(?:(?:\s|{_DASH})(?:[IVXLC]{{1,6}}|[A-Z])(?![\w-]))?"
)
_SESSION = r"(?:19|20)\d{2}\s?[/\-–‑]\s?(?:(?:19|20)\d{2}|\d{2})(?!\d)"
_CHAMBER = r"(?:\s+(?P<chamber>II|I)(?![\w]))?"
_NR = r"(?:nrs?\.?|nummers?)"

# `Kamerstuk 21 501-02, nr. 2433`, `Kamerstukken II 2022/23, 36 229, nr. 1`, `29 023 en 29 024`
_KAMERSTUK = re.compile(
    rf"\b[Kk]amerstuk(?:ken)?{_CHAMBER}(?:,?\s+(?:vergaderjaar\s+)?(?P<session>{_SESSION}))?"
    rf"\s*,?\s*(?P<dossiers>{_DOSSIER}(?:\s*(?:,|en|&)\s*{_DOSSIER})*)"
    rf"\s*,?\s*(?P<nrword>{_NR})\s*(?P<nr>\d{{1,5}}(?:\s*(?:,|en|t/m|{_DASH})\s*\d{{1,5}})*)"
)
# `kamerstuk 36200-XII-60`, `Kamerstukken 29023-276`, bare `21501-02-2446`.
_COMPACT = re.compile(
    rf"(?<![\w/-])(?P<d>\d{{5}}|\d{{2}}\s\d{{3}})(?:{_DASH}(?P<sub>\d{{2}}))?"
    rf"(?:{_DASH}(?P<ch>[IVXLC]{{1,6}}|[A-Z]))?{_DASH}(?P<n>\d{{1,4}})(?![\w/-]|{_DASH}\d)"
)
# The word before a compact reference, looked for only where one was found (a leading optional
# group would be tried at every position of every paragraph).
_COMPACT_WORD = re.compile(r"\b[Kk]amerstuk(?:ken)?(?:\s+II)?\s+$")
_AANHANGSEL = re.compile(
    rf"\b[Aa]anhangsel(?:\s+van\s+de)?\s+[Hh]andelingen{_CHAMBER},?\s*(?:vergaderjaar\s+)?"
    rf"(?P<session>{_SESSION})\s*,?\s*(?:{_NR}|Aanhangsel)?\s*(?P<nr>\d{{1,5}})(?![\d/])"
)
_HANDELINGEN = re.compile(
    rf"\b[Hh]andelingen{_CHAMBER},?\s*(?:vergaderjaar\s+)?(?P<session>{_SESSION})\s*,?\s*"
    rf"(?:{_NR})?\s*(?P<nr>\d{{1,4}})(?![\d/])(?:\s*,\s*(?:item|punt)\s*(?P<item>\d{{1,3}}))?"
)
_ID = re.compile(
    r"\b(?:kst-\d{5}(?:-\d{2})?(?:-(?:[IVXLC]{1,6}|[A-Z]))?-\d{1,5}"
    r"|ah-(?:tk|ek)-\d{8}-\d{1,5}|h-(?:tk|ek)-\d{8}-\d{1,4}-\d{1,3})(?![\w-])"
)
_KST_ID = re.compile(
    r"kst-(?P<d>\d{5})(?:-(?P<sub>\d{2}))?(?:-(?P<ch>[IVXLC]{1,6}|[A-Z]))?-(?P<n>\d{1,5}|[A-Z]{1,2})"
)
_LETTER_NR = re.compile(r"[A-Z]{1,2}")
_AH_ID = re.compile(
    r"(?P<kind>ah|h)-(?P<ch>tk|ek)-(?P<y1>\d{4})(?P<y2>\d{4})-(?P<n>\d+)(?:-(?P<i>\d+))?"
)


@dataclass(frozen=True, slots=True)
class Identity:
    """What an official identifier says: its series and the parts that name the document.

    `series` is `kamerstuk`, `aanhangsel` or `handelingen`; `dossier` is spelled as cited
    (`36 600 XII`); `session` as `2023-2024`; `chamber` `tk` or `ek`; `item` for Handelingen.
    """

    series: str
    identifier: str
    dossier: str | None = None
    number: str | None = None
    session: str | None = None
    chamber: str = "tk"
    item: str | None = None


@lru_cache(maxsize=1024)
def normalize_dossier(text: str) -> str | None:
    """A dossier as cited: `36600-XII` → `36 600 XII`, `21501-02` → `21 501-02`; None if not one."""
    m = re.fullmatch(
        rf"\s*(\d{{2}})\s?(\d{{3}})(?:{_DASH}(\d{{2}}))?(?:(?:\s+|{_DASH})([IVXLC]{{1,6}}|[A-Z]))?\s*",
        text.replace("\u00a0", " "),
    )
    if m is None:
        return None
    out = f"{m.group(1)} {m.group(2)}"
    if m.group(3):
        out += f"-{m.group(3)}"
    if m.group(4):
        out += f" {m.group(4)}"
    return out


def normalize_session(text: str) -> str | None:
    """A vergaderjaar as `2022-2023` from `2022/23`, `2022–2023`, `20222023`; None if not one."""
    m = re.fullmatch(r"\s*((?:19|20)\d{2})\s*[/\-–‑]?\s*(\d{4}|\d{2})\s*", text)
    if m is None:
        return None
    first = int(m.group(1))
    second = m.group(2)
    end = int(second) if len(second) == 4 else (first // 100) * 100 + int(second)
    if len(second) == 2 and end < first:
        end += 100  # 1999/00
    return f"{first}-{end}" if end == first + 1 else None


def short_session(session: str) -> str:
    """The citation spelling of a vergaderjaar: `2023-2024` → `2023/24`."""
    norm = normalize_session(session) or session
    first, _, second = norm.partition("-")
    return f"{first}/{second[-2:]}" if second else norm


def kamerstuk_identifier(dossier: str, number: str) -> str | None:
    """The id of Kamerstuk `number` in `dossier`: (`36 600 XII`, `57`) → `kst-36600-XII-57`."""
    norm = normalize_dossier(dossier)
    digits = re.sub(r"\D", "", number or "")
    # an Eerste Kamer stuk is numbered by letter: (`35 099`, `D`) → `kst-35099-D`
    letter = (number or "").strip() if _LETTER_NR.fullmatch((number or "").strip()) else ""
    if norm is None or not (digits or letter):
        return None
    head, _, chapter = norm.partition(" ")[2].partition(" ")
    compact = norm[:2] + head + (f"-{chapter}" if chapter else "")
    return f"kst-{compact}-{int(digits) if digits else letter}"


def aanhangsel_identifier(session: str, number: str, chamber: str = "tk") -> str | None:
    """The id of an Aanhangsel: (`2023-2024`, `1314`) → `ah-tk-20232024-1314`."""
    norm = normalize_session(session)
    digits = re.sub(r"\D", "", number or "")
    if norm is None or not digits:
        return None
    return f"ah-{chamber}-{norm.replace('-', '')}-{int(digits)}"


def parse_identifier(identifier: str) -> Identity | None:
    """The parts of an official id (`kst-36600-XII-57`, `ah-tk-20232024-1314`), or None."""
    text = identifier.strip()
    m = _KST_ID.fullmatch(text)
    if m:
        dossier = f"{m['d'][:2]} {m['d'][2:]}" + (f"-{m['sub']}" if m["sub"] else "")
        dossier += f" {m['ch']}" if m["ch"] else ""
        number = str(int(m["n"])) if m["n"].isdigit() else m["n"]
        return Identity("kamerstuk", text, dossier=dossier, number=number)
    m = _AH_ID.fullmatch(text)
    if m is None or int(m["y2"]) != int(m["y1"]) + 1 or (m["kind"] == "h") != bool(m["i"]):
        return None
    session = f"{m['y1']}-{m['y2']}"
    series = "aanhangsel" if m["kind"] == "ah" else "handelingen"
    return Identity(series, text, None, str(int(m["n"])), session, m["ch"], m["i"])


def document_url(identifier: str) -> str:
    """The official address of a document: `https://zoek.officielebekendmakingen.nl/<id>.html`."""
    return f"https://zoek.officielebekendmakingen.nl/{identifier}.html"


def _chamber_roman(chamber: str) -> str:
    return "I" if chamber == "ek" else "II"


def citation_for(
    identifier: str | None = None,
    *,
    dossier: str | None = None,
    number: str | None = None,
    session: str | None = None,
    kind: str | None = None,
    date: dt.date | None = None,
    kenmerk: str | None = None,
) -> str | None:
    """How Dutch texts cite a document, from whatever identity it has, or None.

    `Kamerstuk 36 045, nr. 151`; `Aanhangsel Handelingen II 2023/24, nr. 1314`; a ministry
    letter without a Kamerstuk number: `Kamerbrief van 18 oktober 2023, IENW/BSK-2023/297705`.
    """
    parsed = parse_identifier(identifier) if identifier else None
    if parsed is not None:
        dossier = parsed.dossier or dossier
        number = parsed.number or number
        session = parsed.session or session
    if parsed is not None and parsed.series == "handelingen":
        return (
            f"Handelingen {_chamber_roman(parsed.chamber)} {short_session(parsed.session or '')}"
            f", nr. {parsed.number}, item {parsed.item}"
        )
    is_aanhangsel = (parsed is not None and parsed.series == "aanhangsel") or (
        parsed is None and kind == "kamervragen"
    )
    if is_aanhangsel and session and number and normalize_session(session):
        chamber = parsed.chamber if parsed else "tk"
        roman = _chamber_roman(chamber)
        return f"Aanhangsel Handelingen {roman} {short_session(session)}, nr. {number}"
    norm = normalize_dossier(dossier) if dossier else None
    if norm and number:
        return f"Kamerstuk {norm}, nr. {number}"
    if kenmerk:
        return f"Kamerbrief van {dutch_date(date)}, {kenmerk}" if date else f"Kamerbrief {kenmerk}"
    return None


def _kamerstuk_cite(m: re.Match[str]) -> Cite:
    dossiers = re.split(r"\s*(?:,|\ben\b|&)\s*", m["dossiers"])
    norms = [normalize_dossier(d) or d for d in dossiers if d.strip()]
    numbers = re.findall(r"\d+", m["nr"])
    if not m["nrword"].lower().startswith(("nrs", "nummers")) and re.match(r"\d+\s*,", m["nr"]):
        numbers = numbers[:1]  # `nr. 151, 2022`: one number, then something else
    head = "Kamerstukken" if len(norms) > 1 or len(numbers) > 1 else "Kamerstuk"
    nr = "nrs." if len(numbers) > 1 else "nr."
    text = f"{head} {' en '.join(norms)}, {nr} {' en '.join(str(int(n)) for n in numbers)}"
    if len(numbers) > 1 and re.search(rf"t/m|{_DASH}", m["nr"]):
        text = f"{head} {' en '.join(norms)}, nrs. {int(numbers[0])} t/m {int(numbers[-1])}"
    identifier = kamerstuk_identifier(norms[0], numbers[0]) if len(numbers) == 1 else None
    return Cite(text, identifier)


def _compact_cite(m: re.Match[str], word: bool) -> Cite | None:
    if not (word or m["sub"] or m["ch"]):
        return None  # a bare `12345-678` is too often something else
    if not (m["sub"] or m["ch"]) and len(m["n"]) < 3:
        return None  # `21501-02`: a dossier and its part, no document number
    dossier = m["d"] + (f"-{m['sub']}" if m["sub"] else "") + (f" {m['ch']}" if m["ch"] else "")
    norm = normalize_dossier(dossier)
    if norm is None:
        return None
    return Cite(f"Kamerstuk {norm}, nr. {int(m['n'])}", kamerstuk_identifier(norm, m["n"]))


def _session_cite(m: re.Match[str], series: str) -> Cite | None:
    session = normalize_session(m["session"])
    if session is None:
        return None
    chamber = "ek" if m["chamber"] == "I" else "tk"
    roman = _chamber_roman(chamber)
    nr = str(int(m["nr"]))
    if series == "aanhangsel":
        text = f"Aanhangsel Handelingen {roman} {short_session(session)}, nr. {nr}"
        return Cite(text, aanhangsel_identifier(session, nr, chamber))
    item = m["item"]
    text = f"Handelingen {roman} {short_session(session)}, nr. {nr}"
    if not item:
        return Cite(text, None)  # a whole sitting is no single document
    ident = f"h-{chamber}-{session.replace('-', '')}-{nr}-{int(item)}"
    return Cite(f"{text}, item {int(item)}", ident)


def _id_cite(m: re.Match[str]) -> Cite | None:
    ident = m.group(0)
    parsed = parse_identifier(ident)
    if parsed is None:
        return None
    return Cite(citation_for(ident) or ident, ident)


def cite_spans(text: str) -> list[tuple[int, int, Cite]]:
    """Every reference in one text as (start, end, cite), in order; of two that overlap the
    earlier, longer one wins. What a reader needs to mark references in a paragraph."""
    found: list[tuple[int, int, Cite]] = []
    for needle, pattern, make in (  # each pattern is a letter, then its needle: tried there only
        ("anhangsel", _AANHANGSEL, lambda m: _session_cite(m, "aanhangsel")),
        ("andelingen", _HANDELINGEN, lambda m: _session_cite(m, "handelingen")),
        ("amerstuk", _KAMERSTUK, _kamerstuk_cite),
    ):
        for m in word_matches(text, needle, pattern):
            cite = make(m)
            if cite is not None:
                found.append((m.start(), m.end(), cite))
    at = first_of(text, ("h-", "kst-"))  # `kst-…`, `h-…`, `ah-…` (one before its `h-`)
    for m in _ID.finditer(text, max(0, at - 1)) if at >= 0 else ():
        cite = _id_cite(m)
        if cite is not None:
            found.append((m.start(), m.end(), cite))
    at = first_of(text, ("-", "–", "‑"))  # a compact reference's dossier ends on a dash
    for m in _COMPACT.finditer(text, max(0, at - 6)) if at >= 0 else ():
        word = _COMPACT_WORD.search(text, max(0, m.start() - 24), m.start())
        cite = _compact_cite(m, word is not None)
        if cite is not None:
            found.append((word.start() if word else m.start(), m.end(), cite))
    found.sort(key=lambda f: (f[0], -(f[1] - f[0])))
    kept: list[tuple[int, int, Cite]] = []
    for item in found:
        if not any(item[0] < end and start < item[1] for start, end, _ in kept):
            kept.append(item)
    return sorted(kept, key=lambda f: f[0])


_cites_in = cite_spans  # its first, private name: callers that merged it keep working


# Every form names a dossier (`36 045`, `36045`) or an id of 8+ digits, or is Handelingen: a
# paragraph with neither is skipped without running the five scans (most paragraphs).
_DIGITS = re.compile(r"\d\d[\s\u00a0]?\d\d\d")


def find_cites(texts: Iterable[str]) -> tuple[Cite, ...]:
    """Every reference in `texts`, normalised and in order of first mention, once each.

    `Cite.text` is the reference in its citation form (`Kamerstuk 21 501-02, nr. 2433`);
    `Cite.identifier` is the official id when the reference names one document, else None.
    """
    seen: dict[str, Cite] = {}
    for text in texts:
        if "andelingen" not in text and not _DIGITS.search(text):
            continue
        text = text.replace("\u00a0", " ")
        for _, _, cite in cite_spans(text):
            seen.setdefault(cite.text, cite)
    return tuple(seen.values())


def read_reference(text: str) -> Cite | None:
    """The one reference that `text` is (`kamerstuk 36200-XII-60`, `kst-36045-151`), or None."""
    text = " ".join(text.replace("\u00a0", " ").split()).strip(" .;:()")
    for start, end, cite in cite_spans(text):
        if start == 0 and end == len(text):
            return cite
    return None


def with_identity(letter: Letter) -> Letter:
    """`letter` with its identity completed from what the parser found, and its cites.

    An identifier fills dossier, number and session where they are missing; dossier and
    number (or, for kamervragen, session and number) make the identifier; the citation follows
    from these or from the kenmerk and date. Cites come from paragraphs and footnotes; a
    reference to the letter itself (a page footer's id) is not a cite.
    """
    ident = letter.identifier
    dossier, number, session = letter.dossier, letter.number, letter.session
    parsed = parse_identifier(ident) if ident else None
    if parsed is not None:
        dossier = dossier or parsed.dossier
        number = number or parsed.number
        session = session or parsed.session
    number = str(int(m.group())) if number and (m := re.search(r"\d+", number)) else number
    dossier = (normalize_dossier(dossier) or dossier) if dossier else None
    session = (normalize_session(session) or session) if session else None
    if ident is None and dossier and number:
        ident = kamerstuk_identifier(dossier, number)
    elif ident is None and letter.kind == "kamervragen" and session and number:
        ident = aanhangsel_identifier(session, number)
    citation = letter.citation or citation_for(
        ident,
        dossier=dossier,
        number=number,
        session=session,
        kind=letter.kind,
        date=letter.date,
        kenmerk=letter.kenmerk,
    )
    texts = [p.text for s in letter.sections for p in s.paragraphs]
    texts += [f.text for f in letter.footnotes]
    cites = tuple(c for c in find_cites(texts) if c.identifier is None or c.identifier != ident)
    return dataclasses.replace(
        letter,
        identifier=ident,
        dossier=dossier,
        number=number,
        session=session,
        citation=citation,
        cites=cites,
        references=tuple(c.text for c in cites),
    )
