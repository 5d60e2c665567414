"""Re-anchoring the store: annotations follow their letters through corrections and moves.

`reanchor_letter` runs when the reader opens a letter: that letter's annotations are re-found
in it, and annotations whose letter is no longer in the library are placed in it when their
quote is there. `reanchor_all` does the same for a whole library at once (the `notes` and
`export` commands): annotations whose letter is gone are grouped by that letter, the group
looks for the letter that now holds its quotes, and each is placed there or marked detached.
Nothing is ever deleted; only the anchor and the detached flag change.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from briefreader.model import Letter
from briefreader.notes.locate import Placement, Text, locate
from briefreader.notes.model import Annotation

if TYPE_CHECKING:
    from briefreader.library import Library
    from briefreader.notes.store import Store

_VOTERS = 5  # quotes of an orphaned group tried against every letter to find its new home


def _placed(a: Annotation, text: Text | None, p: Placement | None) -> Annotation:
    """`a` as re-anchoring finds it: at its new place, or detached where it was."""
    if text is None or p is None:
        return a if a.detached else replace(a, detached=True)
    anchor = text.anchor(p)
    if a.anchor.quote and anchor.quote != a.anchor.quote:
        # The wording changed (a corrected letter): the note stays on the words the user
        # quoted; `model.passage_now` gives what the place says now, to show beside them.
        anchor = replace(anchor, quote=a.anchor.quote)
    if anchor == a.anchor and not a.detached and a.letter_title == text.letter.title:
        return a  # where it was: nothing to save
    return replace(
        a,
        anchor=anchor,
        letter_title=text.letter.title,
        section_title=text.section_title(p.ordinal),
        detached=False,
    )


def _save(store: Store, before: list[Annotation], after: list[Annotation]) -> None:
    """Save what changed in one transaction (a read-only store only reports it)."""
    changed = [new for old, new in zip(before, after, strict=True) if new != old]
    if changed and not store.read_only:
        store.save_anchors(changed)


def reanchor_letter(
    store: Store, letter: Letter, known_ids: set[str] | None = None
) -> list[Annotation]:
    """Re-attach this letter's annotations, and orphans (letter id not in `known_ids`) found
    here. Orphans whose old letter this seems to be a new version of (same title, or it
    holds most of their longest quotes) are searched fuzzily and detached when not found;
    other orphans only move here for an exact quote. Returns the annotations now on this
    letter and those just detached."""
    text = Text(letter)
    before = store.annotations(letter.id)
    after = [_placed(a, text, locate(a.anchor, text)) for a in before]
    if known_ids is not None:
        orphans: dict[str, list[Annotation]] = {}
        for a in store.annotations():
            if a.anchor.letter_id not in known_ids and a.anchor.letter_id != letter.id:
                orphans.setdefault(a.anchor.letter_id, []).append(a)
        for group in orphans.values():
            # A group whose letter this is (same title, or most of its longest quotes are
            # here) is searched fuzzily and detached where not found; any other orphan is
            # placed here only if its exact quote is here.
            ours = group[0].letter_title == letter.title or _votes(group, text) >= 2
            for a in group:
                if not ours and not text.has(a.anchor.quote):
                    continue
                p = locate(a.anchor, text, elsewhere=a.letter_title != letter.title, fuzzy=ours)
                if p is not None or ours:
                    before.append(a)
                    after.append(_placed(a, text, p))
    _save(store, before, after)
    return after


@dataclass(frozen=True, slots=True)
class Report:
    """What a library-wide re-anchoring did."""

    placed: int
    moved: int
    detached: int
    # Every annotation it looked at, as now placed: saved, unless the store is read-only.
    annotations: tuple[Annotation, ...] = ()


def reanchor_all(store: Store, letters: Iterable[Letter], mark_detached: bool = True) -> Report:
    """Re-attach every annotation to `letters` (the whole library, or the part given).

    Annotations whose letter is among `letters` are re-found in it. The others are grouped by
    their old letter; each group is placed in the letter that holds most of its quotes (or,
    failing that, one with its title). Unplaced ones are marked detached only when
    `mark_detached` (the library is complete: a partial one proves nothing)."""
    texts = {letter.id: Text(letter) for letter in letters}
    orphans: dict[str, list[Annotation]] = {}
    before: list[Annotation] = []
    after: list[Annotation] = []
    for a in store.annotations():
        text = texts.get(a.anchor.letter_id)
        if text is None:
            orphans.setdefault(a.anchor.letter_id, []).append(a)
        else:
            before.append(a)
            after.append(_placed(a, text, locate(a.anchor, text)))
    for group in orphans.values():
        home = _new_home(group, list(texts.values()))
        for a in group:
            p = None
            if home is not None:
                p = locate(a.anchor, home, elsewhere=home.letter.title != a.letter_title)
            if p is not None or mark_detached:
                before.append(a)
                after.append(_placed(a, home, p))
    _save(store, before, after)
    return Report(
        placed=sum(not a.detached for a in after),
        moved=sum(new.anchor != old.anchor for old, new in zip(before, after, strict=True)),
        detached=sum(
            new.detached and not old.detached for old, new in zip(before, after, strict=True)
        ),
        annotations=tuple(after),
    )


def _voters(group: list[Annotation]) -> list[Annotation]:
    """The longest quotes of a group of orphans: they choose the group's new letter."""
    return sorted(group, key=lambda a: -len(a.anchor.quote))[:_VOTERS]


