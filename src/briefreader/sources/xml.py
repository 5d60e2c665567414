"""The official XML of officielebekendmakingen.nl (`kst-….xml`, `ah-tk-….xml`) to a `Letter`.

The structure is in the markup, so it is read from the elements, never from flattened text:
`kamerstuk/dossier` and `stuk/stuknr` give the identity, `stuk/titel` the printed title,
`divisie/kop` the headings, `al` the paragraphs, `noot` the footnotes (their markers stay at
their offsets), `ondertekening` the signatories, `kamervragen/vraag|antwoord` the question
and answer sections, `metadata/meta` (and a sibling `<name>.metadata.xml`) what the markup
leaves open. Parsing is safe (`safexml`): entities and external references are refused.
"""

from __future__ import annotations

import datetime as dt
import re
import xml.etree.ElementTree as ET

from briefreader.errors import UserError
from briefreader.model import Letter, Signatory
from briefreader.parsing.dates import date_in
from briefreader.parsing.identity import normalize_dossier, normalize_session
from briefreader.sources.draft import Draft, Metadata, clean
from briefreader.sources.metadata import metadata_of, sibling_metadata
from briefreader.sources.officieel import letter_of
from briefreader.sources.safexml import local, parse_xml

__all__ = ["read_xml", "signatories_of"]

# Inline markup: its text belongs to the paragraph around it.
INLINE = frozenset(
    "nadruk extref intref naam voornaam achternaam tussenvoegsel datum organisatie "
    "kamervraagonderwerp sup inf super sub br afkorting term redactie unl functie "
    "ondernummer dossiernr begrotingshoofdstuk a span b i u em strong".split()
)
# Sections with a `kop` of their own: a divisie, and a bill's Boek … Artikel.
CONTAINERS = frozenset(
    "divisie bijlage boek deel titeldeel hoofdstuk afdeling paragraaf sub-paragraaf artikel "
    "wijzig-artikel wijzig-divisie".split()
)
# Furniture of the publication: the kop lines (`Tweede Kamer…`, `Vergaderjaar…`) and the like.
SKIP = frozenset("kamerstukkop kamervraagkop slotformule inhoudsopgave illustratie".split())


def signatories_of(lines: list[str]) -> list[Signatory]:
    """Pair signature lines: a role ends with a comma, the name follows (`De Minister…,`)."""
    out: list[Signatory] = []
    role: list[str] = []
    for line in (clean(x) for x in lines):
        if not line:
            continue
        if line.endswith(","):
            role.append(line.rstrip(","))
        else:
            out.append(Signatory(" ".join(role), line))
            role = []
    return out


