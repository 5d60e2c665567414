"""Citing a passage the way Dutch texts do: `(Kamerstuk 36 045, nr. 151, p. 3)`.

The page comes from where the passage stood in its source: each paragraph keeps the span of
source lines it came from, and a source with pages (a PDF, or its text as pypdf or
`pdftotext` give it) marks where each page starts (a form feed, or pypdf's line that opens
with one space). A source without page marks (XML, HTML, text copied from a web page) is
cited without a page.

- `page_starts(text)`: the source lines where pages 2, 3, … begin (None: no pages);
- `source_pages(path)`: the same, read from a document file (cached while it is unchanged);
  `letter_pages(letter)`: of the file a letter was read from;
- `passage_pages(letter, section, paragraph, pages)`: the page or pages of one passage;
- `passage_citation(...)`: the citation of one passage; `quote_with_citation(...)`: what `y`
  copies, the passage and its citation line.
"""

from __future__ import annotations

import bisect
import functools
import re
from pathlib import Path

from briefreader.errors import UserError
from briefreader.ingest import read_bytes
from briefreader.model import Letter, Paragraph
from briefreader.parsing.identity import dutch_date
from briefreader.parsing.lines import split_lines

Pages = tuple[int, ...]


def page_starts(text: str, *, paged: bool = False) -> Pages | None:
    """The 0-based lines of `text` where its pages after the first begin, or None when the
    text has no page marks (and is not `paged`, as a PDF's text is even with one page)."""
    starts = tuple(line.index for line in split_lines(text)[1:] if line.page_start)
    return starts if starts or paged else None


@functools.lru_cache(maxsize=64)
def _pages_of(path: str, size: int, mtime: int) -> Pages | None:
    from briefreader.sources import document_text  # the readers load when a page is asked for

    try:
        data = read_bytes(Path(path))
        text = document_text(data, path)  # None: markup, which has no pages
    except UserError:
        return None
    return None if text is None else page_starts(text, paged=data.startswith(b"%PDF"))


def source_pages(path: Path | str) -> Pages | None:
    """`page_starts` of a document file, or None when it has no pages or cannot be read."""
    try:
        st = Path(path).stat()
    except OSError:
        return None
    return _pages_of(str(path), st.st_size, st.st_mtime_ns)


def letter_pages(letter: Letter) -> Pages | None:
    """`source_pages` of the file a letter was read from (its `source`), or None."""
    if not letter.source or letter.source.startswith("<"):
        return None
    return source_pages(letter.source)


def _paragraph(letter: Letter, section: int, paragraph: int) -> Paragraph | None:
    if 0 <= section < len(letter.sections):
        paras = letter.sections[section].paragraphs
        if 0 <= paragraph < len(paras):
            return paras[paragraph]
    return None


def passage_pages(
    letter: Letter, section: int, paragraph: int, pages: Pages | None
) -> tuple[int, int] | None:
    """The first and last page of the passage `(section, paragraph)`, or None when the source
    has no pages or the passage has no source lines."""
    para = _paragraph(letter, section, paragraph)
    if pages is None or para is None or para.span.end <= para.span.start:
        return None
    first = bisect.bisect_right(pages, para.span.start) + 1
    last = bisect.bisect_right(pages, para.span.end - 1) + 1
    return first, last


def letter_citation(letter: Letter) -> str:
    """How Dutch texts cite the letter: its `citation` (`Kamerstuk 36 045, nr. 151`), else its
    title and date (`Verzamelbrief luchtvaart, 18 oktober 2023`)."""
    if letter.citation:
        return letter.citation
    title = re.sub(r"\s+", " ", letter.title).strip()
    return f"{title}, {dutch_date(letter.date)}" if letter.date else title


def passage_citation(
    letter: Letter, section: int, paragraph: int, pages: Pages | None = None
) -> str:
    """The citation of one passage in the Dutch convention, in brackets:
    `(Kamerstuk 36 045, nr. 151, p. 3)`; `p. 3-4` across a page break; no page when the
    source has none (`pages` from `source_pages`)."""
    out = letter_citation(letter)
    span = passage_pages(letter, section, paragraph, pages)
    if span is not None:
        first, last = span
        out += f", p. {first}" if first == last else f", p. {first}-{last}"
    return f"({out})"


def quote_with_citation(
    letter: Letter, section: int, paragraph: int, pages: Pages | None = None
) -> str:
    """What `y` copies: the passage (a heading when the section has no such paragraph), a
    blank line and its citation line."""
    para = _paragraph(letter, section, paragraph)
    if para is not None:
        text = para.text
    elif 0 <= section < len(letter.sections):
        text = letter.sections[section].title or ""
    else:
        text = ""
    return f"{text}\n\n{passage_citation(letter, section, paragraph, pages)}\n"
