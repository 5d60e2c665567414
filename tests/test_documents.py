"""Real documents in every published form parse to what `tests/documents/expected/` says.

`tests/documents/` is a copy of the shared fixtures (PDF, official XML and HTML, ODT, web
text; letters, kamervragen, moties, besluitenlijsten, a fiche). Each document goes through
`briefreader parse FILE --json` exactly as a user runs it, and is checked the way
`check_parse.py` scores it: kind, identity, title, dates, questioners, headings in order,
signatories, footnote numbers, text that must and must not be in the body and footnotes.

`tests/documents/unseen/` holds real documents the parser was not built on (a QA run's
sample: web copies from tweedekamer.nl, openkamer.org, berthub.eu/tkconv,
parlementairemonitor.nl and news sites, official XML moties; `SOURCES.tsv` says where each
came from). Many are the head of a page only (`*_partial.txt`); their expected files check
that head. They run through the same checks. `tests/documents/unseen2/` is a second such
sample (a later QA round: Eerste Kamer stukken, pages copied with the site's metadata table,
decision lists).

`NOT_YET` and `NOT_YET_UNSEEN` list the documents the parser does not read cleanly yet; each
is a strict xfail, so a document that becomes clean fails here until it is taken off the list.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from briefreader.cli import main

DOCS = Path(__file__).resolve().parent / "documents"
UNSEEN = DOCS / "unseen"
UNSEEN2 = DOCS / "unseen2"

NOT_YET: set[str] = set()
NOT_YET_UNSEEN: set[str] = set()
# the second held-out QA round (`unseen2/`, web text from zoek.officielebekendmakingen.nl,
# tweedekamer.nl, eerstekamer.nl, berthub.eu): documents not read cleanly yet
NOT_YET_UNSEEN2: set[str] = {
    "brief-web_2021D10575-kst-26643-750-digitale-toegang_tweedekamer_partial.txt",
}


def _norm(value: object) -> str:
    return " ".join(str(value).split())


def _lcs(a: list[str], b: list[str]) -> int:
    prev = [0] * (len(b) + 1)
    for x in a:
        cur = [0]
        for j, y in enumerate(b):
            cur.append(prev[j] + 1 if x == y else max(prev[j + 1], cur[j]))
        prev = cur
    return prev[-1]


def problems(exp: dict[str, Any], code: int, out: str, err: str) -> list[str]:
    """What differs between the expected file and one run of `parse --json`."""
    if exp.get("refused"):
        ok = code == 1 and len(err.strip().splitlines()) == 1 and "Traceback" not in err
        return [] if ok else [f"should be refused in one line; exit {code}: {err[-200:]!r}"]
    if code != 0:
        return [f"exit {code}: {err.strip()[-200:]}"]
    doc = json.loads(out)
    found: list[str] = []
    sections = doc.get("sections") or []
    got = [_norm(s["title"]) for s in sections if s.get("title")]
    if "headings" in exp and got != [_norm(h) for h in exp["headings"]]:
        found.append(f"headings {got} != {exp['headings']}")
    want = [_norm(h) for h in exp.get("headings_contain", [])]
    if _lcs(got, want) != len(want):
        found.append(f"headings lack, in order, some of {want}")
    for field in ("kind", "identifier", "dossier", "number", "kenmerk", "submitted"):
        if field in exp and doc.get(field) != exp[field]:
            found.append(f"{field} {doc.get(field)!r} != {exp[field]!r}")
    title = _norm(doc.get("title") or "").lower()
    if "title_contains" in exp and _norm(exp["title_contains"]).lower() not in title:
        found.append(f"title {doc.get('title')!r} lacks {exp['title_contains']!r}")
    if "questioners" in exp:
        names = [_norm(q["name"]) for q in doc.get("questioners") or []]
        if names != exp["questioners"]:
            found.append(f"questioners {names} != {exp['questioners']}")
    if exp.get("date") is not None and doc.get("date") != exp["date"]:
        found.append(f"date {doc.get('date')!r} != {exp['date']!r}")
    signed = [_norm(s["name"]) for s in doc.get("signatories") or []]
    if exp.get("signatory_names") is not None and signed != exp["signatory_names"]:
        found.append(f"signatories {signed} != {exp['signatory_names']}")
    notes = doc.get("footnotes") or []
    numbers = [n["number"] for n in notes]
    if exp.get("footnote_numbers") is not None and numbers != exp["footnote_numbers"]:
        found.append(f"footnotes {numbers} != {exp['footnote_numbers']}")
    body = " ".join(_norm(p) for s in sections for p in s.get("paragraphs", []))
    note_text = " ".join(_norm(n["text"]) for n in notes)
    found += [f"text lacks {s!r}" for s in exp.get("paragraphs_contain", []) if s not in body]
    found += [f"text holds {s!r}" for s in exp.get("paragraphs_lack", []) if s in body]
    found += [
        f"footnotes lack {s!r}" for s in exp.get("footnotes_contain", []) if s not in note_text
    ]
    if not _norm(doc.get("title") or ""):
        found.append("empty title")
    return found


def _expected(root: Path) -> list[dict[str, Any]]:
    paths = sorted((root / "expected").glob("*.json"))
    return [json.loads(p.read_text(encoding="utf-8")) for p in paths]


def _cases(root: Path, not_yet: set[str]) -> list[Any]:
    cases = []
    for exp in _expected(root):
        marks = []
        if exp["file"] in not_yet:
            marks.append(pytest.mark.xfail(reason="not read cleanly yet", strict=True))
        cases.append(pytest.param(exp, id=exp["file"], marks=marks))
    return cases


def _run(path: Path, exp: dict[str, Any], capsys: pytest.CaptureFixture[str]) -> list[str]:
    code = main(["parse", str(path), "--json"])
    out, err = capsys.readouterr()
    return problems(exp, code, out, err)


@pytest.mark.parametrize("exp", _cases(DOCS, NOT_YET))
def test_document_reads_cleanly(exp: dict[str, Any], capsys: pytest.CaptureFixture[str]) -> None:
    assert _run(DOCS / "docs" / exp["file"], exp, capsys) == []


@pytest.mark.parametrize("exp", _cases(UNSEEN, NOT_YET_UNSEEN))
def test_unseen_document_reads_cleanly(
    exp: dict[str, Any], capsys: pytest.CaptureFixture[str]
) -> None:
    assert _run(UNSEEN / "docs" / exp["file"], exp, capsys) == []


@pytest.mark.parametrize("exp", _cases(UNSEEN2, NOT_YET_UNSEEN2))
def test_second_unseen_document_reads_cleanly(
    exp: dict[str, Any], capsys: pytest.CaptureFixture[str]
) -> None:
    assert _run(UNSEEN2 / "docs" / exp["file"], exp, capsys) == []


@pytest.mark.parametrize(
    ("root", "not_yet"),
    [(DOCS, NOT_YET), (UNSEEN, NOT_YET_UNSEEN), (UNSEEN2, NOT_YET_UNSEEN2)],
)
def test_not_yet_names_only_real_documents(root: Path, not_yet: set[str]) -> None:
    files = {exp["file"] for exp in _expected(root)}
    assert files >= not_yet