class _Walker:
    """Reports the elements of one publication to a `Draft`."""

    def __init__(self, draft: Draft) -> None:
        self.draft = draft
        self.next_note = 1

    def inline(self, el: ET.Element, refs: list[tuple[int, int]], out: list[str]) -> None:
        """Append the text of `el` to `out`, footnotes taken out (markers into `refs`)."""
        if el.text:
            out.append(el.text)
        for child in el:
            tag = local(child.tag)
            if tag == "noot":
                refs.append((sum(map(len, out)), self.note(child)))
            elif tag == "br":
                out.append(" ")
            elif tag:
                self.inline(child, refs, out)
            if child.tail:
                out.append(child.tail)

    def text(self, el: ET.Element) -> tuple[str, list[tuple[int, int]]]:
        refs: list[tuple[int, int]] = []
        out: list[str] = []
        self.inline(el, refs, out)
        return "".join(out), refs

    def plain(self, el: ET.Element | None) -> str:
        return clean(self.text(el)[0]) if el is not None else ""

    def note(self, el: ET.Element) -> int:
        """Record a footnote; its number from `noot.nr`, else the next free one."""
        label = self.plain(el.find("noot.nr"))
        number = int(label) if label.isdecimal() else self.next_note
        self.next_note = max(self.next_note, number + 1)
        body = [self.plain(c) for c in el if local(c.tag) != "noot.nr"]
        self.draft.footnote(number, " ".join(body) or self.plain(el))
        return number

    def paragraph(self, el: ET.Element, prefix: str = "") -> None:
        text, refs = self.text(el)
        self.draft.paragraph(prefix + text, [(o + len(prefix), n) for o, n in refs])

    def blocks(self, el: ET.Element, level: int) -> None:
        for child in el:
            self.block(child, level)

    def block(self, el: ET.Element, level: int) -> None:
        tag = local(el.tag)
        d = self.draft
        if not tag or tag in SKIP:
            return
        if tag == "metadata":
            d.metadata.update(metadata_of(el))
        elif tag == "dossier":
            self.dossier(el)
        elif tag == "stuknr" or tag == "kamervraagnummer":
            d.number = d.number or (re.sub(r"\D", "", self.plain(el)) or None)
        elif tag == "titel" and d.heading is None:
            d.heading = self.plain(el)
        elif tag in ("datumtekst", "dagtekening"):
            self.dated(el)
        elif tag == "kamervraagomschrijving":
            d.descriptions.append(self.plain(el))
        elif tag in ("vraag", "antwoord", "mededeling"):
            nr = el.find("nr")
            d.heading_at(self.plain(nr) if nr is not None else tag.capitalize(), level)
            self.blocks(el, level + 1)
        elif tag in CONTAINERS:
            self.blocks(el, level + (1 if el.find("kop") is not None else 0))
        elif tag == "kop":
            d.heading_at(" ".join(self.plain(c) for c in el), max(1, level - 1))
        elif tag == "tussenkop":
            d.heading_at(self.plain(el), level)
        elif tag in ("nr", "noot.nr", "li.nr", "lidnr"):
            return
        elif tag == "noot":
            self.note(el)
        elif tag == "ondertekening":
            self.signed(el)
        elif tag == "aan":
            d.recipient = d.recipient or self.plain(el)
        elif tag == "aanhef":  # `aan` is the recipient; a salutation is no paragraph
            for child in el:
                if not re.match(r"^(?:Geachte|Hooggeachte)\b.*,$", self.plain(child)):
                    self.block(child, level)
        elif tag in ("li", "lid"):
            mark = self.plain(el.find("li.nr" if tag == "li" else "lidnr"))
            first = True
            for child in el:
                if local(child.tag) == "al" and first:
                    self.paragraph(child, f"{mark} " if mark else "")
                    first = False
                else:
                    self.block(child, level)
        elif tag == "row":
            cells = [self.plain(c) for c in el]
            d.paragraph(" | ".join(c for c in cells if c))
        elif tag == "al" or not any(local(c.tag) not in INLINE for c in el):
            self.paragraph(el)
        else:
            if el.text and el.text.strip():
                d.paragraph(el.text)
            self.blocks(el, level)

    def dossier(self, el: ET.Element) -> None:
        d = self.draft
        number = el.find("dossiernummer")
        if number is not None and d.dossier is None:
            parts = [self.plain(c) for c in number]
            d.dossier = normalize_dossier(" ".join(p for p in parts if p)) or None
        title = el.find("titel")
        if title is not None and d.dossier_title is None:
            d.dossier_title = self.plain(title)

    def dated(self, el: ET.Element) -> None:
        d = self.draft
        datum = el.find(".//datum")
        iso = datum.get("isodatum", "") if datum is not None else ""
        date = date_in(self.plain(el))
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", iso):
            date = date or dt.date.fromisoformat(iso)
        d.date = d.date or date
        place = re.match(r"^([A-Z][\w’' -]+),\s*\d", self.plain(el))
        d.place = d.place or (place[1] if place else None)

    def signed(self, el: ET.Element) -> None:
        lines = [self.plain(c) for c in el if local(c.tag) in ("al", "functie", "naam")]
        if not any(lines):
            lines = [self.plain(el)]
        self.draft.signatories += signatories_of(lines)


def _session_from_kop(root: ET.Element) -> str | None:
    for line in root.iter("tekstregel"):
        if line.get("inhoud") == "vergaderjaar":
            return normalize_session(re.sub(r"(?i)vergaderjaar", "", "".join(line.itertext())))
    return None


# Roots of files that describe or list documents rather than being one.
NOT_DOCUMENTS = {
    "metadata_gegevens": "is a metadata file, not a document: open the document next to it",
    "owms-metadata": "is a metadata file, not a document: open the document next to it",
    "searchRetrieveResponse": "is a search-service (SRU) response, not a document",
}


def read_xml(data: bytes, source: str) -> Letter:
    """The letter in an official XML publication; `UserError` when the XML is refused."""
    root = parse_xml(data, source)
    if local(root.tag) in NOT_DOCUMENTS:
        raise UserError(source, NOT_DOCUMENTS[local(root.tag)])
    draft = Draft(source)
    meta: Metadata = sibling_metadata(source)
    walker = _Walker(draft)
    kinds = {local(c.tag) for c in root}
    if "kamervragen" in kinds:
        draft.kind = "kamervragen"
    draft.session = _session_from_kop(root)
    walker.block(root, 1)
    for name, values in meta.items():
        draft.metadata.setdefault(name, values)
    return letter_of(draft, data)
