"""Files to `Letter`: one reader per format, chosen by what the file holds.

`read_document(path)` is the face of the package: it reads the file (refusing what is not a
readable regular file), recognises the format from the bytes and the name, and hands the
bytes to that format's reader. Every reader ends in the same `Letter`: the text ones (plain
text, PDF) through the text parser, the structured ones (official XML, HTML, ODT) from their
elements. The readers (`formats`) load on first use: the library lists a folder with
`is_document_name` without loading the parser or pypdfium2.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING

from briefreader.sources.recognise import (
    DOCUMENT_SUFFIXES,
    SIBLING_SUFFIXES,
    is_document_name,
    sniff,
)

if TYPE_CHECKING:
    from briefreader.sources.formats import document_text, letter_from_bytes, read_document

__all__ = [
    "DOCUMENT_SUFFIXES",
    "SIBLING_SUFFIXES",
    "document_text",
    "is_document_name",
    "letter_from_bytes",
    "read_document",
    "sniff",
]


def __getattr__(name: str) -> object:
    """The readers (`formats`), imported on first use."""
    if name not in ("document_text", "letter_from_bytes", "read_document"):
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module("briefreader.sources.formats"), name)
    globals()[name] = value
    return value
