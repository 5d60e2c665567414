"""What a file is: a document by its name (`is_document_name`), its format by its bytes.

Light on purpose: the library lists folders with it without loading any reader.
"""

from __future__ import annotations

import re

# What the library lists in a folder; anything else given by name is tried by its bytes.
DOCUMENT_SUFFIXES = (".txt", ".text", ".pdf", ".xml", ".html", ".htm", ".odt")
# Files that describe the document next to them (`metadata`); they are not documents.
SIBLING_SUFFIXES = (".metadata.xml", ".metadata_owms.xml")


def is_document_name(name: str) -> bool:
    """Whether a folder listing shows this file: a document suffix, and not a sibling
    `<name>.metadata.xml` (it describes the document next to it)."""
    low = name.lower()
    return low.endswith(DOCUMENT_SUFFIXES) and not low.endswith(SIBLING_SUFFIXES)


def sniff(data: bytes, name: str = "") -> str:
    """The format of a document: `pdf`, `xml`, `html`, `odt` or `text`."""
    head = data[:1024].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if data.startswith(b"%PDF"):
        return "pdf"
    if data.startswith(b"PK\x03\x04"):
        return "odt"
    # XHTML opens with an XML declaration: the doctype or root element decides
    prolog = re.sub(rb"^<\?xml[^>]*>\s*(?:<!--.*?-->\s*)*", b"", head, flags=re.DOTALL)
    if prolog.startswith((b"<!doctype html", b"<html")):
        return "html"
    if head.startswith(b"<") and name.lower().endswith((".html", ".htm")):
        return "html"
    if head.startswith(b"<?xml") or (head.startswith(b"<") and name.lower().endswith(".xml")):
        return "xml"
    return "text"
