"""A parsed letter as the parse cache stores it: compressed JSON, its source lines included.

`pack(letter)` gives the bytes (made in the worker processes that parse), `unpack(blob,
source)` the letter again, equal to the one parsed, with the source lines of each paragraph
and footnote that `parse --json` leaves out but a bug report points at.
"""

from __future__ import annotations

import json
import zlib
from dataclasses import replace
from typing import Any

from briefreader.model import Letter, SourceSpan


def pack(letter: Letter) -> bytes:
    """The cache's bytes for a letter."""
    return zlib.compress(json.dumps(_cache_json(letter)).encode(), 3)


def unpack(blob: bytes, source: str) -> Letter:
    """The letter `pack` stored, read from `source`."""
    data = json.loads(zlib.decompress(blob))
    data["source"] = source
    return _from_cache_json(data)


def _cache_json(letter: Letter) -> dict[str, Any]:
    """`to_json()` plus the source lines of each paragraph and footnote (under `_spans`)."""
    data = letter.to_json()
    data["_spans"] = {
        "paragraphs": [[[p.span.start, p.span.end] for p in s.paragraphs] for s in letter.sections],
        "footnotes": [[f.span.start, f.span.end] for f in letter.footnotes],
    }
    return data


def _from_cache_json(data: dict[str, Any]) -> Letter:
    """The letter `_cache_json` stored, spans included."""
    spans = data.pop("_spans", {})
    letter = Letter.from_json(data)
    paragraphs, footnotes = spans.get("paragraphs", []), spans.get("footnotes", [])
    if len(paragraphs) == len(letter.sections):
        sections = tuple(
            replace(
                section,
                paragraphs=tuple(
                    replace(p, span=SourceSpan(*span))
                    for p, span in zip(section.paragraphs, section_spans, strict=False)
                ),
            )
            for section, section_spans in zip(letter.sections, paragraphs, strict=True)
        )
        letter = replace(letter, sections=sections)
    if len(footnotes) == len(letter.footnotes):
        notes = zip(letter.footnotes, footnotes, strict=True)
        letter = replace(letter, footnotes=tuple(replace(f, span=SourceSpan(*s)) for f, s in notes))
    return letter
