"""The letter model: frozen dataclasses that every other layer reads.

A `Letter` is what the parser makes of one Kamerbrief. Each block keeps the span of source
lines it came from (`SourceSpan`), so an annotation or a bug report can point back at the raw
text. Nothing here knows about files, caches or the screen.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, Literal

Kind = Literal[
    "brief", "kamervragen", "verslag", "motie", "besluitenlijst", "wetsvoorstel", "document"
]
KINDS: tuple[Kind, ...] = (
    "brief",
    "kamervragen",
    "verslag",
    "motie",
    "besluitenlijst",
    "wetsvoorstel",
    "document",
)


@dataclass(frozen=True, slots=True)
class SourceSpan:
    """Lines `start` (inclusive) to `end` (exclusive) of the ingested text, 0-based."""

    start: int
    end: int


@dataclass(frozen=True, slots=True)
class FootnoteRef:
    """A footnote marker detached from the text: footnote `number` sits after `offset`."""

    offset: int
    number: int


@dataclass(frozen=True, slots=True)
class Paragraph:
    """One paragraph of clean text (a single line) with its detached footnote markers."""

    text: str
    span: SourceSpan = SourceSpan(0, 0)
    footnote_refs: tuple[FootnoteRef, ...] = ()


@dataclass(frozen=True, slots=True)
class Section:
    """A heading (or `None` for the text before the first heading) and its paragraphs."""

    title: str | None
    level: int
    paragraphs: tuple[Paragraph, ...]
    span: SourceSpan = SourceSpan(0, 0)


@dataclass(frozen=True, slots=True)
class Footnote:
    """A footnote body moved out of the running text."""

    number: int
    text: str
    span: SourceSpan = SourceSpan(0, 0)


@dataclass(frozen=True, slots=True)
class Signatory:
    """One signer of the closing block: `role` as written (without the comma) and `name`."""

    role: str
    name: str


@dataclass(frozen=True, slots=True)
class Questioner:
    """A member who asked written questions (kamervragen): `name` and `party` (or None)."""

    name: str
    party: str | None = None


@dataclass(frozen=True, slots=True)
class Cite:
    """A reference as the letter writes it, and the official identifier it names, if one."""

    text: str
    identifier: str | None = None


@dataclass(frozen=True, slots=True)
class Letter:
    """A parsed letter. `id` is a hash of the ingested text, stable across paths."""

    id: str
    source: str
    kind: str
    title: str
    date: dt.date | None
    place: str | None
    recipient: str | None
    sender: str | None
    sections: tuple[Section, ...]
    footnotes: tuple[Footnote, ...] = ()
    signatories: tuple[Signatory, ...] = ()
    references: tuple[str, ...] = ()
    number: str | None = None
    heading: str | None = None
    subject: str | None = None
    identifier: str | None = None
    dossier: str | None = None
    session: str | None = None
    kenmerk: str | None = None
    citation: str | None = None
    submitted: dt.date | None = None
    questioners: tuple[Questioner, ...] = ()
    cites: tuple[Cite, ...] = ()

    @property
    def paragraph_count(self) -> int:
        """Number of paragraphs over all sections."""
        return sum(len(s.paragraphs) for s in self.sections)

    def footnote(self, number: int) -> Footnote | None:
        """The footnote with this number, if the letter has one."""
        for note in self.footnotes:
            if note.number == number:
                return note
        return None

    def to_json(self) -> dict[str, Any]:
        """The `parse --json` shape of DESIGN.md (plus a few added fields)."""
        return {
            "id": self.id,
            "source": self.source,
            "kind": self.kind,
            "identifier": self.identifier,
            "dossier": self.dossier,
            "number": self.number,
            "session": self.session,
            "kenmerk": self.kenmerk,
            "citation": self.citation,
            "title": self.title,
            "date": self.date.isoformat() if self.date else None,
            "submitted": self.submitted.isoformat() if self.submitted else None,
            "questioners": [{"name": q.name, "party": q.party} for q in self.questioners],
            "place": self.place,
            "recipient": self.recipient,
            "sender": self.sender,
            "heading": self.heading,
            "subject": self.subject,
            "signatories": [{"role": s.role, "name": s.name} for s in self.signatories],
            "sections": [
                {
                    "title": s.title,
                    "level": s.level,
                    "paragraphs": [p.text for p in s.paragraphs],
                    "footnote_refs": [
                        [{"offset": r.offset, "number": r.number} for r in p.footnote_refs]
                        for p in s.paragraphs
                    ],
                    "lines": [s.span.start + 1, s.span.end],
                }
                for s in self.sections
            ],
            "footnotes": [{"number": f.number, "text": f.text} for f in self.footnotes],
            "references": list(self.references),
            "cites": [{"text": c.text, "identifier": c.identifier} for c in self.cites],
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Letter:
        """Rebuild a letter from `to_json()` output (paragraph spans are not in it)."""
        sections = []
        for s in data["sections"]:
            refs = s.get("footnote_refs") or [[] for _ in s["paragraphs"]]
            paras = []
            for j, text in enumerate(s["paragraphs"]):
                paras.append(
                    Paragraph(
                        text,
                        SourceSpan(0, 0),
                        tuple(FootnoteRef(r["offset"], r["number"]) for r in refs[j]),
                    )
                )
            start, end = s.get("lines", [1, 0])
            sections.append(
                Section(s["title"], s["level"], tuple(paras), SourceSpan(start - 1, end))
            )
        date = dt.date.fromisoformat(data["date"]) if data.get("date") else None
        submitted = data.get("submitted")
        return cls(
            id=data["id"],
            source=data["source"],
            kind=data["kind"],
            title=data["title"],
            date=date,
            place=data.get("place"),
            recipient=data.get("recipient"),
            sender=data.get("sender"),
            sections=tuple(sections),
            footnotes=tuple(Footnote(f["number"], f["text"]) for f in data.get("footnotes", [])),
            signatories=tuple(Signatory(s["role"], s["name"]) for s in data.get("signatories", [])),
            references=tuple(data.get("references", [])),
            number=data.get("number"),
            heading=data.get("heading"),
            subject=data.get("subject"),
            identifier=data.get("identifier"),
            dossier=data.get("dossier"),
            session=data.get("session"),
            kenmerk=data.get("kenmerk"),
            citation=data.get("citation"),
            submitted=dt.date.fromisoformat(submitted) if submitted else None,
            questioners=tuple(
                Questioner(q["name"], q.get("party")) for q in data.get("questioners", [])
            ),
            cites=tuple(Cite(c["text"], c.get("identifier")) for c in data.get("cites", [])),
        )
