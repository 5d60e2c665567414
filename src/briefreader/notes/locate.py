"""Finding an annotation's passage again in a letter whose text has changed.

Modelled on Hypothesis's anchoring. An anchor is tried, in order: at its position hint (the
quote is still there), then wherever the exact quote occurs, then by a fuzzy search of the
quote (rapidfuzz). Candidates are ranked by a score that weighs the quote above its context
and the context above the position. An annotation that cannot be placed is marked detached,
never deleted; its quote and note stay in the store (see `reanchor`).
"""

from __future__ import annotations

from dataclasses import dataclass

from rapidfuzz import fuzz, process

from briefreader.model import Letter
from briefreader.notes.model import (
    PARAGRAPH_BREAK,
    Anchor,
    anchor_at,
    context_after,
    context_before,
    paragraph_texts,
)

# The ranking: the quote counts most, its context next, the position hint least.
W_QUOTE, W_CONTEXT, W_POSITION = 0.6, 0.3, 0.1
MIN_QUOTE = 0.8  # a fuzzy quote below this similarity is not the passage
MIN_TOTAL = 0.72  # nor is a candidate whose weighted score is below this
MIN_TOTAL_ELSEWHERE = 0.8  # placing in another letter asks for more
_FUZZY_CANDIDATES = 6
_SHORT = 64  # quotes up to this long are fuzzily scored against every paragraph
_PROBE, _PROBES = 16, 6  # longer ones: exact slices of this length pick the candidates


@dataclass(frozen=True, slots=True)
class Placement:
    """Where a quote was found: paragraph number `ordinal` of a letter, `[start, end)`."""

    ordinal: int
    start: int
    end: int
    quote_score: float
    score: float


class Text:
    """A letter flattened for matching: its paragraphs in reading order."""

    def __init__(self, letter: Letter) -> None:
        self.letter = letter
        self.flat = paragraph_texts(letter)
        self.texts = [t for _, _, t in self.flat]
        self.ordinals = {(si, pi): k for k, (si, pi, _) in enumerate(self.flat)}
        self.joined = PARAGRAPH_BREAK.join(self.texts)

    def has(self, quote: str) -> bool:
        """Whether the exact quote occurs anywhere in this letter (one fast scan)."""
        return quote in self.joined

    def hint(self, anchor: Anchor) -> int:
        """The paragraph number the anchor's position points at (or the nearest one)."""
        exact = self.ordinals.get((anchor.section_index, anchor.paragraph_index))
        if exact is not None:
            return exact
        before = [k for (si, _), k in self.ordinals.items() if si <= anchor.section_index]
        return max(before) if before else 0

    def anchor(self, p: Placement) -> Anchor:
        """The anchor of a placement in this text (fresh quote and context)."""
        return anchor_at(self.letter.id, self.flat, p.ordinal, p.start, p.end)

    def section_title(self, ordinal: int) -> str | None:
        """The heading of the section that holds paragraph number `ordinal`."""
        return self.letter.sections[self.flat[ordinal][0]].title


def _context_score(anchor: Anchor, text: Text, ordinal: int, start: int, end: int) -> float:
    scores = []
    if anchor.prefix:
        found = context_before(text.texts, ordinal, start, len(anchor.prefix))
        scores.append(fuzz.ratio(anchor.prefix, found) / 100)
    if anchor.suffix:
        found = context_after(text.texts, ordinal, end, len(anchor.suffix))
        scores.append(fuzz.ratio(anchor.suffix, found) / 100)
    return sum(scores) / len(scores) if scores else 1.0


def _position_score(text: Text, hint: int, ordinal: int) -> float:
    return 1.0 - min(1.0, abs(ordinal - hint) / max(1, len(text.flat)))


def _rank(anchor: Anchor, text: Text, hint: int, k: int, s: int, e: int, q: float) -> Placement:
    ctx = _context_score(anchor, text, k, s, e)
    total = W_QUOTE * q + W_CONTEXT * ctx + W_POSITION * _position_score(text, hint, k)
    return Placement(k, s, e, q, total)


def _whole_paragraph(anchor: Anchor) -> bool:
    starts = not anchor.prefix or anchor.prefix.endswith(PARAGRAPH_BREAK)
    ends = not anchor.suffix or anchor.suffix.startswith(PARAGRAPH_BREAK)
    return starts and ends


def _snap(text: str, start: int, end: int) -> tuple[int, int]:
    """Widen a span so that it neither starts nor ends inside a word."""
    while 0 < start < len(text) and text[start - 1].isalnum() and text[start].isalnum():
        start -= 1
    while 0 < end < len(text) and text[end - 1].isalnum() and text[end].isalnum():
        end += 1
    return start, end


