"""Each format's reader, chosen by `sniff`: the bytes of a document to its `Letter`.

The text formats (plain text, PDF) go through the text parser; the structured ones (official
XML, HTML, ODT) are read from their elements. Import these from `briefreader.sources`.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from briefreader.ingest import clean_text, read_bytes, text_from_bytes
from briefreader.model import Letter
from briefreader.parsing import parse_letter
from briefreader.sources.html import read_html
from briefreader.sources.odt import read_odt
from briefreader.sources.pdf import pdf_text
from briefreader.sources.recognise import sniff
from briefreader.sources.repair import repair_text
from briefreader.sources.webtext import strip_web_furniture
from briefreader.sources.xml import read_xml

Reader = Callable[[bytes, str], Letter]


def _plain(data: bytes, source: str) -> str:
    # pypdf-made text splits accents as the PDF reader's text would (`Kostic´`)
    return strip_web_furniture(repair_text(text_from_bytes(data, source)))


def _pdf_lines(data: bytes, source: str) -> str:
    return clean_text(pdf_text(data, source))


# The text the parser reads, per format that is read as text (`document_text` gives it).
TEXTS: dict[str, Callable[[bytes, str], str]] = {"text": _plain, "pdf": _pdf_lines}


def _text(data: bytes, source: str) -> Letter:
    return parse_letter(_plain(data, source), source)


def _pdf(data: bytes, source: str) -> Letter:
    return parse_letter(_pdf_lines(data, source), source)


def _html(data: bytes, source: str) -> Letter:
    # a page that is no official publication is read as the text it shows
    return read_html(data, source, lambda text, name: _text(text.encode("utf-8"), name))


# One line per format: `sniff` names it, its reader makes the letter.
READERS: dict[str, Reader] = {
    "text": _text,
    "pdf": _pdf,
    "xml": read_xml,
    "html": _html,
    "odt": read_odt,
}


def document_text(data: bytes, source: str) -> str | None:
    """The plain text the parser reads from a text or PDF document, whose line numbers are
    the letter's source spans and whose page breaks (form feeds, pypdf's one-space lines) are
    its pages; None for markup (XML, HTML, ODT), which is read from its elements."""
    read = TEXTS.get(sniff(data, source))
    return None if read is None else read(data, source)


def letter_from_bytes(data: bytes, source: str) -> Letter:
    """The letter in a document's bytes; `UserError` when the format cannot be read."""
    return READERS.get(sniff(data, source), _text)(data, source)


def read_document(path: Path) -> Letter:
    """Read and parse one document file, or raise `UserError` saying what is wrong with it."""
    return letter_from_bytes(read_bytes(path), str(path))
