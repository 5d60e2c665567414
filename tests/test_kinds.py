"""Each kind of document reads with the structure its readers look for.

Small invented documents in `tests/fixtures/` and inline texts: a committee's decision list,
moties (SDU text and a web copy), a bill and a memorie van toelichting, ministry letters on
letterhead (sidebar, Word headings, signatures), a BNC-fiche, and the header lines every
Kamerstuk opens with.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from briefreader.model import Letter
from briefreader.parsing import parse_letter
from briefreader.sources import read_document

FIXTURES = Path(__file__).parent / "fixtures"


def read(name: str) -> Letter:
    return read_document(FIXTURES / name)


def body(letter: Letter) -> str:
    return " ".join(p.text for s in letter.sections for p in s.paragraphs)


def test_besluitenlijst_agenda_items_under_banners() -> None:
    letter = read("besluitenlijst.txt")
    assert letter.kind == "besluitenlijst"
    assert letter.title == "Besluitenlijst van de procedurevergadering van woensdag 13 maart 2024"
    assert letter.date == dt.date(2024, 3, 13)  # the meeting's date, not the list's
    assert letter.sender == "Vaste commissie voor Infrastructuur en Waterstaat"
    assert [(s.title, s.level) for s in letter.sections if s.title] == [
        ("Brievenlijst", 1),
        ("1. Agendapunt: Brievenlijst (zie de zaken en de besluiten op de brievenlijst)", 2),
        ("Brieven van de minister van IenW", 1),
        ("Brieven van de staatssecretaris van IenW", 1),
        (
            "2. Agendapunt: Voortgang van de aanpak van de dijkversterking langs de Lek en de"
            " Nederrijn",
            2,
        ),
        ("3. Agendapunt: Rapport over de staat van de bruggen", 2),
    ]
    item = letter.sections[-1]
    assert [p.text[:6] for p in item.paragraphs] == ["Zaak: ", "Beslui", "Noot: "]
    assert "Geen agendapunten" in body(letter)
    assert "Volgcommissie(s): EZK i.v.m." not in body(letter)


def test_motie_movers_are_its_signatories() -> None:
    letter = read("motie.txt")
    assert letter.kind == "motie"
    assert (letter.identifier, letter.date) == ("kst-36410-V-88", dt.date(2023, 11, 14))
    assert letter.title == "Motie van de leden Van der Berg en Kostić"
    assert [(s.role, s.name) for s in letter.signatories] == [
        ("Indiener", "Van der Berg"),
        ("Medeindiener", "Kostić"),
    ]
    # each clause a paragraph, as the official XML has them
    assert [p.text.split()[0] for s in letter.sections for p in s.paragraphs] == [
        "De",
        "gehoord",
        "constaterende",
        "verzoekt",
        "en",
    ]
    text = body(letter)
    assert text.startswith("De Kamer, gehoord de beraadslaging, constaterende dat")
    assert text.endswith("en gaat over tot de orde van de dag.")
    assert "Kostić" not in text


def test_bill_units_nest() -> None:
    letter = read("wetsvoorstel.txt")
    assert letter.kind == "wetsvoorstel"
    assert [(s.title, s.level) for s in letter.sections if s.title] == [
        ("HOOFDSTUK 1 ALGEMENE BEPALINGEN", 1),
        ("Artikel 1.1", 3),
        ("Artikel 1.2", 3),
        ("HOOFDSTUK 2 BEHEER", 1),
        ("Afdeling 2.1 De beheerder", 2),
        ("Artikel 2.1", 3),
    ]
    article = letter.sections[-1]
    assert [p.text for p in article.paragraphs] == [
        "1. De beheerder zorgt dat de waterkering aan de norm voldoet.",
        "2. Artikel 1.1 van de Waterwet is van overeenkomstige toepassing.",
    ]


def test_letterhead_letter_sidebar_headings_and_signature() -> None:
    letter = read("letterhead_word.txt")
    assert letter.kind == "brief"
    assert letter.title == "Voortgang van de waterstofroutekaart"
    assert letter.date == dt.date(2024, 6, 12)
    assert letter.kenmerk == "DGKE / 12345678"
    assert letter.citation == "Kamerbrief van 12 juni 2024, DGKE / 12345678"
    assert [s.title for s in letter.sections] == [
        None,
        "Stand van zaken",
        "2. Vervolg van de aanpak voor de industrie in de regio Rotterdam en Zeeland",
    ]
    assert [(s.role, s.name) for s in letter.signatories] == [
        ("Minister voor Klimaat en Energie", "R.A.A. Jetten")
    ]
    # the footnote under the page's text, without the blank line the rule above it was
    assert [(f.number, f.text) for f in letter.footnotes] == [(1, "Kamerstuk 32813, nr. 1290.")]
    text = body(letter)
    # the paragraph goes on over the page, the sidebar on both pages is gone
    assert "die dit jaar voor het eerst wordt uitgekeerd aan de netbeheerder." in text
    for furniture in ("Directoraat", "Klimaat en Energie Bezuidenhoutseweg", "DGKE", "Pagina"):
        assert furniture not in text
    assert text.endswith("In het najaar stuur ik u de volgende voortgangsbrief.")


def test_fiche_template_fields_as_sections() -> None:
    letter = read("fiche.txt")
    assert letter.kind == "document"
    assert letter.title == "Fiche 3: Verordening over de Europese digitale identiteit"
    assert [(s.title, s.level) for s in letter.sections if s.title] == [
        ("1. Algemene gegevens", 1),
        ("a) Titel voorstel", 2),
        ("b) Datum ontvangst Commissiedocument", 2),
        ("2. Essentie voorstel", 1),
        ("a) Inhoud voorstel", 2),
        (
            "b) Gevolgen voor nationale regelgeving en de uitvoering ervan door gemeenten en"
            " uitvoeringsorganisaties",
            2,
        ),
        ("Wallet voor burgers", 3),
    ]
    assert letter.sections[2].paragraphs[0].text == "3 juni 2021"
    assert "Fiche 3" not in body(letter)


def test_motie_copied_from_the_site() -> None:
    letter = read("motie_web.txt")
    assert (letter.kind, letter.identifier) == ("motie", "kst-36410-V-88")
    assert letter.title == "Motie van de leden Boswijk en Van der Lee"
    assert [(s.role, s.name) for s in letter.signatories] == [
        ("Indiener", "Boswijk"),
        ("Medeindiener", "Van der Lee"),
    ]
    assert letter.sender == "Boswijk en Van der Lee"  # the movers, as in every format
    assert "Naar boven" not in body(letter) and "Boswijk" not in body(letter)


def test_ministry_letter_as_plain_text() -> None:
    letter = read("letter_text.txt")
    assert (letter.title, letter.date) == ("Verzamelbrief luchtvaart", dt.date(2023, 10, 18))
    assert [s.title for s in letter.sections] == [None, "Drones"]
    # room for the signature between role and name
    assert [(s.role, s.name) for s in letter.signatories] == [
        ("DE MINISTER VAN INFRASTRUCTUUR EN WATERSTAAT", "Mark Harbers")
    ]
    assert "Hoogachtend" not in body(letter)


@pytest.mark.parametrize(
    ("heading", "kind"),
    [
        ("BRIEF VAN DE MINISTER TER AANBIEDING VAN HET VERSLAG VAN DE RAAD", "brief"),
        ("VERSLAG VAN EEN SCHRIFTELIJK OVERLEG", "verslag"),
        ("NADER GEWIJZIGDE MOTIE VAN HET LID KOSTIĆ", "motie"),
        ("NOTA NAAR AANLEIDING VAN HET VERSLAG", "document"),
        ("MEMORIE VAN TOELICHTING", "wetsvoorstel"),
        ("VOORSTEL VAN WET", "wetsvoorstel"),
    ],
)
def test_an_sdu_heading_names_its_kind_first(heading: str, kind: str) -> None:
    text = (
        f"36 012 Wijziging van de Waterwet\n\nNr. 7 {heading}\n\n"
        "Het kabinet heeft het verslag van de Raad ontvangen en stuurt het u hierbij.\n"
    )
    assert parse_letter(text).kind == kind


@pytest.mark.parametrize(
    ("line", "place", "date"),
    [
        ("Den Haag, 4 maart 2011", "Den Haag", dt.date(2011, 3, 4)),
        ("’s-Gravenhage, 3 mei 2011", "’s-Gravenhage", dt.date(2011, 5, 3)),
        ("Rijswijk, 7 april 1997", "Rijswijk", dt.date(1997, 4, 7)),
    ],
)
def test_place_and_date_leave_the_body(line: str, place: str, date: dt.date) -> None:
    letter = parse_letter(
        f"Aan de Voorzitter van de Tweede Kamer der Staten-Generaal\n\n{line}\n\n"
        "Hierbij informeer ik u over de stand van zaken.\n"
    )
    assert (letter.place, letter.date) == (place, date)
    assert body(letter) == "Hierbij informeer ik u over de stand van zaken."


def test_a_page_title_naming_the_kamerstuk_gives_its_identity() -> None:
    letter = parse_letter(
        "Kamerstuk 34 919, nr. 3\n\n34 919 Defensienota\n\n"
        "Nr. 3 BRIEF VAN DE MINISTER VAN DEFENSIE\n\n"
        "Aan de Voorzitter van de Tweede Kamer der Staten-Generaal\n\n"
        "Den Haag, 29 maart 2018\n\nTekst van de brief.\n"
    )
    assert (letter.identifier, letter.title) == ("kst-34919-3", "Defensienota")
    assert body(letter) == "Tekst van de brief."
    compact = parse_letter("Kamerstuk 36200-XII-12\n\nTekst van de brief over de dijken.\n")
    assert (compact.identifier, compact.dossier) == ("kst-36200-XII-12", "36 200 XII")


def test_memorie_van_toelichting_keeps_its_general_part_headings() -> None:
    letter = read("memorie_van_toelichting.txt")
    assert (letter.kind, letter.identifier) == ("wetsvoorstel", "kst-36012-3")
    titles = [s.title for s in letter.sections if s.title]
    assert titles[:4] == ["I. ALGEMEEN", "1. Inleiding", "2. Doel", "II. ARTIKELSGEWIJS"]
    assert titles[4:7] == ["Artikel 1", "Artikel 2", "Artikel 3"]


def test_letterhead_signers_with_lower_case_roles_and_titles() -> None:
    letter = parse_letter(
        "Datum 14 maart 2024\nBetreft Stand van zaken\n\nGeachte voorzitter,\n\n"
        "Hierbij informeer ik u.\n\nHoogachtend,\n\n"
        "de minister van Buitenlandse Zaken,\n\n\n\nH.G.J. Bruins Slot\n\n"
        "de minister voor Buitenlandse Handel en Ontwikkelingssamenwerking,\n\n\n\n"
        "mr. drs. E.N.A.J. Schreinemacher\n"
    )
    assert [s.name for s in letter.signatories] == [
        "H.G.J. Bruins Slot",
        "mr. drs. E.N.A.J. Schreinemacher",
    ]
    assert body(letter) == "Hierbij informeer ik u."


def test_letterhead_without_salutation_sidebar_before_the_fields() -> None:
    letter = parse_letter(
        "Ministerie van\nInfrastructuur en\nWaterstaat\nRijnstraat 8\n2515 XP Den Haag\n\n"
        "Kenmerk\nIENW/BSK-2023/1\n\n> Retouradres Postbus 20901 2500 EX Den Haag\n\n"
        "De voorzitter van de Tweede Kamer\nder Staten-Generaal\nPostbus 20018\n"
        "2500 EA DEN HAAG\n\nDatum 18 oktober 2023\nOnderwerp Verzamelbrief luchtvaart\n\n"
        "Met deze brief wordt u geïnformeerd.\n\n"
        "De Minister van Infrastructuur en Waterstaat,\n\nMark Harbers\n"
    )
    assert (letter.title, letter.date) == ("Verzamelbrief luchtvaart", dt.date(2023, 10, 18))
    assert (letter.kenmerk, letter.citation) == (
        "IENW/BSK-2023/1",
        "Kamerbrief van 18 oktober 2023, IENW/BSK-2023/1",
    )
    assert letter.recipient == "De voorzitter van de Tweede Kamer der Staten-Generaal"
    assert body(letter) == "Met deze brief wordt u geïnformeerd."


def test_verslag_copied_from_the_site() -> None:
    letter = read("verslag_web.txt")
    assert (letter.kind, letter.identifier, letter.title) == ("verslag", "kst-28676-390", "NAVO")
    assert letter.date == dt.date(2022, 1, 12)  # `Vastgesteld`
    assert letter.sender == "Vaste commissie voor Buitenlandse Zaken"
    titles = [s.title for s in letter.sections if s.title]
    assert "Vragen en opmerkingen van de leden van de VVD-fractie" in titles


def test_besluitenlijst_titled_without_its_label() -> None:
    letter = parse_letter(
        "Besluitenlijst procedurevergadering vaste commissie voor Financiën\n"
        "van woensdag 13 maart 2024\n\n1. Agendapunt: Brievenlijst\n\nBesluit: Vastgesteld.\n\n"
        "2. Agendapunt: Rondvraag\n\nBesluit: Geen.\n"
    )
    assert letter.kind == "besluitenlijst"
    assert letter.title.endswith("vaste commissie voor Financiën van woensdag 13 maart 2024")
    assert letter.date == dt.date(2024, 3, 13)
    assert [s.title for s in letter.sections if s.title] == [
        "1. Agendapunt: Brievenlijst",
        "2. Agendapunt: Rondvraag",
    ]


def test_pdftotext_style_sdu_header_with_the_chamber_number_alone() -> None:
    letter = parse_letter(
        "Tweede Kamer der Staten-Generaal\n2\nVergaderjaar 2021–2022\n\n"
        "36 045 Situatie in Oekraïne\n\nNr. 151 BRIEF VAN DE MINISTER VAN BUITENLANDSE ZAKEN\n\n"
        "Aan de Voorzitter van de Tweede Kamer der Staten-Generaal\n\n"
        "Den Haag, 20 februari 2023\n\nHierbij informeer ik u over de situatie.\n\n"
        "De Minister van Buitenlandse Zaken,\nW.B. Hoekstra\n"
    )
    assert (letter.identifier, letter.session) == ("kst-36045-151", "2021-2022")
    assert (letter.title, letter.date) == ("Situatie in Oekraïne", dt.date(2023, 2, 20))
    assert body(letter) == "Hierbij informeer ik u over de situatie."


def test_title_is_never_a_generic_heading() -> None:
    """Without Betreft or dossier title, a letter is titled by what it sends, not `Inleiding`."""
    text = (
        "Geachte voorzitter,\n\nMet deze brief ontvangt u, mede namens de staatssecretaris van"
        " Volksgezondheid, Welzijn en Sport, een overzicht van ontwikkelingen rondom de"
        " drinkwaterkwaliteit, en kom ik tegemoet aan twee toezeggingen.\n\nInleiding\n\n"
        "Drinkwater is in Nederland van goede kwaliteit.\n"
    )
    letter = parse_letter(text)
    assert letter.title == "Overzicht van ontwikkelingen rondom de drinkwaterkwaliteit"
    assert [s.title for s in letter.sections if s.title] == ["Inleiding"]
    only_heading = parse_letter("Geachte voorzitter,\n\nInleiding\n\nDrinkwater is goed.\n")
    assert only_heading.title != "Inleiding"


def test_letter_republished_by_a_news_site() -> None:
    """Ministry line and subject over the text; the role in capitals over two lines; the
    addressee's block after the signature is no text."""
    letter = read("republished_letter.txt")
    assert letter.title == "Uitstel beantwoording Kamervragen over de sluizen"
    assert [(s.role, s.name) for s in letter.signatories] == [
        ("DE MINISTER VAN INFRASTRUCTUUR EN WATERSTAAT", "J. Jansen")
    ]
    assert [s.title for s in letter.sections if s.title] == []
    text = body(letter)
    assert text.endswith("Ik verzoek u daarom om uitstel.")
    assert "Postbus" not in text and "Ministerie" not in text


