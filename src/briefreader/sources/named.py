"""The identity a document's file name carries: `kst-36045-151.pdf`, `010_kst-21501-20-512_bz.txt`.

Official downloads are named after their identifier, and so are many saved copies, while a
plain-text copy of a web page often lacks the header that names the document. The library
reads documents through `read_named`, so such a letter is still known by its number; the
parser (`parse`) keeps to what the document itself says.
"""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

from briefreader.model import Letter
from briefreader.parsing.identity import parse_identifier, with_identity
from briefreader.sources import read_document

# An official id between a name's separators (`_`, `.`, a space) or at either end.
_NAMED_ID = re.compile(r"(?:^|(?<=[_\s.]))((?:kst|ah-tk|ah-ek)-[0-9A-Za-z-]+?)(?=$|[_\s.])")


def identity_from_name(letter: Letter, path: Path) -> Letter:
    """`letter` with the official id its file name carries, when the text gave none.

    Official downloads are named after their id, and so are many saved copies; a plain-text
    copy of a web page often lacks the header that names the document.
    """
    if letter.identifier:
        return letter
    for m in _NAMED_ID.finditer(path.stem):
        found = parse_identifier(m.group(1))
        if found is not None:
            return with_identity(
                replace(
                    letter,
                    identifier=found.identifier,
                    dossier=letter.dossier or found.dossier,
                    number=letter.number or found.number,
                    session=letter.session or found.session,
                    citation=None,
                )
            )
    return letter


def read_named(path: Path) -> Letter:
    """`read_document(path)`, its identity completed from the file name (`identity_from_name`)."""
    return identity_from_name(read_document(path), path)
