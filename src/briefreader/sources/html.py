"""The HTML of officielebekendmakingen.nl (`kst-….html`, `ah-tk-….html`) to a `Letter`.

The standard library's `html.parser` builds a small tree (`htmltree`); the walk reads the
site's classes: `h1.dossiertitel` (dossier number and title), `h1.stuktitel` (`Nr. 143` and the
printed title), `p.kamerstukdatum`, `h1.kamervraagomschrijving_kop` (who asked, who answered),
`h2`… headings, `p`/`li`/table rows as paragraphs, footnote markers (`sup`, `a.nootnum`) and
bodies (`.noot`), `.ondertekening`. The site's furniture (navigation, header and footer,
scripts, `Naar boven`, `Download PDF`) is left out: only the document's own text is walked.
A page without that markup (saved from another site) becomes plain text for the text parser.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from briefreader.ingest import decode
from briefreader.model import Letter
from briefreader.parsing.dates import date_in
from briefreader.parsing.identity import normalize_dossier
from briefreader.sources.draft import Draft, clean
from briefreader.sources.htmltree import Node, build_tree
from briefreader.sources.metadata import add_meta, sibling_metadata
from briefreader.sources.officieel import letter_of
from briefreader.sources.xml import signatories_of

__all__ = ["page_text", "read_html"]

SKIP = frozenset(
    "head script style nav header footer aside form button noscript template svg iframe "
    "select input label menu".split()
)
SKIP_IDS = frozenset("kopregel inhoudsopgave voetregel navigatie menu zoekbalk".split())
SKIP_CLASSES = frozenset("slotformule no-print noprint skiplinks breadcrumb".split())
PARAGRAPHS = frozenset("p li dd dt caption h1 blockquote pre".split())
# Lines of site furniture that can sit inside the document's own container.
FURNITURE = re.compile(
    r"^(?:Naar boven|Download (?:PDF|XML|ODT)|Druk af|Print|Terug naar (?:boven|zoekresultaten))$",
    re.IGNORECASE,
)
_MARKER = re.compile(r"^\[?(\d{1,3})\]?\)?$")


def _classes(node: Node) -> set[str]:
    return set(node.attrs.get("class", "").split())


class _Walker:
    def __init__(self, draft: Draft) -> None:
        self.draft = draft

    def is_marker(self, node: Node) -> int | None:
        """The footnote number a marker in a paragraph stands for: a link to the note
        (`<a class="nootnum" href="#…">1</a>`, also inside a `sup`); a bare `<sup>2</sup>`
        is a superscript (m²), not a marker."""
        link = node if node.tag == "a" else None
        if node.tag == "sup":
            links = [c for c in node.elements() if c.tag == "a"]
            link = links[0] if len(links) == 1 else None
        if link is None:
            return None
        is_note = "nootnum" in _classes(link) or link.attrs.get("href", "").startswith("#")
        m = _MARKER.match(clean(node.text()))
        return int(m[1]) if is_note and m else None

    def inline(self, node: Node, refs: list[tuple[int, int]], out: list[str]) -> None:
        for child in node.children:
            if isinstance(child, str):
                out.append(child)
            elif child.tag == "br":
                out.append(" ")
            elif (number := self.is_marker(child)) is not None:
                refs.append((sum(map(len, out)), number))
            elif child.tag not in SKIP:
                self.inline(child, refs, out)

    def paragraph(self, node: Node) -> None:
        refs: list[tuple[int, int]] = []
        out: list[str] = []
        self.inline(node, refs, out)
        if not FURNITURE.match(clean("".join(out))):
            self.draft.paragraph("".join(out), refs)

    def footnote(self, node: Node) -> None:
        """A note body: `<div class="voet noot"><h5>X Noot</h5><sup><span class="nootnum">1
        </span></sup><p>text</p></div>` on the site, or `1 text` in simpler pages."""
        label = node.find_class("nootnum")
        closer = node.find_class("note-close")
        if label is not None and clean(label.text()).isdecimal():
            body = " ".join(c.text() for c in node.elements() if c.tag in ("p", "div", "ul"))
            self.draft.footnote(int(clean(label.text())), body)
            return
        text = clean(node.text(skip=closer))
        m = re.match(r"^(\d{1,3})[.)]?\s+(.*)$", text)
        if m:
            self.draft.footnote(int(m[1]), m[2])

    def walk(self, node: Node) -> None:
        for child in node.children:
            if isinstance(child, str):
                if clean(child) and not FURNITURE.match(clean(child)):
                    self.draft.paragraph(child)
            else:
                self.element(child)

    def element(self, node: Node) -> None:
        d = self.draft
        tag, classes = node.tag, _classes(node)
        if tag in SKIP or node.attrs.get("id") in SKIP_IDS or classes & SKIP_CLASSES:
            return
        if tag == "h1" and "dossiertitel" in classes:
            number = node.find_class("dossiernummer")
            if number is not None:
                d.dossier = d.dossier or normalize_dossier(clean(number.text()))
            d.dossier_title = d.dossier_title or clean(node.text(skip=number))
        elif tag == "h1" and "stuktitel" in classes:
            number = node.find_class("stuknummer")
            if number is not None:
                d.number = d.number or (re.sub(r"\D", "", number.text()) or None)
            d.heading = d.heading or clean(node.text(skip=number))
        elif "kamervraagomschrijving_kop" in classes or "kamervraagomschrijving" in classes:
            d.descriptions.append(clean(node.text()))
        elif "kamerstukdatum" in classes or "dagtekening" in classes:
            d.date = d.date or date_in(node.text())
        elif "kamervraagnummer" in classes:
            d.number = d.number or (re.sub(r"\D", "", node.text()) or None)
        elif "ondertekening" in classes:
            named = node.find_all(lambda n: n.attrs.get("class") in ("functie", "naam"))
            lines = [n.text() for n in named]
            d.signatories += signatories_of(lines or node.lines())
        elif any(c in classes for c in ("noot", "voet", "voetnoot")) and tag != "a":
            self.footnote(node)
        elif re.fullmatch(r"h[1-6]", tag):
            d.heading_at(node.text(), max(1, int(tag[1]) - 1))
        elif tag == "tr":
            cells = [clean(c.text()) for c in node.elements() if c.tag in ("td", "th")]
            d.paragraph(" | ".join(c for c in cells if c))
        elif tag in PARAGRAPHS and not any(c.tag in ("ul", "ol", "table") for c in node.elements()):
            self.paragraph(node)
        else:
            self.walk(node)


def _content(root: Node) -> Node:
    """The document's own container: `#broodtekst`, `.stuk`, `article`, `main`, or the body."""
    for test in (
        _is_broodtekst,
        lambda n: n.tag in ("article", "main") or n.attrs.get("role") == "main",
        lambda n: n.tag == "body",
    ):
        found = root.find(test)
        if found is not None:
            return found
    return root