def test_republished_letter_under_a_headline() -> None:
    """A headline over the addressee's block; the kenmerk glued to the first sentence."""
    letter = read("republished_headline.txt")
    assert letter.kenmerk == "IENW/BSK-2024/123456"
    assert letter.title == "Uitstelbrief op kamervragen van De Vries over de sluizen in Utrecht"
    assert [s.name for s in letter.signatories] == ["J. Jansen"]
    text = body(letter)
    assert text.startswith("De vragen van het Kamerlid De Vries")
    assert "Postbus" not in text and "2500 EA" not in text


def test_motie_from_a_party_site() -> None:
    """A party's page: `Motie X: …` headline and a bare date over the motie, the mover under
    `… orde van de dag,` (comma), the site's vote result after it (furniture)."""
    letter = read("motie_party_site.txt")
    assert letter.kind == "motie"
    assert letter.title == "Motie De Vries: de sluizen in Utrecht blijven open"
    assert letter.date == dt.date(2024, 6, 4)
    assert [s.name for s in letter.signatories] == ["De Vries"]
    assert letter.sender == "De Vries"  # the mover, as a motie in every format
    assert [s.title for s in letter.sections if s.title] == []
    text = body(letter)
    assert text.endswith("en gaat over tot de orde van de dag,")
    for furniture in ("Status", "Aangenomen", "CDA, VVD", "Tegen"):
        assert furniture not in text


