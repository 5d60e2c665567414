"""Letters copied from the publication websites read as clean letters, the sites' furniture gone.

Small invented letters in `tests/fixtures/web_*.txt`, one per site layout, go through the
same reader a user's file goes through (`sources.read_document`).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefreader.errors import UserError
from briefreader.model import Letter
from briefreader.sources import letter_from_bytes, read_document
from briefreader.sources.webtext import strip_web_furniture

FIXTURES = Path(__file__).parent / "fixtures"


def read(name: str) -> Letter:
    return read_document(FIXTURES / name)


def body(letter: Letter) -> str:
    return " ".join(p.text for s in letter.sections for p in s.paragraphs)


def test_officielebekendmakingen_copy() -> None:
    letter = read("web_ob_letter.txt")
    assert letter.kind == "brief"
    assert (letter.identifier, letter.dossier, letter.number) == ("kst-36012-3", "36 012", "3")
    assert letter.citation == "Kamerstuk 36 012, nr. 3"
    assert letter.session == "2021-2022"  # from the site's metadata row
    assert letter.title == "Wijziging van de Wet op de waterkeringen"
    assert (letter.place, letter.date) == ("Den Haag", dt.date(2022, 2, 9))
    assert [s.title for s in letter.sections] == [None]
    assert [(s.role, s.name) for s in letter.signatories] == [
        ("De minister van Infrastructuur en Waterstaat", "M. G. J. Harbers"),
        ("De staatssecretaris van Infrastructuur en Waterstaat", "V. L. W. A. Heijnen"),
    ]
    assert [(f.number, f.text) for f in letter.footnotes] == [
        (1, "Raadpleegbaar via www.tweedekamer.nl.")
    ]
    text = body(letter)
    assert text.startswith("Hierbij zend ik u het rapport over de dijkversterking langs de Lek.")
    for furniture in ("Naar boven", "Noot", "Datum publicatie", "Staten-Generaal2021", "Harbers"):
        assert furniture not in text


def test_rijksbegroting_copy() -> None:
    letter = read("web_rijksbegroting.txt")
    assert (letter.identifier, letter.dossier, letter.number) == (
        "kst-35925-J-14",
        "35 925 J",
        "14",
    )
    assert letter.session == "2021-2022"
    assert letter.title.startswith("Vaststelling van de begrotingsstaten van het Deltafonds")
    assert letter.date == dt.date(2022, 3, 3)
    assert [s.name for s in letter.signatories] == ["M.G.J. Harbers"]
    assert [f.text for f in letter.footnotes] == ["Raadpleegbaar via www.tweedekamer.nl"]
    assert body(letter) == "Hierbij bied ik u het jaarbericht over de zandsuppleties aan."


def test_tweedekamer_site_copy_without_blank_lines() -> None:
    letter = read("web_tk_site.txt")
    assert (letter.identifier, letter.title) == (
        "kst-36012-7",
        "Wijziging van de Wet op de waterkeringen",
    )
    assert letter.date == dt.date(2022, 4, 14)
    assert [(s.role, s.name) for s in letter.signatories] == [
        ("De Minister van Infrastructuur en Waterstaat", "M.G.J. Harbers")
    ]
    text = body(letter)
    assert "Ondertekenaars" not in text and "Brief regering" not in text
    assert text.endswith("Ik stuur u hierbij de gevraagde reactie.")


def test_parlementaire_monitor_copy() -> None:
    letter = read("web_monitor.txt")
    assert (letter.identifier, letter.date) == ("kst-36012-9", dt.date(2022, 5, 2))
    assert [s.title for s in letter.sections] == [None]
    assert body(letter) == (
        "Naar aanleiding van het verzoek van de vaste commissie informeer ik u over de dijken."
    )
    assert [s.name for s in letter.signatories] == ["M.G.J. Harbers"]


def test_markdown_marks_and_page_rules() -> None:
    raw = (FIXTURES / "markdown_pages.txt").read_text(encoding="utf-8")
    lines = strip_web_furniture(raw).split("\n")
    assert len(lines) == len(raw.split("\n"))  # source spans keep pointing at the copy
    kept = [ln for ln in lines if ln.strip()]
    assert kept[0] == "Vergaderjaar 2023–2024 Aanhangsel van de Handelingen"
    assert kept[1] == "Vragen gesteld door de leden der Kamer, met de daarop door de"
    assert kept[3] == "Nr. 412"  # the number under the masthead, as a header reads it
    assert kept[4] == "Het kabinet volgt de berichtgeving1 en het 11e sanctiepakket"
    assert "\f" in lines and not any("h tk" in ln or "# 2" in ln for ln in kept)
    letter = read("markdown_pages.txt")
    assert (letter.number, letter.session) == ("412", "2023-2024")
    assert [(f.number, f.text) for f in letter.footnotes] == [(1, "NRC, 3 oktober 2023.")]
    assert "berichtgeving en het 11e sanctiepakket met aandacht." in body(letter)


@pytest.mark.parametrize(
    "text",
    [
        "Aan de Voorzitter van de Tweede Kamer\n\nDen Haag, 1 mei 2022\n\nTekst.\n",
        "Het kabinet noemt de Kamerstuk-nummers.\nNoot van de redactie blijft tekst.\n",
    ],
)
def test_plain_letters_are_left_alone(text: str) -> None:
    assert strip_web_furniture(text) == text


def test_web_letter_with_headings_and_several_notes() -> None:
    letter = read("web_sections.txt")
    assert [s.title for s in letter.sections] == [None, "Dijkversterking", "Planning"]
    assert [(f.number, f.text) for f in letter.footnotes] == [
        (1, "Kamerstuk 36 012, nr. 4."),
        (2, "Zie de bijlage."),
    ]
    assert body(letter) == (
        "Hierbij informeer ik u over de dijken. De dijken worden sterker gemaakt. Dat kost tijd."
        " De werkzaamheden duren tot 2030."
    )


def test_aanhangsel_copied_from_the_site() -> None:
    letter = read("web_aanhangsel.txt")
    assert (letter.kind, letter.identifier) == ("kamervragen", "ah-tk-20232024-1314")
    assert letter.citation == "Aanhangsel Handelingen II 2023/24, nr. 1314"
    assert [s.title for s in letter.sections] == ["Vraag 1", "Antwoord 1"]
    assert body(letter) == "Bent u bekend met het bericht over de vogelgriep? Ja."


_PIECES = [
    "Naar boven",
    "X Noot",
    "XNoot",
    "1",
    "12",
    "Noot 3: tekst",
    "Ondertekenaars",
    "Eerste ondertekenaar",
    "-----",
    "# 2",
    "### 387",
    "**vet**",
    "[4 ]",
    "1.",
    "Kerngegevens",
    "Parlementaire Monitor",
    "Kamerstuk",
    "Datum publicatieOrganisatie",
    "Tweede Kamer der Staten-Generaal2023-20241314",
    "Den Haag, 4 maart 2011",
    "De Minister van Defensie, A.B. Naam",
    "",
    " ",
]


@settings(max_examples=80, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(_PIECES), st.text(max_size=30)), max_size=40))
def test_any_web_text_keeps_its_lines_and_parses(lines: list[str]) -> None:
    text = "\n".join(lines)
    cleaned = strip_web_furniture(text)
    assert cleaned.count("\n") == text.count("\n")
    try:
        letter = letter_from_bytes(text.encode("utf-8"), "<web>")
    except UserError:
        return  # an empty or binary text is refused in one line, not a crash
    assert letter.title.strip()
    assert all("\n" not in p.text for s in letter.sections for p in s.paragraphs)


def test_breadcrumbs_and_site_buttons_are_not_text() -> None:
    text = (
        "Home > Kamerstukken > Wijziging van de Waterwet\n\nPrint\n\n"
        "Aan de Voorzitter van de Tweede Kamer der Staten-Generaal\n\n"
        "Den Haag, 2 mei 2022\n\nHierbij informeer ik u over de dijken.\n\n"
        "Terug naar zoekresultaten\n"
    )
    letter = letter_from_bytes(text.encode("utf-8"), "<web>")
    assert letter.date == dt.date(2022, 5, 2)
    assert body(letter) == "Hierbij informeer ik u over de dijken."


def test_tweedekamer_kamervragen_copy() -> None:
    """tweedekamer.nl's page title names the questioners without parties: the intro counts;
    `Zie ook Aanhangsel Handelingen, …, nr. N` (even across a line break) is the identifier."""
    letter = read("web_tk_kamervragen.txt")
    assert letter.kind == "kamervragen"
    assert [(q.name, q.party) for q in letter.questioners] == [
        ("Jansen", "PvdA"),
        ("De Vries", "CDA"),
    ]
    assert letter.identifier == "ah-tk-20242025-1555"
    assert letter.citation == "Aanhangsel Handelingen II 2024/25, nr. 1555"
    assert letter.date == dt.date(2025, 4, 2)
    assert letter.title.startswith("Antwoord op vragen van de leden Jansen en De Vries over")
    assert [s.title for s in letter.sections if s.title] == ["Vraag 1", "Antwoord 1"]
    assert "Zie ook" not in body(letter) and "Antwoord op vragen" not in body(letter)


def test_split_sdu_header_on_the_monitor() -> None:
    """Every header part on its own line (`36 123 (R2200)` / title / heading / `Vastgesteld`),
    under parlementairemonitor.nl's `Kerngegevens`; the letter-numbered Eerste Kamer stuk."""
    letter = read("web_split_header.txt")
    assert letter.kind == "verslag"
    assert (letter.identifier, letter.dossier, letter.number) == ("kst-36123-C", "36 123", "C")
    assert letter.title == "Wijziging van de Wet op de dijken (Rijkswet dijken)"
    assert letter.date == dt.date(2023, 3, 10)
    assert [s.title for s in letter.sections if s.title] == ["Inleiding"]
    text = body(letter)
    assert text.startswith("De commissie heeft de volgende vragen")
    for furniture in ("Kerngegevens", "Documentdatum", "KST36123C", "Tekst", "toegevoegd aan"):
        assert furniture not in text


