"""Links between documents: a document found by its official id, who cites it, a dossier in
date order, and where a reference leads (the library, else the official address)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from briefreader.library import Library
from briefreader.links import (
    cite_spans,
    cited_by,
    dossier_documents,
    find_document,
    follow,
    official_url,
    passage_cites,
)
from briefreader.locations import samples_dir
from briefreader.model import Cite

DOCS = Path(__file__).parent / "documents" / "docs"
EURO_TOP = "010_kst-21501-20-512_bz_euro-zone-top.txt"


def _letter(title: str, number: int, date: str, body: str) -> str:
    """A small SDU-style letter of dossier 21 501-20 as pypdf gives its text."""
    return (
        f"Tweede Kamer der Staten-Generaal\n\n21 501-20 Europese Raad\n\nNr. {number} "
        f"BRIEF VAN DE MINISTER VAN BUITENLANDSE ZAKEN\n\n"
        f"Aan de Voorzitter van de Tweede Kamer der Staten-Generaal\n\nDen Haag, {date}\n\n"
        f"{title}\n\n{body}\n\nDe Minister van Buitenlandse Zaken,\n\nU. Rosenthal\n"
    )


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """The Euro-zone Top letter (21 501-20, nr. 512), a later letter citing it twice, and an
    older one of the same dossier that cites a document outside the library."""
    root = tmp_path / "letters"
    root.mkdir()
    shutil.copy(DOCS / EURO_TOP, root / EURO_TOP)
    (root / "020_kst-21501-20-530_bz_verslag.txt").write_text(
        _letter(
            "Verslag Euro-zone Top",
            530,
            "20 maart 2011",
            "Zoals gemeld in Kamerstuk 21 501-20, nr. 512 gaan wij in op de voorstellen.\n\n"
            "Zie ook kamerstuk 21501-20-512 en Kamerstuk 36 045, nr. 151.",
        ),
        encoding="utf-8",
    )
    (root / "005_kst-21501-20-500_bz_agenda.txt").write_text(
        _letter(
            "Geannoteerde agenda",
            500,
            "1 februari 2011",
            "Wij verwijzen naar Kamerstuk 36 045, nr. 151 over dit onderwerp.",
        ),
        encoding="utf-8",
    )
    return root


def _library(folder: Path, tmp_path: Path) -> Library:
    library = Library([folder], tmp_path / "cache")
    library.scan()
    return library


def test_a_document_is_found_by_its_identifier(folder: Path, tmp_path: Path) -> None:
    library = _library(folder, tmp_path)
    entry = find_document(library, "kst-21501-20-512")
    assert entry is not None and entry.path.name == EURO_TOP
    assert entry.citation == "Kamerstuk 21 501-20, nr. 512"
    assert entry.dossier == "21 501-20"
    assert find_document(library, "KST-21501-20-512") == entry
    assert find_document(library, "kst-36045-151") is None


def test_the_entry_keeps_its_identity_through_the_cache(folder: Path, tmp_path: Path) -> None:
    _library(folder, tmp_path)
    again = _library(folder, tmp_path)  # rows now come from the parse cache
    entry = find_document(again, "kst-21501-20-530")
    assert entry is not None
    assert set(entry.cites) == {"kst-21501-20-512", "kst-36045-151"}
    assert again.letter(entry.id).citation == "Kamerstuk 21 501-20, nr. 530"


def test_cited_by_lists_the_documents_that_cite_it_once_each(folder: Path, tmp_path: Path) -> None:
    library = _library(folder, tmp_path)
    citing = cited_by(library, "kst-21501-20-512")
    assert [e.identifier for e in citing] == ["kst-21501-20-530"]
    outside = cited_by(library, "kst-36045-151")
    assert [e.identifier for e in outside] == ["kst-21501-20-500", "kst-21501-20-530"]
    assert cited_by(library, "kst-21501-20-530") == []


def test_a_dossier_reads_oldest_first(folder: Path, tmp_path: Path) -> None:
    library = _library(folder, tmp_path)
    numbers = [e.number for e in dossier_documents(library, "21501-20")]
    assert numbers == ["500", "512", "530"]
    assert dossier_documents(library, "36 045") == []


def test_follow_opens_a_document_in_the_library_or_gives_its_address(
    folder: Path, tmp_path: Path
) -> None:
    library = _library(folder, tmp_path)
    later = library.letter(find_document(library, "kst-21501-20-530").id)  # type: ignore[union-attr]
    where = next(
        (si, pi)
        for si, section in enumerate(later.sections)
        for pi, para in enumerate(section.paragraphs)
        if para.text.startswith("Zie ook")
    )
    cites = passage_cites(later, *where)
    assert [c.identifier for c in cites] == ["kst-21501-20-512", "kst-36045-151"]
    inside, outside = (follow(library, c) for c in cites)
    assert inside.entry is not None and inside.entry.path.name == EURO_TOP
    assert inside.url is None
    assert outside.entry is None
    assert outside.url == "https://zoek.officielebekendmakingen.nl/kst-36045-151.html"
    assert outside.label == "Kamerstuk 36 045, nr. 151"
    nowhere = follow(library, Cite("Handelingen II 2021/22, nr. 44"))
    assert nowhere.entry is None and nowhere.url is None


def test_references_are_marked_where_they_stand() -> None:
    text = "Zie Kamerstuk 21 501-20, nr. 512 en ah-tk-20232024-1314."
    spans = cite_spans(text)
    assert [text[s:e] for s, e, _ in spans] == [
        "Kamerstuk 21 501-20, nr. 512",
        "ah-tk-20232024-1314",
    ]
    assert [c.identifier for _, _, c in spans] == ["kst-21501-20-512", "ah-tk-20232024-1314"]


def test_official_url() -> None:
    assert official_url("kst-36045-151") == (
        "https://zoek.officielebekendmakingen.nl/kst-36045-151.html"
    )


def test_a_letter_known_only_by_its_number_is_found_by_the_dossier_it_cites(
    tmp_path: Path,
) -> None:
    # The sample prints `Nr. 151` and cites dossier 36 045 most: it is Kamerstuk 36 045, nr. 151.
    library = Library([samples_dir()], tmp_path / "cache")
    library.scan()
    entry = find_document(library, "kst-36045-151")
    assert entry is not None and entry.path.name.startswith("004_")
    assert find_document(library, "kst-36046-151") is None
    assert find_document(library, "kst-36045-152") is None
