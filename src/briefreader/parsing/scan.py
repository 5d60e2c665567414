"""Fast text scans for the parser: a pattern tried only where its fixed word is, first needles.

A regular expression that opens with a character class or a look-behind is tried at every
position of the text; `str.find` skips to a fixed word at C speed. These helpers let a rule
scan only where its pattern can start, with exactly the matches a full scan would give.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

__all__ = ["first_of", "word_matches"]


def word_matches(text: str, needle: str, pattern: re.Pattern[str]) -> Iterator[re.Match[str]]:
    """What `pattern.finditer(text)` gives for a pattern that is one character, then `needle`
    (`[Kk]amerstuk…` with the needle `amerstuk`): it is tried only one before each needle."""
    at = text.find(needle, 1)
    while at >= 0:
        m = pattern.match(text, at - 1)
        if m is None:
            at = text.find(needle, at + 1)
        else:
            yield m
            at = text.find(needle, m.end() + 1)


def first_of(text: str, needles: tuple[str, ...]) -> int:
    """Where the first of `needles` occurs in `text`, or -1."""
    found = [at for needle in needles if (at := text.find(needle)) >= 0]
    return min(found) if found else -1
