"""Hostile and damaged XML, HTML and ODT: read or refused in one line, never a crash.

Entity expansion (billion laughs), external entities (a local file, a URL), absurd nesting,
zip bombs and Hypothesis-mutated fixtures. The network is cut for every test here, so a
parser that tried to fetch a DTD or an entity would fail loudly instead of reaching out.
"""

from __future__ import annotations

import io
import socket
import zipfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefreader.cli import main
from briefreader.errors import UserError
from briefreader.sources import letter_from_bytes
from briefreader.sources import odt as odt_reader

DOCS = Path(__file__).resolve().parent / "documents" / "docs"
SAMPLES = [
    (DOCS / name).read_bytes()
    for name in (
        "ah-tk-20202021-3235.xml",
        "kst-34104-439.xml",
        "ah-tk-20202021-3235.html",
        "kst-32545-143.html",
    )
]
LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<officiele-publicatie><kamerstuk><stuk><al>&lol9;</al></stuk></kamerstuk></officiele-publicatie>
"""
LOCAL_FILE = b"""<?xml version="1.0"?>
<!DOCTYPE al [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<officiele-publicatie><al>&secret;</al></officiele-publicatie>
"""
REMOTE = b"""<?xml version="1.0"?>
<!DOCTYPE al [<!ENTITY remote SYSTEM "http://example.com/evil.dtd">]>
<officiele-publicatie><al>&remote;</al></officiele-publicatie>
"""
REMOTE_DTD = b"""<?xml version="1.0"?>
<!DOCTYPE officiele-publicatie SYSTEM "http://example.com/op.dtd">
<officiele-publicatie><kamerstuk><stuk><al>Gewone tekst.</al></stuk></kamerstuk>
</officiele-publicatie>
"""


@pytest.fixture(autouse=True)
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: Any, **kwargs: Any) -> Any:
        raise AssertionError("a reader tried to use the network")

    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    monkeypatch.setattr(socket.socket, "connect", refuse)


def refused(path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    """Run `briefreader parse` on `path`; assert a one-line refusal and return it."""
    code = main(["parse", str(path), "--json"])
    out, err = capsys.readouterr()
    assert code == 1 and out == ""
    lines = err.strip().splitlines()
    assert len(lines) == 1 and str(path) in lines[0] and "Traceback" not in err
    return lines[0]


def zipped(content: bytes) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("content.xml", content)
    return out.getvalue()


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("laughs.xml", LAUGHS),
        ("local.xml", LOCAL_FILE),
        ("remote.xml", REMOTE),
        ("laughs.odt", zipped(LAUGHS)),
        ("remote.odt", zipped(REMOTE)),
    ],
)
def test_entities_are_refused_in_one_line(
    name: str, data: bytes, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    assert "refused" in refused(path, capsys)


def test_an_external_dtd_is_not_fetched() -> None:
    letter = letter_from_bytes(REMOTE_DTD, "dtd.xml")
    assert [p.text for s in letter.sections for p in s.paragraphs] == ["Gewone tekst."]


def test_entities_in_html_are_not_expanded() -> None:
    html = LAUGHS.replace(b"officiele-publicatie", b"html").replace(b'<?xml version="1.0"?>', b"")
    letter = letter_from_bytes(html, "laughs.html")
    assert "lollol" not in " ".join(p.text for s in letter.sections for p in s.paragraphs)


@pytest.mark.parametrize(
    ("name", "data", "problem"),
    [
        ("broken.xml", b'<?xml version="1.0"?><officiele-publicatie><al>x</a', "well-formed"),
        ("deep.xml", b"<?xml version='1.0'?>" + b"<a>" * 5000 + b"</a>" * 5000, "nests"),
        ("broken.odt", b"PK\x03\x04 not really a zip", "ODT"),
    ],
    ids=["malformed", "deep", "broken-zip"],
)
def test_damaged_files_are_refused_in_one_line(
    name: str, data: bytes, problem: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    assert problem in refused(path, capsys)


def test_a_zip_without_a_document_is_refused() -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("word/document.xml", "<w/>")
    with pytest.raises(UserError, match="no content.xml"):
        letter_from_bytes(out.getvalue(), "report.docx")


def test_a_zip_bomb_is_refused_before_it_unpacks(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(odt_reader, "MAX_PART", 1000)
    with pytest.raises(UserError, match="unpacks to"):
        letter_from_bytes(zipped(b"<a>" + b" " * 5000 + b"</a>"), "bomb.odt")


def test_deeply_nested_html_reads() -> None:
    html = b"<html><body>" + b"<div>" * 20000 + b"<p>diep</p>" + b"</div>" * 20000
    letter = letter_from_bytes(html, "deep.html")
    assert "diep" in " ".join(p.text for s in letter.sections for p in s.paragraphs)


def read_or_refuse(data: bytes, name: str) -> None:
    try:
        letter = letter_from_bytes(data, name)
    except UserError as exc:
        assert "\n" not in str(exc)
    else:
        assert letter.title.strip()


@st.composite
def mutated(draw: st.DrawFn) -> bytes:
    data = bytearray(draw(st.sampled_from(SAMPLES)))
    for _ in range(draw(st.integers(1, 30))):
        at = draw(st.integers(0, len(data) - 1))
        data[at] = draw(st.sampled_from(b"<>/&;\"'=!?[]-x\x00\xff"))
    if draw(st.booleans()):
        data = data[: draw(st.integers(0, len(data)))]
    return bytes(data)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated(), st.sampled_from(["mutated.xml", "mutated.html", "mutated"]))
def test_mutated_xml_and_html_are_read_or_refused(data: bytes, name: str) -> None:
    read_or_refuse(data, name)


TAGS = ["p", "div", "h2", "sup", "a", "al", "noot", "noot.nr", "li", "table", "tr", "td"]


@st.composite
def markup_soup(draw: st.DrawFn) -> bytes:
    parts = []
    for _ in range(draw(st.integers(0, 60))):
        tag = draw(st.sampled_from(TAGS))
        parts.append(
            draw(
                st.sampled_from(
                    [f"<{tag}>", f"</{tag}>", f'<{tag} class="noot" href="#1">', "1", "²", "&amp;"]
                )
            )
        )
        parts.append(draw(st.text(max_size=12)))
    head = draw(st.sampled_from(["<!DOCTYPE html><html>", '<?xml version="1.0"?><r>', ""]))
    return (head + "".join(parts)).encode("utf-8", "surrogatepass")


@settings(max_examples=150, deadline=None)
@given(markup_soup(), st.sampled_from(["soup.xml", "soup.html"]))
def test_markup_soup_is_read_or_refused(data: bytes, name: str) -> None:
    read_or_refuse(data, name)


ODTS = [(DOCS / name).read_bytes() for name in ("kst-32545-143.odt", "ah-tk-20202021-3235.odt")]


@st.composite
def mutated_odt(draw: st.DrawFn) -> bytes:
    data = bytearray(draw(st.sampled_from(ODTS)))
    for _ in range(draw(st.integers(1, 10))):
        at = draw(st.integers(0, len(data) - 1))
        data[at] = draw(st.integers(0, 255))
    if draw(st.booleans()):
        data = data[: draw(st.integers(4, len(data)))]
    return bytes(data)


@settings(max_examples=150, deadline=None)
@given(mutated_odt())
def test_mutated_odt_is_read_or_refused(data: bytes) -> None:
    read_or_refuse(data, "mutated.odt")


def test_a_damaged_declaration_does_not_stop_an_html_page() -> None:
    # html.parser asserts on `<![OCTYPE` (a mutation hypothesis found): the page still reads.
    page = b"<![OCTYPE html PUBLIC><html><body><p>De brief leest door.</p></body></html>"
    letter = letter_from_bytes(page, "kapot.html")
    assert "De brief leest door." in " ".join(p.text for s in letter.sections for p in s.paragraphs)