def test_split_sdu_header_with_number_on_its_own_line() -> None:
    text = (
        "Tweede Kamer der Staten-Generaal\n\nVergaderjaar 2013–2014\n\n33 999\n\n"
        "Evaluatie van de Wet op de bruggen\n\nNr. 4\n\n"
        "BRIEF VAN DE MINISTER VAN INFRASTRUCTUUR\n\n"
        "Aan de Voorzitter van de Tweede Kamer der Staten-Generaal\n\nDen Haag, 11 maart 2014\n\n"
        "Inleiding\n\nHierbij bied ik u de evaluatie aan.\n"
    )
    letter = letter_from_bytes(text.encode(), "brief.txt")
    assert (letter.identifier, letter.kind) == ("kst-33999-4", "brief")
    assert letter.title == "Evaluatie van de Wet op de bruggen"
    assert letter.date == dt.date(2014, 3, 11)
    assert [s.title for s in letter.sections if s.title] == ["Inleiding"]


def test_lijst_van_vragen_with_hard_line_breaks() -> None:
    """A lijst van vragen en antwoorden copied from tweedekamer.nl: the split SDU header, the
    site's title line, `Vraag 1` / `Antwoord 1` sections in a verslag."""
    letter = read("web_lijst_vragen.txt")
    assert letter.kind == "verslag"
    assert (letter.identifier, letter.date) == ("kst-36700-7", dt.date(2025, 6, 12))
    assert letter.title == "Jaarverslag van het Fonds 2024"
    assert [s.title for s in letter.sections if s.title] == ["Vraag 1", "Antwoord 1"]
    assert "(bladzijde 10) aan de dijken?" in body(letter)
    assert "Lijst van vragen en antwoorden :" not in body(letter)


