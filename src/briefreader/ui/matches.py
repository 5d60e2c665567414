"""The last search's matches in the open letter: what the reader marks and what `n` / `N` visit.

Pure data, no widgets: the reading screen keeps one `Matches` for the letter on screen, hands
its `marks` to the letter view and asks it where `n` / `N` go from the cursor.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from briefreader.model import Letter
from briefreader.search import Hit
from briefreader.ui.layout import Marks

# the hits a cursor can stand on (titles and signatures are not passages)
STOP_KINDS = ("paragraph", "heading", "footnote")


def marks_of(hits: Sequence[Hit]) -> Marks:
    """The spans to highlight in the reader, per paragraph or heading (paragraph -1)."""
    marks: dict[tuple[int, int], list[tuple[int, int]]] = {}
    for hit in hits:
        if hit.kind == "paragraph":
            marks.setdefault((hit.section_index, hit.paragraph_index), []).extend(hit.spans)
        elif hit.kind == "heading":
            marks.setdefault((hit.section_index, -1), []).extend(hit.spans)
    return marks


def stop_of(letter: Letter, hit: Hit) -> tuple[int, int]:
    """The passage a hit puts the cursor on: a heading's hit lands on its first paragraph."""
    section, paragraph = hit.section_index, hit.paragraph_index
    if (
        paragraph < 0
        and 0 <= section < len(letter.sections)
        and letter.sections[section].paragraphs
    ):
        return (section, 0)
    return (section, paragraph)


@dataclass(frozen=True, slots=True)
class Step:
    """Where `n` / `N` go: the passage, the number of its first match (and `last`, when it
    holds several) among all `of` matches, counted as occurrences, and whether it wrapped."""

    passage: tuple[int, int]
    number: int
    of: int
    wrapped: bool
    last: int = 0

    @property
    def label(self) -> str:
        """`Match 3 of 21`, or `Matches 3–5 of 21` for a passage with three."""
        if self.last > self.number:
            return f"Matches {self.number}–{self.last} of {self.of}"
        return f"Match {self.number} of {self.of}"


@dataclass(frozen=True, slots=True)
class Matches:
    """A query's matches in one letter: one stop per passage, in reading order."""

    query: str = ""
    stops: tuple[tuple[int, int], ...] = ()
    marks: Marks = field(default_factory=dict)
    counts: tuple[int, ...] = ()  # occurrences per stop (none given: one each)

    @classmethod
    def found(cls, letter: Letter, query: str, hits: Sequence[Hit]) -> Matches:
        """The matches of `query` in `letter`, from its hits; each occurrence counts."""
        counts: dict[tuple[int, int], int] = {}
        for hit in hits:
            if hit.kind in STOP_KINDS:
                stop = stop_of(letter, hit)
                counts[stop] = counts.get(stop, 0) + max(len(hit.spans), 1)
        stops = tuple(sorted(counts))
        return cls(query, stops, marks_of(hits), tuple(counts[s] for s in stops))

    @property
    def total(self) -> int:
        """How many occurrences there are (`21` in `Match 3 of 21`)."""
        return sum(self.counts) if self.counts else len(self.stops)

    def step(self, here: tuple[int, int], delta: int) -> Step | None:
        """The next (`delta` > 0) or previous match from passage `here`, wrapping around;
        None when there is none."""
        order = self.stops
        if not order:
            return None
        if delta > 0:
            later = [i for i, at in enumerate(order) if at > here]
            index, wrapped = (later[0], False) if later else (0, True)
        else:
            earlier = [i for i, at in enumerate(order) if at < here]
            index, wrapped = (earlier[-1], False) if earlier else (len(order) - 1, True)
        counts = self.counts or (1,) * len(order)
        first = sum(counts[:index]) + 1
        return Step(order[index], first, self.total, wrapped, first + counts[index] - 1)
