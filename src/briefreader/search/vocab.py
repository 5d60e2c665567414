"""The vocabulary of a body of letters, and what each query word may match in it.

A query word matches the words of the text that are the word itself, forms of it
(`reisadviezen` for `reisadvies`), near misses within a typo budget that grows with the word's
length (`sanktie` → `sanctie`, `Olongren` → `Ollongren`), forms of those near misses, and
words it begins (`reisadv` → `reisadvies`, as the user types; `sanctie` → `sanctiepakket`,
a Dutch compound). An acronym typed in capitals (`NAVO`) matches only itself and its plural
(`NAVOs`; `NAVO's` and `NAVO-top` hold the word itself): never a near miss or a longer word
it begins (`navolging`). Each match carries a quality in (0, 1] that ranking uses. rapidfuzz
computes the edit distances, over the words of similar length with the same first letter.
"""

from __future__ import annotations

import bisect
import heapq
from collections.abc import Mapping

from rapidfuzz import process
from rapidfuzz.distance import OSA

from briefreader.search.normalize import typo_budget, word_forms

EXACT = 1.0
FORM = 0.9
TYPO = (1.0, 0.82, 0.7)  # by edit distance
TYPO_FORM = 0.72
PREFIX = 0.6
MAX_PREFIX_TERMS = 40
MAX_TYPO_TERMS = 24


class Vocabulary:
    """Distinct normalised words with the number of blocks each occurs in."""

    def __init__(self, counts: Mapping[str, int]) -> None:
        self.counts = dict(counts)
        self.sorted = sorted(self.counts)  # cheap: the index hands them over in order
        # Typos rarely hit the first letter (as spelling correctors find); looking only at
        # words that start like the query word makes the typo search ~20 times cheaper.
        # The words of one first letter by length, made when a query word first needs them
        # (all of them up front cost 10 ms at 100,000 letters: a one-off search needs two).
        self._by_length: dict[str, dict[int, list[str]]] = {}

    def _bucket(self, first: str, length: int) -> list[str]:
        """The words that begin with `first` (one character) and are `length` long."""
        if not first:
            return []
        lengths = self._by_length.get(first)
        if lengths is None:  # made whole before it is shared: searches run on threads
            lengths = {}
            for term in self.with_prefix(first):
                lengths.setdefault(len(term), []).append(term)
            self._by_length[first] = lengths
        return lengths.get(length, [])

    def __len__(self) -> int:
        return len(self.counts)

    def with_prefix(self, prefix: str) -> list[str]:
        """Every word that begins with `prefix`."""
        lo = bisect.bisect_left(self.sorted, prefix)
        hi = bisect.bisect_left(self.sorted, prefix + "\U0010ffff", lo)
        return self.sorted[lo:hi]

    def near(self, word: str, budget: int) -> list[tuple[str, int]]:
        """Words within `budget` edits of `word` (transpositions count one), closest first.

        Only words with the same first letter are considered (see `__init__`).
        """
        pool: list[str] = []
        for n in range(len(word) - budget, len(word) + budget + 1):
            pool += self._bucket(word[:1], n)
        found = process.extract(word, pool, scorer=OSA.distance, score_cutoff=budget, limit=None)
        found.sort(key=lambda t: (t[1], -self.counts.get(t[0], 0)))
        return [(term, int(dist)) for term, dist, _ in found[:MAX_TYPO_TERMS]]

    def expand(self, word: str, acronym: bool = False, prefix: bool = True) -> dict[str, float]:
        """The words `word` may match here, each with its match quality."""
        if acronym:
            found = {word: EXACT, word + "s": FORM}
            return {t: q for t, q in found.items() if t in self.counts}
        out: dict[str, float] = {}

        def put(term: str, quality: float) -> None:
            if quality > out.get(term, 0.0):
                out[term] = quality

        budget = typo_budget(word)
        if word in self.counts:
            put(word, EXACT)
            # A word the letters use is more likely meant than a typo; allow only one edit.
            budget = min(budget, 1)
        bases = [word]
        if budget:
            for term, dist in self.near(word, budget):
                if dist:
                    put(term, TYPO[dist])
                    if dist == 1:  # forms of a distant guess would drift too far
                        bases.append(term)
        for base in bases:
            for term in word_forms(base):
                if term != base and term in self.counts:
                    put(term, FORM if base == word else TYPO_FORM)
        if prefix and len(word) >= 3 and not word.isdigit():
            # compounds that begin with the word, or with its one-edit correction
            # (`stikstf` finds `stikstofregels` as `stikstof` does)
            for base in bases:
                longer = [t for t in self.with_prefix(base) if t != base]
                best = heapq.nlargest(MAX_PREFIX_TERMS, longer, key=self.counts.__getitem__)
                for term in best:
                    put(term, PREFIX if base == word else min(PREFIX, TYPO_FORM))
        return out