def test_site_metadata_block_above_the_letter() -> None:
    """`Label: value` lines above the document's own header (openkamer.org) are furniture;
    the page's `Kamerstuk 36500-XII-12` line names the document."""
    letter = read("web_metadata_block.txt")
    assert (letter.kind, letter.identifier) == ("brief", "kst-36500-XII-12")
    assert letter.date == dt.date(2024, 4, 3)
    assert [s.title for s in letter.sections if s.title] == []
    text = body(letter)
    assert text.startswith("Hierbij stuur ik u")
    for furniture in ("Gepubliceerd:", "Indiener(s):", "Bron:", "ID:", "Den Haag", "Nr. 12"):
        assert furniture not in text


def test_metadata_block_over_a_layout_table_header() -> None:
    """berthub.eu/tkconv: title lines, metadata with list items, buttons, then an SDU header
    set in a table (`Tweede Kamer der Staten-Generaal | 2 |`)."""
    letter = read("web_table_header.txt")
    assert (letter.identifier, letter.dossier, letter.number) == ("kst-36500-13", "36 500", "13")
    assert letter.title == "Water"
    assert letter.date == dt.date(2024, 4, 3)
    text = body(letter)
    assert text == "Hierbij stuur ik u het rapport over de staat van de sluizen."


def test_besluitenlijst_without_numbered_rows() -> None:
    """A decision list as a site prints it: unnumbered item titles with `Zaak:`/`Besluit:`
    cells, under the site's metadata block."""
    letter = read("web_besluitenlijst.txt")
    assert letter.kind == "besluitenlijst"
    assert letter.title == "Besluitenlijst van de procedurevergadering van dinsdag 4 juni 2024"
    assert letter.date == dt.date(2024, 6, 4)
    assert [s.title for s in letter.sections if s.title] == [
        "Rapport over de staat van de sluizen",
        "Rondvraag",
    ]
    assert "Gepubliceerd" not in body(letter) and "Activiteitnummer" not in body(letter)


