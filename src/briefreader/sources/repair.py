"""Text repair after extraction: accents split from their letters, Word's symbol bullets.

PDF extractors write a letter whose accent the font draws separately as the letter plus a
spacing accent (`Kostic´`, `Yes¸ilgöz`); Word's Symbol-font bullets come as private-use
characters (U+F0B7) that the cleaner would drop, losing the list.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["repair_text"]

# spacing accent -> combining accent
_COMBINING = {
    "\u00b4": "\u0301",  # acute
    "\u02ca": "\u0301",
    "\u0060": "\u0300",  # grave
    "\u02cb": "\u0300",
    "\u00b8": "\u0327",  # cedilla
    "\u02c7": "\u030c",  # caron
    "\u02d8": "\u0306",  # breve
    "\u02db": "\u0328",  # ogonek
    "\u02dd": "\u030b",  # double acute
    "\u02da": "\u030a",  # ring
    "\u00a8": "\u0308",  # diaeresis
    "\u02c6": "\u0302",  # circumflex
    "\u02dc": "\u0303",  # tilde
}
# An acute or grave between two letters is more often a typed apostrophe (`zo´n`) than an
# accent; the other accents never stand for anything but themselves.
_APOSTROPHE_LIKE = frozenset("\u00b4\u02ca\u0060\u02cb")
_SPLIT_ACCENT = re.compile(f"([^\\W\\d_])([{''.join(_COMBINING)}])(?=([^\\W\\d_])?)")
# Symbol / Wingdings bullets as Word writes them into a PDF's text layer
_BULLETS = re.compile("^[ \t]*[\uf0b7\uf0a7\uf0d8\uf076\uf0fc\uf0a8\uf06e\uf0a1][ \t]*", re.M)


def _accent(m: re.Match[str]) -> str:
    letter, mark, after = m.group(1), m.group(2), m.group(3)
    if after and mark in _APOSTROPHE_LIKE:
        return m.group(0)
    composed = unicodedata.normalize("NFC", letter + _COMBINING[mark])
    return composed if len(composed) == 1 else m.group(0)


def repair_text(text: str) -> str:
    """`text` with split accents rejoined and Word bullets as `• ` list items."""
    if any(mark in text for mark in _COMBINING):
        text = _SPLIT_ACCENT.sub(_accent, text)
    return _BULLETS.sub("• ", text)
