"""Lays a parsed letter out as wrapped, styled lines for the reader pane.

The reader draws only the lines on screen (Textual's Line API), so the whole letter is turned
into a flat list of short `Text` lines once per width, with a map from each line to the passage
(paragraph) it belongs to. Passages are what the cursor moves over and what the reading state,
annotations and search hits point at: `(section index, paragraph index)`, with paragraph `-1`
for the heading of a section that has no paragraphs of its own.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import partial

from rich.style import Style
from rich.text import Text

from briefreader.links import cite_spans
from briefreader.model import Cite, Letter, Paragraph
from briefreader.textsafe import has_unsafe, unsafe_spans
from briefreader.ui.header import REFERENCES_INLINE, header_lines, link_style, mark_links
from briefreader.ui.wrapping import Lines, Owners, Wrapped, wrap_offsets

GUTTER = 2  # the cursor bar and a space, left of every line
MEASURE = 92  # at most this many cells of text per line: long lines tire the eye
SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")

# The styles the layout asks for; the reader widget maps them to its component classes.
STYLE_NAMES = (
    "title",
    "meta",
    "label",
    "heading",
    "marker",
    "footnote",
    "closing",
    "rule",
    "match",
    "link",
    "changed",
)
Spans = Sequence[tuple[int, int]]
Marks = Mapping[tuple[int, int], Spans]  # (section, paragraph or -1 heading) -> spans to mark


@dataclass(frozen=True, slots=True)
class Aside:
    """What the reader shows with a letter from outside it: the library's documents that
    cite it (header links), and the notes whose passage was corrected since they were made:
    `(section, paragraph)` → the quote the note was made on, shown under the new text."""

    cited_by: tuple[Cite, ...] = ()
    changed: Mapping[tuple[int, int], str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Passage:
    """One place the cursor can stand: lines `start` to `end` (exclusive) of the layout."""

    section: int
    paragraph: int
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Place:
    """Where the cursor stands, in letter terms (not screen rows)."""

    section: int
    paragraph: int
    percent: int


@dataclass(slots=True)
class LetterLayout:
    """A letter as lines of one width, with the passages and section headings located."""

    width: int
    lines: Lines = field(default_factory=Lines)  # made as they are drawn
    passages: list[Passage] = field(default_factory=list)
    section_starts: list[int] = field(default_factory=list)  # first line of each section

    @property
    def owners(self) -> Owners:
        """The passage index of each line, -1 for none."""
        return Owners(self.lines)

    def place(self, cursor: int) -> Place:
        """Passage `cursor` in letter terms, with how far through the letter it ends; the
        last passage is 100%, whatever closing lines (signatures, references) follow it."""
        p = self.passages[cursor]
        if cursor == len(self.passages) - 1:
            return Place(p.section, p.paragraph, 100)
        return Place(p.section, p.paragraph, min(99, round(100 * p.end / max(len(self.lines), 1))))

    def passage_at(self, line: int) -> int:
        """The passage index at `line`, else the nearest passage after it, else the last."""
        for n in range(max(line, 0), len(self.lines)):
            if self.lines.owner(n) >= 0:
                return self.lines.owner(n)
        return len(self.passages) - 1

    def passage_index(self, section: int, paragraph: int) -> int | None:
        """The index of the passage `(section, paragraph)`, if the letter has it."""
        for i, p in enumerate(self.passages):
            if p.section == section and p.paragraph == paragraph:
                return i
        return None

    def first_passage_of(self, section: int) -> int:
        """The first passage of a section (its heading passage when it has no paragraphs)."""
        for i, p in enumerate(self.passages):
            if p.section >= section:
                return i
        return len(self.passages) - 1


def shown(text: Text) -> Text:
    """`text` without what must not reach the screen (escapes, controls, bidi and zero-width
    marks; see `textsafe`), its styles kept. Letters are cleaned when read; this holds for
    whatever else ends up in a layout (a cached parse, a reader of another format)."""
    plain = text.plain
    if not has_unsafe(plain):
        return text
    cuts = [offset for span in unsafe_spans(plain) for offset in span]
    pieces = text.divide(cuts)
    return Text("").join(piece for n, piece in enumerate(pieces) if n % 2 == 0)


# A Kamerstuk number is one word to the eye: `21 501-02, nr. 2433` never breaks inside.
_NUMBER = re.compile(
    r"\b\d{2} \d{3}(?:-\d{2})?(?: (?:[IVXLC]{1,6}|[A-Z])\b)?(?:,? nrs?\. \d+)?|\bnrs?\. \d+"
)


def glue_numbers(plain: str) -> str:
    """`plain` with the spaces inside Kamerstuk numbers made non-breaking (same length, so
    wrap offsets found in it hold for the original)."""
    return _NUMBER.sub(lambda m: m.group().replace(" ", "\u00a0"), plain)


def paragraph_text(
    paragraph: Paragraph,
    marker: Style,
    spans: Spans = (),
    match: Style | None = None,
    link: Style | None = None,
) -> Text:
    """The paragraph with its footnote markers put back as superscript numbers.

    `spans` (offsets in the paragraph's own text) are styled `match`, shifted past the
    markers put in before them; references are styled `link` when it is given.
    """
    text = Text()
    pos = 0
    shifts: list[tuple[int, int]] = []  # (offset in the paragraph, cells added before it)
    added = 0
    for ref in sorted(paragraph.footnote_refs, key=lambda r: r.offset):
        text.append(paragraph.text[pos : ref.offset])
        mark = str(ref.number).translate(SUPERSCRIPT)
        text.append(mark, marker)
        added += len(mark)
        shifts.append((ref.offset, added))
        pos = ref.offset
    text.append(paragraph.text[pos:])
    if link is not None:
        for start, end, cite in cite_spans(paragraph.text):
            style = link_style(link, cite.text, cite.identifier)
            text.stylize(style, start + _shift(shifts, start), end + _shift(shifts, end - 1))
    if match is not None:
        for start, end in spans:
            text.stylize(match, start + _shift(shifts, start), end + _shift(shifts, end - 1))
    return text


def paragraph_plain(paragraph: Paragraph) -> str:
    """The plain text of `paragraph_text(paragraph, ...)`, without making the `Text`."""
    out, pos = [], 0
    for ref in sorted(paragraph.footnote_refs, key=lambda r: r.offset):
        out += [paragraph.text[pos : ref.offset], str(ref.number).translate(SUPERSCRIPT)]
        pos = ref.offset
    out.append(paragraph.text[pos:])
    return "".join(out)


def _rstripped(make: Callable[[], Text]) -> Text:
    text = make()
    text.rstrip()
    return text


def _shift(shifts: list[tuple[int, int]], offset: int) -> int:
    """How many marker characters sit before `offset` of the paragraph text."""
    added = 0
    for at, total in shifts:
        if at <= offset:
            added = total
    return added


class _Builder:
    """Accumulates lines; one per letter and width."""

    def __init__(self, width: int, styles: Mapping[str, Style]) -> None:
        self.layout = LetterLayout(width)
        self.styles = styles
        self.measure = max(min(width - GUTTER - 1, MEASURE), 8)

    def blank(self) -> None:
        if len(self.layout.lines) and not self.layout.lines.last_blank:
            self.add([Text()], -1)

    def add(self, lines: Wrapped | list[Text], owner: int) -> None:
        self.layout.lines.add(lines, owner)

    def wrapped(self, text: Text, indent: int = 0, hang: int = 0) -> Wrapped:
        """`text` wrapped to the measure, the first line indented `indent`, the rest `hang`
        (where it breaks is worked out now; the lines are made when drawn)."""
        width = self.measure - max(indent, hang)
        text = shown(text)
        text.rstrip()
        plain = text.plain
        offsets = wrap_offsets(glue_numbers(plain), width)
        return Wrapped(lambda: text, offsets, indent, hang, not plain)

    def paragraph(self, paragraph: Paragraph, spans: Spans) -> Wrapped:
        """A paragraph wrapped to the measure; its styled text is made only when drawn (a
        50 MB letter is laid out by finding its line breaks, in C for plain prose)."""
        plain = paragraph_plain(paragraph)
        styles = self.styles
        make = partial(
            paragraph_text, paragraph, styles["marker"], spans, styles["match"], styles["link"]
        )
        if has_unsafe(plain):  # rare: made now, so that what is wrapped is what is shown
            return self.wrapped(make())
        plain = plain.rstrip()
        offsets = wrap_offsets(glue_numbers(plain), self.measure)
        return Wrapped(partial(_rstripped, make), offsets, 0, 0, not plain)

    def passage(self, section: int, paragraph: int, lines: Wrapped | list[Text]) -> None:
        layout = self.layout
        start = len(layout.lines)
        self.add(lines, len(layout.passages))
        layout.passages.append(Passage(section, paragraph, start, len(layout.lines)))


def build_layout(
    letter: Letter,
    width: int,
    styles: Mapping[str, Style],
    marks: Marks | None = None,
    aside: Aside | None = None,
) -> LetterLayout:
    """Lay `letter` out at `width` cells: header, sections with footnotes, signatories.

    `marks` are search matches to show: spans per paragraph, or per heading (paragraph -1).
    `aside`: the documents citing this one (in the header) and the changed notes' quotes.
    """
    marks = marks or {}
    aside = aside or Aside()
    b = _Builder(width, styles)
    for block in header_lines(letter, aside.cited_by, styles, b.wrapped, min(b.measure, 40)):
        b.add(block, -1)
    shown: set[int] = set()
    for s, section in enumerate(letter.sections):
        b.blank()
        b.layout.section_starts.append(len(b.layout.lines))
        indent = 2 * max(section.level - 1, 0)
        if section.title:
            title = Text(section.title, styles["heading"])
            for start, end in marks.get((s, -1), ()):
                title.stylize(styles["match"], start, end)
            heading = b.wrapped(title, indent, indent)
            if section.paragraphs:
                b.add(heading, -1)
                b.add([Text()], -1)
            else:
                b.passage(s, -1, heading)
        for p, paragraph in enumerate(section.paragraphs):
            if p:
                b.add([Text()], -1)
            b.passage(s, p, b.paragraph(paragraph, marks.get((s, p), ())))
            if (s, p) in aside.changed:  # the user's note quotes words no longer there
                was = Text("changed since your note, which quotes: ", styles["label"])
                was.append(f"“{aside.changed[(s, p)]}”", styles["changed"])
                b.add(b.wrapped(was, 2, 4), -1)
        numbers = [r.number for par in section.paragraphs for r in par.footnote_refs]
        notes = [n for n in dict.fromkeys(numbers) if n not in shown and letter.footnote(n)]
        if notes:
            _footnotes(b, letter, notes)
            shown.update(notes)
    rest = [f.number for f in letter.footnotes if f.number not in shown]
    if rest:
        b.blank()
        b.add([Text("Footnotes", styles["label"])], -1)
        _footnotes(b, letter, rest)
    _closing(b, letter)
    if not b.layout.passages:  # an empty letter still gets a place for the cursor
        b.passage(0, -1, [Text("(this letter has no text)", styles["meta"])])
    return b.layout


def _footnotes(b: _Builder, letter: Letter, numbers: list[int]) -> None:
    b.add([Text()], -1)
    for number in numbers:
        note = letter.footnote(number)
        if note is None:
            continue
        mark = str(number).translate(SUPERSCRIPT)
        line = Text.assemble((mark, b.styles["marker"]), " ", (note.text, b.styles["footnote"]))
        mark_links(line, note.text, b.styles["link"], len(mark) + 1)
        b.add(b.wrapped(line, 2, 3 + len(mark)), -1)


def _closing(b: _Builder, letter: Letter) -> None:
    for signatory in letter.signatories:
        b.blank()
        b.add(b.wrapped(Text(f"{signatory.role},", b.styles["closing"])), -1)
        b.add(b.wrapped(Text(signatory.name, b.styles["closing"])), -1)
    if len(letter.references) > REFERENCES_INLINE:
        b.blank()
        b.add([Text("References", b.styles["label"])], -1)
        for ref in letter.references:
            line = Text(f"- {ref}", b.styles["footnote"])
            mark_links(line, ref, b.styles["link"], 2)
            b.add(b.wrapped(line, 2, 4), -1)
