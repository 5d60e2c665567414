"""What a reader finds: a table of queries over the five samples, each with the passage it
must bring up in its first five hits, and queries that must find nothing at all."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefreader.library import Library
from briefreader.model import Letter
from briefreader.search import Hit, SearchIndex

SAMPLES = Path(__file__).resolve().parent.parent / "samples"


@pytest.fixture(scope="module")
def library() -> Library:
    lib = Library([SAMPLES], None)
    lib.scan()
    return lib


@pytest.fixture(scope="module")
def index(library: Library) -> SearchIndex:
    idx = SearchIndex.open(None)
    idx.update(library)
    return idx


def block_text(letter: Letter, hit: Hit) -> str:
    """The text a hit points at, looked up in the letter the way the reader would."""
    if hit.kind == "title":
        return letter.title
    if hit.kind == "heading":
        return letter.sections[hit.section_index].title or ""
    if hit.kind == "footnote":
        note = letter.footnote(hit.footnote or -1)
        return note.text if note else ""
    if hit.kind == "signatory":
        return "; ".join(f"{s.role}, {s.name}" for s in letter.signatories)
    return letter.sections[hit.section_index].paragraphs[hit.paragraph_index].text


# (query, sample file prefix or None for any letter, a piece of the passage that must be hit)
CASES = [
    # exact words and names
    ("Gazprom", "000", "houdt het Russische Gazprom zich aan"),
    ("Budapest Memorandum", "000", "Budapest Memorandum (1994)"),
    ("cyberaanval", None, "getroffen door een grootschalige cyberaanval"),
    ("Matra-programma", "000", "het Matra-programma"),
    ("KLM", "002", "KLM heeft zaterdag 12 februari"),
    ("bloemen herinneringsmuur", "000", "bloemen bij de herinneringsmuur"),
    # typos, in proportion to the word's length
    ("reisadvise", None, "Reisadvies Oekraïne"),
    ("sanktie", None, "sanctie"),
    ("Olongren", "000", "K.H. Ollongren"),
    ("Stoltenbreg", None, "Stoltenberg"),
    ("Zelenski", None, "president Zelensky"),
    ("verdedeging", "004", "Versterken eigen afschrikking en verdediging"),
    ("hervormingsprocess", "000", "het hervormingsproces en de rechtstaat"),
    # accents typed or not
    ("oekraine", None, "Reisadvies Oekraïne"),
    ("Normandie", "000", "«Normandië 4»-format"),
    ("geinformeerd", "001", "per brief te worden geïnformeerd"),
    ("gecoordineerd", "002", "voorzorgsmaatregelen in EU-verband gecoördineerd"),
    ("reeel zicht", "004", "geen reëel zicht op vredesonderhandelingen"),
    ("OEKRAÏNE", None, "Oekraïne"),
    # singular and plural, word forms
    ("reisadviezen", None, "Reisadvies Oekraïne"),
    ("reisadvies", "000", "In de reisadviezen voor Rusland en Belarus"),
    ("sanctie", "002", "EU sancties"),
    ("vluchteling", "002", "Vluchtelingen"),
    ("maatregel", "002", "Nationale maatregelen"),
    ("missie", "002", "Nederlanders in de OVSE en EU missies in Oekraïne"),
    # several words, any order, closest together first
    ("reisadvies rood", "002", "gewijzigd naar rood voor heel Oekraïne"),
    ("rood reisadvies", "002", "gewijzigd naar rood voor heel Oekraïne"),
    ("KLM Kyiv", "002", "niet meer op Oekraïne (Kyiv) te vliegen"),
    ("Zelensky Rutte Hoekstra", "000", "Rutte en Minister Hoekstra spraken met President Zelensky"),
    ("oostflank navo", "002", "NAVO versterking Oostflank"),
    ("importcijfers Gazprom", "000", "Volgens voorlopige importcijfers leverde Gazprom"),
    ("reisadvise oekraine", None, "Reisadvies Oekraïne"),
    # quoted phrases
    ('"militaire steun"', None, "Militaire steun"),
    ('"eigen verantwoordelijkheid van burgers"', "000", "verantwoordelijkheid van burgers"),
    ('"Budapest Memorandum" oekraine', "000", "Budapest Memorandum (1994)"),
    # headings by name
    ("Veiligheidsordening", "000", "Veiligheidsordening"),
    ("Wapenexport", "004", "Wapenexport"),
    ("Accountability", "004", "Accountability"),
    ("Antwoord van het kabinet", "003", "Antwoord van het kabinet"),
    ("Hulp, herstel en wederopbouw", "004", "Hulp, herstel en wederopbouw"),
    # a typo in the first part of a compound still finds the compound
    ("veiligheidsordenig", "000", "Veiligheidsordening"),
    ("bondgenootshap", "000", "bondgenootschap"),
    # an acronym typed in capitals: the word, also where it opens a compound
    ("NAVO top", "004", "NAVO-top in Vilnius"),
    ("EU lidstaten", None, "EU-lidstaten"),
    ("OVSE", None, "OVSE"),
    ("EUR", None, "EUR"),
    # references: the letter a reference names, or the passage that cites it
    ("36045-151", "004", "Terug- en vooruitblik op de Russische oorlog"),
    ("Kamerstuk 21 501-02, nr. 2446", "001", "(Kamerstuk 21 501-02, nr. 2446)"),
    ("36045", "004", "Kamerstuk 36 045"),  # a dossier number, typed without its space
    ("21501", "003", "Kamerstuk 21501-28-229"),  # ... or as some letters print it
]


@pytest.mark.parametrize(("query", "sample", "passage"), CASES, ids=[c[0] for c in CASES])
def test_finds_the_passage_in_the_top_five(
    index: SearchIndex, library: Library, query: str, sample: str | None, passage: str
) -> None:
    hits = index.search(query, limit=5)
    shown = []
    for hit in hits:
        letter = library.letter(hit.letter_id)
        text = block_text(letter, hit)
        shown.append((Path(letter.source).name[:3], hit.kind, text[:70]))
        if (sample is None or Path(letter.source).name.startswith(sample)) and passage in text:
            return
    pytest.fail(f"{query!r} did not find {passage!r} in its top 5: {shown}")


@pytest.mark.parametrize(
    "query",
    [
        "xyzzy",
        "kwantumcomputer",
        "pannenkoek",
        "reisadvies kwantumcomputer",  # every word must match
        '"militaire oekraine steun"',  # the words exist, the phrase does not
        '"rood reisadvies"',
        "Hoekstra Ollongren Gazprom pannenkoek",
        "OEK",  # an acronym never matches as the start of a longer word (`Oekraïne`)
        "KAB",
        "NAV",  # ... not even of a longer acronym (`NAVO`)
        "NAVOO",  # ... nor as a near miss
        "36045-999",  # a reference to a letter the library does not hold, cited nowhere
    ],
)
def test_finds_nothing(index: SearchIndex, query: str) -> None:
    assert index.search(query) == []


def test_a_passage_with_all_words_close_together_comes_first(index: SearchIndex) -> None:
    # Several paragraphs hold all three words; in this one they stand within six words.
    hits = index.search("reisadvies rood oekraine", limit=4)
    assert len(hits) >= 3
    assert "reisadvies voor Oekraïne is oranje/rood" in hits[0].snippet


def test_the_word_itself_ranks_above_near_misses(index: SearchIndex) -> None:
    hits = index.search("missie", limit=20)
    words = [h.snippet[s:e].lower() for h in hits for s, e in h.snippet_spans]
    assert set(words[:5]) <= {"missie", "missies"}
    assert "mission" not in words  # two edits away: too far for a word the letters use


def test_an_acronym_matches_the_word_and_never_a_longer_one(index: SearchIndex) -> None:
    marked = {h.snippet[s:e].lower() for h in index.search("EUR", limit=50)
              for s, e in h.snippet_spans}  # fmt: skip
    assert marked == {"eur"}  # never `Europese`, which `eur` in lower case begins
    loose = {h.snippet[s:e].lower() for h in index.search("eur", limit=50)
             for s, e in h.snippet_spans}  # fmt: skip
    assert {"eur", "europese"} <= loose  # typed in lower case: a prefix as ever


def test_a_quoted_word_matches_only_itself(index: SearchIndex) -> None:
    loose = {h.snippet[s:e].lower() for h in index.search("reisadvies", limit=50)
             for s, e in h.snippet_spans}  # fmt: skip
    exact = {h.snippet[s:e].lower() for h in index.search('"reisadvies"', limit=50)
             for s, e in h.snippet_spans}  # fmt: skip
    assert "reisadviezen" in loose
    assert exact == {"reisadvies"}
