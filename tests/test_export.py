"""The Markdown export: structure a memo can use, escaping that holds, atomic files."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from markdown_it.token import Token

from briefreader.citing import letter_citation
from briefreader.errors import UserError
from briefreader.export import (
    default_export_path,
    escape_block,
    escape_inline,
    render_markdown,
    write_export,
)
from briefreader.ingest import read_letter_text
from briefreader.locations import samples_dir
from briefreader.model import Letter
from briefreader.notes import Annotation, Store, anchor_for
from briefreader.parsing import parse_letter
from briefreader.textsafe import shown_text

MD = MarkdownIt("commonmark")
WHEN = dt.datetime(2026, 2, 11, 9, 30, tzinfo=dt.UTC)
HOSTILE = [
    "# Dit is geen kop",
    "```python\nprint('weg')\n```",
    "<script>alert('x')</script>",
    "- geen lijst",
    "2022. Geen genummerde lijst",
    "> geen citaat",
    "***",
    "[klik](javascript:alert(1))",
    "Rusland | Oekraïne",
    "Tom &amp; Jerry &#x41;",
    "eind met backslash \\",
    "    ingesprongen code",
    "*nadruk* en __vet__ en ~~doorgehaald~~",
    "<!-- commentaar -->",
    "===",
]


@pytest.fixture(scope="module")
def letters() -> list[Letter]:
    paths = sorted(samples_dir().glob("*.txt"))[:3]
    return [parse_letter(read_letter_text(p), str(p)) for p in paths]


def _spots(letter: Letter) -> list[tuple[int, int]]:
    """(section, paragraph) of every paragraph after the opening, in reading order."""
    return [
        (si, pi) for si, s in enumerate(letter.sections) if si for pi in range(len(s.paragraphs))
    ]


def _body(markdown: str) -> str:
    match = re.match(r"---\n(.*?)\n---\n", markdown, re.S)
    assert match, "front matter first"
    return markdown[match.end() :]


def _front(markdown: str) -> dict[str, object]:
    match = re.match(r"---\n(.*?)\n---\n", markdown, re.S)
    assert match
    pairs = (line.split(": ", 1) for line in match.group(1).splitlines())
    return {k: json.loads(v) for k, v in pairs}  # JSON values are YAML flow scalars


def _text(token: Token) -> str:
    assert token.children is not None
    kinds = {c.type for c in token.children}
    assert kinds <= {"text", "text_special", "softbreak"}, kinds
    return "".join("\n" if c.type == "softbreak" else c.content for c in token.children)


def _blocks(markdown: str) -> list[Token]:
    return MD.parse(_body(markdown))


def test_grouped_by_letter_then_section_in_reading_order(
    tmp_path: Path, letters: list[Letter]
) -> None:
    store = Store.open(tmp_path)
    usable = [x for x in letters if _spots(x)]
    older, newer = sorted(usable[:2], key=lambda x: x.date or dt.date.min)
    assert older.date and newer.date and older.date < newer.date
    # Notes made out of order: last section first, the newer letter before the older.
    (n1, _), (o1, _), (o2, _) = _spots(newer)[0], _spots(older)[0], _spots(older)[-1]
    store.add(anchor_for(newer, n1, 0, 0, 40), "n1", [], newer.title, newer.sections[n1].title)
    store.add(anchor_for(older, o2, 0), "o2", ["gas"], older.title, older.sections[o2].title)
    store.add(anchor_for(older, o1, 0, 5, 50), "o1", ["Gas", "navo"], older.title, None)
    out = render_markdown(store.annotations(), {x.id: x for x in letters}, WHEN)
    tokens = _blocks(out)
    h2 = [_text(tokens[i + 1]) for i, t in enumerate(tokens) if t.tag == "h2" and t.nesting == 1]
    assert h2 == [older.title, newer.title]  # letters by date, oldest first
    notes = [ln for ln in out.splitlines() if ln in ("n1", "o1", "o2")]
    assert notes == ["o1", "o2", "n1"]
    h3 = [_text(tokens[i + 1]) for i, t in enumerate(tokens) if t.tag == "h3" and t.nesting == 1]
    titles = [older.sections[o1].title, older.sections[o2].title, newer.sections[n1].title]
    assert h3 == [t or "Opening" for t in titles]
    quotes = [t for t in tokens if t.type == "blockquote_open"]
    assert len(quotes) == 3
    assert f"- Date: {older.date}" in out and older.references[0] in out.replace("\\", "")
    # Each passage cited in the Dutch convention: `(Kamerstuk 36 045, nr. 151)`, or title
    # and date (`3 februari 2022`) for a letter without a number (no pages known here).
    citation = f"— ({escape_inline(letter_citation(older))})"
    assert citation in out and "februari 2022" in citation
    front = _front(out)
    assert front["exported_at"] == "2026-02-11T09:30:00+00:00"
    assert (front["letters"], front["notes"]) == (2, 3)
    assert front["tags"] == ["Gas", "navo"]


def test_hostile_notes_tags_and_titles_stay_text(letters: list[Letter]) -> None:
    base = anchor_for(letters[0], 1, 0, 0, 30)
    rows = [
        Annotation(n, base, text, (text,), "", "", "Brief <b>", text.replace("\n", " "), False)
        for n, text in enumerate(HOSTILE)
    ]
    tokens = _blocks(render_markdown(rows, {}, WHEN))
    kinds = {t.type for t in tokens}
    forbidden = {"html_block", "fence", "code_block", "bullet_list_open", "hr"}
    assert not kinds & (forbidden | {"ordered_list_open", "lheading"})
    # every text line but the citations (which set the title in italics) is plain text
    texts = [
        _text(t)
        for t in tokens
        if t.type == "inline" and not t.content.startswith(("— ", "*This letter"))
    ]
    h3 = [_text(tokens[i + 1]) for i, t in enumerate(tokens) if t.tag == "h3" and t.nesting == 1]
    assert h3 == [t.replace("\n", " ").strip() for t in HOSTILE]
    assert "Brief <b>" in texts
    for text in HOSTILE:
        # the note, line for line (its lines are one paragraph, as the user typed them)
        assert "\n".join(line.strip() for line in text.split("\n")) in texts
        assert "Tags: " + text.replace("\n", " ").strip() in texts


def test_quotes_from_a_letter_cannot_break_the_document(letters: list[Letter]) -> None:
    letter = letters[0]
    rows = []
    for n, text in enumerate(HOSTILE):
        one_line = text.replace("\n", " ")
        anchor = anchor_for(letter, 1, 0)
        anchor = anchor.__class__(
            anchor.letter_id, 1, n, 0, len(one_line), one_line, anchor.prefix, anchor.suffix
        )
        rows.append(Annotation(n, anchor, "", (), "", "", "Brief", "Kop", False))
    tokens = _blocks(render_markdown(rows, {letter.id: letter}, WHEN))
    quoted = [
        _text(tokens[i + 2])
        for i, t in enumerate(tokens)
        if t.type == "blockquote_open" and tokens[i + 1].type == "paragraph_open"
    ]
    assert quoted == [escape_check(t.replace("\n", " ")) for t in HOSTILE]


def escape_check(text: str) -> str:
    return text.strip()


@settings(max_examples=300, deadline=None)
@given(st.text(st.characters(blacklist_categories=("Cs",)), max_size=60))
def test_escaped_text_parses_back_to_itself(text: str) -> None:
    line = escape_inline(text)
    assert "\n" not in line
    tokens = MD.parse(line)
    # what a memo may hold of it: controls, escapes and invisible marks are left out
    expected = re.sub("[\x00-\x08\x0b-\x1f\x7f]", "", text.replace("\t", " ").replace("\n", " "))
    expected = shown_text(expected).strip()
    if not expected:
        assert tokens == []
        return
    assert [t.type for t in tokens] == ["paragraph_open", "inline", "paragraph_close"]
    assert _text(tokens[1]) == expected


def test_a_note_keeps_its_paragraphs() -> None:
    assert escape_block("Eerste punt.\n\n\n- tweede\n  derde  \n") == [
        "Eerste punt.",
        "",
        "\\- tweede",
        "derde",
    ]


def test_letters_not_in_the_library_are_still_exported(letters: list[Letter]) -> None:
    letter = letters[0]
    anchor = anchor_for(letter, 1, 0, 0, 20)
    gone = Annotation(1, anchor, "blijft", ("x",), "", "", "Verdwenen brief", "Oud kopje", True)
    out = render_markdown([gone], {}, WHEN)
    assert "## Verdwenen brief" in out and "not in the library" in out
    assert "### Not found in the current text" in out
    assert "> " + escape_inline(anchor.quote) in out and "\nblijft\n" in out


def test_write_export_is_atomic_and_replaces(tmp_path: Path) -> None:
    target = default_export_path(tmp_path / "data")
    assert target == default_export_path(tmp_path / "data")  # stable: re-export replaces
    write_export(target, "eerste\n")
    write_export(target, "tweede\n")
    assert target.read_text(encoding="utf-8") == "tweede\n"
    assert sorted(p.name for p in target.parent.iterdir()) == [target.name]
    assert (target.parent.stat().st_mode & 0o777) == 0o700
    # A write that fails half-way (text that cannot be encoded) leaves the old export whole.
    with pytest.raises(UserError, match="cannot write"):
        write_export(target, "derde " * 10_000 + "\ud800")
    assert target.read_text(encoding="utf-8") == "tweede\n"
    assert sorted(p.name for p in target.parent.iterdir()) == [target.name]


def test_write_export_to_an_impossible_place(tmp_path: Path) -> None:
    blocker = tmp_path / "bestand"
    blocker.write_text("x")
    with pytest.raises(UserError) as info:
        write_export(blocker / "notes.md", "x")
    assert str(blocker / "notes.md") in str(info.value)


_ANY_TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=40)


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(_ANY_TEXT, _ANY_TEXT, st.lists(_ANY_TEXT, max_size=2), _ANY_TEXT, _ANY_TEXT),
        min_size=1,
        max_size=6,
    )
)
def test_any_notes_make_a_document_of_the_same_shape(
    rows: list[tuple[str, str, list[str], str, str]],
) -> None:
    """Whatever users and letters write, the export has one quote per note and no more
    headings than letters and sections: text never becomes structure."""
    from briefreader.notes import Anchor

    notes = [
        Annotation(n, Anchor(f"brief{n % 2}", n, 0, 0, len(q), q, "", ""), note, tuple(tags),
                   "", "", f"Brief {n % 2} {title}", section or None, False)
        for n, (q, note, tags, title, section) in enumerate(rows)
    ]  # fmt: skip
    tokens = _blocks(render_markdown(notes, {}, WHEN))
    letters = len({n % 2 for n in range(len(rows))})
    assert sum(t.type == "blockquote_open" for t in tokens) == len(notes)
    assert sum(t.tag == "h1" and t.nesting == 1 for t in tokens) == 1
    assert sum(t.tag == "h2" and t.nesting == 1 for t in tokens) == letters
    assert sum(t.tag == "h3" and t.nesting == 1 for t in tokens) <= len(notes)
    kinds = {t.type for t in tokens}
    assert not kinds & {"html_block", "fence", "code_block", "hr", "ordered_list_open"}
    assert not kinds & {"bullet_list_open", "lheading"}


@pytest.mark.parametrize("note", ["\x80-", "\u200b- lijst", "\x9d\x07# kop", "a\n\x85-"])
def test_a_mark_dropped_from_a_note_never_turns_its_text_into_structure(note: str) -> None:
    from briefreader.notes import Anchor

    a = Annotation(0, Anchor("b", 0, 0, 0, 1, "q", "", ""), note, (), "", "", "Brief", None, False)
    kinds = {t.type for t in _blocks(render_markdown([a], {}, WHEN))}
    assert not kinds & {"bullet_list_open", "lheading", "ordered_list_open"}
    assert (
        sum(t.tag == "h3" and t.nesting == 1 for t in _blocks(render_markdown([a], {}, WHEN))) <= 1
    )
