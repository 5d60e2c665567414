"""Searching one open letter (the reader's n / N), notes, and the text rules under search."""

from __future__ import annotations

import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefreader.ingest import read_letter_text
from briefreader.model import Letter, Paragraph, Section
from briefreader.parsing import parse_letter
from briefreader.search import search_letter, search_notes
from briefreader.search.normalize import normalize, normalize_with_map, word_list
from briefreader.search.query import parse_query, parse_reference
from briefreader.search.rank import make_snippet

SAMPLES = Path(__file__).resolve().parent.parent / "samples"


@pytest.fixture(scope="module")
def letter() -> Letter:
    path = next(SAMPLES.glob("000_*.txt"))
    return parse_letter(read_letter_text(path), str(path))


def test_hits_in_one_letter_come_in_reading_order(letter: Letter) -> None:
    hits = search_letter(letter, "reisadvies")
    places = [(h.section_index, h.paragraph_index) for h in hits]
    assert places == sorted(places)
    assert hits[0].kind == "paragraph" and hits[0].section_index == 0  # "reisadviezen"
    assert any(h.kind == "heading" and h.section_title == "Reisadvies Oekraïne" for h in hits)


def test_spans_highlight_the_words_as_written(letter: Letter) -> None:
    for hit in search_letter(letter, "oekraine reisadvies"):
        para = letter.sections[hit.section_index]
        text = para.title if hit.kind == "heading" else para.paragraphs[hit.paragraph_index].text
        assert text is not None
        marked = {text[s:e] for s, e in hit.spans}
        assert "Oekraïne" in marked
        assert marked <= {"Oekraïne", "Oekraïense", "reisadvies", "Reisadvies", "reisadviezen"}
        assert hit.snippet_spans
        assert {hit.snippet[s:e] for s, e in hit.snippet_spans} <= marked


def test_nothing_in_the_letter_means_no_hits(letter: Letter) -> None:
    assert search_letter(letter, "Accountability") == []
    assert search_letter(letter, "   ") == []


def test_normalisation_drops_case_and_accents_only() -> None:
    assert normalize("Oekraïne") == "oekraine"
    assert normalize("Coöperatie") == "cooperatie"
    assert normalize("REËEL") == "reeel"
    assert normalize("Straße") == "strasse"
    text = "Coöperatie e\u0301n Straße"  # a decomposed é changes the length
    norm, where = normalize_with_map(text)
    assert norm == "cooperatie en strasse"
    assert text[where[norm.index("strasse")] :].startswith("Straße")
    assert text[where[norm.index("en")]] == "e"


def test_query_words_and_phrases() -> None:
    q = parse_query('Reisadvies "Rode  Lijn" oekraïne "')
    assert [(u.words, u.phrase) for u in q.units] == [
        (("reisadvies",), False),
        (("rode", "lijn"), True),
        (("oekraine",), False),
    ]
    assert parse_query("  ").units == ()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("36045-151", "Kamerstuk 36 045, nr. 151"),
        ("Kamerstuk 21 501-02, nr. 2446", "Kamerstuk 21 501-02, nr. 2446"),
        ("21501-02-2446", "Kamerstuk 21 501-02, nr. 2446"),
        ("kamerstuk 35 925 V, nr. 77", "Kamerstuk 35 925 V, nr. 77"),
        ("36045 nr. 151", "Kamerstuk 36 045, nr. 151"),
    ],
)
def test_references_in_the_forms_users_type(text: str, expected: str) -> None:
    ref = parse_reference(text)
    assert ref is not None and str(ref) == expected


@pytest.mark.parametrize(
    "text", ["Oekraïne", "2022", "151", "36045", "reisadvies 2022", "21501-02"]
)
def test_other_queries_are_not_references(text: str) -> None:
    assert parse_reference(text) is None


def test_snippet_is_cut_at_words_around_the_match() -> None:
    text = " ".join(f"woord{i}" for i in range(100))
    start = text.index("woord50")
    snippet, lo, hi = make_snippet(text, start, start + 7)
    assert snippet.startswith("…woord") and snippet.endswith("…")
    assert "woord50" in snippet and len(snippet) <= 162
    assert text[lo:hi] == snippet[1:-1]


@dataclass
class Anchor:
    letter_id: str
    section_index: int
    paragraph_index: int


@dataclass
class Note:
    id: int
    anchor: Anchor
    note: str
    tags: list[str] = field(default_factory=list)
    letter_title: str | None = "Een brief"
    section_title: str | None = "Sancties"


