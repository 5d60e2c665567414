"""A document being read from structured markup, and how it becomes a `Letter`.

The XML, HTML and ODT readers each walk their own markup and report what they meet to one
`Draft`: headings, paragraphs (with footnote markers at their offsets), footnotes, and the
facts of the document's head (dossier, number, title, dates, signatories). The rules every
format shares (`sources.officieel.finish`) complete it, so the same document gives the same
letter whichever format it came in; `Draft.letter()` then freezes it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from briefreader.ingest import text_id
from briefreader.model import (
    Footnote,
    FootnoteRef,
    Letter,
    Paragraph,
    Questioner,
    Section,
    Signatory,
    SourceSpan,
)
from briefreader.parsing.identity import with_identity

__all__ = ["Draft", "Metadata", "clean"]

Metadata = dict[str, list[str]]


def clean(text: str) -> str:
    """`text` on one line: runs of white space (also no-break space) as one space."""
    return " ".join(text.split())


@dataclass
class _Section:
    title: str | None
    level: int
    paragraphs: list[Paragraph] = field(default_factory=list)
    start: int = 0


@dataclass
class Draft:
    """What a structured reader found; every field is optional until `letter()`."""

    source: str
    kind: str | None = None
    identifier: str | None = None
    dossier: str | None = None
    dossier_title: str | None = None
    number: str | None = None
    session: str | None = None
    heading: str | None = None  # the document's own title as printed (`MOTIE VAN …`)
    subject: str | None = None
    title: str | None = None
    date: dt.date | None = None
    submitted: dt.date | None = None
    place: str | None = None
    recipient: str | None = None
    questioners: list[Questioner] = field(default_factory=list)
    signatories: list[Signatory] = field(default_factory=list)
    descriptions: list[str] = field(default_factory=list)  # kamervragen's `Vragen van …` lines
    footnotes: dict[int, str] = field(default_factory=dict)
    metadata: Metadata = field(default_factory=dict)
    sections: list[_Section] = field(default_factory=lambda: [_Section(None, 1)])
    blocks: int = 0

    def heading_at(self, title: str, level: int = 1) -> None:
        """Open a section under heading `title`."""
        title = clean(title)
        if title:
            self.blocks += 1
            self.sections.append(_Section(title, max(1, level), start=self.blocks - 1))

    def paragraph(self, text: str, refs: list[tuple[int, int]] | None = None) -> None:
        """Add a paragraph of the current section; `refs` are (offset, footnote number)."""
        raw = text.replace("\u00a0", " ")
        if not raw.strip():
            return
        # offsets were counted in `raw`; re-count them in the white-space-collapsed text
        marks = sorted(refs or [])
        out: list[str] = []
        found: list[FootnoteRef] = []
        pos = 0
        for offset, number in marks:
            out.append(raw[pos:offset])
            found.append(FootnoteRef(len(clean("".join(out)).rstrip()), number))
            pos = offset
        out.append(raw[pos:])
        self.blocks += 1
        span = SourceSpan(self.blocks - 1, self.blocks)
        self.sections[-1].paragraphs.append(Paragraph(clean("".join(out)), span, tuple(found)))

    def footnote(self, number: int, text: str) -> None:
        """Record footnote `number`; a repeated number keeps its first text."""
        if clean(text):
            self.footnotes.setdefault(number, clean(text))

    def last_paragraphs(self) -> list[Paragraph]:
        """The paragraphs of the last section (the rules take signatures off its end)."""
        return self.sections[-1].paragraphs

    def letter(self, data: bytes) -> Letter:
        """The `Letter` this draft describes, its identity and citation completed."""
        sections = tuple(
            Section(s.title, s.level, tuple(s.paragraphs), SourceSpan(s.start, self.blocks))
            for s in self.sections
            if s.title is not None or s.paragraphs
        ) or (Section(None, 1, (), SourceSpan(0, 0)),)
        roles = [s.role for s in self.signatories if s.role]
        letter = Letter(
            id=text_id(data.decode("utf-8", errors="replace")),
            source=self.source,
            kind=self.kind or "document",
            title=self.title or "Untitled document",
            date=self.date,
            place=self.place,
            recipient=self.recipient,
            sender=roles[0].removeprefix("De ") if roles else None,
            sections=sections,
            footnotes=tuple(Footnote(n, t) for n, t in sorted(self.footnotes.items())),
            signatories=tuple(self.signatories),
            number=self.number,
            heading=self.heading,
            subject=self.subject,
            identifier=self.identifier,
            dossier=self.dossier,
            session=self.session,
            submitted=self.submitted,
            questioners=tuple(self.questioners),
        )
        return with_identity(letter)
