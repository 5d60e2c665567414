"""Letter metadata derived from the parsed parts: references, kind, sender and a title."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from typing import NamedTuple, Protocol

_REFERENCE = re.compile(
    r"\bKamerstuk(ken)?\s+"
    r"(\d{2}\s?\d{3}(?:[-–]\w+)?(?:\s+[A-Z]{1,4}\b)?"
    r"(?:\s+en\s+\d{2}\s?\d{3}(?:[-–]\w+)?(?:\s+[A-Z]{1,4}\b)?)*)"
    r"\s*,?\s*(?:nr\.|nummer)\s*(\d+)"
)
# `Kamerstuk 28 676-425`, `Kamerstukken 29023-276`: dossier and number joined by a hyphen.
_REFERENCE_HYPHEN = re.compile(
    r"\bKamerstuk(?:ken|nummer)?\s+"
    r"(?:(?P<sub>\d{2}\s?\d{3}-\d{2})[-–](?P<n1>\d{1,4})|(?P<dossier>\d{2}\s?\d{3})[-–](?P<n2>\d{3,4}))"
    r"\b(?!\s*,?\s*nr\.)"
)
_DOSSIER = re.compile(r"(\d{2})\s?(\d{3})")
_PARENS = re.compile(r"\([^()]*\)")
_TOPIC = re.compile(r"\s(?:over|inzake|betreffende|aangaande|omtrent)\s+(.+)")
# `... sturen wij uw Kamer een terug- en vooruitblik op ...`: what is sent is the subject.
_OBJECT = re.compile(
    r"\b(?:stuur|sturen|zend|zenden|bied|bieden)\b.{0,120}?\buw Kamer\s+(?:hierbij\s+)?(.+)"
)
_ARTICLE = re.compile(r"^(?:de|het|een)\s+", re.IGNORECASE)
_CLAUSE_END = re.compile(
    r"\s(?:kan|kunnen|wil|willen|zal|zullen|informeer|informeren|bericht|berichten|stuur|"
    r"sturen|hebben|heeft|treft|vindt)\s|[;:]|,\s"
)
_COMMISSION = re.compile(
    r"\b((?:vaste\s+)?commissie\s+voor\s+[A-Z][\w ]+?)(?:\s+hebben|\s+heeft|,)"
)


def references(texts: Iterable[str]) -> tuple[str, ...]:
    """Every Kamerstuk citation in `texts`, normalised (`Kamerstuk 21 501-02, nr. 2446`)."""
    seen: dict[str, None] = {}
    for text in texts:
        if "Kamerstuk" not in text:
            continue
        for m in _REFERENCE.finditer(text):
            dossiers = _DOSSIER.sub(r"\1 \2", m.group(2).replace("–", "-"))
            dossiers = " ".join(dossiers.split())
            word = "Kamerstukken" if m.group(1) or " en " in dossiers else "Kamerstuk"
            seen[f"{word} {dossiers}, nr. {m.group(3)}"] = None
        for m in _REFERENCE_HYPHEN.finditer(text):
            dossier = _DOSSIER.sub(r"\1 \2", m.group("sub") or m.group("dossier"))
            seen[f"Kamerstuk {dossier}, nr. {m.group('n1') or m.group('n2')}"] = None
    return tuple(seen)


def kind_of(
    heading: str | None, recipient: str | None, body_start: str, headings: list[str]
) -> str:
    """`brief`, `verslag`, `motie`, `nota`, `antwoord` or `document`."""
    head = (heading or "").upper()
    for word, kind in (
        ("VERSLAG", "verslag"),
        ("MOTIE", "motie"),
        ("NOTA", "nota"),
        ("ANTWOORD", "antwoord"),
        ("BRIEF", "brief"),
    ):
        if word in head:
            return kind
    if any(h.startswith("Vragen en opmerkingen van de leden") for h in headings):
        return "verslag"
    if "schriftelijk overleg" in body_start or "onderstaande fracties" in body_start:
        return "verslag"
    return "brief" if recipient or not heading else "document"


def sender_of(roles: list[str], heading: str | None, body_start: str) -> str | None:
    """Who sent the letter: the first signatory's role, else a committee named at the start."""
    if roles:
        role = re.sub(r"^(?:De|Het)\s+", "", roles[0], flags=re.IGNORECASE)
        return role + (f" +{len(roles) - 1}" if len(roles) > 1 else "")
    m = _COMMISSION.search(body_start)
    if m:
        return " ".join(m.group(1).split())
    if heading:
        m = re.search(r"\bVAN\s+(?:DE|HET)\s+(.+)", heading)
        if m:
            return m.group(1).strip().capitalize()
    return None


