"""The store's in-memory copy of its annotations: by id, in reading order, searchable.

Kept in step with every write of this process, so listing 10,000 annotations costs a list
copy, and adding or editing one moves only that one (a binary search, not a re-sort). The
store reloads it from SQLite only when another process has written.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable

from briefreader.notes.model import Annotation

OrderKey = tuple[str, str, int, int, int, int, int]


class AnnotationCache:
    """Annotations by id, and in reading order: letters by title, then each letter's passages
    in order (section, paragraph, offset), its detached annotations last."""

    def __init__(self, rows: Iterable[Annotation] = ()) -> None:
        self.by_id = {a.id: a for a in rows}
        self._ordered: list[Annotation] | None = None
        self._titles: dict[str, str] = {}  # letter id -> the title its group sorts under
        self._search: dict[int, tuple[str, frozenset[str]]] = {}

    def _key(self, a: Annotation) -> OrderKey:
        x = a.anchor
        title = self._titles.setdefault(x.letter_id, a.letter_title.casefold())
        return (
            title,
            x.letter_id,
            int(a.detached),
            x.section_index,
            x.paragraph_index,
            x.start,
            a.id,
        )  # noqa: E501

    def ordered(self) -> list[Annotation]:
        """Every annotation in reading order (the cache's own list: do not change it)."""
        if self._ordered is None:
            self._titles = {}
            for a in sorted(self.by_id.values(), key=lambda a: a.id):
                self._titles.setdefault(a.anchor.letter_id, a.letter_title.casefold())
            self._ordered = sorted(self.by_id.values(), key=self._key)
        return self._ordered

    def put(self, new: Annotation) -> None:
        """Add or replace one annotation, keeping the order without a re-sort."""
        old = self.by_id.get(new.id)
        self.by_id[new.id] = new
        self._search.pop(new.id, None)
        if self._ordered is None:
            return
        if old is not None:
            self._drop(old)
        bisect.insort(self._ordered, new, key=self._key)

    def remove(self, annotation_id: int) -> None:
        """Forget one annotation."""
        old = self.by_id.pop(annotation_id, None)
        self._search.pop(annotation_id, None)
        if old is not None and self._ordered is not None:
            self._drop(old)

    def _drop(self, old: Annotation) -> None:
        assert self._ordered is not None
        i = bisect.bisect_left(self._ordered, self._key(old), key=self._key)
        if i < len(self._ordered) and self._ordered[i].id == old.id:
            del self._ordered[i]
        else:  # not where its key says (a title changed): find it the slow way
            self._ordered = [a for a in self._ordered if a.id != old.id]

    def _searchable(self, a: Annotation) -> tuple[str, frozenset[str]]:
        found = self._search.get(a.id)
        if found is None:
            parts = (a.anchor.quote, a.note, " ".join(a.tags), a.letter_title, a.section_title)
            text = "\n".join(p for p in parts if p).casefold()
            found = self._search[a.id] = (text, frozenset(t.casefold() for t in a.tags))
        return found

    def select(
        self, letter_id: str | None = None, tag: str | None = None, text: str | None = None
    ) -> list[Annotation]:
        """Annotations in reading order, narrowed to one letter, one tag, or a text."""
        rows = self.ordered()
        if letter_id is not None:
            rows = [a for a in rows if a.anchor.letter_id == letter_id]
        if tag is not None:
            wanted = tag.lstrip("#").casefold()
            rows = [a for a in rows if wanted in self._searchable(a)[1]]
        if text:
            needle = text.casefold()
            rows = [a for a in rows if needle in self._searchable(a)[0]]
        return list(rows)
