"""An OpenDocument text (`.odt`, as officielebekendmakingen.nl offers it) to a `Letter`.

The file is a zip; its `content.xml` goes through the safe XML parser (`safexml`) and its
`meta.xml` gives the publication's metadata. The site's ODT keeps less markup than its XML:
the kop is a table (`parlementair.kop`), the identifier sits in a page frame (`frillblok`),
the dossier and stuk titles are `text:h` lines split by a tab (`32 545⇥Wet- en …`,
`Nr. 143⇥MOTIE …`), and kamervragen's `Vraag 1`/`Antwoord 1` are plain paragraphs. Footnotes
are `text:note` elements (citation and body).
"""

from __future__ import annotations

import contextlib
import io
import re
import xml.etree.ElementTree as ET
import zipfile
import zlib

from briefreader.errors import UserError
from briefreader.model import Letter
from briefreader.parsing.identity import normalize_dossier, normalize_session, parse_identifier
from briefreader.sources.draft import Draft, clean
from briefreader.sources.metadata import metadata_of, sibling_metadata
from briefreader.sources.officieel import letter_of
from briefreader.sources.safexml import local, parse_xml

__all__ = ["read_odt"]

MAX_PART = 50 * 1024 * 1024  # an unpacked content.xml larger than this is a zip bomb
_DESCRIPTION = re.compile(r"^(?:Vragen|Antwoord|Mededeling) van\b.*\((?:ingezonden|ontvangen)\b")
_QA_HEADING = re.compile(r"^(?:(?:Vraag|Antwoord|Vragen|Antwoorden)\s+\d[\d\s,en-]*|Mededeling)$")


def _attr(el: ET.Element, name: str) -> str:
    return next((v for k, v in el.attrib.items() if local(k) == name), "")


class _Walker:
    def __init__(self, draft: Draft) -> None:
        self.draft = draft

    def inline(self, el: ET.Element, refs: list[tuple[int, int]], out: list[str]) -> None:
        if el.text:
            out.append(el.text)
        for child in el:
            tag = local(child.tag)
            if tag == "note":
                refs.append((sum(map(len, out)), self.note(child)))
            elif tag in ("s", "line-break"):
                out.append(" ")
            elif tag == "tab":
                out.append("\t")
            elif tag not in ("frame", "annotation", "bookmark-start", "bookmark-end"):
                self.inline(child, refs, out)
            if child.tail:
                out.append(child.tail)

    def text(self, el: ET.Element) -> tuple[str, list[tuple[int, int]]]:
        refs: list[tuple[int, int]] = []
        out: list[str] = []
        self.inline(el, refs, out)
        return "".join(out), refs

    def note(self, el: ET.Element) -> int:
        citation = next((c for c in el if local(c.tag) == "note-citation"), None)
        body = next((c for c in el if local(c.tag) == "note-body"), None)
        label = clean("".join(citation.itertext())) if citation is not None else ""
        number = int(label) if label.isdecimal() else len(self.draft.footnotes) + 1
        if body is not None:
            self.draft.footnote(number, " ".join(clean(self.text(p)[0]) for p in body))
        return number

    def heading(self, el: ET.Element) -> None:
        d = self.draft
        text, _ = self.text(el)
        head, _, rest = text.partition("\t")
        if d.dossier is None and rest and normalize_dossier(head):
            d.dossier, d.dossier_title = normalize_dossier(head), clean(rest)
        elif d.heading is None and rest and re.fullmatch(r"\s*Nr\.\s*\d+\s*", head):
            d.number, d.heading = re.sub(r"\D", "", head), clean(rest)
        else:
            level = _attr(el, "outline-level")
            d.heading_at(text, int(level) if level.isdecimal() else 1)

    def paragraph(self, el: ET.Element) -> None:
        d = self.draft
        text, refs = self.text(el)
        line = clean(text)
        if _attr(el, "style-name") == "kamervraagnummer" and line.isdecimal():
            d.number = d.number or line
        elif _DESCRIPTION.match(line):
            d.descriptions.append(line)
        elif d.descriptions and _QA_HEADING.match(line):
            d.heading_at(line)
        else:
            d.paragraph(text.replace("\t", " "), refs)

    def frame(self, el: ET.Element) -> None:
        """A page frame: the `frillblok` names the publication (`kst-32545-143`)."""
        for line in el.itertext():
            if parse_identifier(clean(line)) is not None:
                self.draft.identifier = self.draft.identifier or clean(line)

    def kop(self, el: ET.Element) -> None:
        for line in el.itertext():
            m = re.match(r"\s*Vergaderjaar\s+(\S+)", line)
            if m:
                self.draft.session = self.draft.session or normalize_session(m[1])

    def walk(self, el: ET.Element) -> None:
        for child in el:
            tag = local(child.tag)
            if tag == "h":
                self.heading(child)
            elif tag == "p":
                self.paragraph(child)
            elif tag == "frame":
                self.frame(child)
            elif tag == "table" and _attr(child, "name") == "parlementair.kop":
                self.kop(child)
            elif tag == "table-row":
                cells = [clean(self.text(c)[0]) for c in child if local(c.tag) == "table-cell"]
                self.draft.paragraph(" | ".join(c for c in cells if c))
            elif tag not in ("tracked-changes", "sequence-decls", "variable-decls", "forms"):
                self.walk(child)


def _part(archive: zipfile.ZipFile, name: str, source: str) -> bytes | None:
    try:
        info = archive.getinfo(name)
    except KeyError:
        return None
    if info.file_size > MAX_PART:
        size = info.file_size // 2**20
        raise UserError(source, f"ODT part {name} unpacks to {size} MB (refused)")
    return archive.read(info)


def read_odt(data: bytes, source: str) -> Letter:
    """The letter in an ODT file; `UserError` for a broken zip or one that is no ODT."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            content = _part(archive, "content.xml", source)
            meta = _part(archive, "meta.xml", source)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, ValueError, zlib.error):
        raise UserError(source, "is not a readable ODT (broken zip)") from None
    except NotImplementedError:
        raise UserError(source, "is a zip packed in a way that cannot be read") from None
    if content is None:
        raise UserError(source, "is a zip without a text document (no content.xml)")
    draft = Draft(source)
    if meta is not None:
        with contextlib.suppress(UserError):  # the text still reads without its metadata
            draft.metadata.update(metadata_of(parse_xml(meta, source, "ODT metadata")))
    for name, values in sibling_metadata(source).items():
        draft.metadata.setdefault(name, values)
    root = parse_xml(content, source, "ODT content")
    body = next((el for el in root.iter() if local(el.tag) == "text"), root)
    _Walker(draft).walk(body)
    if draft.descriptions:
        draft.kind = "kamervragen"
    return letter_of(draft, data)
