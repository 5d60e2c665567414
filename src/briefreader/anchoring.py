"""Re-anchoring: finding an annotation's passage again in a letter whose text has changed.

Modelled on Hypothesis's anchoring. An anchor is tried, in order: at its position hint (the
quote is still there), then wherever the exact quote occurs, then by a fuzzy search of the
quote (rapidfuzz). Candidates are ranked by a score that weighs the quote above its context
and the context above the position. An annotation that cannot be placed is marked detached,
never deleted; its quote and note stay in the store.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from rapidfuzz import fuzz, process

from briefreader.annotation import (
    PARAGRAPH_BREAK,
    Anchor,
    Annotation,
    Position,
    anchor_at,
    context_after,
    context_before,
    paragraph_texts,
)
from briefreader.model import Letter

if TYPE_CHECKING:
    from briefreader.store import Store

# The ranking: the quote counts most, its context next, the position hint least.
W_QUOTE, W_CONTEXT, W_POSITION = 0.6, 0.3, 0.1
MIN_QUOTE = 0.8  # a fuzzy quote below this similarity is not the passage
MIN_TOTAL = 0.72  # nor is a candidate whose weighted score is below this
MIN_TOTAL_ELSEWHERE = 0.8  # placing in another letter asks for more
_FUZZY_CANDIDATES = 6


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


def _fuzzy(anchor: Anchor, text: Text, hint: int) -> Placement | None:
    quote = anchor.quote
    best: Placement | None = None
    hits = process.extract(
        quote,
        text.texts,
        scorer=fuzz.partial_ratio,
        score_cutoff=MIN_QUOTE * 100,
        limit=_FUZZY_CANDIDATES,
    )
    for _, _, k in hits:
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


def locate(anchor: Anchor, text: Text, elsewhere: bool = False) -> Placement | None:
    """Where `anchor`'s passage is in `text`, or None; `elsewhere`: another letter's anchor."""
    hint = text.hint(anchor)
    para = text.texts[hint] if text.texts else ""
    quote = anchor.quote
    if not elsewhere and para[anchor.start : anchor.end] == quote and quote:
        return _rank(anchor, text, hint, hint, anchor.start, anchor.end, 1.0)
    if not quote.strip():
        return None
    found = _exact(anchor, text, hint)
    if found is None and len(quote) >= 8:
        found = _fuzzy(anchor, text, hint)
    floor = MIN_TOTAL_ELSEWHERE if elsewhere else MIN_TOTAL
    if found is None or found.score < floor:
        return None
    if len(quote) < 12 and found.quote_score < 1.0:
        return None  # a short quote that is not literally there is anyone's guess
    return found


def _apply(store: Store, a: Annotation, text: Text, p: Placement | None) -> Annotation:
    if p is None:
        return replace(a, detached=True) if store.read_only else store.set_detached(a.id, True)
    new = text.anchor(p)
    if new == a.anchor and not a.detached and a.letter_title == text.letter.title:
        return a
    if store.read_only:  # show where it is now; the store keeps the old anchor
        title = text.section_title(p.ordinal)
        return replace(a, anchor=new, letter_title=text.letter.title, section_title=title)
    return store.relocate(
        a.id,
        new,
        letter_title=text.letter.title,
        section_title=text.section_title(p.ordinal),
        detached=False,
    )


def reanchor_letter(
    store: Store, letter: Letter, known_ids: set[str] | None = None
) -> list[Annotation]:
    """Re-attach this letter's annotations, and orphans (letter id not in `known_ids`) whose
    quote is found here. Orphans with this letter's title that cannot be placed are marked
    detached (this looks like their letter, corrected). Returns the annotations now on this
    letter and those just detached."""
    text = Text(letter)
    out = [_apply(store, a, text, locate(a.anchor, text)) for a in store.annotations(letter.id)]
    if known_ids is not None:
        for a in store.annotations():
            if a.anchor.letter_id in known_ids or a.anchor.letter_id == letter.id:
                continue
            same_title = a.letter_title == letter.title
            p = locate(a.anchor, text, elsewhere=not same_title)
            if p is not None or same_title:
                # Not found in what looks like a new version of its letter: detached.
                out.append(_apply(store, a, text, p))
    return out


@dataclass(frozen=True, slots=True)
class Report:
    """What a library-wide re-anchoring did."""

    placed: int
    moved: int
    detached: int


def reanchor_all(store: Store, letters: Iterable[Letter], mark_detached: bool = True) -> Report:
    """Re-attach every annotation to `letters` (the whole library, or the part given).

    Annotations whose letter is among `letters` are re-found in it; the others are searched
    in every letter (same title first). Unplaced ones are marked detached only when
    `mark_detached` (the library is complete; a partial one proves nothing)."""
    texts = {letter.id: Text(letter) for letter in letters}
    placed = moved = detached = 0
    for a in store.annotations():
        text = texts.get(a.anchor.letter_id)
        if text is not None:
            p = locate(a.anchor, text)
        else:
            p, text = _search_everywhere(a, texts.values())
        if p is None or text is None:
            if (mark_detached or text is not None) and not store.read_only:
                detached += not a.detached
                store.set_detached(a.id, True)
            continue
        after = _apply(store, a, text, p)
        placed += 1
        moved += after.anchor != a.anchor
    return Report(placed, moved, detached)


def _search_everywhere(
    a: Annotation, texts: Iterable[Text]
) -> tuple[Placement | None, Text | None]:
    best: tuple[Placement | None, Text | None] = (None, None)
    ordered = sorted(texts, key=lambda t: t.letter.title != a.letter_title)
    for text in ordered:
        p = locate(a.anchor, text, elsewhere=text.letter.title != a.letter_title)
        if p is not None and (best[0] is None or p.score > best[0].score):
            best = (p, text)
            if p.quote_score == 1.0 and p.score > 0.95:
                break
    return best


def refind_position(store: Store, letter: Letter) -> Position | None:
    """The stored reading position of `letter`, moved to where its paragraph now is."""
    pos = store.position(letter.id)
    if pos is None:
        return None
    text = Text(letter)
    k = text.ordinals.get((pos.section_index, pos.paragraph_index))
    if k is not None and text.texts[k].startswith(pos.quote):
        return pos
    for j, para in enumerate(text.texts):
        if pos.quote and para.startswith(pos.quote):
            si, pi, _ = text.flat[j]
            return Position(si, pi, pos.quote)
    if len(pos.quote) >= 8:
        hit = process.extractOne(pos.quote, text.texts, scorer=fuzz.partial_ratio, score_cutoff=85)
        if hit is not None:
            si, pi, para = text.flat[hit[2]]
            return Position(si, pi, para[:64])
    return None