def test_headings_in_hard_wrapped_text() -> None:
    """tweedekamer.nl wraps a letter without any blank line: a short line after a finished
    sentence, before a full line, is a heading; `11 sluizen …` is text."""
    letter = read("web_hard_wrapped.txt")
    assert letter.identifier == "kst-36500-14"
    assert [s.title for s in letter.sections if s.title] == ["Onderhoud van de sluizen", "Planning"]
    assert "11 sluizen worden vervangen" in body(letter)


def test_labelled_lines_of_the_document_itself_stay() -> None:
    """Only a site's block (it names a link or the Kamer's registry number) is furniture: a
    memo's own `Label: value` lines and a decision list's cells are the document's text."""
    memo = (
        "Notitie over de sluizen\n\nAanleiding: de storing van 3 mei.\nDoel: herstel van"
        " de sluis.\nKosten: 2 miljoen euro.\n\nDe sluis wordt in juni hersteld.\n"
    )
    assert strip_web_furniture(memo) == memo
    cells = (
        "Besluitenlijst van de procedurevergadering van 4 juni 2024\n\nRapport sluizen\n"
        "Zaak: Brief regering - 2024Z05555\nBesluit: Ter informatie.\nNoot: Geen.\n"
    )
    assert strip_web_furniture(cells) == cells


def test_monitor_line_names_a_budget_chapter() -> None:
    """`toegevoegd aan dossier 36123 XII` and the header's `36 123 XII`: one dossier."""
    text = (FIXTURES / "web_split_header.txt").read_text(encoding="utf-8")
    text = text.replace(
        "onder nr. C toegevoegd aan wetsvoorstel 36123 (R2200)",
        "onder nr. 12 toegevoegd aan dossier 36123 XII",
    )
    text = text.replace("36 123 (R2200)", "36 123 XII").replace(
        "VOORLOPIG VERSLAG VAN DE VASTE COMMISSIE VOOR INFRASTRUCTUUR1",
        "Nr. 12\n\nBRIEF VAN DE MINISTER VAN INFRASTRUCTUUR",
    )
    letter = letter_from_bytes(text.encode(), "brief.txt")
    assert (letter.identifier, letter.dossier, letter.kind) == (
        "kst-36123-XII-12",
        "36 123 XII",
        "brief",
    )


