"""Scoring one block of text against a query: where it matches, how well, and a snippet.

A `Matcher` holds a parsed query with, for each word, the vocabulary words it may match
(from `searchvocab`). `Matcher.score()` finds every unit of the query in a block's normalised
words and scores the block: how exact the matched words are, how close together they stand
(the smallest window holding all of them), whether they stand in the typed order and how
much that window reads like the query (rapidfuzz), and what kind of block it is (a title or
heading that matches beats a paragraph that merely mentions). `Matcher.locate()` then maps
the matches back to the text as written, for highlighting and the snippet.
"""

from __future__ import annotations

import bisect
import datetime as dt
import math
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from rapidfuzz import fuzz

from briefreader.search.normalize import WORD, normalize, normalize_with_map
from briefreader.search.query import Query
from briefreader.search.vocab import Vocabulary

if TYPE_CHECKING:  # only the index and the reader's n / N cut letters into blocks
    from briefreader.model import Letter

# What a hit is in: the one list of kinds. The index stores a kind as its place in `KINDS`,
# so new kinds go at the end.
HitKind = Literal["paragraph", "heading", "title", "footnote", "signatory", "note"]
KINDS: tuple[HitKind, ...] = ("paragraph", "heading", "title", "footnote", "signatory", "note")
KIND_WEIGHT: dict[HitKind, float] = {
    "title": 1.0,
    "heading": 0.9,
    "note": 0.8,
    "paragraph": 0.6,
    "signatory": 0.5,
    "footnote": 0.45,
}
SNIPPET = 160
SHOWN = (7, 15)  # about the words a snippet shows before and after its window


@dataclass(frozen=True, slots=True)
class Hit:
    """One search result: where it is, how good it is, and what to show and highlight.

    `spans` are character offsets in the text that matched: the paragraph for kind
    "paragraph", the section heading for "heading", the letter title for "title", the
    footnote's text for "footnote" (number in `footnote`; `paragraph_index` is then the
    paragraph that cites it, or -1), "Role, Name" for "signatory" (the closing block;
    `paragraph_index` -1) and the note for "note" (annotation id in `note_id`).
    """

    letter_id: str
    title: str
    date: dt.date | None
    section_index: int
    section_title: str | None
    paragraph_index: int
    kind: HitKind
    score: float
    snippet: str
    spans: tuple[tuple[int, int], ...]
    snippet_spans: tuple[tuple[int, int], ...]
    footnote: int | None = None
    note_id: str | None = None
    source: str | None = None  # the document's file and official id: `with_documents`
    identifier: str | None = None

    def to_json(self) -> dict[str, object]:
        """The `search --json` object of DESIGN.md, plus kind, spans and the rest."""
        return {
            "letter": self.letter_id,
            "source": self.source,
            "identifier": self.identifier,
            "title": self.title,
            "date": self.date.isoformat() if self.date else None,
            "section": self.section_title,
            "section_index": self.section_index,
            "paragraph_index": self.paragraph_index,
            "score": round(self.score, 2),
            "snippet": self.snippet,
            "kind": self.kind,
            "spans": [list(s) for s in self.spans],
            "snippet_spans": [list(s) for s in self.snippet_spans],
            "footnote": self.footnote,
            "note_id": self.note_id,
        }


@dataclass(frozen=True, slots=True)
class Located:
    """Where a query matched in a text as written: spans and a snippet with its spans."""

    spans: tuple[tuple[int, int], ...]
    snippet: str
    snippet_spans: tuple[tuple[int, int], ...]


def make_hit(
    kind: HitKind,
    found: Located,
    score: float,
    *,
    letter_id: str,
    title: str,
    date: dt.date | None,
    section_index: int = 0,
    section_title: str | None = None,
    paragraph_index: int = -1,
    footnote: int | None = None,
    note_id: str | None = None,
) -> Hit:
    """The one way a `Hit` is made: where it is, how good, and what `found` says to show.

    A title hit stands above the sections, so it never names one."""
    return Hit(
        letter_id=letter_id,
        title=title,
        date=date,
        section_index=section_index,
        section_title=None if kind == "title" else section_title,
        paragraph_index=paragraph_index,
        kind=kind,
        score=score,
        snippet=found.snippet,
        spans=found.spans,
        snippet_spans=found.snippet_spans,
        footnote=footnote,
        note_id=note_id,
    )


# An occurrence: (first word index, last word index, unit index, quality).
Occurrence = tuple[int, int, int, float]


