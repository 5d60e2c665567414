"""Letter metadata derived from the parsed parts: kind, sender and a title."""

from __future__ import annotations

import re

_PARENS = re.compile(r"\([^()]*\)")
_TOPIC = re.compile(r"\s(?:over|inzake|betreffende|aangaande|omtrent)\s+(.+)")
# `... sturen wij uw Kamer een terug- en vooruitblik op ...`: what is sent is the subject.
_OBJECT = re.compile(
    r"\b(?:stuur|sturen|zend|zenden|bied|bieden)\b.{0,120}?\buw Kamer\s+(?:hierbij\s+)?(.+)"
)
# `Met deze brief ontvangt u … een overzicht van ontwikkelingen rondom PFAS, en …`
_RECEIVE = re.compile(
    r"\bontvangt\s+u\b(?:\s+(?:hierbij\s+)?(?=(?:het|de)\s)|.{0,100}?\b(?=een\s))(.+)"
)
# Headings that name a part of any letter, never what it is about.
_GENERIC_HEADINGS = frozenset(
    "inleiding aanleiding achtergrond samenvatting conclusie conclusies tot slot afsluiting "
    "kerngegevens tekst toelichting vervolg bijlage bijlagen".split()
)
_ARTICLE = re.compile(r"^(?:de|het|een)\s+", re.IGNORECASE)
_CLAUSE_END = re.compile(
    r"\s(?:kan|kunnen|wil|willen|zal|zullen|informeer|informeren|bericht|berichten|stuur|"
    r"sturen|hebben|heeft|treft|vindt)\s|[;:]|,\s"
)
_COMMISSION = re.compile(
    r"\b((?:vaste\s+)?commissie\s+voor\s+[A-Z][\w ]+?)(?:\s+hebben|\s+heeft|,)"
)


# Words of an SDU heading (`Nr. 3 MEMORIE VAN TOELICHTING`) and the kind they make, in order.
# What an SDU heading opens with (`Nr. 3 MEMORIE VAN TOELICHTING`) and the kind it makes; a
# heading names its own type first (`BRIEF … TER AANBIEDING VAN HET VERSLAG …` is a letter).
_HEADING_KINDS = (
    ("BESLUITENLIJST", "besluitenlijst"),
    ("VERSLAG", "verslag"),
    ("EINDVERSLAG", "verslag"),
    ("LIJST VAN VRAGEN", "verslag"),
    ("MOTIE", "motie"),
    ("VOORSTEL VAN WET", "wetsvoorstel"),
    ("MEMORIE VAN TOELICHTING", "wetsvoorstel"),
    ("NOTA", "document"),
    ("RAPPORT", "document"),
    ("BRIEF", "brief"),
)
_HEADING_PREFIX = re.compile(
    r"^(?:(?:NADER\s+)?GEWIJZIGDE?\s+|NIEUWE\s+|TWEEDE\s+|VOORLOPIG\s+|NADER\s+)*"
)


def kind_of(
    heading: str | None, recipient: str | None, body_start: str, headings: list[str]
) -> str:
    """One of DESIGN.md's kinds, when no kind sign knew it early: from the heading or body."""
    head = _HEADING_PREFIX.sub("", " ".join((heading or "").upper().split()))
    for words, kind in _HEADING_KINDS:
        if head.startswith(words):
            return kind
    if any(h.startswith("Vragen en opmerkingen van de leden") for h in headings):
        return "verslag"
    if "schriftelijk overleg" in body_start or "onderstaande fracties" in body_start:
        return "verslag"
    return "brief" if recipient or not heading else "document"


def sender_of(roles: list[str], heading: str | None, body_start: str) -> str | None:
    """Who sent the letter: the first signatory's role, else a committee named at the start."""
    if _HEADING_PREFIX.sub("", (heading or "").upper().lstrip()).startswith("MOTIE") or (
        roles and roles[0] == "Indiener"
    ):
        return None  # a motie has movers (its signatories), not a sender
    if roles and roles[0]:
        role = re.sub(r"^(?:De|Het)\s+", "", roles[0], flags=re.IGNORECASE)
        return role + (f" +{len(roles) - 1}" if len(roles) > 1 else "")
    if roles:
        return None
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
    for pattern in (_TOPIC, _OBJECT, _RECEIVE):
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
    candidates += [h for h in headings[:1] if h.lower().rstrip(":") not in _GENERIC_HEADINGS]
    candidates.append(sentence)
    for candidate in candidates:
        title = _shorten(candidate)
        if any(c.isalnum() for c in title):
            return title
    return "Untitled letter"