def test_monitor_page_without_its_title_lines() -> None:
    """Copied from `1. Kerngegevens` down: the table's `Kenmerk 36123, nr. C` names it."""
    text = (FIXTURES / "web_split_header.txt").read_text(encoding="utf-8").split("\n", 4)[4]
    letter = letter_from_bytes(text.encode(), "verslag.txt")
    assert (letter.kind, letter.identifier) == ("verslag", "kst-36123-C")
    assert "Kerngegevens" not in body(letter) and "Kenmerk" not in body(letter)


def test_covering_paragraph_before_the_first_question_is_kept() -> None:
    """A covering paragraph between the answer line and `Vraag 1` (`Hierbij bied ik u … de
    antwoorden aan`) is the opening section, never dropped."""
    text = (
        "Vragen van het lid Jansen (PvdA) aan de Minister van Financiën over de kas "
        "(ingezonden 3 maart 2025).\n"
        "Antwoord van Minister Pietersen (Financiën) (ontvangen 2 april 2025). Zie ook\n"
        "Aanhangsel Handelingen, vergaderjaar 2024–2025, nr. 1555.\n"
        "Hierbij bied ik u de antwoorden aan op de schriftelijke vragen van het lid Jansen\n"
        "over de kas.\n"
        "Vraag 1\n"
        "Klopt het bericht?\n"
        "Antwoord 1\n"
        "Ja.\n"
    )
    letter = letter_from_bytes(text.encode(), "vragen.txt")
    assert letter.kind == "kamervragen"
    assert [s.title for s in letter.sections] == [None, "Vraag 1", "Antwoord 1"]
    assert body(letter).startswith("Hierbij bied ik u de antwoorden aan")
    assert "Zie ook" not in body(letter) and "(ontvangen" not in body(letter)


def test_received_date_line_is_the_date() -> None:
    """`Ontvangen <date>` under a nota's `Nr.` line is its date, like `Vastgesteld`, not a
    heading over the opening paragraph."""
    text = (
        "36 999 Wijziging van de Wet op de dijken\n\n"
        "Nr. 4 NOTA NAAR AANLEIDING VAN HET VERSLAG\n\n"
        "Ontvangen 12 april 2022\n\n"
        "De regering dankt de leden voor hun vragen over het voorstel.\n"
    )
    letter = letter_from_bytes(text.encode(), "nota.txt")
    assert (letter.identifier, letter.date) == ("kst-36999-4", dt.date(2022, 4, 12))
    assert [s.title for s in letter.sections if s.title] == []
    assert "Ontvangen" not in body(letter)


def test_eerste_kamer_letter_number() -> None:
    """An Eerste Kamer stuk is numbered by letter without `Nr.` (`C MEMORIE VAN ANTWOORD`,
    `AB1 VERSLAG …` with a glued note marker): identifier, number and date, no headings."""
    text = (
        "36 999 Wijziging van de Wet op de dijken\n\n"
        "AB1 VERSLAG VAN EEN SCHRIFTELIJK OVERLEG\n\n"
        "Vastgesteld 3 mei 2023\n\n"
        "De commissie heeft de regering vragen gesteld over de dijken.\n"
    )
    letter = letter_from_bytes(text.encode(), "ek.txt")
    assert (letter.identifier, letter.number) == ("kst-36999-AB", "AB")
    assert (letter.kind, letter.date) == ("verslag", dt.date(2023, 5, 3))
    assert [s.title for s in letter.sections if s.title] == []


