"""The command line as a daily user meets it: options anywhere, a missing query said plainly,
a letter added twice, and a search for a document reference."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from briefreader.cli import main
from tests.test_links import EURO_TOP, folder  # noqa: F401  (a fixture)

SAMPLES = Path(__file__).resolve().parent.parent / "samples"


def _dirs(tmp_path: Path) -> list[str]:
    return ["--cache-dir", str(tmp_path / "cache"), "--data-dir", str(tmp_path / "data")]


def test_options_are_accepted_after_the_paths(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["search", "NAVO", "--limit", "5", str(SAMPLES), *_dirs(tmp_path)]) == 0
    out = capsys.readouterr()
    assert len(out.out.splitlines()) == 5
    assert main(["--data-dir", str(tmp_path / "d2"), "search", "NAVO", str(SAMPLES), "--json",
                 "--limit", "2", "--cache-dir", str(tmp_path / "cache")]) == 0  # fmt: skip
    assert len(json.loads(capsys.readouterr().out)) == 2


def test_search_without_a_query_says_what_is_missing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["search", *_dirs(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("briefreader: search: ")
    assert "QUERY [PATH ...]" in err and "required" not in err


def test_a_long_list_says_how_many_there_are_beyond_the_limit(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["search", "NAVO", str(SAMPLES), "--limit", "3", *_dirs(tmp_path)]) == 0
    err = capsys.readouterr().err.strip()
    shown, total = err.split(" matches")[0].split(" of ")
    assert shown == "3" and int(total) > 50
    assert main(["search", "NAVO", str(SAMPLES), "--limit", total, *_dirs(tmp_path)]) == 0
    out = capsys.readouterr()
    assert len(out.out.splitlines()) == int(total) and " of " not in out.err


def test_adding_a_letter_already_there_says_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sample = next(SAMPLES.glob("000_*.txt"))
    data = ["--data-dir", str(tmp_path / "data")]
    assert main(["add", str(sample), *data]) == 0
    assert capsys.readouterr().out.startswith("added ")
    renamed = tmp_path / "kopie.txt"
    renamed.write_bytes(sample.read_bytes())
    assert main(["add", str(sample), str(renamed), *data]) == 0
    out = capsys.readouterr()
    lines = out.out.splitlines()
    assert len(lines) == 2 and all(ln.startswith("already in the library: ") for ln in lines)
    assert out.err == ""
    assert len(list((tmp_path / "data" / "letters").iterdir())) == 1


@pytest.mark.parametrize(
    "query", ["Kamerstuk 21 501-20, nr. 512", "21501-20-512", "kst-21501-20-512"]
)
def test_a_reference_lists_the_document_then_who_cites_it(
    folder: Path,  # noqa: F811
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    query: str,
) -> None:
    assert main(["search", query, str(folder), "--json", *_dirs(tmp_path)]) == 0
    hits = json.loads(capsys.readouterr().out)
    assert hits[0]["source"].endswith(EURO_TOP) and hits[0]["identifier"] == "kst-21501-20-512"
    assert hits[0]["kind"] == "title"
    citing = hits[1:]
    assert {Path(h["source"]).name for h in citing} == {"020_kst-21501-20-530_bz_verslag.txt"}
    assert len(citing) == 2  # both of its paragraphs that cite nr. 512
    assert all(h["identifier"] == "kst-21501-20-530" for h in citing)
    for hit in citing:
        marked = [hit["snippet"][s:e] for s, e in hit["snippet_spans"]]
        assert marked and all("512" in m for m in marked)


def test_an_aanhangsel_is_found_by_its_id(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = tmp_path / "docs"
    root.mkdir()
    (root / "ah-tk-20232024-1314.txt").write_text(
        "Vraag 1\n\nKent u het bericht over de lelieteelt?\n\nAntwoord 1\n\nJa.\n",
        encoding="utf-8",
    )
    (root / "brief.txt").write_text(
        "Den Haag, 3 mei 2024\n\nIn de antwoorden op de vragen (Aanhangsel Handelingen II "
        "2023/24, nr. 1314) schreef ik dat de lelieteelt wordt onderzocht.\n",
        encoding="utf-8",
    )
    assert main(["search", "ah-tk-20232024-1314", str(root), "--json", *_dirs(tmp_path)]) == 0
    hits = json.loads(capsys.readouterr().out)
    assert [Path(h["source"]).name for h in hits] == ["ah-tk-20232024-1314.txt", "brief.txt"]
    assert hits[1]["identifier"] is None


def test_a_reference_written_without_kamerstuk_is_found_after_the_resolved_ones(
    folder: Path,  # noqa: F811
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    (folder / "notitie.txt").write_text(
        "Den Haag, 1 april 2011\n\nDe agenda van de top (21 501-20, nr. 512) is besproken.\n",
        encoding="utf-8",
    )
    assert main(["search", "21501-20-512", str(folder), "--json", *_dirs(tmp_path)]) == 0
    names = [Path(h["source"]).name for h in json.loads(capsys.readouterr().out)]
    assert names[0] == EURO_TOP
    assert names[-1] == "notitie.txt" and names.count("notitie.txt") == 1


def test_the_outline_names_the_document_as_it_is_cited(
    capsys: pytest.CaptureFixture[str],
) -> None:
    doc = Path(__file__).parent / "documents" / "docs" / "kst-36560-22.xml"
    assert main(["parse", str(doc)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert "citation   Kamerstuk 36 560, nr. 22" in lines
    assert "identifier kst-36560-22" in lines
