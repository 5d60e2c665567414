"""The links between documents of a library: by identifier, cited by, dossiers, addresses.

Every document has (when it is an official publication) an `identifier` (`kst-36045-151`)
and cites others (`Letter.cites`). These functions answer what the reader asks of them from
the library's entries alone, without parsing a letter:

- `find_document(library, identifier)`: the document in the library with this id (or, for a
  letter that prints only its number, the one whose number and cited dossier fit);
- `cited_by(library, identifier)`: the documents that cite it, oldest first;
- `dossier_documents(library, dossier)`: the documents of one dossier, oldest first;
- `passage_cites(letter, section, paragraph)`: what one passage cites (its text and the
  footnotes it marks), and `cite_spans(text)` where in a text the references stand;
- `follow(library, cite)`: where a reference leads: the document, or its official address
  (`official_url`) when it is not in the library.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass

from briefreader.library import Entry, Library
from briefreader.model import Cite, Letter
from briefreader.parsing.identity import (
    citation_for,
    document_url,
    find_cites,
    normalize_dossier,
    parse_identifier,
    read_reference,
)
from briefreader.parsing.identity import cite_spans as identity_cite_spans

__all__ = [
    "Link",
    "cite_spans",
    "cited_by",
    "dossier_documents",
    "find_document",
    "follow",
    "official_url",
    "passage_cites",
    "read_reference",
]


def official_url(identifier: str) -> str:
    """The official address: `https://zoek.officielebekendmakingen.nl/kst-36045-151.html`."""
    return document_url(identifier)


def _oldest_first(entry: Entry) -> tuple[dt.date, str]:
    return (entry.date or dt.date.max, entry.number or entry.title)


def _entries(library: Library) -> list[Entry]:
    return [e for e in library.entries() if not e.error]


def find_document(library: Library, identifier: str) -> Entry | None:
    """The library's document with this official id (`kst-36045-151`), or None.

    Ids compare without regard to case (`kst-36600-xii-57` is `kst-36600-XII-57`); of two
    copies (a PDF and its XML) the first in the list is given.
    """
    want = identifier.strip().lower()
    entries = _entries(library)
    for entry in entries:
        if entry.identifier and entry.identifier.lower() == want:
            return entry
    return _numbered(entries, identifier)


def _numbered(entries: list[Entry], identifier: str) -> Entry | None:
    """A letter that prints only its number (`Nr. 151`) names Kamerstuk `dossier, nr. 151`
    when that dossier is the one it cites most (letters cite their dossier's earlier
    documents); the newest such letter, as the search does."""
    parsed = parse_identifier(identifier)
    if parsed is None or parsed.dossier is None or parsed.number is None:
        return None
    numbered = [e for e in entries if e.identifier is None and e.number == parsed.number]
    for entry in sorted(numbered, key=_oldest_first, reverse=True):
        dossiers = Counter(
            found.dossier for c in entry.cites if (found := parse_identifier(c)) is not None
        )
        if dossiers and dossiers.most_common(1)[0][0] == parsed.dossier:
            return entry
    return None


def cited_by(library: Library, identifier: str) -> list[Entry]:
    """The library's documents that cite the document `identifier`, oldest first.

    The document itself is never among them, and each letter is listed once even when two
    copies of it (PDF and XML) are in the library.
    """
    want = identifier.strip().lower()
    seen: set[str] = set()
    out: list[Entry] = []
    for entry in _entries(library):
        if entry.identifier and entry.identifier.lower() == want:
            continue
        if any(c.lower() == want for c in entry.cites):
            key = entry.identifier or entry.id
            if key not in seen:
                seen.add(key)
                out.append(entry)
    return sorted(out, key=_oldest_first)


def dossier_documents(library: Library, dossier: str) -> list[Entry]:
    """The library's documents of one dossier (`36 045`, `36045`, `21 501-20`), oldest first,
    so a subject reads from its first letter to its last. Undated documents come last."""
    want = normalize_dossier(dossier) or dossier.strip()
    return sorted(
        (
            e
            for e in _entries(library)
            if e.dossier and (normalize_dossier(e.dossier) or e.dossier) == want
        ),
        key=_oldest_first,
    )


def cite_spans(text: str) -> list[tuple[int, int, Cite]]:
    """Where references stand in `text`: (start, end, cite) in reading order, to mark them
    as links. Offsets are those of `text` as given."""
    return identity_cite_spans(text.replace("\u00a0", " "))


def passage_cites(letter: Letter, section: int, paragraph: int) -> tuple[Cite, ...]:
    """What the passage `(section, paragraph)` cites: references in its text first, then in
    the footnotes it marks, each once (what `o` offers to follow)."""
    if not 0 <= section < len(letter.sections):
        return ()
    sec = letter.sections[section]
    if not 0 <= paragraph < len(sec.paragraphs):
        return find_cites([sec.title]) if sec.title else ()
    para = sec.paragraphs[paragraph]
    texts = [para.text]
    for ref in para.footnote_refs:
        note = letter.footnote(ref.number)
        if note is not None:
            texts.append(note.text)
    return tuple(
        c for c in find_cites(texts) if not (c.identifier and c.identifier == letter.identifier)
    )


@dataclass(frozen=True, slots=True)
class Link:
    """Where a reference leads: `entry` when the document is in the library, else `url`
    (its official address) when the reference names one document, else neither."""

    cite: Cite
    entry: Entry | None
    url: str | None

    @property
    def label(self) -> str:
        """The reference as Dutch texts cite it (`Kamerstuk 21 501-20, nr. 512`)."""
        if self.cite.identifier:
            return citation_for(self.cite.identifier) or self.cite.text
        return self.cite.text


def follow(library: Library, cite: Cite) -> Link:
    """Where `cite` leads: the document in the library (by identifier), else its address."""
    if cite.identifier is None:
        return Link(cite, None, None)
    entry = find_document(library, cite.identifier)
    return Link(cite, entry, None if entry else official_url(cite.identifier))
