"""The rules that make one letter of an official publication, whatever format it came in.

Kamerstukken and Aanhangsels are published as XML, HTML, ODT and PDF from one source, so the
same facts appear in each: the stuk's printed title (`MOTIE VAN DE LEDEN …`), a motie's movers
after `en gaat over tot de orde van de dag.`, kamervragen's `Vragen van de leden … (ingezonden
…)` and `Antwoord van Minister … (ontvangen …)` lines, and the publication's metadata
(`DC.identifier`, `OVERHEIDop.dossiernummer`, …). `finish(draft)` reads those facts the same
way for every reader; `letter_of(draft, data)` is finish plus freeze.
"""

from __future__ import annotations

import datetime as dt
import re

from briefreader.model import Letter, Signatory
from briefreader.parsing.aanhangsel import read_intro
from briefreader.parsing.dates import MONTHS, date_in
from briefreader.parsing.identity import normalize_dossier, normalize_session
from briefreader.sources.draft import Draft, clean

__all__ = ["finish", "kind_from", "letter_of", "title_case"]

_ORDER_OF_THE_DAY = re.compile(r"\bgaat (?:over )?tot de orde van de dag\b", re.IGNORECASE)
# `Den Haag, 7 maart 2023` (a letter) or `Voorgesteld 6 juli 2021` (a motie) on its own line.
_PLACE_DATE = re.compile(
    rf"^(?:(?P<place>Den Haag|’s-Gravenhage|'s-Gravenhage|Brussel|Luxemburg),?"
    rf"|Voorgesteld|Ontvangen|Vastgesteld)\s+\d{{1,2}}\s+(?:{'|'.join(MONTHS)})\s+\d{{4}}\.?$",
    re.IGNORECASE,
)
_VALEDICTION = re.compile(r"^(?:Hoogachtend|Met (?:vriendelijke|hoogachtende) groet(?:en)?),?$")
_ROLE = re.compile(r"^(?:De|Het)\s+\S.{2,120},$")
_KINDS = (
    ("motie", "motie"),
    ("brief", "brief"),
    ("verslag", "verslag"),
    ("voorstel van wet", "wetsvoorstel"),
    ("memorie van toelichting", "wetsvoorstel"),
    ("besluitenlijst", "besluitenlijst"),
    ("aanhangsel", "kamervragen"),
    ("antwoord", "kamervragen"),
    ("mededeling", "kamervragen"),
)


def kind_from(*names: str | None) -> str | None:
    """The kind a printed title or a metadata type names (`MOTIE VAN …`, `Motie`), or None."""
    for name in names:
        low = clean(name or "").lower()
        for word, kind in _KINDS:
            if low.startswith(word) or re.match(rf"^(?:nader )?gewijzigde? {word}", low):
                return kind
    return None


def title_case(heading: str, names: list[str]) -> str:
    """A printed capitalised title in sentence case, names as written: `Motie van Kostić`."""
    text = clean(heading)
    if not text.isupper():
        return text
    out = text[0] + text[1:].lower()
    for name in sorted(set(names), key=len, reverse=True):
        if name:
            out = re.sub(rf"(?<!\w){re.escape(name)}(?!\w)", name, out, flags=re.IGNORECASE)
    return out


def _apply_metadata(draft: Draft) -> None:
    """Fill what the markup left open from the publication's metadata (never overrule it)."""
    meta = draft.metadata

    def first(*names: str) -> str | None:
        for name in names:
            for value in meta.get(name, []):
                if clean(value):
                    return clean(value)
        return None

    ident = first("DC.identifier")
    if ident and re.fullmatch(r"(?:kst|ah|h)-[\w-]+", ident):
        draft.identifier = draft.identifier or ident
    dossier = first("OVERHEIDop.dossiernummer")
    draft.dossier = draft.dossier or (normalize_dossier(dossier) if dossier else None)
    draft.number = draft.number or first("OVERHEIDop.ondernummer", "OVERHEIDop.aanhangselNummer")
    session = first("OVERHEIDop.vergaderjaar")
    draft.session = draft.session or (normalize_session(session) if session else None)
    draft.dossier_title = draft.dossier_title or first("OVERHEIDop.dossiertitel")
    types = meta.get("DC.type", [])
    draft.kind = draft.kind or kind_from(*types)


def _metadata_date(draft: Draft) -> None:
    """The metadata's date, when the text itself gave none (it is read last for that)."""
    for name in ("OVERHEIDop.datumOntvangst", "DCTERMS.issued"):
        for when in draft.metadata.get(name, []):
            if draft.date is None and re.fullmatch(r"\d{4}-\d{2}-\d{2}", when):
                draft.date = dt.date.fromisoformat(when)


