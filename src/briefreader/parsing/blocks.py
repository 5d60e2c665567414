"""Block rules: each body line becomes a heading, opens a paragraph, or goes on one.

`build_blocks` walks the lines between header and closing and asks the block rules of the
document's kind, in table order, what each line is; the first rule that takes the line wins.
The default rules are the generic ones (stranded text, headings, paragraph starts, the
continuation that always takes the line); a layout adds its own before them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from operator import attrgetter

from briefreader.parsing.lines import Line, ends_mid_sentence, ends_sentence
from briefreader.parsing.rules import (
    NUMBERED,
    ROMAN,
    SUBNUMBERED,
    Block,
    alone_after,
    is_heading_text,
    isolated,
    starts_paragraph,
)

__all__ = ["BlockContext", "BlockRule", "build_blocks"]


@dataclass(slots=True)
class BlockContext:
    """The walk over the body lines: the lines, the blocks so far, text waiting to be placed."""

    lines: list[Line]
    kind: str | None = None
    blocks: list[Block] = field(default_factory=list)
    # Text stranded between footnotes waits until the paragraph it interrupts has ended.
    stranded: list[Line] = field(default_factory=list)
    seen_plain_heading: bool = False

    def open_block(self, block: Block) -> None:
        """Start a new heading or paragraph (stranded text goes first)."""
        if self.stranded:
            self.blocks.append(Block(False, self.stranded[:]))
            self.stranded.clear()
        self.blocks.append(block)

    def last(self) -> Block | None:
        """The block under construction, if any."""
        return self.blocks[-1] if self.blocks else None

    def next_line(self, i: int) -> Line | None:
        """The line after line `i`, or None at the end."""
        return self.lines[i + 1] if i + 1 < len(self.lines) else None


BlockRule = Callable[[BlockContext, int], bool]
_ORPHAN = attrgetter("orphan")
_OPENERS = frozenset("«‘“'")


def orphan(ctx: BlockContext, i: int) -> bool:
    """Text stranded between footnotes at a page bottom waits for its paragraph to end."""
    line = ctx.lines[i]
    if line.orphan:
        ctx.stranded.append(line)
        return True
    return False


def heading(ctx: BlockContext, i: int) -> bool:
    """A short capitalised line standing alone is a heading (numbered ones one level down)."""
    line = ctx.lines[i]
    text = line.text
    if line.gap < 1 and not line.page_start and len(text) > 60 and ctx.blocks:
        return False  # most lines: a full line straight under another (see `alone_before`)
    first = text[0]
    if (
        len(text) > 90
        or text[-1] in ".,;:?!"
        or not (first.isupper() or first.isdigit() or first in _OPENERS)
    ):
        return False  # most lines: no heading text at all (what `is_heading_text` checks)
    last = ctx.blocks[-1] if ctx.blocks else None
    prev = last.lines[-1].text if last else ""
    in_text = last is not None and not last.heading
    alone_before = line.gap >= 1 or line.page_start or last is None
    if not alone_before:
        # a short heading right under a paragraph's last line, with a blank after it
        if not (len(text) <= 60 and in_text and ends_sentence(prev)):
            return False  # (most capitalised lines: inside a paragraph)
        alone_before = len(text.split()) <= 8
    nxt = ctx.lines[i + 1] if i + 1 < len(ctx.lines) else None
    if not (
        alone_before
        and is_heading_text(text)
        and not (in_text and ends_mid_sentence(prev) and not isolated(line, nxt))
        and alone_after(text, nxt)
    ):
        return False
    numbered = bool(NUMBERED.match(text))
    sub = SUBNUMBERED.match(text)
    level = 2 if sub or (numbered and ctx.seen_plain_heading) else 1
    ctx.open_block(Block(True, [line], level))
    plain = not (numbered or sub or ROMAN.match(text))
    ctx.seen_plain_heading = ctx.seen_plain_heading or plain
    return True


def paragraph(ctx: BlockContext, i: int) -> bool:
    """A line after a heading, or after a paragraph's end, opens a paragraph."""
    last = ctx.blocks[-1] if ctx.blocks else None  # (`ctx.last()`, inlined: every line asks)
    if last is None or last.heading or starts_paragraph(ctx.lines[i], last.lines[-1].text):
        ctx.open_block(Block(False, [ctx.lines[i]]))
        return True
    return False


def continuation(ctx: BlockContext, i: int) -> bool:
    """Any other line goes on the paragraph under construction."""
    if ctx.blocks:
        ctx.blocks[-1].lines.append(ctx.lines[i])
    else:
        ctx.open_block(Block(False, [ctx.lines[i]]))
    return True


def build_blocks(lines: list[Line], rules: list[BlockRule], kind: str | None = None) -> list[Block]:
    """Group body lines into headings and paragraphs with the block rules, in order."""
    ctx = BlockContext(lines, kind)
    if orphan in rules and not any(map(_ORPHAN, lines)):
        rules = [rule for rule in rules if rule is not orphan]  # it can take no line here
    for i in range(len(lines)):
        for rule in rules:
            if rule(ctx, i):
                break
    if ctx.stranded:
        ctx.blocks.append(Block(False, ctx.stranded))
    return ctx.blocks