def test_second_dossier_line_of_a_letter_in_two_dossiers() -> None:
    """`36 998 …` / `36 999 …` / `Nr. 12 BRIEF …`: the first dossier and the number name it."""
    text = (
        "36 998 Informatievoorziening\n\n"
        "36 999 Bescherming persoonsgegevens\n\n"
        "Nr. 12 BRIEF VAN DE MINISTER VAN BINNENLANDSE ZAKEN\n\n"
        "Aan de Voorzitter van de Tweede Kamer der Staten-Generaal\n\n"
        "Den Haag, 10 februari 2023\n\n"
        "Met deze brief informeer ik uw Kamer over de voortgang.\n"
    )
    letter = letter_from_bytes(text.encode(), "brief.txt")
    assert (letter.identifier, letter.date) == ("kst-36998-12", dt.date(2023, 2, 10))
    assert [s.title for s in letter.sections if s.title] == []
    assert body(letter).startswith("Met deze brief")


def test_metadata_table_copied_as_markdown() -> None:
    """zoek.officielebekendmakingen.nl copied with its metadata as a Markdown table and its
    blurbs: furniture; the table's `36999-XII nr. 7` names the document."""
    row = "Tweede Kamer der Staten-Generaal | 2009-2010 | 36999-XII nr. 7 |"
    table = "Datum publicatie | Organisatie | Vergaderjaar | Dossier- en ondernummer |\n"
    table += "---|---|---|\n"
    text = (
        f"Kamerstuk\n{table}{row}\n"
        "Zoals vergunningen, bouwplannen en lokale regelgeving.\n"
        "Adressen en contactpersonen van overheidsorganisaties.\n"
        f"U bent hier:\n{table}{row}\n"
        "Vastgesteld 24 maart 2010\n"
        "De vaste commissie heeft een aantal vragen voorgelegd aan de minister.\n"
    )
    letter = letter_from_bytes(text.encode(), "page.txt")
    assert (letter.identifier, letter.date) == ("kst-36999-XII-7", dt.date(2010, 3, 24))
    assert "Organisatie" not in letter.title
    text_read = body(letter)
    assert text_read.startswith("De vaste commissie heeft")
    for furniture in ("Datum publicatie", "Zoals vergunningen", "Adressen en", "---|"):
        assert furniture not in text_read


def test_committee_signature_lines_are_no_headings() -> None:
    """`De voorzitter van de commissie, Tielen` under a verslag's opening is a signature line,
    never a section heading."""
    text = (
        "36 999 Parlementaire ondervraging\n\n"
        "Nr. 13 VERSLAG VAN EEN SCHRIFTELIJK OVERLEG\n\n"
        "Vastgesteld 25 mei 2023\n\n"
        "De vaste commissie voor Financiën heeft vragen voorgelegd aan de Minister.\n\n"
        "De voorzitter van de commissie, Tielen\n\n"
        "De adjunct-griffier van de commissie, Kruithof\n\n"
        "Inleiding\n\n"
        "Bijgaand treft u de reactie op de vragen.\n"
    )
    letter = letter_from_bytes(text.encode(), "verslag.txt")
    assert [s.title for s in letter.sections if s.title] == ["Inleiding"]


def test_tweedekamer_meeting_page() -> None:
    """tweedekamer.nl's meeting page: `De vergadering is geweest` and the time and room are
    furniture; the date on its own line is the meeting's date."""
    text = (
        "Procedurevergadering : Procedurevergadering\n\n"
        "De vergadering is geweest\n\n"
        "13 maart 2013\n17:00 - 17:30 uur\nLocatie: Thorbeckezaal\n"
        "Commissie: contactgroep Duitsland\n\n"
        "Agendapunten\n\n"
        "Verkiezing van een voorzitter\n\n"
        "Jansen wordt met algemene stemmen verkozen tot voorzitter.\n"
    )
    letter = letter_from_bytes(text.encode(), "vergadering.txt")
    assert letter.date == dt.date(2013, 3, 13)
    words = body(letter) + " ".join(s.title or "" for s in letter.sections)
    assert "Jansen wordt met algemene stemmen verkozen" in words
    for furniture in ("De vergadering is geweest", "Locatie:", "17:00"):
        assert furniture not in words