def _refine(quote: str, para: str, start: int, end: int) -> tuple[int, int]:
    """Fit a fuzzy window to where the quote's first and last words now are."""
    pad = max(8, len(quote) // 4)
    lo, hi = max(0, start - pad), min(len(para), end + pad)
    window = para[lo:hi]
    edge = min(24, len(quote))
    head = fuzz.partial_ratio_alignment(quote[:edge], window)
    tail = fuzz.partial_ratio_alignment(quote[-edge:], window)
    if head is not None and head.score >= 80:
        start = lo + head.dest_start
    if tail is not None and tail.score >= 80 and lo + tail.dest_end > start:
        end = lo + tail.dest_end
    return _snap(para, start, end)


def _exact(anchor: Anchor, text: Text, hint: int) -> Placement | None:
    quote = anchor.quote
    found: list[Placement] = []
    for k, para in enumerate(text.texts):
        i = para.find(quote)
        while i >= 0 and len(found) < 200:
            found.append(_rank(anchor, text, hint, k, i, i + len(quote), 1.0))
            i = para.find(quote, i + 1)
    return max(found, key=lambda p: p.score) if found else None


def _candidates(quote: str, text: Text, hint: int) -> list[int]:
    """Paragraphs worth a full fuzzy alignment of `quote`.

    A short quote is scored against every paragraph (rapidfuzz is fast below 64 characters).
    A long one would cost milliseconds per paragraph, so only paragraphs that hold one of a
    few exact slices of it (an edit rarely touches all of them) and those around the position
    hint are aligned."""
    if len(quote) <= _SHORT:
        hits = process.extract(
            quote,
            text.texts,
            scorer=fuzz.partial_ratio,
            score_cutoff=MIN_QUOTE * 100,
            limit=_FUZZY_CANDIDATES,
        )
        return [k for _, _, k in hits]
    step = (len(quote) - _PROBE) / (_PROBES - 1)
    probes = [quote[round(i * step) : round(i * step) + _PROBE] for i in range(_PROBES)]
    counted = [
        (sum(p in para for p in probes), k)
        for k, para in enumerate(text.texts)
        if any(p in para for p in probes)
    ]
    found = [k for _, k in sorted(counted, reverse=True)[:_FUZZY_CANDIDATES]]
    near = [k for k in (hint - 1, hint, hint + 1) if 0 <= k < len(text.texts)]
    return list(dict.fromkeys(found + near))


def _fuzzy(anchor: Anchor, text: Text, hint: int) -> Placement | None:
    quote = anchor.quote
    best: Placement | None = None
    for k in _candidates(quote, text, hint):
        para = text.texts[k]
        al = fuzz.partial_ratio_alignment(quote, para)
        if al is None:
            continue
        s, e = _refine(quote, para, al.dest_start, al.dest_end)
        if _whole_paragraph(anchor) and (e - s) >= 0.8 * len(para):
            s, e = 0, len(para)
        # Score the passage actually chosen: a window that lost words scores lower.
        q = fuzz.ratio(quote, para[s:e]) / 100
        if len(quote) > len(para):
            q = max(q, al.score / 100 * len(para) / len(quote))
        cand = _rank(anchor, text, hint, k, s, e, q)
        if q >= MIN_QUOTE and (best is None or cand.score > best.score):
            best = cand
    return best


def locate(
    anchor: Anchor, text: Text, elsewhere: bool = False, fuzzy: bool = True
) -> Placement | None:
    """Where `anchor`'s passage is in `text`, or None. `elsewhere`: the anchor was made on
    another letter (the position means less, the bar is higher); `fuzzy=False`: only an
    exact quote will do."""
    hint = text.hint(anchor)
    para = text.texts[hint] if text.texts else ""
    quote = anchor.quote
    if not elsewhere and para[anchor.start : anchor.end] == quote and quote:
        return _rank(anchor, text, hint, hint, anchor.start, anchor.end, 1.0)
    if not quote.strip():
        # A bare place (no text marked): only its position can say where it is.
        exact = (anchor.section_index, anchor.paragraph_index) in text.ordinals
        if elsewhere or not exact or anchor.end > len(para):
            return None
        return _rank(anchor, text, hint, hint, anchor.start, anchor.end, 1.0)
    found = _exact(anchor, text, hint) if text.has(quote) else None
    if found is None and fuzzy and len(quote) >= 8:
        found = _fuzzy(anchor, text, hint)
    floor = MIN_TOTAL_ELSEWHERE if elsewhere else MIN_TOTAL
    if found is None or found.score < floor:
        return None
    if len(quote) < 12 and found.quote_score < 1.0:
        return None  # a short quote that is not literally there is anyone's guess
    return found
