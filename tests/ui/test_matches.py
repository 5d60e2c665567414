"""The last search's matches in a letter: one stop per passage, n / N wrap around."""

from __future__ import annotations

from briefreader.search import letter_matches, search_letter
from briefreader.ui.matches import Matches
from tests.ui.notes_support import RECENT, sample


def test_stops_are_passages_in_reading_order_and_headings_land_on_their_first_paragraph() -> None:
    letter = sample(RECENT)
    hits = search_letter(letter, "Oekraine")
    matches = Matches.found(letter, "Oekraine", hits)
    assert matches.stops == tuple(sorted(set(matches.stops)))
    assert all(paragraph >= 0 for _, paragraph in matches.stops)  # no heading rows
    for hit in hits:
        if hit.kind == "paragraph":
            assert (hit.section_index, hit.paragraph_index) in matches.stops
            assert (hit.section_index, hit.paragraph_index) in matches.marks


def test_n_goes_to_the_next_stop_and_wraps_to_the_first() -> None:
    matches = Matches("x", ((0, 1), (2, 0), (2, 3)))
    step = matches.step((2, 0), +1)
    assert step is not None and (step.passage, step.number, step.of) == ((2, 3), 3, 3)
    step = matches.step((2, 3), +1)
    assert step is not None and step.passage == (0, 1) and step.wrapped
    step = matches.step((0, 1), -1)
    assert step is not None and step.passage == (2, 3) and step.wrapped
    step = matches.step((1, 5), -1)
    assert step is not None and step.passage == (0, 1) and not step.wrapped


def test_no_stops_no_step() -> None:
    assert Matches("x").step((0, 0), +1) is None


def test_n_counts_occurrences_not_passages() -> None:
    letter = sample(RECENT)
    hits = search_letter(letter, "NAVO")
    matches = Matches.found(letter, "NAVO", hits)
    occurrences = len(letter_matches(letter, "NAVO"))
    assert matches.total == occurrences > len(matches.stops)
    first = matches.step((-1, -1), +1)
    assert first is not None and first.label.startswith("Match") and first.number == 1
    assert first.label.endswith(f"of {occurrences}")
    steps = [matches.step(stop, +1) for stop in matches.stops[:-1]]
    assert [s.number for s in steps if s] == sorted(s.number for s in steps if s)
    last = matches.step(matches.stops[-1], -1)
    assert last is not None and last.of == occurrences


def test_a_passage_with_three_matches_is_labelled_so() -> None:
    matches = Matches("x", ((0, 1), (2, 0)), {}, (2, 3))
    step = matches.step((0, 5), +1)
    assert step is not None and step.label == "Matches 3–5 of 5"
    step = matches.step((2, 0), +1)
    assert step is not None and step.label == "Matches 1–2 of 5" and step.wrapped
