"""Official XML, the site's HTML and ODT read from their markup, as a user would see them."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path

import pytest

from briefreader.errors import UserError
from briefreader.library import find_files
from briefreader.model import Cite, Letter
from briefreader.sources import is_document_name, letter_from_bytes, sniff
from briefreader.sources.draft import Draft
from briefreader.sources.officieel import finish, kind_from

BRIEF_XML = """<?xml version="1.0" encoding="UTF-8"?>
<officiele-publicatie>
  <metadata><meta name="OVERHEIDop.externMetadataRecord" content="https://example/x"/></metadata>
  <kamerstuk>
    <kamerstukkop>
      <tekstregel inhoud="vergaderjaar">Vergaderjaar 2022-2023</tekstregel>
      <tekstregel inhoud="kameraanduiding">Tweede Kamer der Staten-Generaal</tekstregel>
    </kamerstukkop>
    <dossier>
      <dossiernummer><dossiernr>21 501-02</dossiernr></dossiernummer>
      <titel>Raad Algemene Zaken en Raad Buitenlandse Zaken</titel>
    </dossier>
    <stuk>
      <stuknr>Nr. <ondernummer>2446</ondernummer></stuknr>
      <titel>BRIEF VAN DE MINISTER VAN BUITENLANDSE ZAKEN</titel>
      <algemeen><brief>
        <aanhef><aan>Aan de Voorzitter van de Tweede Kamer der Staten-Generaal</aan></aanhef>
        <tekst><al>Hierbij informeer ik uw Kamer<noot id="n1" type="voet"><noot.nr>1</noot.nr>
          <noot.al>Kamerstuk 21 501-02, nr. 2433.</noot.al></noot> over de Raad.</al></tekst>
        <divisie><kop><nr>1.</nr><titel>Veiligheid</titel></kop>
          <tekst><al>De <nadruk type="cur">situatie</nadruk> blijft zorgelijk
            (kamerstuk 36200-XII-60).</al>
            <lijst><li><li.nr>–</li.nr><al>eerste punt;</al></li></lijst></tekst>
          <divisie><kop><titel>Oekraïne</titel></kop><tekst><al>Steun gaat door.</al></tekst>
          </divisie>
        </divisie>
        <slotformule>Hoogachtend,</slotformule>
        <ondertekening><al>De Minister van Buitenlandse Zaken,</al><al>W.B. Hoekstra</al>
        </ondertekening>
        <dagtekening>Den Haag, <datum isodatum="2023-03-07">7 maart 2023</datum></dagtekening>
      </brief></algemeen>
    </stuk>
  </kamerstuk>
