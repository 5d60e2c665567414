"""One document in several formats (XML, HTML, ODT, PDF) is found once per passage."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from briefreader.cli import main
from briefreader.library import Library
from briefreader.search import SearchIndex

DOCS = Path(__file__).resolve().parent / "documents" / "docs"
QUESTIONS = "ah-tk-20202021-3235"  # Kamervragen on the TOZO, in four formats


def copied(tmp_path: Path, names: list[str]) -> Path:
    out = tmp_path / "letters"
    out.mkdir()
    for name in names:
        shutil.copy(DOCS / name, out / name)
    return out


def index_of(folder: Path, tmp_path: Path) -> SearchIndex:
    lib = Library([folder], tmp_path / "cache")
    lib.scan()
    index = SearchIndex.open(None)
    index.update(lib)
    return index


def test_each_passage_once_from_the_preferred_format(tmp_path: Path) -> None:
    # the PDF and ODT listed first: the order found must not decide which copy shows
    folder = copied(tmp_path, [f"{QUESTIONS}.{ext}" for ext in ("pdf", "odt", "html", "xml")])
    index = index_of(folder, tmp_path)
    hits = index.search("TOZO", limit=100)
    places = [(h.kind, h.section_index, h.paragraph_index, h.snippet) for h in hits]
    assert len(places) == len(set(places))
    titles = [h for h in hits if h.kind == "title"]
    assert len(titles) == 1
    question = [h for h in hits if "rentepercentage voor de TOZO-lening op 2%" in h.snippet]
    assert len(question) == 1
    xml = {e.id for e in Library([folder], None).scan() if e.path.suffix == ".xml"}
    assert {titles[0].letter_id, question[0].letter_id} == xml
    # the count beyond a limit (`3 of 11`) counts the passages, not the copies
    assert index.count("TOZO") == len(hits)


def test_without_xml_the_html_copy_is_kept(tmp_path: Path) -> None:
    folder = copied(tmp_path, [f"{QUESTIONS}.pdf", f"{QUESTIONS}.html"])
    hits = index_of(folder, tmp_path).search("TOZO", limit=100)
    lib = Library([folder], None)
    lib.scan()
    title = [h for h in hits if h.kind == "title"]
    assert len(title) == 1
    entry = lib.entry(title[0].letter_id)
    assert entry is not None and entry.path.suffix == ".html"


def test_letters_without_an_identifier_are_never_merged(tmp_path: Path) -> None:
    folder = tmp_path / "letters"
    folder.mkdir()
    for name, date in (("eerste.txt", "3 maart 2023"), ("tweede.txt", "4 maart 2023")):
        (folder / name).write_text(
            f"Den Haag, {date}\n\nDe Tozo-regeling wordt verlengd.\n", encoding="utf-8"
        )
    hits = index_of(folder, tmp_path).search("TOZO", limit=10)
    assert len({h.letter_id for h in hits if h.kind == "paragraph"}) == 2


def test_the_command_line_lists_each_hit_once(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = copied(tmp_path, [f"{QUESTIONS}.{ext}" for ext in ("xml", "html", "odt", "pdf")])
    args = ["--cache-dir", str(tmp_path / "cache"), "--data-dir", str(tmp_path / "data")]
    assert main(["search", "TOZO", str(folder), *args]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines and len(lines) == len(set(lines))
    assert main(["search", "TOZO", str(folder), "--json", *args]) == 0
    sources = {Path(h["source"]).suffix for h in json.loads(capsys.readouterr().out)}
    assert ".xml" in sources and ".html" not in sources and ".odt" not in sources


def test_a_passage_citing_a_document_is_listed_once_for_all_copies(tmp_path: Path) -> None:
    body = "De Kamer is geïnformeerd (Kamerstuk 36 045, nr. 151) over de steun.\n"
    folders = []
    for name, date in (("a", "3 maart 2023"), ("b", "4 maart 2023"), ("c", "5 maart 2023")):
        folder = tmp_path / name
        folder.mkdir()
        # two copies of one document (named after its identifier), and a letter without one
        file = "brief.txt" if name == "c" else "kst-36045-152.txt"
        (folder / file).write_text(f"Den Haag, {date}\n\n{body}", encoding="utf-8")
        folders.append(folder)
    lib = Library(folders, tmp_path / "cache")
    lib.scan()
    index = SearchIndex.open(None)
    index.update(lib)
    citing = [h for h in index.search("36045-151") if "Kamerstuk 36 045" in h.snippet]
    paths = sorted(e.path.parent.name for h in citing if (e := lib.entry(h.letter_id)))
    assert paths in (["a", "c"], ["b", "c"])