def test_report_signed_under_its_cover_sentence() -> None:
    """A college's report is signed at the top: its name over `name, office` lines."""
    letter = read("cover_signature.txt")
    assert (letter.kind, letter.identifier) == ("document", "kst-36600-B-3")
    assert letter.place == "’s-Gravenhage"
    assert [(s.role, s.name) for s in letter.signatories] == [
        ("president van de Algemene Rekenkamer", "Jan P. de Vries"),
        ("secretaris van de Algemene Rekenkamer", "Anna B. Jansen"),
    ]
    assert [s.title for s in letter.sections if s.title] == ["ONS ONDERZOEK"]
    text = body(letter)
    assert "president" not in text and "Jansen" not in text


def test_motie_without_heading_is_named_by_its_movers() -> None:
    text = (
        "De Kamer,\n\ngehoord de beraadslaging,\n\nconstaterende dat de sluizen dicht zijn;\n\n"
        "verzoekt de regering de sluizen te openen,\n\nen gaat over tot de orde van de dag.\n\n"
        "De Vries\nJansen\n"
    )
    letter = parse_letter(text)
    assert letter.title == "Motie van de leden De Vries en Jansen"
    assert [s.name for s in letter.signatories] == ["De Vries", "Jansen"]


def test_eerste_kamer_short_notes_are_a_decision_list() -> None:
    """The Eerste Kamer's `Korte aantekeningen vergadering commissie … van <date>` with items
    numbered alone on a line (`1.`) is a besluitenlijst of that meeting; no item text is lost."""
    from briefreader.sources import letter_from_bytes

    text = (
        "Korte aantekeningen vergadering commissie Financiën (FIN) van 5 november 2019\n"
        "1.\n"
        "Kennismakingsgesprek minister van Financiën\n\n"
        "De commissie besluit een kennismakingsgesprek te organiseren.\n\n"
        "2.\n"
        "Begrotingsdebat\n\n"
        "De commissie besluit geen begrotingsdebat te houden.\n"
    )
    letter = letter_from_bytes(text.encode(), "korte-aantekeningen.txt")
    assert (letter.kind, letter.date) == ("besluitenlijst", dt.date(2019, 11, 5))
    words = " ".join(
        [s.title or "" for s in letter.sections]
        + [p.text for s in letter.sections for p in s.paragraphs]
    )
    for item in ("Kennismakingsgesprek minister van Financiën", "geen begrotingsdebat"):
        assert item in words


def test_verslag_known_by_the_committees_formula() -> None:
    """A verslag copied without its `VERSLAG` heading still opens with the committee's
    formula (`… heeft de eer als volgt verslag uit te brengen …`): it is a verslag."""
    from briefreader.sources import letter_from_bytes

    text = (
        "Kamerstuk 36999, nr. 5\n"
        "Vastgesteld 17 september 2009\n"
        "De vaste commissie voor Financiën, belast met het voorbereidend onderzoek van "
        "bovenstaand wetsvoorstel, heeft de eer als volgt verslag uit te brengen.\n"
        "1. Inleiding\n"
        "De leden van de fracties hebben kennisgenomen van het wetsvoorstel.\n"
    )
    letter = letter_from_bytes(text.encode(), "verslag.txt")
    assert (letter.kind, letter.identifier) == ("verslag", "kst-36999-5")
