"""Line-break hyphens: which ones split a word (`transpa-`/`rantie`) and which are real.

The judge asks the document itself first (does it write the word elsewhere, joined or with a
hyphen?), then Dutch spelling (a hyphen between clashing vowels, `defensie-industrie`; before a
capital, `Minister-President`; after an acronym or a number, `EU-landen`, `29023-276`), then a
Dutch word-frequency list (wordfreq) for whether the joined form is a word. A document that
never splits a word at a line end (word-processor exports) keeps all its hyphens.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from functools import lru_cache
from itertools import compress
from operator import methodcaller

_LETTERS = re.compile(r"[^\W\d_]+")
_VOWELS = frozenset("aeiouyáéíóúàèëïöüäâêîôû")
DROP, KEEP, SPACE = "drop", "keep", "space"
# Past this size a document's words are counted once, so lookups stay linear in its size.
_COUNTER_FROM = 256 * 1024
_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
_KEEP_PREFIXES = frozenset({"ex", "oud", "niet", "vice", "loco", "adjunct", "interim"})
_SUSPENDED = frozenset({"en", "of", "tot", "dan", "als"})


@lru_cache(maxsize=1)
def _frequencies() -> dict[str, float]:
    """Dutch word frequencies from wordfreq, or an empty table when it is not installed."""
    try:
        import wordfreq
    except ImportError:  # pragma: no cover - wordfreq is a dependency; degrade, don't fail
        return {}
    table: dict[str, float] = wordfreq.get_frequency_dict("nl")
    return table


def zipf(word: str) -> float:
    """Zipf frequency of a lower-case Dutch word (0 when unknown)."""
    freq = _frequencies().get(word)
    return math.log10(freq) + 9 if freq else 0.0


_HYPHEN_END = methodcaller("endswith", "-")
_PAIR_HITS = 24  # past this many places of a word part, each form is looked for alone


def _whole(low: str, at: int, n: int) -> bool:
    """Is `low[at:at + n]` a whole word, not written across a line end?"""
    before = low[at - 1] if at else " "
    after = low[at + n] if at + n < len(low) else " "
    inner = before.isalnum() or before in "-_" or after.isalnum() or after in "-_"
    return not inner and not (before == "\n" and low[at - 2 : at] == "-\n")


class HyphenJudge:
    """Decides, for one document, how a line ending in a hyphen joins the next line."""

    def __init__(self, lines: list[str]) -> None:
        self._lines = lines
        self._low: str | None = None
        self._soft: bool | None = None
        self._counts: dict[str, int] = {}
        self._vocab: Counter[str] | None = None
        self._size = sum(map(len, lines))

    def count(self, form: str) -> int:
        """How often the document writes `form` (lower case) as a whole word, not at a line end."""
        if self._vocab is None and self._size > _COUNTER_FROM:
            self._vocab = self._count_all()
        if self._vocab is not None:
            return self._vocab[form]
        if form not in self._counts:
            low, n, hits = self._lower(), len(form), 0
            at = low.find(form)
            while at >= 0:
                if _whole(low, at, n):
                    hits += 1
                at = low.find(form, at + n)
            self._counts[form] = hits
        return self._counts[form]

    def _lower(self) -> str:
        if self._low is None:
            self._low = "\n".join(self._lines).lower()
        return self._low

    def _pair_counts(self, p: str, s: str) -> tuple[int, int]:
        """`count(p + s)` and `count(p + "-" + s)` in one scan, for the longer of `p` and `s`.

        Both forms are letters (and a hyphen): a whole word of them is never inside another
        hit, so every place either form starts is found from its part and tested alone.
        """
        joined, hyphened = p + s, p + "-" + s
        anchor = p if len(p) > len(s) else s
        if (
            self._vocab is not None
            or self._size > _COUNTER_FROM
            or joined in self._counts
            or hyphened in self._counts
            or not (p.isalpha() and s.isalpha())
        ):
            return self.count(joined), self.count(hyphened)
        low = self._lower()
        # where each form starts, relative to where the anchor starts
        shifts = (0, 0) if anchor is p else (len(p), len(p) + 1)
        hits = [0, 0]
        at, seen = low.find(anchor), 0
        while at >= 0:
            seen += 1
            if seen > _PAIR_HITS:
                return self.count(joined), self.count(hyphened)  # a common part: scan each
            for k, (form, shift) in enumerate(((joined, shifts[0]), (hyphened, shifts[1]))):
                start = at - shift
                if start >= 0 and low.startswith(form, start) and _whole(low, start, len(form)):
                    hits[k] += 1
            at = low.find(anchor, at + 1)
        self._counts[joined], self._counts[hyphened] = hits
        return hits[0], hits[1]

    def _count_all(self) -> Counter[str]:
        vocab: Counter[str] = Counter()
        after_hyphen = False
        for text in self._lines:
            words = _WORD.findall(text.lower())
            hyphen = text.endswith("-")
            vocab.update(words[1 if after_hyphen else 0 : -1 if hyphen else None])
            after_hyphen = hyphen
        return vocab

    @property
    def soft(self) -> bool:
        """Does the document split plain words at line ends (soft hyphenation)?"""
        if self._soft is None:
            lines = self._lines
            ends = list(compress(range(len(lines) - 1), map(_HYPHEN_END, lines[:-1])))
            # A word-processor export never splits a plain word at a line end; with only a
            # hyphen or two there is no telling, and typeset letters are the common case.
            self._soft = len(ends) < 3 or any(
                self._obvious_split(lines[i], lines[i + 1]) for i in ends
            )
        return self._soft

    def _parts(self, left: str, right: str) -> tuple[str, str]:
        head = _LETTERS.findall(left.rsplit(" ", 1)[-1])
        tail = _LETTERS.match(right.lstrip())
        return (head[-1] if head else "", tail.group(0) if tail else "")

    def _obvious_split(self, left: str, right: str) -> bool:
        prefix, suffix = self._parts(left, right)
        if prefix.lower() in _KEEP_PREFIXES:
            return False
        if not prefix or not suffix or not prefix.islower() or not suffix.islower():
            return False
        if not left[:-1].endswith(prefix):
            return False
        p, s = prefix.lower(), suffix.lower()
        return (zipf(p) < 1.5 and not self.count(p)) or (zipf(s) < 1.5 and not self.count(s))

    def join(self, left: str, right: str) -> str:
        """`left` (ending in a hyphen) and `right` as one line, hyphen kept or removed."""
        mode = self.mode(left, right)
        if mode == DROP:
            return left[:-1] + right
        return left + (" " if mode == SPACE else "") + right

    def mode(self, left: str, right: str) -> str:
        """How `left`, ending in a hyphen, joins `right`: `DROP`, `KEEP` or `SPACE` it."""
        token = left.rsplit(" ", 1)[-1][:-1]
        first = right.split(" ", 1)[0]
        core = token.lstrip("(«“‘\"'[")
        if not core or not core[-1].isalpha():
            return KEEP  # 29023-276, «militair-technisch»-antwoord
        if "://" in token or token.startswith("www.") or "/" in token:
            return KEEP  # a URL keeps its hyphen and takes no space
        if first.rstrip(",.;:") in _SUSPENDED:
            return SPACE  # EU- en NAVO-partners
        if not first or not first[0].isalpha() or first[0].isupper():
            return KEEP  # Minister-President, Noord-Atlantische
        prefix, suffix = self._parts(left, right)
        if prefix.lower() in _KEEP_PREFIXES:
            return KEEP  # ex-minister, oud-minister, niet-militaire
        if not prefix or (not prefix.islower() and sum(map(str.isupper, prefix)) >= 2):
            return KEEP  # EU-landen, NAVO-bondgenoten
        return DROP if self._split(prefix, suffix) else KEEP

    def _split(self, prefix: str, suffix: str) -> bool:
        """True when the hyphen between `prefix` and `suffix` only breaks the line."""
        p, s = prefix.lower(), suffix.lower()
        joined = p + s
        in_doc_joined, in_doc_hyphened = self._pair_counts(p, s)
        if in_doc_joined != in_doc_hyphened:
            return in_doc_joined > in_doc_hyphened
        zj = zipf(joined)
        if zj >= 1.5:
            return True  # the joined form is a Dutch word
        if not self.soft:
            return False
        word_p = zipf(p) >= 2.0 or self.count(p) > 0
        word_s = zipf(s) >= 2.0 or self.count(s) > 0
        # defensie-industrie, energie-infrastructuur: two words whose vowels clash keep it
        clash = p[-1] in _VOWELS and s[0] in _VOWELS
        return not (word_p and word_s and zj < 2.0 and clash)
