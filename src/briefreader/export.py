"""Annotations as Markdown for a memo: a renderer that returns text, and an atomic writer.

`render_markdown` groups annotations by letter (title, date, sender, references), then by
section, in each letter's reading order, under a YAML front-matter block that note tools can
index. Every piece of text from a letter or a note is escaped so that it stays text: a quote
that begins with `#`, holds ``` or `<script>` can never become a heading, a code block or
HTML. `write_export` replaces a file atomically, so a crash never leaves half an export.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
from collections.abc import Mapping, Sequence
from pathlib import Path

from briefreader import __version__
from briefreader.citing import Pages, passage_citation
from briefreader.errors import UserError
from briefreader.files import refuse_special, replace_file
from briefreader.locations import ensure_private_dir
from briefreader.model import Letter
from briefreader.notes import Annotation, passage_now, unique_tags
from briefreader.parsing.identity import document_url
from briefreader.textsafe import shown_text

EXPORT_NAME = "briefreader-notes.md"
TITLE = "Notes from Kamerbrieven"

# Characters that are Markdown wherever they stand (CommonMark and the common extensions:
# tables, strikethrough, tags). '&' starts entities; '#' is a tag in note tools.
_ANYWHERE = re.compile(r"([\\`*_\[\]<>|~&#])")
# Line starts that open a block: list items, ordered lists, setext underlines, breaks.
_BULLET = re.compile(r"^([-+=])")
_ORDERED = re.compile(r"^(\d{1,9})([.)])")
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f]")


def escape_inline(text: str) -> str:
    """One line of text as Markdown that renders as exactly that text, structure-free."""
    # made safe first, so that what is escaped is what will stand in the memo: a control or
    # invisible mark dropped later could otherwise bring a `-` or `#` to the line's start
    text = shown_text(_CONTROL.sub("", text.replace("\t", " ").replace("\n", " "))).strip()
    text = _ANYWHERE.sub(r"\\\1", text)
    # "2022. Het" would open an ordered list: escape the dot (or parenthesis) after digits.
    text = _ORDERED.sub(r"\1\\\2", text)
    return _BULLET.sub(r"\\\1", text)


def escape_block(text: str) -> list[str]:
    """Multi-line text (a note) as escaped lines; blank lines separate paragraphs."""
    lines: list[str] = []
    for raw in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        line = escape_inline(raw)
        if line or (lines and lines[-1]):
            lines.append(line)
    while lines and not lines[-1]:
        lines.pop()
    return lines


def _date(letter: Letter | None) -> str | None:
    return letter.date.isoformat() if letter is not None and letter.date else None


def _letter_order(
    item: tuple[str, list[Annotation]], letters: Mapping[str, Letter]
) -> tuple[bool, dt.date, str, str]:
    letter_id, rows = item
    letter = letters.get(letter_id)
    date = letter.date if letter is not None and letter.date else dt.date.max
    title = letter.title if letter is not None else rows[0].letter_title
    return (letter is None, date, title.casefold(), letter_id)


def _in_reading_order(a: Annotation) -> tuple[int, int, int, int, int]:
    x = a.anchor
    return (int(a.detached), x.section_index, x.paragraph_index, x.start, a.id)


def _front_matter(exported_at: str, letters: int, notes: int, tags: list[str]) -> list[str]:
    # JSON scalars and lists are valid YAML flow values: no quoting rules to get wrong.
    def value(v: object) -> str:
        return json.dumps(v, ensure_ascii=False)

    return [
        "---",
        f"title: {value(TITLE)}",
        f"exported_at: {value(exported_at)}",
        f"letters: {letters}",
        f"notes: {notes}",
        f"tags: {value(tags)}",
        f"generator: {value('briefreader ' + __version__)}",
        "---",
        "",
    ]


def _letter_head(letter: Letter | None, title: str) -> list[str]:
    out = [f"## {escape_inline(title)}", ""]
    if letter is None:
        return out + ["*This letter is not in the library now; notes keep their quotes.*", ""]
    signed = "; ".join(f"{s.name} ({s.role})" for s in letter.signatories)
    facts = [
        ("Date", _date(letter)),
        ("Cited as", letter.citation),
        ("Number", None if letter.citation else letter.number),
        ("Online", document_url(letter.identifier) if letter.identifier else None),
        ("From", signed or letter.sender),
        ("To", letter.recipient),
        ("References", "; ".join(letter.references) or None),
    ]
    items = [f"- {name}: {escape_inline(text)}" for name, text in facts if text]
    return out + (items + [""] if items else [])


def _citation(a: Annotation, letter: Letter | None, pages: Pages | None) -> str:
    """The passage cited in the Dutch convention, `(Kamerstuk 36 045, nr. 151, p. 3)`; a
    note off its letter says what it was on."""
    if letter is not None and not a.detached:
        x = a.anchor
        return "— " + escape_inline(
            passage_citation(letter, x.section_index, x.paragraph_index, pages)
        )
    parts = [f"*{escape_inline(a.letter_title)}*"]
    if a.section_title:
        parts.append(f"section “{escape_inline(a.section_title)}”")
    return "— " + ", ".join(parts)


def _annotation(a: Annotation, letter: Letter | None, pages: Pages | None) -> list[str]:
    out = ["> " + (escape_inline(a.anchor.quote) or "(empty passage)"), ""]
    now = passage_now(a, letter)
    if now is not None:
        # Corrected since the note was made: the quote stays as noted, the new text beside.
        out += [
            f"*Changed in the letter since this note; it now reads:* “{escape_inline(now)}”",
            "",
        ]
    note = escape_block(a.note)
    if note:
        out += note + [""]
    if a.tags:
        out += ["Tags: " + ", ".join(escape_inline(t) for t in a.tags), ""]
    return out + [_citation(a, letter, pages), ""]


def _section_title(a: Annotation, letter: Letter | None) -> str:
    if letter is not None and not a.detached:
        sections = letter.sections
        if 0 <= a.anchor.section_index < len(sections):
            return sections[a.anchor.section_index].title or "Opening"
    return a.section_title or "Opening"


def render_markdown(
    annotations: Sequence[Annotation],
    letters_by_id: Mapping[str, Letter],
    exported_at: dt.datetime | str,
    pages: Mapping[str, Pages | None] | None = None,
) -> str:
    """The Markdown export of `annotations`; letters missing from `letters_by_id` still get
    theirs, under the stored title. Detached annotations close their letter's part. Each
    passage is cited in the Dutch convention, with its page where `pages` (per letter id,
    `citing.source_pages`) says where the letter's pages start."""
    stamp = exported_at if isinstance(exported_at, str) else exported_at.isoformat("T", "seconds")
    groups: dict[str, list[Annotation]] = {}
    for a in annotations:
        groups.setdefault(a.anchor.letter_id, []).append(a)
    tags = list(unique_tags(t for a in annotations for t in a.tags))
    lines = _front_matter(stamp, len(groups), len(annotations), tags)
    lines += [f"# {TITLE}", ""]
    count = f"{len(annotations)} note{'s' * (len(annotations) != 1)}"
    lines += [f"{count} on {len(groups)} letter{'s' * (len(groups) != 1)}, exported {stamp}.", ""]
    for letter_id, rows in sorted(groups.items(), key=lambda i: _letter_order(i, letters_by_id)):
        letter = letters_by_id.get(letter_id)
        lines += _letter_head(letter, letter.title if letter else rows[0].letter_title)
        heading = None
        for a in sorted(rows, key=_in_reading_order):
            title = "Not found in the current text" if a.detached else _section_title(a, letter)
            if title != heading:
                lines += [f"### {escape_inline(title)}", ""]
                heading = title
            lines += _annotation(a, letter, (pages or {}).get(letter_id))
    # a note or a letter may hold escapes or bidi marks: never in a memo or on a terminal
    return shown_text("\n".join(lines).rstrip("\n") + "\n", multiline=True)


def default_export_path(data_dir: Path) -> Path:
    """Where the reader exports: one stable name, so a new export replaces the last one."""
    return Path(data_dir) / "exports" / EXPORT_NAME


def write_export(path: Path, text: str) -> Path:
    """Write `text` to `path` atomically (a temporary file beside it, then a rename).

    Only a regular file is replaced: a device, a named pipe, a folder or a symbolic link at
    `path` is refused (renaming over `/dev/null` would replace the device itself). Missing
    folders are made user-only. An existing file keeps its permissions; a new one gets the
    user's default. Raises `UserError` naming the file when it cannot be written; the old
    file is then untouched.
    """
    path = Path(path)
    refuse_special(path)
    try:
        ensure_private_dir(path.parent)
    except OSError as exc:
        raise UserError(path, f"cannot write ({exc.strerror or exc})") from None
    replace_file(path, text, _mode_for(path))
    _sync_dir(path.parent)
    return path


def _mode_for(path: Path) -> int:
    try:
        return path.stat().st_mode & 0o777
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _sync_dir(folder: Path) -> None:
    """Make the rename itself durable (POSIX); harmless where directories cannot be opened."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
