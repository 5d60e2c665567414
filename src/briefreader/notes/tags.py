"""Tags: the one rule for what a tag is, whether typed in the dialog or handed to the store.

A tag is trimmed, its inner whitespace collapsed, without a leading `#`; blanks are dropped
and a repeat (ignoring case) keeps the first spelling. `parse_tags` reads what the user typed
(`defensie, oekraïne` or `#defensie #oekraïne`); `clean_tags` applies the rule to a list.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_TAG_SPLIT = re.compile(r"[,;]")


def clean_tags(tags: Iterable[str]) -> tuple[str, ...]:
    """Tags as the user means them: trimmed, without a leading '#', no blanks, and no
    repeats (ignoring case: the first spelling wins)."""
    kept: dict[str, str] = {}
    for raw in tags:
        tag = " ".join(raw.split()).lstrip("#").strip()
        if tag:
            kept.setdefault(tag.casefold(), tag)
    return tuple(kept.values())


def parse_tags(typed: str) -> tuple[str, ...]:
    """Tags as typed in the dialog: separated by commas (or `#` words), cleaned as above.

    `defensie, oekraïne` and `#defensie #oekraïne` both give two tags; a tag may hold
    spaces when commas separate them (`Tweede Kamer, NAVO`)."""
    pieces: list[str] = []
    for part in _TAG_SPLIT.split(typed):
        words = part.split()
        if len(words) > 1 and all(w.startswith("#") for w in words):
            pieces += words
        else:
            pieces.append(" ".join(words))
    return clean_tags(pieces)


def tags_text(tags: Iterable[str]) -> str:
    """Tags as the dialog shows them for editing (`parse_tags` reads this back)."""
    return ", ".join(tags)


def unique_tags(tags: Iterable[str]) -> tuple[str, ...]:
    """Distinct tags sorted without regard to case (one spelling of each)."""
    return clean_tags(sorted(set(tags), key=lambda t: (t.casefold(), t)))
