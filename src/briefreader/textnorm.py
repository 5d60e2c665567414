"""Text normalisation shared by the search index and every query: casefold, no accents.

`normalize()` is the one function that decides when two spellings are "the same" for search
(`Oekraïne` = `oekraine`, `coöperatie` = `cooperatie`). The index stores normalised text and
queries are normalised the same way, so the two can never disagree. `normalize_with_map()`
also says, for each normalised character, which original character it came from, so that a
match found in normalised text can be highlighted in the text as written.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

# Combining marks left by NFKD decomposition: the accents we drop.
_COMBINING = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")
# A word for search: letters and digits; everything else (punctuation, `_`) separates.
WORD = re.compile(r"[^\W_]+")
NORM_VERSION = 1


def normalize(text: str) -> str:
    """`text` casefolded with its diacritics removed (`Coöperatie` → `cooperatie`)."""
    if text.isascii():
        return text.lower()
    return _COMBINING.sub("", unicodedata.normalize("NFKD", text.casefold()))


def _norm_char(ch: str, cache: dict[str, str] = {}) -> str:  # noqa: B006 - a deliberate memo
    out = cache.get(ch)
    if out is None:
        out = cache[ch] = normalize(ch)
    return out


_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def normalize_with_map(text: str) -> tuple[str, list[int]]:
    """`normalize(text)` and, per character of it, the index of its source character."""
    if text.isascii():
        return text.lower(), list(range(len(text)))
    if all(len(_norm_char(ch)) == 1 for ch in set(_NON_ASCII.findall(text))):
        # Every character stays one character (`ï` → `i`): the map is the identity.
        return normalize(text), list(range(len(text)))
    parts: list[str] = []
    where: list[int] = []
    for i, ch in enumerate(text):
        n = _norm_char(ch)
        parts.append(n)
        where.extend([i] * len(n))
    return "".join(parts), where


def words(norm: str) -> Iterator[tuple[str, int, int]]:
    """The words of normalised text as (word, start, end) character offsets."""
    for m in WORD.finditer(norm):
        yield m.group(), m.start(), m.end()


def word_list(text: str) -> list[str]:
    """The normalised words of `text`, in order."""
    return WORD.findall(normalize(text))


def typo_budget(word: str) -> int:
    """How many edits a query word may be off by: more for longer words, none for numbers."""
    # Four letters or fewer: one edit turns most short Dutch words into another real word.
    if any(ch.isdigit() for ch in word) or len(word) <= 4:
        return 0
    if len(word) <= 7:
        return 1
    return 2


def wordform_prefix(word: str) -> int:
    """How long a prefix every form of `word` shares with it (see `is_wordform`)."""
    return max(4, len(word) - 3)


def is_wordform(query: str, term: str) -> bool:
    """Whether `term` is an inflected form of `query`.

    Dutch inflects at the end (`reisadvies`/`reisadviezen`, `brief`/`brieven`,
    `sanctie`/`sancties`), so two words that share a prefix of at least four letters, and
    all but the last two letters of the shorter one, and differ in at most three letters
    after that prefix, are taken as forms of one word.
    """
    common = 0
    limit = min(len(query), len(term))
    while common < limit and query[common] == term[common]:
        common += 1
    return (
        common >= 4 and common >= limit - 2 and len(query) - common <= 3 and len(term) - common <= 3
    )
