"""Footnotes: bodies at page bottoms move out of the text; glued markers are detached.

A footnote body starts after a blank line with the next footnote number (`1 Kamerstuk ...`)
and runs, over one or more lines, to the page break. Its marker sits earlier on the same
page, glued to a word (`c.s.1`, `Kamer.4`, `jaren4`, `20212`). A zone is accepted only when
its first footnote's marker is found, so a numbered line in the text (`1 en 8.`, `28 676, nr.
426.)`) is never taken for a footnote. Found markers become sentinels `\\ue000N\\ue001` in the
line text, which paragraph assembly turns into `FootnoteRef`s.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from briefreader.parsing.lines import Line, ends_mid_sentence

MARK_OPEN, MARK_CLOSE = "\ue000", "\ue001"
_START = re.compile(r"^(\d{1,3})(?:\s+|(?=[A-Z«“(]|https?:))(\S.*)$")
# pypdf-style text: a body glued to its number (`2Kamerstuk 29 383`) needs no blank line
_GLUED = re.compile(r"^\d{1,3}(?=[A-Z«“(]|https?:)")
_MAX_ZONE_LINES = 40
_MAX_SKIP = 3


@dataclass(slots=True)
class RawFootnote:
    """A footnote being collected: its number and its lines."""

    number: int
    lines: list[Line] = field(default_factory=list)


@lru_cache(maxsize=256)
def _marker_pattern(number: int) -> re.Pattern[str]:
    n = str(number)
    return re.compile(
        rf"(?:(?<=[.,;:?!)»”’\"])(?<!\d[.,])|(?<=(?:19|20)\d\d[.,])|(?<=[^\W\d_])"
        rf"|(?<=\b(?:19|20)\d\d)){n}(?!\w)"
        # a marker on a line of its own, or opening a line that goes on in lower case
        rf"|^{n}(?=\s+[a-z]|\s*$)"
    )


def _rank(text: str, pos: int) -> int:
    """Lower is likelier: after punctuation, a lower-case letter, a capital, a year."""
    if pos == 0:
        return 1
    before = text[pos - 1]
    if before.isdigit():
        return 3
    if before.isupper():
        return 2
    return 1 if before.isalpha() else 0


def _find_marker(body: list[Line], number: int, floor: tuple[int, int]) -> tuple[int, int] | None:
    """Position (body index, offset) of footnote `number`'s marker after `floor`, or None."""
    pattern = _marker_pattern(number)
    n = str(number)
    page_top = len(body) - 1
    while page_top > 0 and not body[page_top].breaks_page:
        page_top -= 1
    for lo in (max(page_top, floor[0]), floor[0]):
        best: tuple[int, int, int] | None = None
        for bi in range(lo, len(body)):
            text = body[bi].text
            # every match opens with the number itself: a line without it needs no scan
            at = text.find(n, floor[1] if bi == floor[0] else 0)
            if at < 0:
                continue
            for m in pattern.finditer(text, at):
                cand = (_rank(text, m.start()), bi, m.start())
                if best is None or cand[0] < best[0]:
                    best = cand
        if best is not None:
            return best[1], best[2]
    return None


def _zone_end(lines: list[Line], start: int) -> int | None:
    """Index just past the footnote zone that starts at `start`, if it ends at a page break."""
    end = start + 1
    while end < len(lines) and not lines[end].breaks_page:
        end += 1
        if end - start > _MAX_ZONE_LINES:
            return None
    return end


def extract_footnotes(lines: list[Line]) -> tuple[list[Line], list[RawFootnote]]:
    """Split `lines` into body lines (markers turned into sentinels) and footnotes."""
    body: list[Line] = []
    notes: list[RawFootnote] = []
    floor = (0, 0)
    i = 0  # lines before `i` are placed
    # a footnote opens with its number: only such lines are looked at, the rest is body
    for k in [k for k, line in enumerate(lines) if line.text[0].isdigit()]:
        if k < i:
            continue  # in a footnote zone already taken
        body.extend(lines[i:k])
        i = k + 1
        line = lines[k]
        m = _START.match(line.text)
        number = int(m.group(1)) if m else 0
        expected = notes[-1].number + 1 if notes else 1
        # the next number, or a few further on when an extraction lost a footnote
        if (
            expected <= number <= expected + _MAX_SKIP
            and (line.gap >= 1 or _GLUED.match(line.text) is not None)
            and not line.page_start
        ):
            end = _zone_end(lines, k)
            found = _find_marker(body, number, floor) if end is not None else None
            if end is not None and found is not None:
                zone, orphans = _split_zone(lines[k:end], number)
                for note in zone:
                    pos = found if note.number == number else _find_marker(body, note.number, floor)
                    if pos is not None:
                        floor = _mark(body, pos, note.number)
                notes.extend(zone)
                body.extend(orphans)
                i = end
                continue
        body.append(line)
    body.extend(lines[i:])
    return body, notes


def _split_zone(zone: list[Line], first: int) -> tuple[list[RawFootnote], list[Line]]:
    """The footnotes of a zone, and the lines stranded in it.

    After a blank line, a capitalised line that does not open the next footnote is kept as
    text, unless the footnote plainly stops mid-sentence (on a comma or a word like `de`).
    """
    notes = [RawFootnote(first)]
    orphans: list[Line] = []
    stranded = False
    for line in zone:
        m = _START.match(line.text)
        if m and int(m.group(1)) == notes[-1].number + 1 and line is not zone[0]:
            notes.append(RawFootnote(notes[-1].number + 1))
            stranded = False
        elif (
            line.gap >= 1
            and line is not zone[0]
            and line.text[0].isupper()
            and not ends_mid_sentence(notes[-1].lines[-1].text)
        ):
            stranded = True
        if stranded:
            line.orphan = True
            orphans.append(line)
        else:
            notes[-1].lines.append(line)
    for note in notes:
        head = note.lines[0]
        text = _START.sub(r"\2", head.text, count=1)
        # Some extractions repeat the number: `2 2 Volgens de VN ...`.
        again = f"{note.number} "
        if text.startswith(again):
            text = text[len(again) :]
        note.lines[0] = Line(head.index, text, head.gap, head.page_start)
    return notes, orphans


def _mark(body: list[Line], pos: tuple[int, int], number: int) -> tuple[int, int]:
    bi, offset = pos
    n = str(number)
    text = body[bi].text
    body[bi].text = text[:offset] + MARK_OPEN + n + MARK_CLOSE + text[offset + len(n) :]
    return bi, offset + len(n) + 2
