"""What the PDF reader mends: kerned words, running heads, split accents, Word bullets."""

from __future__ import annotations

from briefreader.parsing import parse_letter
from briefreader.sources import letter_from_bytes
from briefreader.sources.pdf import pdf_text
from briefreader.sources.repair import repair_text
from tests.pdfmaker import make_pdf


def test_a_word_kerned_apart_is_one_word_again_and_real_spaces_stay() -> None:
    text = pdf_text(
        make_pdf(
            [
                [
                    b"[(Ministerie van Inf) -250 (rastructuur en Waterstaat)] TJ T*",
                    b"[(2) -250 (515 XP Den Haag)] TJ T*",
                    b"[(I) -250 (E) -250 (NW/BSK-2023/297705)] TJ T*",
                    b"[(de registratiekosten voor) -250 (drone-exploitanten)] TJ T*",
                ]
            ]
        ),
        "brief.pdf",
    )
    assert text.splitlines() == [
        "Ministerie van Infrastructuur en Waterstaat",
        "2515 XP Den Haag",
        "IENW/BSK-2023/297705",
        "de registratiekosten voor drone-exploitanten",
    ]


def test_a_running_head_on_every_page_is_read_once() -> None:
    pages: list[list[str | bytes]] = [
        ["Kenmerk IENW/BSK-2023/297705", "", f"Tekst van pagina {n} van de brief."]
        for n in (1, 2, 3)
    ]
    text = pdf_text(make_pdf(pages), "brief.pdf")
    assert text.count("Kenmerk") == 1
    assert all(f"Tekst van pagina {n}" in text for n in (1, 2, 3))


def test_a_page_counter_is_furniture_on_every_page() -> None:
    pages: list[list[str | bytes]] = [
        [f"Pagina {n} van 3", "", "Aan de Voorzitter van de Tweede Kamer", "", f"Alinea {n}."]
        for n in (1, 2, 3)
    ]
    letter = letter_from_bytes(make_pdf(pages), "brief.pdf")
    body = " ".join(p.text for s in letter.sections for p in s.paragraphs)
    assert "Pagina" not in body


def test_accents_split_by_extraction_are_rejoined() -> None:
    assert repair_text("Kostic´ (PvdD) en Yes¸ilgöz") == "Kostić (PvdD) en Yeşilgöz"
    assert repair_text("Dobreva˘ en Kovacˇ") == "Dobrevă en Kovač"


def test_an_acute_between_letters_is_an_apostrophe_not_an_accent() -> None:
    assert repair_text("zo´n brief") == "zo´n brief"


def test_word_bullets_become_list_items() -> None:
    text = repair_text("De punten:\n\uf0b7 het eerste;\n\uf0b7\tGeen tweede.")
    assert text == "De punten:\n• het eerste;\n• Geen tweede."
    letter = parse_letter(text)
    assert [p.text for p in letter.sections[0].paragraphs][-2:] == [
        "• het eerste;",
        "• Geen tweede.",
    ]


def test_a_compound_kerned_apart_twice_is_one_word() -> None:
    from briefreader.sources.kerning import KERN, unkern

    assert unkern(f"Tweede T{KERN}us{KERN}senrapportage") == "Tweede Tussenrapportage"
    assert unkern(f"3 Kamers{KERN}tuknummer 36200") == "3 Kamerstuknummer 36200"
    # common words on both sides of a narrow gap stay two words, as does a function word
    assert unkern(f"Om{KERN}ervoor te zorgen, op{KERN}en neer") == "Om ervoor te zorgen, op en neer"
    assert unkern(f"verordening{KERN}en richtlijn") == "verordening en richtlijn"


def test_a_text_file_with_split_accents_reads_them_whole() -> None:
    data = "Vragen van het lid Kostic´ (PvdD) aan de Minister.\n\nMinister Yes¸ilgöz.\n"
    letter = letter_from_bytes(data.encode("utf-8"), "vragen.txt")
    body = " ".join(p.text for s in letter.sections for p in s.paragraphs)
    assert "Kostić" in body and "Yeşilgöz" in body


def test_a_text_box_drawn_last_is_read_where_it_stands() -> None:
    page: list[str | bytes] = [
        "De eerste alinea staat bovenaan de pagina.",
        "",
        b"0 -200 Td",  # the text flows on below the room the box takes
        "De tweede alinea staat onder het kader.",
        b"1 0 0 1 84 640 Tm (Het kader) Tj 0 -14 Td (Tekst in het kader.) Tj",
    ]
    lines = [ln for ln in pdf_text(make_pdf([page]), "brief.pdf").splitlines() if ln]
    assert lines == [
        "De eerste alinea staat bovenaan de pagina.",
        "Het kader",
        "Tekst in het kader.",
        "De tweede alinea staat onder het kader.",
    ]
