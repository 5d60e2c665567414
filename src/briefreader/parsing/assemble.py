"""The last stage of the parser: blocks to a `Letter` (`parse_letter`).

`parse_letter` runs the stages the rule tables in `table.py` order, then joins each block's
lines with the document's hyphen judge, moves footnote markers out of the text and fills in
the metadata (kind, sender, title, identity, references). Import it from `briefreader.parsing`.
"""

from __future__ import annotations

import re
from operator import itemgetter

from briefreader.ingest import text_id
from briefreader.model import (
    Footnote,
    FootnoteRef,
    Letter,
    Paragraph,
    Section,
    Signatory,
    SourceSpan,
)
from briefreader.parsing.footnotes import MARK_CLOSE, MARK_OPEN
from briefreader.parsing.hyphens import DROP, SPACE, HyphenJudge
from briefreader.parsing.identity import with_identity
from briefreader.parsing.lines import Line
from briefreader.parsing.meta import kind_of, sender_of, title_of
from briefreader.parsing.sender import letter_sender
from briefreader.parsing.state import ParseState
from briefreader.parsing.table import run_stages

_MARK = re.compile(f"{MARK_OPEN}(\\d+){MARK_CLOSE}")
_URL_TAIL = re.compile(r"^\(?(?:https?:|www\.)\S*[/=?&_#]$")
_URL_ENDS = ("/", "=", "?", "&", "_", "#")  # what `_URL_TAIL` ends on: most lines skip it
_JOIN_ENDS = frozenset(("-", *_URL_ENDS))  # a block without a line ending so: spaces
_LAST = itemgetter(-1)


def _plain(text: str) -> str:
    """`text` without footnote-marker sentinels."""
    return _MARK.sub("", text) if MARK_OPEN in text else text


def _join(lines: list[Line], judge: HyphenJudge) -> str:
    """The lines of one block as one line; each join looks only at the two lines it joins."""
    texts = [line.text for line in lines]
    if all(texts) and _JOIN_ENDS.isdisjoint(map(_LAST, texts[:-1])):
        return " ".join(texts)  # most blocks: no line (but the last) ends on a hyphen or a URL
    parts = [lines[0].text]
    for line in lines[1:]:
        prev = parts[-1]
        if prev.endswith("-") and len(prev) > 1 and prev[-2] != " ":
            mode = judge.mode(prev, line.text)
            if mode == DROP:
                parts[-1] = prev[:-1]
            parts.append(" " + line.text if mode == SPACE else line.text)
        elif prev.endswith(_URL_ENDS) and _URL_TAIL.search(prev.rsplit(" ", 1)[-1]):
            parts.append(line.text)
        else:
            parts.append(" " + line.text)
    return "".join(parts)


def _squeeze(text: str) -> str:
    """`text` with every run of white space one space and none at the ends."""
    # Only the space is both white and printable: most paragraphs need no split and join.
    if text.isprintable() and "  " not in text and text[:1] != " " and text[-1:] != " ":
        return text
    return " ".join(text.split())


def _paragraph(lines: list[Line], judge: HyphenJudge) -> Paragraph:
    raw = _squeeze(_join(lines, judge))
    span = SourceSpan(lines[0].index, lines[-1].index + 1)
    if MARK_OPEN not in raw:
        return Paragraph(raw, span, ())  # most paragraphs: no footnote marker
    refs: list[FootnoteRef] = []
    parts: list[str] = []
    pos = 0
    length = 0
    for m in _MARK.finditer(raw):
        chunk = raw[pos : m.start()]
        parts.append(chunk)
        length += len(chunk)
        refs.append(FootnoteRef(length, int(m.group(1))))
        pos = m.end()
        if raw.startswith(" ", pos) and (length == 0 or "".join(parts).endswith(" ")):
            pos += 1  # a marker standing alone between words (or first) leaves no extra space
    parts.append(raw[pos:])
    text = "".join(parts)
    if text.endswith(" "):  # a marker standing alone at the end
        text = text.rstrip()
        refs = [FootnoteRef(min(r.offset, len(text)), r.number) for r in refs]
    return Paragraph(text, span, tuple(refs))


def parse_letter(text: str, source: str = "<text>") -> Letter:
    """Parse the cleaned text of one letter (see `ingest.read_letter_text`)."""
    state = run_stages(ParseState(text, source))
    body, start, end, header, pairs = state.body, state.start, state.end, state.header, state.pairs
    judge = state.judge or HyphenJudge([])
    raw_notes, blocks = state.notes, state.blocks

    sections: list[Section] = []
    title: str | None = None
    level = 1
    paragraphs: list[Paragraph] = []
    first_line = body[start].index if start < len(body) else 0
    span_start = first_line

    def close(next_start: int) -> None:
        if title is not None or paragraphs:
            sections.append(
                Section(title, level, tuple(paragraphs), SourceSpan(span_start, next_start))
            )

    for block in blocks:
        if block.heading:
            close(block.lines[0].index)
            title, level, paragraphs = _plain(block.lines[0].text), block.level, []
            span_start = block.lines[0].index
        else:
            paragraphs.append(_paragraph(block.lines, judge))
    close(body[end - 1].index + 1 if end > 0 else 0)
    if not sections:
        sections.append(Section(None, 1, (), SourceSpan(0, 0)))

    footnotes = tuple(
        Footnote(
            n.number,
            _squeeze(_join(n.lines, judge)),
            SourceSpan(n.lines[0].index, n.lines[-1].index + 1),
        )
        for n in raw_notes
    )
    headings = [s.title for s in sections if s.title]
    all_paras = [p.text for s in sections for p in s.paragraphs]
    first_para = all_paras[0] if all_paras else ""
    roles = [role for role, _ in pairs]
    kind = state.kind or kind_of(header.heading, header.recipient, first_para, headings)
    letter = Letter(
        id=text_id(text),
        source=source,
        kind=kind,
        title=state.title
        or title_of(header.subject or header.dossier_title, header.heading, first_para, headings),
        date=header.date,
        place=header.place,
        recipient=header.recipient,
        sender=letter_sender(
            kind, pairs, sender_of(roles, header.heading, first_para) or header.committee
        ),
        sections=tuple(sections),
        footnotes=footnotes,
        signatories=tuple(Signatory(role, name) for role, name in pairs),
        number=header.number,
        heading=header.heading,
        subject=header.subject,
        identifier=state.identifier,
        dossier=state.dossier,
        session=state.session,
        kenmerk=state.kenmerk,
        submitted=state.submitted,
        questioners=tuple(state.questioners),
    )
    return with_identity(letter)  # identifier, citation, references and cites
