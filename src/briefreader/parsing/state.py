"""What the parser knows about one document while its rules run (`ParseState`)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from briefreader.model import Questioner
from briefreader.parsing.footnotes import RawFootnote
from briefreader.parsing.header import Header
from briefreader.parsing.hyphens import HyphenJudge
from briefreader.parsing.lines import Line
from briefreader.parsing.rules import Block

__all__ = ["ParseState"]


@dataclass(slots=True)
class ParseState:
    """The document as the stage rules see it, filled in stage by stage.

    `lines` are all non-blank lines without page furniture (kept apart in `furniture`);
    `body` is `lines` without footnote bodies; `body[start:end]` is the text between the
    header and the closing block, which the block rules turn into `blocks`. `kind` is set
    early by the kind signs so later stages can be chosen per kind; identity fields found in
    the text (a footer's id, a header's dossier) are kept for the letter.
    """

    text: str
    source: str
    lines: list[Line] = field(default_factory=list)
    furniture: list[str] = field(default_factory=list)
    judge: HyphenJudge | None = None
    body: list[Line] = field(default_factory=list)
    notes: list[RawFootnote] = field(default_factory=list)
    header: Header = field(default_factory=Header)
    start: int = 0
    end: int = 0
    pairs: list[tuple[str, str]] = field(default_factory=list)
    blocks: list[Block] = field(default_factory=list)
    kind: str | None = None
    title: str | None = None
    identifier: str | None = None
    dossier: str | None = None
    session: str | None = None
    kenmerk: str | None = None
    submitted: dt.date | None = None
    questioners: list[Questioner] = field(default_factory=list)