def test_notes_are_searched_and_marked_as_notes() -> None:
    notes = [
        Note(1, Anchor("a", 2, 0), "Navragen bij DGES: sanctiepakket", ["memo"]),
        Note(2, Anchor("b", 1, 3), "Reisadvies gewijzigd naar rood", ["oekraïne"]),
    ]
    hits = search_notes(notes, "reisadvise")
    assert [(h.kind, h.note_id, h.letter_id) for h in hits] == [("note", "2", "b")]
    assert hits[0].snippet[slice(*hits[0].snippet_spans[0])] == "Reisadvies"
    assert [h.note_id for h in search_notes(notes, "oekraine")] == ["2"]  # tags count
    assert search_notes(notes, "pannenkoek") == []


def test_search_modules_do_not_load_the_ui() -> None:
    code = (
        "import sys, briefreader.search, briefreader.cli.search; "
        "print(any(m.split('.')[0] in ('textual', 'rich') for m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


@given(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=60))
@settings(max_examples=300, deadline=None)
def test_every_normalised_character_points_into_the_text(text: str) -> None:
    norm, where = normalize_with_map(text)
    assert norm == normalize(text)
    assert len(where) == len(norm)
    assert where == sorted(where) and all(0 <= i < len(text) for i in where)


@given(st.text(alphabet="aäeëiïoöu cCdDtTéè-\u0301\u0308.", min_size=1, max_size=80))
@settings(max_examples=200, deadline=None)
def test_matches_in_any_text_highlight_a_word_as_written(text: str) -> None:
    words = word_list(text)
    if not words:
        return
    para = Paragraph(text)
    letter = Letter("x", "x", "brief", "t", None, None, None, None, (Section(None, 1, (para,)),))
    hits = [h for h in search_letter(letter, f'"{words[0]}"') if h.kind == "paragraph"]
    assert hits
    for s, e in hits[0].spans:
        assert normalize(text[s:e]) == words[0]


def test_an_acronym_in_capitals_finds_the_word_in_any_form_but_not_words_it_begins() -> None:
    texts = (
        "De NAVO-top in Vilnius.",
        "Volgens de navo is dat zo.",
        "Twee NAVO's en de NAVOs van later.",
        "Deze aanpak krijgt navolging.",
        "Het navo-beleid en de navobondgenoten.",
    )
    paras = tuple(Paragraph(t) for t in texts)
    letter = Letter("x", "x", "brief", "t", None, None, None, None, (Section(None, 1, paras),))
    found = {
        h.paragraph_index: {h.snippet[s:e] for s, e in h.snippet_spans}
        for h in search_letter(letter, "NAVO")
    }
    assert found == {0: {"NAVO"}, 1: {"navo"}, 2: {"NAVO", "NAVOs"}, 4: {"navo"}}
    # typed in lower case, the word still begins longer ones, as the user types
    loose = {h.paragraph_index for h in search_letter(letter, "navo")}
    assert {3, 4} <= loose


def _one_paragraph(text: str) -> Letter:
    return Letter("x", "x", "brief", "t", None, None, None, None,
                  (Section(None, 1, (Paragraph(text),)),))  # fmt: skip


def _marked(hit_snippet: str, spans: tuple[tuple[int, int], ...]) -> str:
    out, pos = "", 0
    for s, e in spans:
        out += hit_snippet[pos:s] + "[" + hit_snippet[s:e] + "]"
        pos = e
    return out + hit_snippet[pos:]


FILLER = "Daarna volgt een lange uiteenzetting over andere zaken die de Kamer bezighouden. " * 4


def test_the_snippet_shows_the_words_in_the_order_typed() -> None:
    letter = _one_paragraph(
        f"De begroting: bureau en staf. {FILLER}Er komt een Bureau Begroting en Verantwoording."
    )
    (hit,) = search_letter(letter, "Bureau Begroting")
    assert "[Bureau] [Begroting] en Verantwoording" in _marked(hit.snippet, hit.snippet_spans)


def test_the_snippet_centres_on_the_densest_cluster_of_matches() -> None:
    letter = _one_paragraph(
        f"Over de Tozo later meer. {FILLER}De Tozo-lening, de Tozo-uitkering en de Tozo zelf."
    )
    (hit,) = search_letter(letter, "TOZO")
    assert len(hit.snippet_spans) == 3
    assert "[Tozo]-lening, de [Tozo]-uitkering" in _marked(hit.snippet, hit.snippet_spans)


def test_the_snippet_does_not_reach_back_past_its_passage() -> None:
    # near the end of a long paragraph: the snippet is the passage found, not the loose
    # `Bureau` half a snippet before it
    letter = _one_paragraph(
        f"{FILLER}Er is een Bureau Wetgeving voor de wetten en de regels, maar de Kamer zelf "
        "heeft tot nu toe geen eigen Bureau Begroting en Verantwoording."
    )
    (hit,) = search_letter(letter, "Bureau Begroting")
    marked = _marked(hit.snippet, hit.snippet_spans)
    assert marked.index("[") == marked.index("[Bureau] [Begroting]")
