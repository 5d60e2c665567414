"""Parser rules on small fixture letters: what a reader must see, case by case."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from briefreader.ingest import clean_text, read_letter_text
from briefreader.model import Letter
from briefreader.parsing import parse_letter

FIXTURES = Path(__file__).parent / "fixtures"


def parse(text: str) -> Letter:
    return parse_letter(clean_text(text), "<test>")


def body(letter: Letter) -> str:
    return " ".join(p.text for s in letter.sections for p in s.paragraphs)


@pytest.fixture(scope="module")
def page_letter() -> Letter:
    path = FIXTURES / "page_heading.txt"
    return parse_letter(read_letter_text(path), str(path))


def test_header_fields(page_letter: Letter) -> None:
    assert page_letter.date == dt.date(2023, 3, 7)
    assert page_letter.place == "Den Haag"
    assert page_letter.recipient == "Aan de Voorzitter van de Tweede Kamer der Staten-Generaal"
    assert page_letter.title == "Stand van zaken rond de transparantie van het beleid"


def test_headings_including_page_opening_and_consecutive(page_letter: Letter) -> None:
    titles = [s.title for s in page_letter.sections]
    assert titles == [None, "Eerste kop", "Kop die een pagina opent", "Derde kop", "Vierde kop"]
    assert page_letter.sections[3].paragraphs == ()


def test_hyphens_resolved_and_kept(page_letter: Letter) -> None:
    text = body(page_letter)
    assert "transparantie" in text and "transpa-" not in text
    assert "Minister-President" in text
    assert "EU-landen" in text
    assert "defensie-industrie" in text
    assert "29023-276" in text


def test_paragraph_joined_across_page_break(page_letter: Letter) -> None:
    assert "De vraag is echter of dit genoeg is." in body(page_letter)


def test_footnotes_moved_out_and_markers_detached(page_letter: Letter) -> None:
    notes = {f.number: f.text for f in page_letter.footnotes}
    assert notes == {
        1: "Kamerstuk 21 501-04, nr. 2433",
        2: "https://www.consilium.europa.eu/media/53949/conclusies-raad-nl.pdf",
    }
    para = next(p for s in page_letter.sections for p in s.paragraphs if "Brekelmans" in p.text)
    assert "motie Brekelmans c.s. en naar de Raad" in para.text
    assert "c.s.1" not in para.text and "20212" not in para.text
    assert "16 december 2021 die" in para.text
    numbers = [r.number for r in para.footnote_refs]
    assert numbers == [1, 2]
    first = para.footnote_refs[0]
    assert para.text[: first.offset].endswith("c.s.")


def test_numbered_lines_are_not_footnotes(page_letter: Letter) -> None:
    text = body(page_letter)
    assert "artikel 5 van het NAVO-verdrag en in antwoord 1 en 8." in text
    assert [f.number for f in page_letter.footnotes] == [1, 2]


def test_furniture_dropped_and_signatories_read(page_letter: Letter) -> None:
    assert "33783-48/2021D50613" not in body(page_letter)
    assert [(s.role, s.name) for s in page_letter.signatories] == [
        ("De Minister van Buitenlandse Zaken", "W.B. Hoekstra"),
        ("De Minister van Defensie", "K.H. Ollongren"),
    ]
    assert "Hoekstra" not in body(page_letter)


def test_references_normalised(page_letter: Letter) -> None:
    # in order of mention: `Kamerstuk 29023-\n276 (Kamerstuk 21 501-02, nr. 2446)`
    assert page_letter.references == (
        "Kamerstuk 29 023, nr. 276",
        "Kamerstuk 21 501-02, nr. 2446",
        "Kamerstuk 21 501-04, nr. 2433",
    )


def test_letterhead_subject_becomes_title_and_salutation_is_not_text() -> None:
    path = FIXTURES / "betreft.txt"
    letter = parse_letter(read_letter_text(path), str(path))
    assert letter.title == "Voortgang van de energietransitie"
    assert letter.date == dt.date(2024, 1, 12)
    assert [s.title for s in letter.sections] == [None]
    assert not body(letter).startswith("Geachte")
    assert letter.signatories[0].name == "J.A. Vijlbrief"


def test_letter_without_headings_is_one_untitled_section() -> None:
    letter = parse("Dit is een korte brief zonder kopjes.\n\nNog een alinea.\n")
    assert [s.title for s in letter.sections] == [None]
    assert [p.text for p in letter.sections[0].paragraphs] == [
        "Dit is een korte brief zonder kopjes.",
        "Nog een alinea.",
    ]
    assert letter.title.strip()


def test_word_processor_export_keeps_its_hyphens() -> None:
    text = (
        "Op dit moment is er geen sprake van EU kandidaat-\n"
        "lidmaatschap van Oekraïne. De veiligheidssituatie in Oost-\n"
        "Europa blijft zorgelijk, zoals eerder gedeeld (Kamerstukken 29023-\n"
        "276) en in de EU-\n"
        "gasrichtlijn.\n"
    )
    out = body(parse(text))
    assert "kandidaat-lidmaatschap" in out
    assert "Oost-Europa" in out and "EU-gasrichtlijn" in out


def test_a_short_typeset_letter_joins_its_compounds() -> None:
    text = (
        "De oorzaken zijn de gestegen bouw-\n"
        "kosten en de onderwijs-\n"
        "achterstanden, zegt de oud-\n"
        "minister.\n"
    )
    out = body(parse(text))
    assert "bouwkosten" in out and "onderwijsachterstanden" in out and "oud-minister" in out


def test_soft_hyphenation_uses_the_document_itself() -> None:
    text = (
        "Het kabinet zet in op de-escalatie en op verdere de-\n"
        "escalatie. Ook de transpa-\n"
        "rantie telt, net als de bondgenoot-\n"
        "schappelijke verdediging en de EU- en\n"
        "NAVO-partners.\n"
    )
    out = body(parse(text))
    assert "verdere de-escalatie" in out
    assert "transparantie" in out
    assert "bondgenootschappelijke" in out
    assert "EU- en NAVO-partners" in out


def test_question_and_answer_document() -> None:
    text = (
        "Binnen de vaste commissie voor Buitenlandse Zaken hebben de fracties vragen gesteld.\n"
        "\n"
        "Vragen en opmerkingen van de leden van de VVD-fractie\n"
        "\n"
        "De leden van de VVD-fractie vragen hoe het kabinet dit ziet?\n"
        "\n"
        "1. Antwoord van het kabinet \n"
        "Het kabinet ziet dit als een belangrijke stap, zie ook antwoord\n"
        "1 en 8.\n"
        "\n"
        "II Antwoord/ Reactie van de minister \n"
        "\n"
        "III Volledige agenda\n"
        "\n"
        "Geannoteerde agenda voor de bijeenkomst.\n"
    )
    letter = parse(text)
    assert [s.title for s in letter.sections] == [
        None,
        "Vragen en opmerkingen van de leden van de VVD-fractie",
        "1. Antwoord van het kabinet",
        "II Antwoord/ Reactie van de minister",
        "III Volledige agenda",
    ]
    assert letter.kind == "verslag"
    assert letter.sections[2].level == 2
    assert "zie ook antwoord 1 en 8." in body(letter)


def test_sentence_going_on_after_a_blank_line_is_one_paragraph() -> None:
    letter = parse(
        "Daarnaast zal het kabinet zijn bijdrage aan een programma van de\n"
        "VN voor steun aan oostelijke gebieden\n"
        "\n"
        "verlengen. Tot slot iets anders.\n"
        "\n"
        "Een nieuwe alinea.\n"
    )
    assert [p.text for p in letter.sections[0].paragraphs] == [
        "Daarnaast zal het kabinet zijn bijdrage aan een programma van de VN voor steun "
        "aan oostelijke gebieden verlengen. Tot slot iets anders.",
        "Een nieuwe alinea.",
    ]


def test_form_feed_is_a_page_break() -> None:
    letter = parse("Eerste pagina eindigt hier.\n\fNieuwe kop\n\nTekst op de tweede pagina.\n")
    assert [s.title for s in letter.sections] == [None, "Nieuwe kop"]


@pytest.mark.parametrize(
    ("opening", "title"),
    [
        (
            "Mede met het oog op het debat voorzien voor 21 februari a.s. sturen wij, mede "
            "namens de Minister van Justitie, uw Kamer een terug- en vooruitblik op de "
            "Russische oorlog in Oekraïne. Op 24 februari is het een jaar geleden.",
            "Terug- en vooruitblik op de Russische oorlog in Oekraïne",
        ),
        (
            "Naar aanleiding van het verzoek van de commissie om per brief te worden "
            "geïnformeerd over het bezoek van de Minister-President aan Kiev kan ik u als "
            "volgt berichten.",
            "Bezoek van de Minister-President aan Kiev",
        ),
        ("Kort.", "Kort."),
    ],
)
def test_title_from_the_opening_sentence(opening: str, title: str) -> None:
    assert parse(f"Den Haag, 3 februari 2022\n\n{opening}\n").title == title


def test_ministry_letterhead_is_header_not_text() -> None:
    path = FIXTURES / "letterhead.txt"
    letter = parse_letter(read_letter_text(path), str(path))
    assert letter.title == "Stand van zaken steun aan Oekraïne"
    assert letter.date == dt.date(2024, 3, 14)
    assert letter.recipient == "Aan de Voorzitter van de Tweede Kamer der Staten-Generaal"
    assert [s.title for s in letter.sections] == [None, "Militaire steun"]
    text = body(letter)
    assert text.startswith("Hierbij informeer ik u")
    for debris in ("Rijnstraat", "Postbus", "BZ2412345", "Geachte", "Met vriendelijke groet"):
        assert debris not in text
    assert [(s.role, s.name) for s in letter.signatories] == [
        ("De Minister van Buitenlandse Zaken", "H.G.J. Bruins Slot")
    ]


def test_a_footnote_after_a_lost_one_is_still_a_footnote() -> None:
    letter = parse(
        "Het kabinet steunt de motie Brekelmans c.s.1 en wacht op het rapport.\n"
        "\n"
        "1 Kamerstuk 21 501-02, nr. 2433.\n"
        " Uw Kamer ontving recent de appreciatie van het Strategisch Kompas.3 Op dit\n"
        "moment is de EU onvoldoende toegerust om de\n"
        "\n"
        "3 Kamerstuk 21501-28-229.\n"
        "\n"
        "\n"
        "\n"
        "dreigingen het hoofd te bieden, zoals bedoeld in artikel\n"
        "5 van het verdrag.\n"
    )
    assert [(f.number, f.text) for f in letter.footnotes] == [
        (1, "Kamerstuk 21 501-02, nr. 2433."),
        (3, "Kamerstuk 21501-28-229."),
    ]
    assert "onvoldoende toegerust om de dreigingen het hoofd te bieden" in body(letter)
    assert "Strategisch Kompas. Op dit moment" in body(letter)
    assert "Kamerstuk 21 501-28, nr. 229" in letter.references


def test_a_footnote_going_on_after_a_blank_line_stays_one_footnote() -> None:
    letter = parse(
        "Gazprom levert minder gas dan in voorgaande jaren4 en dat raakt de markt.\n"
        "\n"
        "4 Volgens voorlopige cijfers leverde Gazprom ruim 40% minder gas aan de\n"
        "\n"
        "EU t.o.v. januari 2021.\n"
        " Een nieuwe alinea op de volgende pagina.\n"
    )
    assert [f.text for f in letter.footnotes] == [
        "Volgens voorlopige cijfers leverde Gazprom ruim 40% minder gas aan de EU t.o.v. "
        "januari 2021."
    ]
    assert "t.o.v." not in body(letter)


def test_capitalised_role_and_address_block_recipient() -> None:
    letter = parse(
        "De Voorzitter van de Tweede Kamer\n"
        "der Staten-Generaal\n"
        "Postbus 20018\n"
        "2500 EA DEN HAAG\n"
        "\n"
        "Datum 12 maart 2024\n"
        "Betreft Voortgang stikstof\n"
        "\n"
        "Geachte voorzitter,\n"
        "\n"
        "Hierbij informeer ik u over de voortgang.\n"
        "\n"
        "2. Stand van zaken\n"
        "\n"
        "2.1 Opkoop\n"
        "\n"
        "Er wordt gekozen voor:\n"
        "a. de opkoopregeling;\n"
        "b. de natuurherstelregeling.\n"
        "\n"
        "Hoogachtend,\n"
        "\n"
        "DE MINISTER VOOR NATUUR EN STIKSTOF,\n"
        "\n"
        "Christianne van der Wal-Zeggelink\n"
    )
    assert letter.recipient == "De Voorzitter van de Tweede Kamer der Staten-Generaal"
    assert [(s.role, s.name) for s in letter.signatories] == [
        ("DE MINISTER VOOR NATUUR EN STIKSTOF", "Christianne van der Wal-Zeggelink")
    ]
    assert [(s.title, s.level) for s in letter.sections] == [
        (None, 1),
        ("2. Stand van zaken", 1),
        ("2.1 Opkoop", 2),
    ]
    assert [p.text for p in letter.sections[2].paragraphs] == [
        "Er wordt gekozen voor:",
        "a. de opkoopregeling;",
        "b. de natuurherstelregeling.",
    ]
    assert "Hoogachtend" not in body(letter)
