"""`briefreader search` as a user runs it: plain lines, JSON, references, bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from briefreader.cli import main
from briefreader.ingest import read_letter_text
from briefreader.notes import Store, anchor_for
from briefreader.parsing import parse_letter

SAMPLES = Path(__file__).resolve().parent.parent / "samples"


def run(tmp_path: Path, *args: str) -> int:
    return main(["search", *args, "--cache-dir", str(tmp_path / "cache"),
                 "--data-dir", str(tmp_path / "data")])  # fmt: skip


def test_plain_output_is_one_line_a_hit_with_the_match_marked(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(tmp_path, "reisadvise", str(SAMPLES), "--limit", "3") == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 3
    assert lines[0].startswith("2022-02-")  # date first
    assert lines[0].endswith("heading: [Reisadvies] Oekraïne")
    assert "Reisadvies Oekraïne: In de [reisadviezen] voor Rusland" in lines[2]  # section: text
    assert (tmp_path / "cache" / "search.sqlite").is_file()


def test_json_output(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(tmp_path, "Gazprom", str(SAMPLES), "--json") == 0
    hits = json.loads(capsys.readouterr().out)
    assert hits and {"letter", "title", "date", "section", "section_index", "paragraph_index",
                     "score", "snippet", "kind", "spans"} <= set(hits[0])  # fmt: skip
    assert [h["score"] for h in hits] == sorted((h["score"] for h in hits), reverse=True)
    assert all("Gazprom" in h["snippet"] for h in hits)


def test_no_path_searches_the_bundled_samples(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(tmp_path, "Ollongren", "--json") == 0
    assert len(json.loads(capsys.readouterr().out)) == 3  # signed three of the five


def test_a_reference_lists_the_letter_it_names_first(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(tmp_path, "36045-151", str(SAMPLES), "--json") == 0
    hits = json.loads(capsys.readouterr().out)
    assert hits[0]["date"] == "2023-02-20" and hits[0]["kind"] == "title"


def test_nothing_found_is_not_an_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(tmp_path, "pannenkoek", str(SAMPLES)) == 0
    out = capsys.readouterr()
    assert out.out == "" and "no matches" in out.err


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["  "], "query is empty"),
        (["oekraine", "--limit", "0"], "--limit"),
        (["oekraine", "--limit", "-3"], "--limit"),
        (["oekraine", "no/such/folder"], "no/such/folder: no such file or folder"),
    ],
)
def test_bad_input_is_one_line_and_exit_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    assert run(tmp_path, *args) == 1
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1 and "Traceback" not in err


def test_the_users_notes_are_found_and_marked_as_notes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = next(SAMPLES.glob("002_*.txt"))
    letter = parse_letter(read_letter_text(path), str(path))
    store = Store.open(tmp_path / "data")
    store.add(anchor_for(letter, 6, 0), "KLM vliegt niet meer: navragen bij IenW", ["luchtvaart"],
              letter.title, letter.sections[6].title)  # fmt: skip
    store.close()
    assert run(tmp_path, "luchtvaart navragen", str(SAMPLES), "--json") == 0
    hits = json.loads(capsys.readouterr().out)
    assert (hits[0]["kind"], hits[0]["letter"], hits[0]["section_index"]) == ("note", letter.id, 6)
    assert hits[0]["date"] == "2022-02-16"  # the date of the letter the note is on
    assert run(tmp_path, "KLM", str(SAMPLES)) == 0
    lines = capsys.readouterr().out.splitlines()
    assert any("note on Veiligheid burgerluchtvaart: [KLM] vliegt" in ln for ln in lines)


def test_a_broken_file_named_in_a_search_is_reported(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    empty = tmp_path / "leeg.txt"
    empty.write_text("")
    args = ["search", "kabinet", str(empty), "--cache-dir", str(tmp_path / "c")]
    assert main([*args, "--data-dir", str(tmp_path / "d")]) == 1
    assert capsys.readouterr().err.strip() == f"briefreader: {empty}: is empty"


def test_the_passage_with_the_words_together_comes_first_and_shows_them(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    docs = Path(__file__).resolve().parent / "documents" / "docs"
    assert run(tmp_path, "Bureau Begroting", str(docs), "--limit", "4") == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines
    for line in lines:  # every snippet leads with the phrase, not a loose `[Bureau] Wetgeving`
        snippet = line.split(": ", 1)[1]
        assert snippet.index("[") == snippet.index("[Bureau] [Begroting]"), line
