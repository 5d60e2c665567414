"""One row of the letter list (`Entry`): what is shown and sorted without the whole letter.

An entry is cached as JSON text (`to_row` / `from_row`); its file is kept as a string and
made a `Path` when asked for, as most of a large library's rows are never looked at.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from briefreader.model import Letter


@dataclass(frozen=True, slots=True)
class Entry:
    """One row of the letter list: enough to show and sort it without the whole letter."""

    id: str
    file: str  # the path, absolute: a `Path` each is too dear for 100,000 rows (`path`)
    title: str
    date: dt.date | None
    sender: str | None
    kind: str
    paragraphs: int = 0
    error: str | None = None
    # Identity, for the list's columns and the links between documents (`links`).
    identifier: str | None = None
    citation: str | None = None
    dossier: str | None = None
    number: str | None = None
    cites: tuple[str, ...] = ()  # identifiers of the documents it cites

    @property
    def path(self) -> Path:
        """The letter's file."""
        return Path(self.file)

    @classmethod
    def of(cls, letter: Letter, path: Path) -> Entry:
        """The list row of a parsed letter."""
        return cls(
            letter.id,
            str(path),
            letter.title,
            letter.date,
            letter.sender,
            letter.kind,
            letter.paragraph_count,
            identifier=letter.identifier,
            citation=letter.citation,
            dossier=letter.dossier,
            number=letter.number,
            cites=tuple(c.identifier for c in letter.cites if c.identifier),
        )

    @classmethod
    def failed(cls, path: Path, problem: str) -> Entry:
        """The list row of a file that cannot be read."""
        return cls(f"error:{path}", str(path), path.name, None, None, "error", 0, problem)

    def to_row(self) -> str:
        """JSON text of this entry for the cache."""
        row = {name: getattr(self, name) for name in _ROW_FIELDS}
        row["date"] = self.date.isoformat() if self.date else None
        row["cites"] = list(self.cites)
        return json.dumps(row)

    @classmethod
    def from_row(cls, path: str, row: str) -> Entry:
        """An entry from its cached JSON text."""
        return cls.from_dict(path, json.loads(row))

    @classmethod
    def from_dict(cls, path: str, d: Any) -> Entry:
        """An entry from its cached JSON, decoded (`scan` decodes many rows at once)."""
        date = dt.date.fromisoformat(d["date"]) if d["date"] else None
        get = d.get  # the fields of `_ROW_FIELDS` in order, by position: 100,000 rows a start
        return cls(
            get("id"), path, get("title"), date, get("sender"), get("kind"),
            get("paragraphs"), get("error"), get("identifier"), get("citation"),
            get("dossier"), get("number"), tuple(get("cites") or ()),
        )  # fmt: skip


_ROW_FIELDS = "id title sender kind paragraphs error identifier citation dossier number".split()


def newest_first(entry: Entry) -> tuple[int, str]:
    """The list's order: newest first, then by title."""
    return (-(entry.date.toordinal() if entry.date else 0), entry.title.lower())
