"""Words kerned apart in a PDF put together again (`Inf rastructuur`, `Kamers tuknummer`).

PDFium inserts a space wherever glyphs stand further apart than it expects, and Word's
kerning sometimes puts letters of one word that far apart. The PDF reader marks each space
PDFium made up over a narrow gap with `KERN`; `unkern` decides each, once the whole text is
known: digits and lone capitals join (`2 5 15 XP`, `I E NW`); a run of pieces, one of them
no word, joins when the whole is a word (Dutch, or written whole elsewhere in the document)
or a compound of two words split elsewhere than at the marks (`T us senrapportage` is
`tussen` + `rapportage`);
otherwise a pair joins when the whole is about as common as its rarer half and that half is
no common word itself (`op en` stays apart though `open` is a word). A function word on
either side keeps the space (`verordening en`, not `verordeningen`).
"""

from __future__ import annotations

import re
from collections import Counter

from briefreader.parsing.hyphens import zipf
from briefreader.parsing.lines import FUNCTION_WORDS

__all__ = ["KERN", "unkern"]

KERN = "\ue010"
_CHAIN = re.compile(f"\\w+(?:{KERN}\\w+)+")
_PAIR = re.compile(f"(\\w+){KERN}(?=(\\w+))")
_WORDS = re.compile(r"\w+")
_WORD, _PART = 2.0, 2.0  # Zipf frequency of a word, of each part of a compound


def _compound(word: str, marks: set[int]) -> bool:
    """Is `word` two known words of 4+ letters, split elsewhere than at the marks?"""
    for k in range(4, len(word) - 3):
        if k not in marks and zipf(word[:k]) >= _PART and zipf(word[k:]) >= _PART:
            return True
    return False


def _pair(left: str, right: str, counts: Counter[str]) -> bool:
    """Do two pieces make one word?"""
    if left.isdigit() and right.isdigit():
        return True  # `2 5 15 XP`, `3 6200`
    if len(left) == 1 and left.isupper() and right[:1].isupper():
        return True  # `I E NW`
    joined = (left + right).lower()
    if not (left.isalpha() and right.isalpha()) or len(joined) < 4:
        return False
    if left.lower() in FUNCTION_WORDS or right.lower() in FUNCTION_WORDS:
        return False  # `verordening en` is two words though `verordeningen` is one
    whole = zipf(joined)
    rare = min(zipf(left.lower()), zipf(right.lower()))
    return (whole >= _WORD or counts[joined] > 0) and whole >= rare - 1.0 and rare < 4.5


def unkern(text: str) -> str:
    """`text` with each `KERN` mark decided: removed inside a word, else a space."""
    if KERN not in text:
        return text
    counts = Counter(_WORDS.findall(text.replace(KERN, " ").lower()))

    def chain(m: re.Match[str]) -> str:
        pieces = m.group(0).split(KERN)
        whole = "".join(pieces)
        # only where a piece is no word at all is there evidence of a word kerned apart
        if (
            whole.isalpha()
            and any(zipf(p.lower()) < _WORD for p in pieces)
            and not any(p.lower() in FUNCTION_WORDS for p in pieces)
        ):
            low = whole.lower()
            marks, at = set(), 0
            for piece in pieces[:-1]:
                at += len(piece)
                marks.add(at)
            if zipf(low) >= _WORD or counts[low] > 0 or _compound(low, marks):
                return whole

        def pair(p: re.Match[str]) -> str:
            return p.group(1) if _pair(p.group(1), p.group(2), counts) else p.group(1) + " "

        # the right piece stays in place (a lookahead), so a word split twice mends in a pass
        return _PAIR.sub(pair, m.group(0)).replace(KERN, " ")

    return _CHAIN.sub(chain, text).replace(KERN, " ")