def _kamervragen(draft: Draft) -> None:
    """Questioners, subject, title, dates and answering ministers from the opening lines."""
    intro = read_intro("\n".join(draft.descriptions))
    draft.questioners = draft.questioners or list(intro.questioners)
    draft.submitted = draft.submitted or intro.submitted
    draft.subject = draft.subject or intro.subject
    draft.title = draft.title or intro.title
    draft.date = intro.answered or draft.date
    draft.signatories = draft.signatories or list(intro.signatories)


def _motie_movers(draft: Draft) -> None:
    """A motie's movers are the lines after `en gaat over tot de orde van de dag.`"""
    paragraphs = draft.last_paragraphs()
    for i, para in enumerate(paragraphs):
        if _ORDER_OF_THE_DAY.search(para.text):
            tail = paragraphs[i + 1 :]
            if tail and all(len(p.text) <= 60 and not p.text.endswith((";", ".")) for p in tail):
                if not draft.signatories:  # the first moves it, the others second it
                    draft.signatories = [
                        Signatory("Indiener" if j == 0 else "Medeindiener", p.text)
                        for j, p in enumerate(tail)
                    ]
                del paragraphs[i + 1 :]
            return


def _place_date(draft: Draft) -> None:
    """A place-and-date line as a paragraph of its own is the letter's place and date."""
    for section in draft.sections:
        for para in list(section.paragraphs):
            m = _PLACE_DATE.match(para.text)
            if m:
                draft.place = draft.place or m["place"]
                draft.date = draft.date or date_in(para.text)
                section.paragraphs.remove(para)
                return


def _recipient(draft: Draft) -> None:
    """`Aan de Voorzitter van de Tweede Kamer …` opening a letter is its recipient."""
    opening = draft.sections[0].paragraphs if draft.sections else []
    for para in opening[:3]:
        if re.match(r"^Aan (?:de|het)\s+(?:Voorzitter|voorzitter|leden|Presidium)\b", para.text):
            if len(para.text) <= 200:
                draft.recipient = draft.recipient or para.text
                opening.remove(para)
            return


def _closing(draft: Draft) -> None:
    """Unmarked signature lines at the end (`De Minister van …,` then the name) and the
    `Hoogachtend,` before them are the closing, not text."""
    paragraphs = draft.last_paragraphs()
    pairs: list[Signatory] = []
    end = len(paragraphs)
    while end >= 2:
        role, name = paragraphs[end - 2].text, paragraphs[end - 1].text
        if not (_ROLE.match(role) and len(name) <= 60 and not name.endswith((",", ".", ";"))):
            break
        pairs.insert(0, Signatory(role.rstrip(","), name))
        end -= 2
    if not pairs:
        return
    if end and _VALEDICTION.match(paragraphs[end - 1].text):
        end -= 1
    draft.signatories = pairs
    del paragraphs[end:]


def finish(draft: Draft) -> Draft:
    """Complete `draft` with what every format of an official publication says the same way."""
    _apply_metadata(draft)
    if draft.kind is None:
        draft.kind = kind_from(draft.heading) or ("kamervragen" if draft.descriptions else None)
    if draft.kind == "kamervragen":
        _kamervragen(draft)
    if draft.kind == "motie":
        _motie_movers(draft)
    _place_date(draft)
    _metadata_date(draft)
    _recipient(draft)
    if not draft.signatories and draft.kind not in ("motie", "kamervragen"):
        _closing(draft)
    names = [s.name for s in draft.signatories] + [q.name for q in draft.questioners]
    if draft.title is None and draft.heading:
        if draft.kind in ("brief", "verslag", "wetsvoorstel") and draft.dossier_title:
            draft.title = clean(draft.dossier_title)
        else:
            draft.title = title_case(draft.heading, names)
    if draft.title is None:
        documenttitel = draft.metadata.get("OVERHEIDop.documenttitel", [])
        fallbacks = [*documenttitel, draft.dossier_title or ""]
        fallbacks += [s.title or "" for s in draft.sections]
        fallbacks += [p.text for s in draft.sections for p in s.paragraphs][:1]
        draft.title = next((clean(t)[:150] for t in fallbacks if clean(t)), None)
    return draft


def letter_of(draft: Draft, data: bytes) -> Letter:
    """`finish(draft)` frozen into a `Letter`; `data` are the file's bytes (for its id)."""
    return finish(draft).letter(data)
