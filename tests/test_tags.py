"""Tags follow one rule, whether typed in the note dialog or handed to the store."""

from __future__ import annotations

from pathlib import Path

from briefreader.locations import samples_dir
from briefreader.notes import Store, anchor_for, clean_tags, parse_tags, tags_text
from briefreader.sources import read_document


def test_typed_tags_split_on_commas_or_hash_words() -> None:
    assert parse_tags("Tweede  Kamer, NAVO; #defensie") == ("Tweede Kamer", "NAVO", "defensie")
    assert parse_tags("#defensie #oekraïne") == ("defensie", "oekraïne")
    assert parse_tags(" , ;# ") == ()


def test_a_repeat_ignoring_case_keeps_the_first_spelling() -> None:
    assert parse_tags("NAVO, navo, #Navo") == ("NAVO",)
    assert clean_tags(["NAVO", " navo ", "#Navo"]) == ("NAVO",)


def test_what_the_dialog_shows_reads_back_the_same() -> None:
    tags = ("Tweede Kamer", "NAVO", "mh17")
    assert parse_tags(tags_text(tags)) == tags


def test_the_store_keeps_tags_as_the_dialog_reads_them(tmp_path: Path) -> None:
    letter = read_document(sorted(samples_dir().glob("*.txt"))[0])
    typed = "#navo #NAVO"
    with Store.open(tmp_path) as store:
        a = store.add(anchor_for(letter, 1, 0), "", [" #navo ", "NAVO", "  "], letter.title, None)
        assert a.tags == parse_tags(typed) == ("navo",)
        assert store.tags() == ["navo"]
