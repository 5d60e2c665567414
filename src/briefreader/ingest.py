"""Bytes to clean text: encoding, line ends, control characters and terminal escapes.

Everything a letter file holds passes through `clean_text` before the parser sees it, so a
hostile file (ANSI colours, OSC 52 clipboard writes, BEL) can never drive the user's terminal.
Form feeds survive: they are the page breaks `pdftotext` and the PDF reader write. PDFs
themselves are read by `sources.pdf`.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from pathlib import Path

from briefreader.errors import UserError

MAX_BYTES = 200 * 1024 * 1024

# ESC-introduced sequences: CSI (ESC [ ... final), OSC (ESC ] ... BEL or ST), and the other
# two-character escapes. C1 forms (0x9B CSI, 0x9D OSC) are handled the same way.
_ESCAPES = re.compile(
    r"""
      (?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]              # CSI
    | (?:\x1b\]|\x9d)[^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?   # OSC, up to BEL or ST
    | (?:\x1b[PX^_]|[\x90\x98\x9e\x9f])[^\x1b\x9c]*(?:\x1b\\|\x9c)?  # DCS, SOS, PM, APC
    | \x1b[ -/]*[0-~]?                              # any other escape
    """,
    re.VERBOSE,
)
# C0 and C1 controls except tab, newline and form feed; also Unicode bidi overrides, which
# can make a line read differently from what it holds; and private-use characters, which the
# parser uses as internal markers and PDF extractors emit for missing glyphs.
_CONTROLS = re.compile(
    "[\x00-\x08\x0b\x0d-\x1f\x7f-\x9f\u200b\u200e\u200f\u202a-\u202e\u2066-\u2069\ue000-\uf8ff]"
)
_SPACES = re.compile("[\u00a0\u2000-\u200a\u202f\u205f\u3000\t]")
_LIGATURES = str.maketrans(
    {"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl", "\u00ad": ""}
)


def decode(data: bytes) -> str:
    """Decode letter bytes: UTF-8 (with or without BOM), else cp1252, else latin-1."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def clean_text(text: str) -> str:
    """Normalise line ends, drop escapes and controls, unify spaces; keep form feeds."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _ESCAPES.sub("", text)
    text = _CONTROLS.sub("", text)
    text = _SPACES.sub(" ", text)
    text = text.translate(_LIGATURES)
    return unicodedata.normalize("NFC", text)


def text_id(text: str) -> str:
    """Stable id of a letter: a hash of its cleaned text, so a moved file keeps its id."""
    return hashlib.blake2b(text.encode("utf-8"), digest_size=8).hexdigest()


def read_bytes(path: Path) -> bytes:
    """The bytes of one document file, or `UserError` saying why it cannot be read."""
    try:
        if path.is_dir():
            raise UserError(path, "is a directory, not a letter file")
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise UserError(path, f"is too large ({size // (1024 * 1024)} MB) to be a letter")
        data = path.read_bytes()
    except FileNotFoundError:
        raise UserError(path, "no such file") from None
    except PermissionError:
        raise UserError(path, "cannot be read (permission denied)") from None
    except IsADirectoryError:
        raise UserError(path, "is a directory, not a letter file") from None
    except OSError as exc:
        raise UserError(path, f"cannot be read ({exc.strerror or exc})") from None
    return data


def read_letter_text(path: Path) -> str:
    """Read and clean one letter file, or raise `UserError` saying what is wrong with it."""
    return text_from_bytes(read_bytes(path), path)


def pdf_text(data: bytes, path: Path | str) -> bytes:
    """Refuse a PDF here: PDFs are read by `sources.read_document` (the PDF reader), which
    sits a layer above this module."""
    raise UserError(path, "is a PDF, not a text letter")


def text_from_bytes(data: bytes, path: Path | str = "<bytes>") -> str:
    """Check and decode a letter's bytes; raise `UserError` for empty or binary input."""
    if data.startswith(b"%PDF"):
        data = pdf_text(data, path)
    if b"\x00" in data[:8192] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise UserError(path, "is a binary file, not a text letter")
    text = clean_text(decode(data))
    if not text.strip():
        raise UserError(path, "is empty")
    return text
