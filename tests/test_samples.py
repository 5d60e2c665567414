"""The five real letters parse to what `tests/expected/` says a reader must see."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from briefreader.ingest import read_letter_text
from briefreader.parsing import parse_letter

ROOT = Path(__file__).resolve().parent.parent
EXPECTED = sorted((ROOT / "tests" / "expected").glob("*.json"))


def norm(s: str) -> str:
    return " ".join(s.split())


@pytest.fixture(scope="module", params=EXPECTED, ids=lambda p: p.stem[:3])
def case(request: pytest.FixtureRequest) -> tuple[dict, dict]:
    exp = json.loads(request.param.read_text(encoding="utf-8"))
    path = ROOT / "samples" / exp["file"]
    return exp, parse_letter(read_letter_text(path), str(path)).to_json()


def test_headings_in_order(case: tuple[dict, dict]) -> None:
    exp, doc = case
    got = [norm(s["title"]) for s in doc["sections"] if s["title"]]
    assert got == [norm(h) for h in exp["headings"]]


def test_date(case: tuple[dict, dict]) -> None:
    exp, doc = case
    assert doc["date"] == exp["date"]


def test_signatories(case: tuple[dict, dict]) -> None:
    exp, doc = case
    assert [norm(s["name"]) for s in doc["signatories"]] == exp["signatory_names"]


def test_footnote_numbers(case: tuple[dict, dict]) -> None:
    exp, doc = case
    if exp["footnote_numbers"] is None:
        pytest.skip("not stated for this sample")
    assert [f["number"] for f in doc["footnotes"]] == exp["footnote_numbers"]


def test_text_contains_and_lacks(case: tuple[dict, dict]) -> None:
    exp, doc = case
    body = " ".join(norm(p) for s in doc["sections"] for p in s["paragraphs"])
    notes = " ".join(norm(f["text"]) for f in doc["footnotes"])
    assert [s for s in exp["paragraphs_contain"] if s not in body] == []
    assert [s for s in exp["paragraphs_lack"] if s in body] == []
    assert [s for s in exp["footnotes_contain"] if s not in notes] == []


def test_title_never_empty(case: tuple[dict, dict]) -> None:
    _, doc = case
    assert doc["title"].strip()