class Matcher:
    """A query with each word's allowed matches; scores and locates blocks of text."""

    def __init__(self, query: Query, expansions: list[dict[str, float]]) -> None:
        # expansions[i] serves unit i when it is a single word; phrases match exactly.
        self.query = query
        self.expansions = expansions

    def _occurrences(self, toks: list[str]) -> list[Occurrence] | None:
        found: list[Occurrence] = []
        for ui, unit in enumerate(self.query.units):
            before = len(found)
            if unit.phrase:
                n = len(unit.words)
                first = unit.words[0]
                for i, tok in enumerate(toks):
                    if tok == first and tuple(toks[i : i + n]) == unit.words:
                        found.append((i, i + n - 1, ui, 1.0))
            else:
                allowed = self.expansions[ui]
                found += [(i, i, ui, allowed[t]) for i, t in enumerate(toks) if t in allowed]
                if unit.alt:
                    n = len(unit.alt)
                    found += [
                        (i, i + n - 1, ui, 1.0)
                        for i, t in enumerate(toks)
                        if t == unit.alt[0] and tuple(toks[i : i + n]) == unit.alt
                    ]
            if len(found) == before:
                return None
        found.sort()
        return found

    def _window(self, occ: list[Occurrence]) -> tuple[int, int]:
        """The best run of words holding one occurrence of every unit: the smallest (two
        pointers); of equally small ones, the one in the typed order, in the densest cluster
        of matches (what the snippet then shows), with exact matches, the first."""
        need = len(self.query.units)
        have: dict[int, int] = {}
        best: tuple[tuple[float, ...], tuple[int, int]] | None = None
        starts = [o[0] for o in occ]
        lo = 0
        for hi in range(len(occ)):
            have[occ[hi][2]] = have.get(occ[hi][2], 0) + 1
            while len(have) == need:
                inside = occ[lo : hi + 1]
                start, end = occ[lo][0], max(o[1] for o in inside)
                if best is None or end - start <= -best[0][0]:
                    key = (-(end - start), *self._merit(inside, starts, start, end))
                    if best is None or key > best[0]:
                        best = (key, (start, end))
                u = occ[lo][2]
                have[u] -= 1
                if not have[u]:
                    del have[u]
                lo += 1
        return best[1] if best else (occ[0][0], occ[-1][1])

    @staticmethod
    def _merit(
        inside: list[Occurrence], starts: list[int], start: int, end: int
    ) -> tuple[int, ...]:
        """How good a window is beside its size: in typed order, the matches a snippet about
        it shows (`SHOWN`), the words matched exactly, and earlier (higher is better)."""
        firsts: dict[int, int] = {}
        exact: set[int] = set()
        for first, _, ui, q in inside:
            firsts.setdefault(ui, first)
            if q >= 1.0:
                exact.add(ui)
        order = sorted(firsts, key=firsts.__getitem__)
        lo = max(0, start - SHOWN[0])  # as `make_snippet` cuts it, in words
        hi = max(end, lo + SHOWN[0] + SHOWN[1])
        shown = bisect.bisect_right(starts, hi) - bisect.bisect_left(starts, lo)
        return (int(order == sorted(order)), shown, len(exact), -start)

    def score(self, text: str, kind: HitKind) -> tuple[float, tuple[int, int]] | None:
        """The score of `text` (None when a unit is missing) and its best word window."""
        return self.score_words(WORD.findall(normalize(text)), kind)

    def score_words(self, toks: list[str], kind: HitKind) -> tuple[float, tuple[int, int]] | None:
        """`score()` of a text already split into normalised words."""
        occ = self._occurrences(toks)
        if occ is None:
            return None
        best_q: dict[int, float] = {}
        for _, _, ui, q in occ:
            best_q[ui] = max(q, best_q.get(ui, 0.0))
        quality = sum(best_q.values()) / len(best_q)
        start, end = self._window(occ)
        inside = [o for o in occ if start <= o[0] and o[1] <= end]
        width: dict[int, int] = {}
        for first, last, ui, _ in inside:  # words each unit takes up (`36 045` takes two)
            width[ui] = min(last - first + 1, width.get(ui, 1 << 30))
        needed = sum(width.values())
        closeness = min(1.0, needed / (end - start + 1))
        window = " ".join(toks[start : end + 1])
        likeness = fuzz.ratio(self.query.text, window) / 100 if len(self.query.units) > 1 else 1.0
        order = [o[2] for o in inside]
        in_order = 1.0 if order == sorted(order) else 0.0
        density = min(1.0, math.log1p(len(occ)) / math.log1p(8))
        brevity = 1.0 / (1.0 + len(toks) / 400)
        score = 100 * (
            0.40 * quality
            + 0.22 * closeness
            + 0.10 * likeness
            + 0.05 * in_order
            + 0.13 * KIND_WEIGHT[kind]
            + 0.05 * density
            + 0.05 * brevity
        )
        return score, (start, end)

    def locate(self, text: str, window: tuple[int, int]) -> Located:
        """Spans of every match in `text` as written, and a snippet around `window`."""
        norm, where = normalize_with_map(text)
        bounds = [m.span() for m in WORD.finditer(norm)]
        occ = self._occurrences([norm[s:e] for s, e in bounds]) or []
        spans = sorted({(where[bounds[a][0]], where[bounds[b][1] - 1] + 1) for a, b, _, _ in occ})
        last = len(bounds) - 1  # the window came from the same words; clamp all the same
        w_start = where[bounds[min(window[0], last)][0]] if bounds else 0
        w_end = where[bounds[min(window[1], last)][1] - 1] + 1 if bounds else 0
        snippet, lo, hi = make_snippet(text, w_start, w_end)
        shift = lo - (1 if lo > 0 else 0)  # the leading `…`
        inside = tuple((s - shift, e - shift) for s, e in spans if s >= lo and e <= hi)
        return Located(tuple(spans), snippet, inside)


