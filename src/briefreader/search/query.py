"""What a search query means: words and quoted phrases, or a document reference.

`parse_query('reisadvies "rode lijn" Oekraïne')` gives the units every hit must contain
(AND): single words, matched with typo and word-form tolerance, and phrases in double quotes,
matched word for word. `parse_reference()` recognises a Kamerstuk reference in the forms
users type (`36045-151`, `36 045, nr. 151`, `Kamerstuk 21 501-02, nr. 2446`, `21501-02-2446`).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Container, Iterable, Mapping
from dataclasses import dataclass

from briefreader.search.normalize import WORD, normalize


@dataclass(frozen=True, slots=True)
class Unit:
    """One thing a hit must contain: a word (fuzzy) or a quoted phrase (exact words)."""

    words: tuple[str, ...]
    phrase: bool = False
    # Also matched as these words in sequence: a dossier number `36045` as written, `36 045`.
    alt: tuple[str, ...] = ()
    # Typed in capitals (`NAVO`, `EU`): an acronym, matched as a whole word only.
    acronym: bool = False

    def possible(self, allowed: Mapping[str, float], vocabulary: Container[str]) -> bool:
        """Whether any text with this vocabulary can hold the unit (`allowed`: its matches)."""
        if self.phrase:
            return all(w in vocabulary for w in self.words)
        return bool(allowed) or bool(self.alt and all(w in vocabulary for w in self.alt))


def is_acronym(typed: str) -> bool:
    """Whether a word as typed is an acronym: two to five capitals (`EU`, `NAVO`, `UNHCR`).

    A short acronym is one or two edits from many Dutch words and begins long ones (`NAVO`,
    `navolging`); typed in capitals, it means the word itself."""
    return 2 <= len(typed) <= 5 and typed.isalpha() and typed.isupper()


def _words(typed: str) -> list[Unit]:
    """The word units of a stretch of query as typed (not in quotes)."""
    units = []
    for raw in WORD.findall(typed):
        acronym = is_acronym(raw)
        for word in WORD.findall(normalize(raw)):
            if len(word) == 5 and word.isdigit():
                # a dossier number also matches as printed, `36 045`
                units.append(Unit((word,), alt=(word[:2], word[2:])))
            else:
                units.append(Unit((word,), acronym=acronym))
    return units


@dataclass(frozen=True, slots=True)
class Query:
    """A parsed query: its units in the order typed, and its normalised words."""

    units: tuple[Unit, ...]

    @property
    def text(self) -> str:
        """The normalised words of the query joined by spaces (for whole-query scoring)."""
        return " ".join(w for u in self.units for w in u.words)


_QUOTED = re.compile(r'"([^"]*)"?')


def parse_query(query: str) -> Query:
    """Split a query into units; an unclosed quote runs to the end (the user is typing)."""
    units: list[Unit] = []
    pos = 0
    # As typed (capitals tell an acronym); each part is normalised on its own.
    typed = query.replace("\u201c", '"').replace("\u201d", '"').replace("\u201e", '"')
    for m in _QUOTED.finditer(typed):
        units += _words(typed[pos : m.start()])
        phrase = tuple(WORD.findall(normalize(m.group(1))))
        if phrase:  # quoted means exact, one word or several
            units.append(Unit(phrase, phrase=True))
        pos = m.end()
    units += _words(typed[pos:])
    # A word typed twice asks for nothing more than once.
    seen: set[Unit] = set()
    unique = [u for u in units if not (u in seen or seen.add(u))]  # type: ignore[func-returns-value]
    return Query(tuple(unique))


@dataclass(frozen=True, slots=True, order=True)
class Reference:
    """A Kamerstuk reference: dossier digits (`21501`), sub-number or letter, document nr."""

    dossier: str
    sub: str
    number: str

    def __str__(self) -> str:
        head = f"{self.dossier[:-3]} {self.dossier[-3:]}"
        if self.sub:
            head += f"-{self.sub}" if self.sub.isdigit() else f" {self.sub}"
        return f"Kamerstuk {head}, nr. {self.number}"

    @property
    def dossier_key(self) -> tuple[str, str]:
        """The dossier alone (`("21501", "02")`)."""
        return (self.dossier, self.sub)


_REFERENCE = re.compile(
    r"^\s*(?:kamerstuk(?:ken)?[\s:]*)?"
    r"(?P<dossier>\d{2}\s?\d{3})"
    r"(?:[\s-]*(?P<sub>\d{1,3}|[a-z]{1,5})(?=[\s,-]))?"
    r"\s*[,-]?\s*(?:(?:nr|no|nummer)\.?\s*)?"
    r"(?P<number>\d{1,5})\.?\s*$"
)


def parse_reference(text: str) -> Reference | None:
    """The Kamerstuk reference that `text` is, or None when it is something else."""
    m = _REFERENCE.match(normalize(text))
    if m is None:
        return None
    if m.group("number").startswith("0"):
        return None  # `21501-02`: a dossier and its part, no document number
    sub = (m.group("sub") or "").upper()
    if sub in ("NR", "NO"):  # `36045 nr 151`: the number marker, not a sub-dossier
        sub = ""
    if sub.isdigit():
        sub = sub.zfill(2)
    return Reference(m.group("dossier").replace(" ", ""), sub, str(int(m.group("number"))))


def own_dossier(references: Iterable[str]) -> tuple[str, str] | None:
    """The dossier a letter belongs to: the one it cites most often (ties: the first cited).

    Letters as published carry their own number (`Nr. 151`) but seldom their dossier, while
    they cite earlier documents of that same dossier; so `36045-151` names the letter that is
    `Nr. 151` and cites dossier 36 045 more than any other.
    """
    counts: Counter[tuple[str, str]] = Counter()
    first: dict[tuple[str, str], int] = {}
    for i, ref in enumerate(references):
        parsed = parse_reference(ref)
        if parsed is not None:
            counts[parsed.dossier_key] += 1
            first.setdefault(parsed.dossier_key, i)
    if not counts:
        return None
    return max(counts, key=lambda k: (counts[k], -first[k]))


def letter_number(number: str | None) -> str | None:
    """A letter's own number (`Nr. 151` → `151`), or None."""
    if not number:
        return None
    m = re.search(r"\d+", number)
    return str(int(m.group())) if m else None