def _shorten(text: str, limit: int = 150) -> str:
    text = " ".join(text.split()).strip(" ,;:")
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0].rstrip(" ,;:")
    return cut + "…"


_ABBREVIATIONS = frozenset("jl nr blz bijv resp ca zgn vs art lid mr dr drs ir prof".split())


def first_sentence(text: str) -> str:
    """`text` up to its first full stop that ends a sentence (not `a.s.`, `jl.`, `nr.`)."""
    for m in re.finditer(r"\.\s+(?=[A-Z«“‘])", text):
        word = text[: m.start()].rsplit(" ", 1)[-1]
        if "." in word or word.lower() in _ABBREVIATIONS or len(word) <= 1:
            continue
        return text[: m.start() + 1]
    return text


def title_of(
    subject: str | None, heading: str | None, first_paragraph: str, headings: list[str]
) -> str:
    """A human title, never empty: subject line, topic of the opening sentence, or heading."""
    sentence = first_sentence(" ".join(_PARENS.sub("", first_paragraph).split()))
    candidates = [subject or ""]
    for pattern in (_TOPIC, _OBJECT):
        m = pattern.search(sentence)
        if m:
            topic = _CLAUSE_END.split(m.group(1), maxsplit=1)[0].rstrip(".")
            topic = _ARTICLE.sub("", topic)
            if len(topic) >= 12:
                candidates.append(topic[0].upper() + topic[1:])
                break
    if heading:
        words = [w if not w.isupper() else w.lower() for w in heading.split()]
        candidates.append(" ".join(words).capitalize())
    candidates += [*headings[:1], sentence]
    for candidate in candidates:
        title = _shorten(candidate)
        if any(c.isalnum() for c in title):
            return title
    return "Untitled letter"


class _Identified(Protocol):
    dossier: str | None
    number: str | None
    session: str | None
    kenmerk: str | None
    date: dt.date | None


class Identity(NamedTuple):
    """A document's own identity (see DESIGN.md): all None where the text does not say."""

    identifier: str | None
    dossier: str | None
    session: str | None
    kenmerk: str | None
    citation: str | None


def identity_of(head: _Identified) -> Identity:
    """A Kamerstuk's identity from its header: identifier, dossier, session, kenmerk, citation.

    `32 500 C` + `7` is `kst-32500-C-7`, cited `Kamerstuk 32 500 C, nr. 7`; a ministry
    letter without a number is cited by its date and kenmerk.
    """
    identifier = citation = None
    if head.dossier and head.number:
        parts = head.dossier.replace("-", " ").split()
        code = "".join(parts[:2]) if len(parts) >= 2 and len(parts[0]) == 2 else parts[0]
        rest = parts[2:] if code != parts[0] else parts[1:]
        identifier = "-".join(["kst", code, *rest, head.number])
        citation = f"Kamerstuk {head.dossier}, nr. {head.number}"
    elif head.kenmerk and head.date:
        day = f"{head.date.day} {_MONTH_NAMES[head.date.month - 1]} {head.date.year}"
        citation = f"Kamerbrief van {day}, {head.kenmerk}"
    return Identity(identifier, head.dossier, head.session, head.kenmerk, citation)


_MONTH_NAMES = (
    "januari februari maart april mei juni juli augustus september oktober november december"
).split()
