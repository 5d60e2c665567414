"""Helpers for the annotation tests: sample letters by title, notes put in a real store."""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from textual.pilot import Pilot
from textual.widgets._toast import Toast

from briefreader import locations
from briefreader.library import Library
from briefreader.model import Letter
from briefreader.notes import Annotation, Store, anchor_for

RECENT = "Recente ontwikkelingen"  # the letter of 3 February 2022, eight sections
BEZOEK = "Bezoek van de Minister-President"  # one section of fourteen paragraphs


@functools.cache
def _letters() -> dict[str, Letter]:
    library = Library.open([locations.samples_dir()], Path("/nonexistent"), None)
    return {letter.title: letter for letter in library.letters()}


def sample(title_start: str) -> Letter:
    """The parsed sample letter whose title starts so."""
    return next(v for k, v in _letters().items() if k.startswith(title_start))


def add_note(
    data: Path,
    title_start: str,
    section: int,
    paragraph: int,
    note: str,
    tags: Sequence[str] = (),
) -> Annotation:
    """Annotate a whole paragraph of a sample letter in the store of `data`."""
    letter = sample(title_start)
    with Store.open(data) as store:
        return store.add(
            anchor_for(letter, section, paragraph),
            note,
            tags,
            letter.title,
            letter.sections[section].title,
        )


def add_detached(data: Path, title_start: str, quote: str, note: str) -> Annotation:
    """A note whose quote is no longer in the letter: it is, and stays, detached."""
    letter = sample(title_start)
    anchor = replace(anchor_for(letter, 0, 0), quote=quote, prefix="", suffix="", end=len(quote))
    with Store.open(data) as store:
        added = store.add(anchor, note, [], letter.title, None)
        return store.set_detached(added.id, True)


def notes_in(data: Path) -> list[Annotation]:
    """What the store of `data` holds now (read by a store of its own, as a new run would)."""
    with Store.open(data) as store:
        return store.annotations()


def toasts(pilot: Pilot[Any]) -> str:
    """The text of every notification on screen."""
    return " ".join(str(t.render()) for t in pilot.app.screen.query(Toast))
