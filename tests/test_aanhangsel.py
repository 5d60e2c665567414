"""Kamervragen's opening lines (parsing.aanhangsel), as every format prints them."""

from __future__ import annotations

import datetime as dt

from briefreader.parsing.aanhangsel import read_intro


def test_the_opening_lines_give_who_asked_and_who_answered() -> None:
    intro = read_intro(
        "Vragen van de leden Van Weyenberg, Romke de Jong en Kat (allen D66) aan de Minister\n"
        "van Sociale Zaken en Werkgelegenheid over de TOZO (ingezonden 3 juni 2021).\n"
        "Antwoord van Minister Koolmees (Sociale Zaken en Werkgelegenheid) (ontvangen 21 juni\n"
        "2021)."
    )
    assert [(q.name, q.party) for q in intro.questioners] == [
        ("Van Weyenberg", "D66"),
        ("Romke de Jong", "D66"),
        ("Kat", "D66"),
    ]
    assert intro.subject == "de TOZO"
    assert intro.title == "Vragen van de leden Van Weyenberg, Romke de Jong en Kat over de TOZO"
    assert (intro.submitted, intro.answered) == (dt.date(2021, 6, 3), dt.date(2021, 6, 21))
    assert [(s.role, s.name) for s in intro.signatories] == [
        ("De Minister van Sociale Zaken en Werkgelegenheid", "Koolmees")
    ]


def test_a_late_answer_and_a_pointer_after_it() -> None:
    intro = read_intro(
        "Vragen van het lid Bromet (GroenLinks) aan de Ministers van Landbouw, Natuur en "
        "Voedselkwaliteit en voor Natuur en Stikstof over het bericht «Verguisde stalvloer» "
        "(ingezonden 4 juli 2023). Mededeling van Minister Van der Wal-Zeggelink (Natuur en "
        "Stikstof) (ontvangen 14 september 2023). Zie ook Aanhangsel Handelingen, vergaderjaar "
        "2022–2023, nr. 3276."
    )
    assert [(q.name, q.party) for q in intro.questioners] == [("Bromet", "GroenLinks")]
    assert intro.title == "Vragen van het lid Bromet over het bericht «Verguisde stalvloer»"
    assert intro.answered == dt.date(2023, 9, 14)
    assert [s.name for s in intro.signatories] == ["Van der Wal-Zeggelink"]


def test_text_without_an_intro_says_nothing() -> None:
    intro = read_intro("Geachte voorzitter, hierbij zend ik u de antwoorden.")
    assert intro.questioners == () and intro.title is None and intro.signatories == ()
