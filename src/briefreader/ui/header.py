"""The letter's header and the links in its text: how the reader names a document.

The header reads as a Dutch reader expects: the citation (`Kamerstuk 36 045, nr. 151`), the
kind and date on one line; for kamervragen who asked and when the questions were submitted
and answered; the recipient as the letter writes it (no English label before Dutch text);
the references; and the documents in the library that cite this one. References anywhere
are links: their style carries what a click follows.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from rich.style import Style
from rich.text import Text

from briefreader.links import cite_spans
from briefreader.model import Cite, Letter
from briefreader.ui.kinds import kind_label
from briefreader.ui.wrapping import Wrapped

REFERENCES_INLINE = 3  # more references than this go to the end of the letter
CITED_BY_INLINE = 3  # the header names this many citing documents; `i` lists them all
Block = Wrapped | list[Text]  # a text wrapped to the pane, or lines as they are
Wrap = Callable[[Text, int, int], Block]


def link_style(link: Style, text: str, identifier: str | None) -> Style:
    """The style of a reference: the link look, and what a click on it follows."""
    return link + Style(meta={"cite": text, "identifier": identifier})


def mark_links(text: Text, plain: str, link: Style, shift: int = 0) -> None:
    """Style every reference found in `plain` (which starts `shift` cells into `text`)."""
    for start, end, cite in cite_spans(plain):
        text.stylize(link_style(link, cite.text, cite.identifier), start + shift, end + shift)


def header_facts(letter: Letter) -> list[tuple[str | None, str]]:
    """The header's lines under the title as `(label, value)`; a value in the letter's own
    Dutch (the recipient) stands without an English label."""
    number = letter.citation or (f"nr. {letter.number}" if letter.number else None)
    iso = letter.date.isoformat() if letter.date else None
    if letter.kind == "kamervragen":
        submitted = letter.submitted.isoformat() if letter.submitted else None
        dates = [f"submitted {submitted}" if submitted else "", f"answered {iso}" if iso else ""]
        when: str | None = ", ".join(d for d in dates if d) or None
    else:
        when = iso
    first = " · ".join(f for f in (number, kind_label(letter.kind), when, letter.place) if f)
    asked = ", ".join(f"{q.name} ({q.party})" if q.party else q.name for q in letter.questioners)
    rows: list[tuple[str | None, str | None]] = [
        (None, first),
        ("Asked by", asked),
        ("From", letter.sender),
        (None, letter.recipient),
        ("Subject", letter.subject),
        ("References", references_line(letter)),
    ]
    return [(label, value) for label, value in rows if value]


def header_lines(
    letter: Letter,
    cited_by: Sequence[Cite],
    styles: Mapping[str, Style],
    wrap: Wrap,
    rule: int,
) -> list[Block]:
    """The header as blocks of lines: the title, `header_facts`, the documents citing this
    one as links, and a rule `rule` cells wide; `wrap(text, indent, hang)` fits a line to
    the pane."""
    out = [wrap(Text(letter.title, styles["title"]), 0, 0)]
    for label, value in header_facts(letter):
        if label is None:
            out.append(wrap(Text(value, styles["meta"]), 0, 0))
            continue
        line = Text.assemble((f"{label}: ", styles["label"]), (value, styles["meta"]))
        if label == "References":
            mark_links(line, value, styles["link"], len(label) + 2)
        out.append(wrap(line, 0, len(label) + 2))
    if cited_by:
        label = "Cited by"
        line = Text(f"{label}: ", styles["label"])
        for n, cite in enumerate(cited_by[:CITED_BY_INLINE]):
            line.append("; " if n else "", styles["meta"])
            line.append(cite.text, link_style(styles["link"], cite.text, cite.identifier))
        more = len(cited_by) - CITED_BY_INLINE
        line.append(f"; and {more} more" if more > 0 else "", styles["meta"])
        line.append("  (i lists them)", styles["meta"])
        out.append(wrap(line, 0, len(label) + 2))
    return [*out, [Text("─" * rule, styles["rule"])]]


def references_line(letter: Letter) -> str | None:
    """The references in one line, or the first two and how many more (listed at the end)."""
    refs = letter.references
    if len(refs) <= REFERENCES_INLINE:
        return "; ".join(refs) or None
    more = len(refs) - 2
    return f"{refs[0]}; {refs[1]}; and {more} more (listed at the end)"
