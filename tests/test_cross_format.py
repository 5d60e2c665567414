"""One publication in every official format reads as the same letter.

officielebekendmakingen.nl publishes each document as XML, HTML, ODT and PDF. Whichever of
them a user holds, the reader must show the same kind, identity, title, date, headings,
signatories and footnote numbers: the XML (read from its markup) is the reference. Each
format is read where it lies (next to its `metadata.xml`) and alone in an empty folder, so
the facts come from the document itself, not from the file beside it.

The PDF is read from its text (pypdfium2), not from markup, and must still agree.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

from briefreader.model import Letter
from briefreader.sources import read_document

DOCS = Path(__file__).resolve().parent / "documents" / "docs"
STEMS = ("ah-tk-20202021-3235", "kst-32545-143")


def facts(letter: Letter) -> dict[str, Any]:
    """What a reader sees of a letter, apart from its paragraphs' exact wording."""
    return {
        "kind": letter.kind,
        "identifier": letter.identifier,
        "dossier": letter.dossier,
        "number": letter.number,
        "citation": letter.citation,
        "title": letter.title,
        "date": letter.date,
        "submitted": letter.submitted,
        "questioners": [(q.name, q.party) for q in letter.questioners],
        "headings": [(s.title, s.level) for s in letter.sections if s.title],
        "signatories": [s.name for s in letter.signatories],
        "footnotes": [f.number for f in letter.footnotes],
    }


def alone(path: Path, tmp_path: Path) -> Path:
    """`path` copied into an empty folder: no sibling metadata to lean on."""
    copy = tmp_path / path.name
    shutil.copyfile(path, copy)
    return copy


@pytest.mark.parametrize("stem", STEMS)
@pytest.mark.parametrize("fmt", ["html", "odt", "pdf"])
def test_every_format_gives_the_letter_the_xml_gives(stem: str, fmt: str) -> None:
    reference = facts(read_document(DOCS / f"{stem}.xml"))
    assert facts(read_document(DOCS / f"{stem}.{fmt}")) == reference


@pytest.mark.parametrize("stem", STEMS)
@pytest.mark.parametrize("fmt", ["xml", "html", "odt", "pdf"])
def test_without_its_metadata_file_a_format_still_gives_the_same_letter(
    stem: str, fmt: str, tmp_path: Path
) -> None:
    reference = facts(read_document(DOCS / f"{stem}.xml"))
    assert facts(read_document(alone(DOCS / f"{stem}.{fmt}", tmp_path))) == reference


@pytest.mark.parametrize("stem", STEMS)
def test_the_body_text_is_the_same_in_xml_html_and_odt(stem: str) -> None:
    def body(fmt: str) -> list[str]:
        letter = read_document(DOCS / f"{stem}.{fmt}")
        return [p.text for s in letter.sections for p in s.paragraphs]

    assert body("html") == body("xml") == body("odt")
