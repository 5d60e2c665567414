"""Text to `Letter`: `parse_letter()` is the one public name of the parser.

The stages run one way, as the rule tables in `table.py` order them: lines (page breaks,
gaps, furniture) → kind signs → footnotes out, markers detached → header block → closing
block → headings and paragraphs (block rules per kind); then `assemble`: line joining with
the document's hyphen judge → metadata (kind, sender, title, identity, references).

The face loads the parser on first use: `identity`, `dates` or `lines` alone import without
it (the reader's first frame and the links between documents need only those).
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from briefreader.parsing.assemble import parse_letter

__all__ = ["parse_letter"]


def __getattr__(name: str) -> object:
    """`parse_letter`, imported on first use."""
    if name != "parse_letter":
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = import_module("briefreader.parsing.assemble").parse_letter
    globals()[name] = value
    return value
