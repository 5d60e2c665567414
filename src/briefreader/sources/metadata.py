"""The metadata of an official publication: `DC.identifier`, `OVERHEIDop.dossiernummer`, ….

Publications carry it in three shapes: `<metadata><meta name content/>` inside the XML,
`<meta name content>` in the HTML head, and a sibling `<name>.metadata.xml`
(`<metadata_gegevens><metadata name content/>`) that the site offers next to each file. An
ODT keeps it as `meta:user-defined` fields. All become one `Metadata` mapping, name to values.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from briefreader.errors import UserError
from briefreader.sources.draft import Metadata, clean
from briefreader.sources.safexml import local, parse_xml

__all__ = ["add_meta", "metadata_of", "sibling_metadata"]

_MAX_SIBLING = 1024 * 1024


def add_meta(meta: Metadata, name: str | None, content: str | None) -> None:
    """Record one field; `Scheme/Name` (ODT's spelling) is recorded under `Name`."""
    if name and content is not None and clean(content):
        meta.setdefault(name.rsplit("/", 1)[-1], []).append(clean(content))


def metadata_of(root: ET.Element) -> Metadata:
    """The fields under `root`: `meta`/`metadata` elements or ODT `user-defined` ones."""
    meta: Metadata = {}
    for el in root.iter():
        tag = local(el.tag)
        if tag in ("meta", "metadata") and el.get("name"):
            add_meta(meta, el.get("name"), el.get("content"))
        elif tag == "user-defined":
            name = next((v for k, v in el.attrib.items() if local(k) == "name"), None)
            add_meta(meta, name, "".join(el.itertext()))
        elif tag in ("title", "identifier") and el.text and "purl.org/dc" in str(el.tag):
            add_meta(meta, f"DC.{tag}", el.text)
    return meta


def sibling_metadata(source: str) -> Metadata:
    """The fields of `<name>.metadata.xml` next to `source`, or {} when there is none."""
    path = Path(source)
    if not path.name or path.name.startswith("<"):
        return {}
    sibling = path.with_name(path.name.rsplit(".", 1)[0] + ".metadata.xml")
    try:
        if not sibling.is_file() or sibling.stat().st_size > _MAX_SIBLING:
            return {}
        return metadata_of(parse_xml(sibling.read_bytes(), str(sibling)))
    except (OSError, UserError):
        return {}  # a broken description is ignored: the document itself still reads
