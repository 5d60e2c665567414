"""The sender a letter list shows: one rule for every format (`briefreader.parsing.sender`)."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefreader.parsing import parse_letter
from briefreader.parsing.sender import letter_sender, movers_sender, normalise_role
from briefreader.sources import read_document

DOCS = Path(__file__).resolve().parent / "documents" / "docs"


@pytest.mark.parametrize(
    ("role", "sender"),
    [
        ("De Minister van Buitenlandse Zaken", "Minister van Buitenlandse Zaken"),
        ("De minister van Buitenlandse Zaken", "Minister van Buitenlandse Zaken"),
        (
            "DE MINISTER VAN INFRASTRUCTUUR EN WATERSTAAT",
            "Minister van Infrastructuur en Waterstaat",
        ),
        ("De Minister van BZ", "Minister van Buitenlandse Zaken"),
        ("De staatssecretaris van IenW", "Staatssecretaris van Infrastructuur en Waterstaat"),
        ("De Minister voor VRO", "Minister voor Volkshuisvesting en Ruimtelijke Ordening"),
        ("Minister van Fin", "Minister van Financiën"),
        ("DE MINISTER VAN EZK", "Minister van Economische Zaken en Klimaat"),
        (
            "De minister-president, minister van Algemene Zaken",
            "Minister-President, Minister van Algemene Zaken",
        ),
        (
            "DE STAATSSECRETARIS VAN VOLKSGEZONDHEID, WELZIJN EN SPORT",
            "Staatssecretaris van Volksgezondheid, Welzijn en Sport",
        ),
        ("Minister van buitenlandse zaken", "Minister van Buitenlandse Zaken"),
        (
            "Minister voor grote steden- en integratiebeleid",
            "Minister voor Grote Steden- en Integratiebeleid",
        ),
        (
            "DE MINISTER VOOR BHO, MEDE NAMENS DE MINISTER VAN BZ",
            "Minister voor Buitenlandse Handel en Ontwikkelingssamenwerking, "
            "mede namens de Minister van Buitenlandse Zaken",
        ),
        ("Minister van Buitenlandse Zaken +1", "Minister van Buitenlandse Zaken"),
        ("vaste commissie voor Financiën", "Vaste commissie voor Financiën"),
        ("VASTE COMMISSIE VOOR FINANCIËN", "Vaste commissie voor Financiën"),
        # neither an office nor a known ministry: as written, only the first letter raised
        ("De Minister voor Natuur en Stikstof", "Minister voor Natuur en Stikstof"),
        ("De Minister van Defensie,", "Minister van Defensie"),
    ],
)
def test_a_role_becomes_one_normalised_sender(role: str, sender: str) -> None:
    assert normalise_role(role) == sender


def test_only_known_abbreviations_after_van_or_voor_are_expanded() -> None:
    assert normalise_role("Minister van XYZ") == "Minister van XYZ"
    assert normalise_role("Minister BZ") == "Minister BZ"
    assert normalise_role("Minister van Defensie") == "Minister van Defensie"


@pytest.mark.parametrize(
    ("names", "sender"),
    [
        (["Ceder"], "Ceder"),
        (["Inge van Dijk", "Grinwis"], "Inge van Dijk en Grinwis"),
        (["Van Hijum", "Heinen", "De Vree", "Vermeer"], "Van Hijum c.s."),
        ([], None),
    ],
)
def test_a_motie_is_from_its_movers(names: list[str], sender: str | None) -> None:
    assert movers_sender(names) == sender
    roles = ["Indiener", *["Medeindiener"] * len(names)][: len(names)]
    assert letter_sender("motie", list(zip(roles, names, strict=True))) == sender


def test_a_letter_is_from_its_first_signatory_without_a_count() -> None:
    pairs = [
        ("De minister van Buitenlandse Zaken", "U. Rosenthal"),
        ("De staatssecretaris van Buitenlandse Zaken", "H. P. M. Knapen"),
    ]
    assert letter_sender("brief", pairs) == "Minister van Buitenlandse Zaken"
    # the first role given wins; without any, what the text showed instead
    assert letter_sender("brief", [("", "X"), *pairs]) == "Minister van Buitenlandse Zaken"
    assert letter_sender("verslag", [], "vaste commissie voor Defensie") == (
        "Vaste commissie voor Defensie"
    )
    assert letter_sender("document", [], None) is None


def test_movers_make_the_sender_even_when_the_kind_is_not_known() -> None:
    pairs = [("Indiener", "Ceder"), ("Medeindiener", "Bikker")]
    assert letter_sender("document", pairs) == "Ceder en Bikker"


def test_a_motie_in_text_names_its_movers() -> None:
    text = (
        "Tweede Kamer der Staten-Generaal\n\n"
        "36 410 V Vaststelling van de begrotingsstaten\n\n"
        "Nr. 88 MOTIE VAN DE LEDEN BOSWIJK EN VAN DER LEE\n\n"
        "Voorgesteld 15 november 2023\n\n"
        "De Kamer,\n\n"
        "gehoord de beraadslaging,\n\n"
        "verzoekt de regering dit te doen,\n\n"
        "en gaat over tot de orde van de dag.\n\n"
        "Boswijk\n"
        "Van der Lee\n"
    )
    letter = parse_letter(text)
    assert letter.kind == "motie"
    assert [s.name for s in letter.signatories] == ["Boswijk", "Van der Lee"]
    assert letter.sender == "Boswijk en Van der Lee"


def test_signatories_keep_their_role_as_written() -> None:
    pdf = DOCS / "kamerbrief-ienw-20231018-verzamelbrief-luchtvaart.pdf"
    letter = read_document(pdf)
    assert letter.sender == "Minister van Infrastructuur en Waterstaat"
    assert letter.signatories[0].role == "DE MINISTER VAN INFRASTRUCTUUR EN WATERSTAAT"
