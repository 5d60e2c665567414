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


_VOWELS = set("aeiouy")


def _stems(word: str) -> set[str]:
    """What `word` may be an inflection of: itself, and itself without a Dutch ending."""
    out = {word}
    # Not `-t` (`steunt`): `staat`/`staan`, `kabinet`/`kabine` are different words.
    for ending, keep in (("heden", "heid"), ("en", ""), ("s", ""), ("e", "")):
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            out.add(word[: -len(ending)] + keep)
    for stem in list(out - {word}):
        last = stem[-1]
        if len(stem) >= 4 and last == stem[-2] and last not in _VOWELS:
            out.add(stem[:-1])  # kabinett(en) -> kabinet
        if last in "vz":
            out.add(stem[:-1] + ("f" if last == "v" else "s"))  # briev(en) -> brief
        if len(stem) >= 3 and stem[-2] in _VOWELS and stem[-3] not in _VOWELS:
            out.add(stem[:-1] + stem[-2] + last)  # stat(en) -> staat
    return out


def word_forms(word: str) -> set[str]:
    """Dutch inflections of `word` and what it inflects: `reisadvies` ↔ `reisadviezen`,
    `brief` ↔ `brieven`, `sanctie` ↔ `sancties`, `kabinet` ↔ `kabinetten`, `staat` ↔
    `staten`, `militair` ↔ `militaire`. Generated, not guessed: the caller keeps only the
    forms its vocabulary has.
    """
    if len(word) < 3 or not word.isalpha():
        return {word}
    out: set[str] = set()
    for base in _stems(word):
        out |= {base, base + "en", base + "s", base + "e", base + "n"}
        last = base[-1]
        if last not in _VOWELS:
            out.add(base + last + "en")  # kabinet -> kabinetten
            if len(base) >= 4 and base[-2] == base[-3] and base[-2] in _VOWELS:
                out |= {base[:-2] + last + "en", base[:-2] + last + "e"}  # staten, rode
        if last in "fs":
            out.add(base[:-1] + ("ven" if last == "f" else "zen"))  # brief -> brieven
        if base.endswith("heid"):
            out.add(base[:-4] + "heden")
    return out