def _votes(group: list[Annotation], text: Text) -> int:
    """How many of a group's longest quotes occur exactly in `text`."""
    return sum(text.has(a.anchor.quote) for a in _voters(group) if a.anchor.quote)


def could_be_home(orphans: Iterable[Annotation]) -> Callable[[Letter], bool]:
    """Whether a letter can become the new home of any of these orphaned annotations in
    `reanchor_all`: it has one of their letters' titles, or holds a quote that votes. The
    rest of a library need not be kept in memory to re-anchor them."""
    groups: dict[str, list[Annotation]] = {}
    for a in orphans:
        groups.setdefault(a.anchor.letter_id, []).append(a)
    titles = {g[0].letter_title for g in groups.values()}
    quotes = {a.anchor.quote for g in groups.values() for a in _voters(g) if a.anchor.quote}

    def test(letter: Letter) -> bool:
        if letter.title in titles:
            return True
        text = Text(letter)
        return any(text.has(q) for q in quotes)

    return test


def _new_home(group: list[Annotation], texts: list[Text]) -> Text | None:
    """The letter that now holds a group of orphaned annotations: the one where most of its
    longest quotes occur exactly, else the one with the group's title."""
    votes: Counter[int] = Counter()
    for n, text in enumerate(texts):
        votes[n] = _votes(group, text)
    title = group[0].letter_title
    best = max(votes, key=lambda n: (votes[n], texts[n].letter.title == title), default=None)
    if best is not None and votes[best] > 0:
        return texts[best]
    same = [t for t in texts if t.letter.title == title]
    return same[0] if len(same) == 1 else None


def place_orphans(store: Store, library: Library) -> int:
    """Re-attach notes whose letter is no longer in `library` (its file was corrected or
    replaced) to the letter of the same title that now holds their quotes; return how many
    notes that concerned. Letters of other titles are not loaded, so this stays cheap."""
    entries = [e for e in library.entries() if not e.error]
    known = {e.id for e in entries}
    orphans = [a for a in store.annotations() if a.anchor.letter_id not in known]
    titles = {a.letter_title for a in orphans}
    candidates = [library.letter(e.id) for e in entries if e.title in titles]
    if not orphans or not candidates:
        return 0
    reanchor_all(store, candidates, mark_detached=False)
    return len(orphans)
