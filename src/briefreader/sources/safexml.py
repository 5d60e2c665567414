"""XML parsed safely: no entity expansion, no external references, no network, bounded depth.

Every XML byte string a user hands us (official XML, an ODT's content.xml, a sibling
metadata file) goes through `parse_xml`, so a billion-laughs or external-entity file is
refused in one line instead of eating memory or reaching out to the network.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

import defusedxml
import defusedxml.ElementTree as SafeET

from briefreader.errors import UserError

__all__ = ["MAX_DEPTH", "local", "parse_xml"]

# Deeper than any real publication (the walkers recurse; Python's stack is not unbounded).
MAX_DEPTH = 200


def local(tag: object) -> str:
    """An element's tag without its namespace (`{urn:…}p` → `p`); '' for comments and PIs."""
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _depth(root: ET.Element) -> int:
    deepest = 0
    stack = [(root, 1)]
    while stack:
        el, d = stack.pop()
        deepest = max(deepest, d)
        if d > MAX_DEPTH:
            break
        stack.extend((child, d + 1) for child in el)
    return deepest


def parse_xml(data: bytes, source: str, what: str = "XML") -> ET.Element:
    """The root element of `data`, or `UserError` naming the file and what is wrong."""
    try:
        root = SafeET.fromstring(data)
    except defusedxml.DefusedXmlException:
        raise UserError(
            source, f"{what} declares entities or external references (refused)"
        ) from None
    except ET.ParseError as exc:
        line = exc.position[0] if getattr(exc, "position", None) else 0
        raise UserError(source, f"is not well-formed {what} (line {line})") from None
    except (ValueError, LookupError, RecursionError):  # a bad or unknown encoding; nesting
        raise UserError(source, f"is not readable {what}") from None
    if _depth(root) > MAX_DEPTH:
        raise UserError(source, f"{what} nests deeper than {MAX_DEPTH} levels")
    return root
