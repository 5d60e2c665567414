"""A document's identity and its references, as Dutch texts write them (parsing.identity)."""

from __future__ import annotations

import datetime as dt

import pytest

from briefreader.model import Cite
from briefreader.parsing import parse_letter
from briefreader.parsing.identity import (
    aanhangsel_identifier,
    citation_for,
    cite_spans,
    document_url,
    find_cites,
    kamerstuk_identifier,
    normalize_dossier,
    normalize_session,
    parse_identifier,
    read_reference,
    short_session,
)


@pytest.mark.parametrize(
    ("text", "citation", "identifier"),
    [
        ("Kamerstuk 21 501-02, nr. 2433", "Kamerstuk 21 501-02, nr. 2433", "kst-21501-02-2433"),
        ("kamerstuk 36200-XII-60", "Kamerstuk 36 200 XII, nr. 60", "kst-36200-XII-60"),
        ("36200-XII-60", "Kamerstuk 36 200 XII, nr. 60", "kst-36200-XII-60"),
        ("Kamerstukken II 2022/23, 36 229, nr. 1", "Kamerstuk 36 229, nr. 1", "kst-36229-1"),
        (
            "Aanhangsel Handelingen II 2023/24, nr. 1379",
            "Aanhangsel Handelingen II 2023/24, nr. 1379",
            "ah-tk-20232024-1379",
        ),
        (
            "Aanhangsel van de Handelingen, vergaderjaar 2023–2024, nr. 1379",
            "Aanhangsel Handelingen II 2023/24, nr. 1379",
            "ah-tk-20232024-1379",
        ),
        (
            "Handelingen II 2021/22, nr. 44, item 22",
            "Handelingen II 2021/22, nr. 44, item 22",
            "h-tk-20212022-44-22",
        ),
        (
            "Handelingen II 2021/22, 44, item 22",
            "Handelingen II 2021/22, nr. 44, item 22",
            "h-tk-20212022-44-22",
        ),
        (
            "Aanhangsel Handelingen II 2023/24, 1379",
            "Aanhangsel Handelingen II 2023/24, nr. 1379",
            "ah-tk-20232024-1379",
        ),
        ("kst-36045-151", "Kamerstuk 36 045, nr. 151", "kst-36045-151"),
        (
            "ah-tk-20232024-1314",
            "Aanhangsel Handelingen II 2023/24, nr. 1314",
            "ah-tk-20232024-1314",
        ),
        ("Kamerstuk 36 600 XII, nr. 57", "Kamerstuk 36 600 XII, nr. 57", "kst-36600-XII-57"),
        ("Kamerstuk 34775-A-52", "Kamerstuk 34 775 A, nr. 52", "kst-34775-A-52"),
        ("Kamerstukken 29023-276", "Kamerstuk 29 023, nr. 276", "kst-29023-276"),
        ("Kamerstuk 21501-28-229.", "Kamerstuk 21 501-28, nr. 229", "kst-21501-28-229"),
        ("kamerstukken II 2019/20, 35 300-XII, nr. 8", "Kamerstuk 35 300 XII, nr. 8", None),
    ],
)
def test_a_reference_in_any_form_reads_as_its_citation_and_id(
    text: str, citation: str, identifier: str | None
) -> None:
    cite = read_reference(text)
    assert cite is not None and cite.text == citation
    if identifier is not None:
        assert cite.identifier == identifier


@pytest.mark.parametrize(
    "text",
    [
        "Handelingen II 2021/22, nr. 44",  # a whole sitting
        "Kamerstukken 21 501-20, nrs. 1 en 2",  # two documents
    ],
)
def test_a_reference_to_more_than_one_document_has_no_identifier(text: str) -> None:
    cite = read_reference(text)
    assert cite is not None and cite.identifier is None


@pytest.mark.parametrize(
    "text", ["2022", "36045", "21501-02", "tel. 070-3456789", "12345-678", "Kamerstuk", ""]
)
def test_other_text_is_no_reference(text: str) -> None:
    assert read_reference(text) is None
    assert find_cites([text]) == ()


def test_cites_are_found_in_running_text_in_order_and_once() -> None:
    texts = [
        "Zoals gemeld (Kamerstuk 21 501-02, nr. 2433) en in kamerstuk 36200-XII-60 staat, "
        "heeft de minister (Aanhangsel Handelingen II 2023/24, nr. 1379) geantwoord.",
        "Zie ook Kamerstuk 21501-02-2433 en Handelingen II 2021/22, nr. 44, item 22.",
    ]
    assert find_cites(texts) == (
        Cite("Kamerstuk 21 501-02, nr. 2433", "kst-21501-02-2433"),
        Cite("Kamerstuk 36 200 XII, nr. 60", "kst-36200-XII-60"),
        Cite("Aanhangsel Handelingen II 2023/24, nr. 1379", "ah-tk-20232024-1379"),
        Cite("Handelingen II 2021/22, nr. 44, item 22", "h-tk-20212022-44-22"),
    )


