"""Where references lead, as flows a worker awaits: follow a cite, what cites a letter, a dossier.

`o` follows what the passage under the cursor cites: one reference at once, several through
a chooser. A document in the library is returned for the caller to open; one that is not
there has its official address shown and copied (OSC 52 and the clipboard file, as `y`
does). The cited-by and dossier lists are the same chooser over library documents. Call the
flows from a worker (`@work`): `push_screen_wait` must not block a handler.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from textual.app import App

from briefreader.library import Entry, Library
from briefreader.links import Link, cited_by, dossier_documents, follow
from briefreader.model import Cite, Letter
from briefreader.ui.clipboard import save_clip
from briefreader.ui.kinds import kind_label
from briefreader.ui.screens.choose import Choice, ChooseScreen


def entry_choice(entry: Entry) -> Choice:
    """A library document as a chooser row: its citation (else title), then date, kind, title."""
    date = entry.date.isoformat() if entry.date else "undated"
    label = entry.citation or entry.title
    detail = " · ".join(x for x in (date, kind_label(entry.kind), entry.title) if x != label)
    return label, detail


def link_choice(link: Link) -> Choice:
    """A reference as a chooser row: as cited, then where choosing it leads."""
    if link.entry is not None:
        return link.label, f"in your library: {link.entry.title}"
    if link.url is not None:
        return link.label, f"not in your library: {link.url}"
    return link.label, "names no single document"


def letter_cited_by(library: Library, letter: Letter) -> list[Entry]:
    """The library's documents that cite `letter`, oldest first (none without an identifier)."""
    return cited_by(library, letter.identifier) if letter.identifier else []


async def choose_entry(
    app: App[Any], title: str, entries: Sequence[Entry], current: str | None = None
) -> Entry | None:
    """Let the user choose one of `entries` (the `current` letter's row highlighted)."""
    selected = next((n for n, e in enumerate(entries) if e.id == current), 0)
    screen = ChooseScreen(title, [entry_choice(e) for e in entries], selected)
    index: int | None = await app.push_screen_wait(screen)
    return None if index is None else entries[index]


async def follow_cites(
    app: App[Any], library: Library, cache_dir: Path, cites: Sequence[Cite]
) -> Entry | None:
    """Follow one of `cites` (asking which when there are several): the library document to
    open, or None after showing and copying the address of one that is not there."""
    if not cites:
        app.notify("This passage cites no document. (o follows a reference under the cursor)")
        return None
    links = [follow(library, c) for c in cites]
    if len(links) == 1:
        link = links[0]
    else:
        index: int | None = await app.push_screen_wait(
            ChooseScreen("Follow which reference?", [link_choice(k) for k in links])
        )
        if index is None:
            return None
        link = links[index]
    if link.entry is not None:
        return link.entry
    if link.url is None:
        app.notify(f"{link.label} names no single document to open.", severity="warning")
        return None
    app.copy_to_clipboard(link.url)
    saved = save_clip(cache_dir, link.url)
    also = f"\nCopied (also to {saved})" if saved else "\nCopied"
    app.notify(f"{link.url}{also}", title=f"Not in your library: {link.label}", timeout=15)
    return None


async def related_flow(app: App[Any], library: Library, letter: Letter, what: str) -> Entry | None:
    """The documents that cite `letter` (`what` = `cited_by`) or its dossier (`dossier`),
    oldest first, to choose one to open; None when the user closes the list."""
    if what == "dossier":
        if not letter.dossier:
            app.notify("This document names no dossier.")
            return None
        return await dossier_flow(app, library, letter.dossier, letter.id)
    entries = letter_cited_by(library, letter)
    if not entries:
        app.notify("No document in your library cites this one.")
        return None
    title = f"Cited by {len(entries)} in your library · oldest first"
    entry = await choose_entry(app, title, entries, letter.id)
    return None if entry is None or entry.id == letter.id else entry


async def dossier_flow(
    app: App[Any], library: Library, dossier: str, current: str | None = None
) -> Entry | None:
    """The library's documents of `dossier`, oldest first, to choose one to open (the
    `current` letter highlighted); None when the user closes the list."""
    entries = dossier_documents(library, dossier)
    if not entries:
        app.notify(f"No document of dossier {dossier} in your library.")
        return None
    title = f"Dossier {dossier} · {len(entries)} in your library, oldest first"
    entry = await choose_entry(app, title, entries, current)
    return None if entry is None or entry.id == current else entry
