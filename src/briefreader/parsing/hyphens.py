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

_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
_LETTERS = re.compile(r"[^\W\d_]+")
_VOWELS = frozenset("aeiouyáéíóúàèëïöüäâêîôû")
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


class HyphenJudge:
    """Decides, for one document, how a line ending in a hyphen joins the next line."""

    def __init__(self, lines: list[str]) -> None:
        self.vocab: Counter[str] = Counter()
        splits = 0
        for text in lines:
            words = _WORD.findall(text)
            if text.endswith("-") and words:
                words = words[:-1]
            self.vocab.update(w.lower() for w in words)
        for i, text in enumerate(lines[:-1]):
            if text.endswith("-") and self._obvious_split(text, lines[i + 1]):
                splits += 1
        # Without a single plain word split the document does not hyphenate at line ends.
        self.soft = splits > 0

    def _parts(self, left: str, right: str) -> tuple[str, str]:
        head = _LETTERS.findall(left.rsplit(" ", 1)[-1])
        tail = _LETTERS.match(right.lstrip())
        return (head[-1] if head else "", tail.group(0) if tail else "")

    def _obvious_split(self, left: str, right: str) -> bool:
        prefix, suffix = self._parts(left, right)
        if not prefix or not suffix or not prefix.islower() or not suffix.islower():
            return False
        if not left[:-1].endswith(prefix):
            return False
        return (zipf(prefix) < 1.5 and prefix not in self.vocab) or (
            zipf(suffix) < 1.5 and suffix not in self.vocab
        )

    def join(self, left: str, right: str) -> str:
        """`left` (ending in a hyphen) and `right` as one line, hyphen kept or removed."""
        token = left.rsplit(" ", 1)[-1][:-1]
        first = right.split(" ", 1)[0]
        core = token.lstrip("(«“‘\"'[")
        if not core or not core[-1].isalpha():
            return left + right  # 29023-276, «militair-technisch»-antwoord
        if "://" in token or token.startswith("www.") or "/" in token:
            return left + right  # a URL keeps its hyphen and takes no space
        if first.rstrip(",.;:") in _SUSPENDED:
            return left + " " + right  # EU- en NAVO-partners
        if not first or not first[0].isalpha() or first[0].isupper():
            return left + right  # Minister-President, Noord-Atlantische
        prefix, suffix = self._parts(left, right)
        if sum(c.isupper() for c in prefix) >= 2 or not prefix:
            return left + right  # EU-landen, NAVO-bondgenoten
        return left[:-1] + right if self._split(prefix, suffix) else left + right

    def _split(self, prefix: str, suffix: str) -> bool:
        """True when the hyphen between `prefix` and `suffix` only breaks the line."""
        p, s = prefix.lower(), suffix.lower()
        joined, hyphened = p + s, p + "-" + s
        in_doc_joined, in_doc_hyphened = self.vocab[joined], self.vocab[hyphened]
        if in_doc_joined != in_doc_hyphened:
            return in_doc_joined > in_doc_hyphened
        zj = zipf(joined)
        if zj >= 3.0:
            return True
        if not self.soft:
            return False
        word_p = zipf(p) >= 2.0 or p in self.vocab
        word_s = zipf(s) >= 2.0 or s in self.vocab
        # defensie-industrie, energie-infrastructuur: two words whose vowels clash keep it
        clash = p[-1] in _VOWELS and s[0] in _VOWELS
        return not (word_p and word_s and zj < 2.0 and clash)