def test_spans_point_at_the_references_as_written() -> None:
    text = "Zie kamerstuk 36200-XII-60 en (Kamerstukken II 2022/23, 36 229, nr. 1)."
    spans = cite_spans(text)
    assert [text[a:b] for a, b, _ in spans] == [
        "kamerstuk 36200-XII-60",
        "Kamerstukken II 2022/23, 36 229, nr. 1",
    ]
    assert [c.identifier for _, _, c in spans] == ["kst-36200-XII-60", "kst-36229-1"]


def test_a_single_number_is_not_joined_to_what_follows_it() -> None:
    cites = find_cites(["(Kamerstuk 21 501-02, nr. 2433, 2022) en Kamerstuk 36 045, nrs. 1, 2"])
    assert cites == (
        Cite("Kamerstuk 21 501-02, nr. 2433", "kst-21501-02-2433"),
        Cite("Kamerstukken 36 045, nrs. 1 en 2", None),
    )


def test_an_aanhangsel_is_not_also_read_as_handelingen() -> None:
    cites = find_cites(["Aanhangsel Handelingen II 2023/24, nr. 1379"])
    assert [c.text for c in cites] == ["Aanhangsel Handelingen II 2023/24, nr. 1379"]


def test_identifiers_from_dossier_and_number() -> None:
    assert kamerstuk_identifier("36 600 XII", "57") == "kst-36600-XII-57"
    assert kamerstuk_identifier("36600-XII", "57") == "kst-36600-XII-57"
    assert kamerstuk_identifier("21 501-02", "Nr. 2433") == "kst-21501-02-2433"
    assert kamerstuk_identifier("32 545", "143") == "kst-32545-143"
    assert kamerstuk_identifier("Oekraïne", "1") is None
    assert aanhangsel_identifier("2023-2024", "1314") == "ah-tk-20232024-1314"
    assert aanhangsel_identifier("2023/24", "1314", "ek") == "ah-ek-20232024-1314"
    assert aanhangsel_identifier("2023/25", "1314") is None


def test_identifiers_read_back_to_their_parts() -> None:
    kst = parse_identifier("kst-36600-XII-57")
    assert kst is not None and (kst.series, kst.dossier, kst.number) == (
        "kamerstuk",
        "36 600 XII",
        "57",
    )
    sub = parse_identifier("kst-21501-02-2433")
    assert sub is not None and sub.dossier == "21 501-02"
    ah = parse_identifier("ah-tk-20232024-1314")
    assert ah is not None and (ah.series, ah.session, ah.number) == (
        "aanhangsel",
        "2023-2024",
        "1314",
    )
    assert parse_identifier("ah-tk-20232025-1314") is None
    assert parse_identifier("stb-2020-118") is None


def test_dossiers_and_sessions_in_their_canonical_spelling() -> None:
    assert normalize_dossier("36600-XII") == "36 600 XII"
    assert normalize_dossier("21501-02") == "21 501-02"
    assert normalize_dossier("34 775 A") == "34 775 A"
    assert normalize_dossier("dossier") is None
    assert normalize_session("2022/23") == "2022-2023"
    assert normalize_session("2022–2023") == "2022-2023"
    assert normalize_session("20222023") == "2022-2023"
    assert normalize_session("1999/00") == "1999-2000"
    assert normalize_session("2022/24") is None
    assert short_session("2023-2024") == "2023/24"


def test_citations_in_the_dutch_convention() -> None:
    assert citation_for("kst-36045-151") == "Kamerstuk 36 045, nr. 151"
    assert citation_for(dossier="36 600 XII", number="57") == "Kamerstuk 36 600 XII, nr. 57"
    assert citation_for("ah-tk-20232024-1314") == "Aanhangsel Handelingen II 2023/24, nr. 1314"
    assert (
        citation_for(kind="kamervragen", session="2023-2024", number="1314")
        == "Aanhangsel Handelingen II 2023/24, nr. 1314"
    )
    assert (
        citation_for(kenmerk="IENW/BSK-2023/297705", date=dt.date(2023, 10, 18))
        == "Kamerbrief van 18 oktober 2023, IENW/BSK-2023/297705"
    )
    assert citation_for() is None
    assert document_url("kst-36045-151") == (
        "https://zoek.officielebekendmakingen.nl/kst-36045-151.html"
    )


def test_a_parsed_text_letter_carries_its_cites() -> None:
    letter = parse_letter(
        "Den Haag, 3 februari 2022\n\n"
        "Zoals gemeld in kamerstuk 36200-XII-60 en in het antwoord op de vragen "
        "(Aanhangsel Handelingen II 2023/24, nr. 1379) blijft de lijn ongewijzigd.\n"
    )
    assert letter.cites == (
        Cite("Kamerstuk 36 200 XII, nr. 60", "kst-36200-XII-60"),
        Cite("Aanhangsel Handelingen II 2023/24, nr. 1379", "ah-tk-20232024-1379"),
    )
    assert letter.references == tuple(c.text for c in letter.cites)