</officiele-publicatie>
"""


DOCS = Path(__file__).resolve().parent / "documents" / "docs"


def read(text: str, name: str) -> Letter:
    return letter_from_bytes(text.encode("utf-8"), name)


def body(letter: Letter) -> str:
    return " ".join(p.text for s in letter.sections for p in s.paragraphs)


def test_an_xml_brief_reads_from_its_elements() -> None:
    letter = read(BRIEF_XML, "kst-21501-02-2446.xml")
    assert letter.kind == "brief"
    assert (letter.identifier, letter.dossier, letter.number, letter.session) == (
        "kst-21501-02-2446",
        "21 501-02",
        "2446",
        "2022-2023",
    )
    assert letter.citation == "Kamerstuk 21 501-02, nr. 2446"
    assert letter.title == "Raad Algemene Zaken en Raad Buitenlandse Zaken"
    assert letter.date == dt.date(2023, 3, 7) and letter.place == "Den Haag"
    assert letter.recipient == "Aan de Voorzitter van de Tweede Kamer der Staten-Generaal"
    assert [(s.title, s.level) for s in letter.sections if s.title] == [
        ("1. Veiligheid", 1),
        ("Oekraïne", 2),
    ]
    assert [(s.role, s.name) for s in letter.signatories] == [
        ("De Minister van Buitenlandse Zaken", "W.B. Hoekstra")
    ]
    first = letter.sections[0].paragraphs[0]
    assert first.text == "Hierbij informeer ik uw Kamer over de Raad."
    assert [(r.offset, r.number) for r in first.footnote_refs] == [(29, 1)]
    assert [(f.number, f.text) for f in letter.footnotes] == [(1, "Kamerstuk 21 501-02, nr. 2433.")]
    text = body(letter)
    assert "De situatie blijft zorgelijk (kamerstuk 36200-XII-60)." in text
    assert "– eerste punt;" in text
    for furniture in ("Hoogachtend", "Hoekstra", "Vergaderjaar", "Tweede Kamer der", "7 maart"):
        assert furniture not in text
    assert letter.cites == (
        Cite("Kamerstuk 36 200 XII, nr. 60", "kst-36200-XII-60"),
        Cite("Kamerstuk 21 501-02, nr. 2433", "kst-21501-02-2433"),
    )


def test_a_delayed_answer_is_a_mededeling() -> None:
    xml = """<?xml version="1.0"?><officiele-publicatie><kamervragen>
      <kamervraagkop><tekstregel inhoud="vergaderjaar">Vergaderjaar 2023-2024</tekstregel>
      </kamervraagkop><kamervraagnummer>1314</kamervraagnummer>
      <kamervraagomschrijving type="vraag">Vragen van het lid <naam><achternaam>Kostić
      </achternaam></naam> (PvdD) aan de Minister van Infrastructuur en Waterstaat over
      <kamervraagonderwerp>geluidsoverlast</kamervraagonderwerp> (ingezonden
      <datum isodatum="2024-03-06">6 maart 2024</datum>).</kamervraagomschrijving>
      <kamervraagomschrijving type="mededeling">Mededeling van Minister Harbers
      (Infrastructuur en Waterstaat), mede namens de Staatssecretaris van Financiën
      (ontvangen 27 maart 2024).</kamervraagomschrijving>
      <mededeling><al>De vragen kunnen niet binnen de termijn worden beantwoord.</al>
      </mededeling></kamervragen></officiele-publicatie>"""
    letter = read(xml, "ah-tk-20232024-1314.xml")
    assert letter.kind == "kamervragen"
    assert letter.identifier == "ah-tk-20232024-1314"
    assert letter.citation == "Aanhangsel Handelingen II 2023/24, nr. 1314"
    assert [(q.name, q.party) for q in letter.questioners] == [("Kostić", "PvdD")]
    assert letter.submitted == dt.date(2024, 3, 6) and letter.date == dt.date(2024, 3, 27)
    assert [s.name for s in letter.signatories] == ["Harbers"]
    assert [s.title for s in letter.sections if s.title] == ["Mededeling"]
    assert "geluidsoverlast" in letter.title


def test_html_from_the_site_leaves_its_furniture_out() -> None:
    html = """<!DOCTYPE html><html><head><title>Brief</title>
      <meta name="DC.identifier" content="kst-36045-151"/>
      <meta name="OVERHEIDop.vergaderjaar" content="2022-2023"/>
      <script>var x = "Naar boven";</script></head><body>
      <header><nav><ul><li>Home</li><li>Download PDF</li></ul></nav></header>
      <div id="broodtekst">
        <h1 class="dossiertitel"><span class="dossiernummer">36 045</span> Situatie in de
          Oekraïne</h1>
        <div class="stuk"><h1 class="stuktitel"><span class="stuknummer">Nr. 151</span>
          BRIEF VAN DE MINISTER VAN BUITENLANDSE ZAKEN</h1>
        <p>Hierbij<sup><a class="nootnum" href="#n1">1</a></sup> meld ik u dat de
          oppervlakte 30 m<sup>2</sup> is.</p>
        <h2>Veiligheid</h2><p>Het blijft onrustig.</p><p>Naar boven</p>
        <p class="ondertekening">De Minister van Buitenlandse Zaken,<br/>W.B. Hoekstra</p>
        </div><div id="noten"><hr/><div class="voet noot snp-mouseoffset" id="n1">
          <h5 class="note-close"><a class="note-close" href="#close-n1">X</a> Noot</h5>
          <sup><span class="nootnum"><a id="n1"></a>1</span></sup>
          <p>Kamerstuk 21 501-02, nr. 2433.</p></div></div></div>
      <footer>Contact | Privacy</footer></body></html>"""
    letter = read(html, "kst-36045-151.html")
    assert (letter.kind, letter.identifier, letter.dossier, letter.number) == (
        "brief",
        "kst-36045-151",
        "36 045",
        "151",
    )
    assert letter.title == "Situatie in de Oekraïne"
    assert [s.title for s in letter.sections if s.title] == ["Veiligheid"]
    assert [s.name for s in letter.signatories] == ["W.B. Hoekstra"]
    assert [(f.number, f.text) for f in letter.footnotes] == [(1, "Kamerstuk 21 501-02, nr. 2433.")]
    first = letter.sections[0].paragraphs[0]
    assert first.text == "Hierbij meld ik u dat de oppervlakte 30 m2 is."
    assert [r.number for r in first.footnote_refs] == [1]
    text = body(letter)
    for furniture in ("Naar boven", "Download PDF", "Home", "Contact", "var x", "Hoekstra", "Noot"):
        assert furniture not in text


def odt(content: str) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        archive.writestr("content.xml", content)
    return out.getvalue()


def test_an_odt_reads_its_headings_and_footnotes() -> None:
    ns = (
        'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"'
    )
    content = f"""<?xml version="1.0"?><office:document-content {ns}><office:body>
      <office:text><text:h text:outline-level="1">36 045<text:tab/>Situatie in de Oekraïne
      </text:h><text:h text:outline-level="1">Nr. 151<text:tab/>BRIEF VAN DE MINISTER</text:h>
      <text:p>Eerste alinea<text:note><text:note-citation>1</text:note-citation>
      <text:note-body><text:p>Kamerstuk 36 045, nr. 150.</text:p></text:note-body></text:note>
      loopt door.</text:p><text:h text:outline-level="2">Veiligheid</text:h>
      <text:p>Tweede alinea.</text:p></office:text></office:body></office:document-content>"""
    letter = letter_from_bytes(odt(content), "brief.odt")
    assert (letter.identifier, letter.kind, letter.title) == (
        "kst-36045-151",
        "brief",
        "Situatie in de Oekraïne",
    )
    assert [(s.title, s.level) for s in letter.sections if s.title] == [("Veiligheid", 2)]
    assert body(letter) == "Eerste alinea loopt door. Tweede alinea."
    assert [(f.number, f.text) for f in letter.footnotes] == [(1, "Kamerstuk 36 045, nr. 150.")]


def test_formats_are_known_by_their_bytes() -> None:
    assert sniff(b'<?xml version="1.0"?><!DOCTYPE html PUBLIC "x"><html>') == "html"
    assert sniff(b'<?xml version="1.0"?>\n<officiele-publicatie>') == "xml"
    assert sniff(b"<div>brief</div>", "brief.html") == "html"
    assert sniff(b"PK\x03\x04rest") == "odt"
    assert sniff(b"Geachte voorzitter,") == "text"


def test_metadata_files_are_not_listed_as_documents(tmp_path: Path) -> None:
    for name in ("kst-1.xml", "kst-1.metadata.xml", "kst-1.metadata_owms.xml", "a.html", "b.odt"):
        (tmp_path / name).write_text("<x/>", encoding="utf-8")
    assert sorted(p.name for p in find_files([tmp_path])) == ["a.html", "b.odt", "kst-1.xml"]
    assert not is_document_name("KST-1.METADATA.XML")
    assert is_document_name("brief.htm")


def test_a_bill_in_xml_keeps_its_nested_chapters_and_articles() -> None:
    xml = """<?xml version="1.0"?><officiele-publicatie><kamerstuk><dossier>
      <dossiernummer><dossiernr>36 123</dossiernr></dossiernummer>
      <titel>Wijziging van de Wet X</titel></dossier>
      <stuk><stuknr>Nr. <ondernummer>2</ondernummer></stuknr><titel>VOORSTEL VAN WET</titel>
      <algemeen><voorstel-wet><aanhef><wij>Wij Willem-Alexander</wij></aanhef><wettekst>
      <hoofdstuk><kop><label>Hoofdstuk</label><nr>1</nr><titel>Algemeen</titel></kop>
      <artikel><kop><label>Artikel</label><nr>1.1</nr></kop>
      <lid><lidnr>1</lidnr><al>Deze wet verstaat onder kind: een minderjarige.</al></lid>
      <lid><lidnr>2</lidnr><al>Tweede lid.</al></lid></artikel></hoofdstuk>
      </wettekst></voorstel-wet></algemeen></stuk></kamerstuk></officiele-publicatie>"""
    letter = read(xml, "kst-36123-2.xml")
    assert (letter.kind, letter.title, letter.identifier) == (
        "wetsvoorstel",
        "Wijziging van de Wet X",
        "kst-36123-2",
    )
    assert [(s.title, s.level) for s in letter.sections if s.title] == [
        ("Hoofdstuk 1 Algemeen", 1),
        ("Artikel 1.1", 2),
    ]
    assert body(letter) == (
        "Wij Willem-Alexander 1 Deze wet verstaat onder kind: een minderjarige. 2 Tweede lid."
    )


def test_kamervragen_lines_give_questioners_dates_and_ministers() -> None:
    draft = Draft("x", kind="kamervragen")
    draft.descriptions = [
        "Vragen van de leden Ceder (ChristenUnie) en Dobbe (SP) aan de Ministers van "
        "Buitenlandse Zaken en voor Buitenlandse Handel en Ontwikkelingssamenwerking over het "
        "bericht «Hulp aan Gaza» (ingezonden 5 december 2023).",
        "Antwoord van minister Bruins Slot (Buitenlandse Zaken) en minister Schreinemacher "
        "(Buitenlandse Handel en Ontwikkelingssamenwerking), mede namens de Minister van "
        "Defensie (ontvangen 10 januari 2024).",
    ]
    finish(draft)
    assert [(q.name, q.party) for q in draft.questioners] == [
        ("Ceder", "ChristenUnie"),
        ("Dobbe", "SP"),
    ]
    assert draft.submitted == dt.date(2023, 12, 5) and draft.date == dt.date(2024, 1, 10)
    assert [s.name for s in draft.signatories] == ["Bruins Slot", "Schreinemacher"]
    assert draft.subject == "het bericht «Hulp aan Gaza»"
    assert draft.title == "Vragen van de leden Ceder en Dobbe over het bericht «Hulp aan Gaza»"


def test_a_letter_without_signature_markup_still_has_its_closing_and_date() -> None:
    html = """<html><head><meta name="DCTERMS.issued" content="2011-03-08"/></head>
      <body><div id="broodtekst">
      <h1 class="stuktitel"><span class="stuknummer">Nr. 7</span> BRIEF VAN DE MINISTER</h1>
      <p>Aan de Voorzitter van de Tweede Kamer der Staten-Generaal</p>
      <p>Hierbij bericht ik u over het uitstel.</p>
      <p>Hoogachtend,</p>
      <p>De Minister van Binnenlandse Zaken en Koninkrijksrelaties,</p><p>P.H. Donner</p>
      <p>Den Haag, 4 maart 2011</p></div></body></html>"""
    letter = read(html, "brief.html")
    assert [(s.role, s.name) for s in letter.signatories] == [
        ("De Minister van Binnenlandse Zaken en Koninkrijksrelaties", "P.H. Donner")
    ]
    # the letter's own date line, not the metadata's publication date
    assert letter.date == dt.date(2011, 3, 4) and letter.place == "Den Haag"
    assert "Hoogachtend" not in body(letter) and "Donner" not in body(letter)
    assert "4 maart 2011" not in body(letter)
    assert letter.recipient == "Aan de Voorzitter van de Tweede Kamer der Staten-Generaal"
    assert body(letter) == "Hierbij bericht ik u over het uitstel."


def test_a_metadata_file_given_by_name_is_refused_with_a_pointer() -> None:
    data = (DOCS / "kst-32545-143.metadata.xml").read_bytes()
    with pytest.raises(UserError, match="metadata file, not a document"):
        letter_from_bytes(data, "kst-32545-143.metadata.xml")


@pytest.mark.parametrize(
    ("printed", "kind"),
    [
        ("MOTIE VAN HET LID CEDER", "motie"),
        ("NADER GEWIJZIGDE MOTIE VAN HET LID X", "motie"),
        ("GEWIJZIGD VOORSTEL VAN WET", "wetsvoorstel"),
        ("MEMORIE VAN TOELICHTING", "wetsvoorstel"),
        ("VERSLAG VAN EEN SCHRIFTELIJK OVERLEG", "verslag"),
        ("BRIEF VAN DE MINISTER VAN FINANCIËN", "brief"),
        ("NOTA NAAR AANLEIDING VAN HET VERSLAG", None),
    ],
)
def test_the_printed_title_names_the_kind(printed: str, kind: str | None) -> None:
    assert kind_from(printed) == kind


def test_a_page_from_another_site_reads_as_the_text_it_shows() -> None:
    """Saved from tweedekamer.nl or the like: the same letter as copying its text would give."""
    copied = (DOCS / "006_kst-32500-C-7_bzk_uitstel-vragen-provinciefonds.txt").read_text("utf-8")
    blocks = [b for b in copied.split("\n\n") if b.strip() and b.strip() != "Naar boven"]
    text = "\n\n".join(blocks) + "\n"
    page = (
        "<!DOCTYPE html><html><head><script>var x = 1;</script></head><body><header><nav><ul>"
        "<li>Home</li><li>Zoeken</li></ul></nav></header><main>"
        + "".join(f"<p>{b}</p>" for b in blocks)
        + "<p>Naar boven</p></main><footer>Contact | Privacy</footer></body></html>"
    )
    as_text = letter_from_bytes(text.encode("utf-8"), "brief.txt")
    as_page = letter_from_bytes(page.encode("utf-8"), "brief.html")
    for field in ("kind", "identifier", "title", "date", "signatories", "footnotes"):
        assert getattr(as_page, field) == getattr(as_text, field)
    assert [s.title for s in as_page.sections] == [s.title for s in as_text.sections]
    for furniture in ("Zoeken", "Privacy", "Naar boven", "var x"):
        assert furniture not in body(as_page)


def test_a_motie_is_signed_by_its_movers() -> None:
    letter = letter_from_bytes((DOCS / "kst-36560-22.xml").read_bytes(), "kst-36560-22.xml")
    assert [(s.role, s.name) for s in letter.signatories] == [
        ("Indiener", "Van Hijum"),
        ("Medeindiener", "Heinen"),
        ("Medeindiener", "De Vree"),
        ("Medeindiener", "Vermeer"),
    ]
    assert letter.title.startswith("Gewijzigde motie van het lid Van Hijum c.s. ter vervanging")
    assert body(letter).endswith("en gaat over tot de orde van de dag.")