def matcher_for(query: Query, texts: Iterable[list[str]]) -> Matcher | None:
    """A matcher for `query` over the vocabulary of `texts` (their normalised words), or
    None when nothing there can match (an index-free search: one letter, the notes)."""
    counts: Counter[str] = Counter()
    for words in texts:
        counts.update(set(words))
    vocab = Vocabulary(counts)
    expansions = [
        {} if u.phrase else vocab.expand(u.words[0], acronym=u.acronym) for u in query.units
    ]
    for unit, allowed in zip(query.units, expansions, strict=True):
        if not unit.possible(allowed, vocab.counts):
            return None
    return Matcher(query, expansions)


def make_snippet(text: str, start: int, end: int, size: int = SNIPPET) -> tuple[str, int, int]:
    """About `size` characters of `text` around [start, end), cut at spaces, marked with `…`.

    Returns the snippet and the part [lo, hi) of `text` it shows (a `…` marks each cut).
    """
    if len(text) <= size:
        return text, 0, len(text)
    room = max(0, size - (end - start))
    lo = max(0, start - room // 3)
    hi = min(len(text), max(end, lo + size))
    # Near the end, reach back to fill the snippet, but no further than to centre the
    # window: what comes before it is not the passage found.
    lo = max(0, min(lo, hi - size), start - room // 2)
    if lo > 0:
        space = text.find(" ", lo, start)
        lo = space + 1 if space != -1 else lo
    if hi < len(text):
        space = text.rfind(" ", end, hi)
        hi = space if space != -1 else hi
    head = "…" if lo > 0 else ""
    tail = "…" if hi < len(text) else ""
    return head + text[lo:hi] + tail, lo, hi


@dataclass(frozen=True, slots=True)
class Block:
    """A searchable piece of a letter: its title, a heading, a paragraph or a footnote."""

    kind: HitKind
    section_index: int
    paragraph_index: int
    text: str
    footnote: int | None = None


def letter_blocks(letter: Letter) -> list[Block]:
    """Every searchable block of `letter` in reading order.

    The title comes first; each heading precedes its paragraphs; a footnote follows the
    paragraph that cites it (footnotes nobody cites come last, after the signatories, which
    count as the last section's: "De Minister van Defensie, K.H. Ollongren").
    """
    out = [Block("title", 0, -1, letter.title)]
    placed: set[int] = set()
    for si, section in enumerate(letter.sections):
        if section.title:
            out.append(Block("heading", si, -1, section.title))
        for pi, para in enumerate(section.paragraphs):
            out.append(Block("paragraph", si, pi, para.text))
            for ref in para.footnote_refs:
                note = letter.footnote(ref.number)
                if note is not None and note.number not in placed:
                    placed.add(note.number)
                    out.append(Block("footnote", si, pi, note.text, note.number))
    last = max(0, len(letter.sections) - 1)
    out += [Block("signatory", last, -1, f"{s.role}, {s.name}") for s in letter.signatories]
    out += [
        Block("footnote", last, -1, note.text, note.number)
        for note in letter.footnotes
        if note.number not in placed
    ]
    return [b for b in out if b.text.strip()]
