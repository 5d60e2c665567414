"""SDU-typeset documents (Kamerstukken, Aanhangsels): their identity from the page furniture.

The running footer names the document (`kst-36045-151`, `ah-tk-20232024-1314`) and the
session (`Tweede Kamer, vergaderjaar 2023–2024, …`); the lines module takes these lines out
of the text and keeps them, and this stage reads them.
"""

from __future__ import annotations

import re

from briefreader.parsing.identity import normalize_session, parse_identifier
from briefreader.parsing.state import ParseState

__all__ = ["identity_stage"]

_ID = re.compile(r"^((?:kst|ah-[a-z]{2}|h-[a-z]{2})-[\w-]+?)(?:\s|$)")
# `h tk 20232024 387`: the footer id with its hyphens (and the `a`) lost by a converter
_LOST_ID = re.compile(r"^a?h\s([a-z]{2})\s(\d{8})\s(\d+)$")
_SESSION = re.compile(r"[Vv]ergaderjaar\s+(\d{4}\s*[–-]\s*\d{4})")


def identity_stage(state: ParseState) -> None:
    """Identifier and session from the furniture, the first that reads as one."""
    for text in state.furniture:
        lost = _LOST_ID.match(text)
        if lost:
            text = f"ah-{lost.group(1)}-{lost.group(2)}-{lost.group(3)}"
        m = _ID.match(text)
        if m and state.identifier is None and parse_identifier(m.group(1)):
            state.identifier = m.group(1)
        s = _SESSION.search(text)
        if s and state.session is None:
            state.session = normalize_session(s.group(1).replace(" ", ""))