def _is_publication(root: Node, draft: Draft) -> bool:
    """Whether the page is the site's rendering of an official publication (its markup)."""
    marked = draft.dossier or draft.heading or draft.descriptions or draft.identifier
    return bool(marked or draft.metadata.get("DC.identifier") or root.find(_is_broodtekst))


def _is_broodtekst(node: Node) -> bool:
    return node.attrs.get("id") == "broodtekst"


def page_text(content: Node) -> str:
    """A page's own text as plain text: each block (paragraph, heading, list item, table
    row) on a line of its own, blank lines between, the site's furniture left out."""
    blocks: list[str] = []

    def walk(node: Node) -> None:
        for child in node.children:
            if isinstance(child, str):
                blocks.append(clean(child))
                continue
            classes = _classes(child)
            if child.tag in SKIP or child.attrs.get("id") in SKIP_IDS or classes & SKIP_CLASSES:
                continue
            if child.tag == "tr":
                cells = [clean(c.text()) for c in child.elements() if c.tag in ("td", "th")]
                blocks.append(" | ".join(c for c in cells if c))
            elif (child.tag in PARAGRAPHS or re.fullmatch(r"h[1-6]", child.tag)) and not any(
                c.tag in ("ul", "ol", "table", "p", "div") for c in child.elements()
            ):
                blocks.append(clean(child.text()))
            else:
                walk(child)

    walk(content)
    return "\n\n".join(b for b in blocks if b and not FURNITURE.match(b)) + "\n"


def read_html(
    data: bytes, source: str, text_reader: Callable[[str, str], Letter] | None = None
) -> Letter:
    """The letter in a page of officielebekendmakingen.nl, read from the site's markup.

    Any other page (a letter saved from another site) is turned into plain text, one block a
    paragraph, and handed to `text_reader` (the text parser, which knows such letters' layout
    and the sites' furniture) when one is given.
    """
    root = build_tree(decode(data))
    draft = Draft(source)
    for meta in root.find_all(lambda n: n.tag == "meta" and "name" in n.attrs):
        add_meta(draft.metadata, meta.attrs.get("name"), meta.attrs.get("content"))
    for name, values in sibling_metadata(source).items():
        draft.metadata.setdefault(name, values)
    content = _content(root)
    _Walker(draft).walk(content)
    if text_reader is not None and not _is_publication(root, draft):
        return text_reader(page_text(content), source)
    if draft.descriptions:
        draft.kind = "kamervragen"
    return letter_of(draft, data)
