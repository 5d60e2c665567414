"""Bytes to clean text: encoding, line ends, control characters and terminal escapes.

Everything a letter file holds passes through `clean_text` before the parser sees it, so a
hostile file (ANSI colours, OSC 52 clipboard writes, BEL) can never drive the user's terminal.
Form feeds survive: they are the page breaks `pdftotext` and the PDF reader write. PDFs
themselves are read by `sources.pdf`.
"""

from __future__ import annotations

import hashlib
import os
import re
import stat
import unicodedata
from pathlib import Path

from briefreader.errors import UserError
from briefreader.textsafe import clean_text_chars

MAX_BYTES = 200 * 1024 * 1024

# Private-use characters: the parser uses them as internal markers, and PDF extractors emit
# them for missing glyphs. (Escapes, controls and invisible marks go by `textsafe`.)
_PRIVATE = re.compile("[\ue000-\uf8ff]")
_SPACES = re.compile("[\u00a0\u2000-\u200a\u202f\u205f\u3000\t]")
_LIGATURES = str.maketrans(
    {"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl", "\u00ad": ""}
)


def decode(data: bytes) -> str:
    """Decode letter bytes: UTF-8 (with or without BOM), else cp1252.

    A UTF-8 file with a few stray bytes stays UTF-8 and loses those bytes: read as cp1252,
    every accented letter in it would be garbled. cp1252's five unassigned bytes are dropped.
    """
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    text = data.decode("utf-8", errors="replace")
    stray = text.count("\ufffd")
    non_ascii = len(text) - len(text.encode("ascii", "ignore"))
    if non_ascii - stray > stray:  # more well-formed UTF-8 characters than stray bytes
        return text.replace("\ufffd", "")
    return data.decode("cp1252", errors="ignore")


def clean_text(text: str) -> str:
    """Normalise line ends, drop escapes and controls, unify spaces; keep form feeds."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = clean_text_chars(text)  # escapes, controls, bidi and zero-width marks
    text = _PRIVATE.sub("", text)
    text = _SPACES.sub(" ", text)
    text = text.translate(_LIGATURES)
    return unicodedata.normalize("NFC", text)


def text_id(text: str) -> str:
    """Stable id of a letter: a hash of its cleaned text, so a moved file keeps its id."""
    return hashlib.blake2b(text.encode("utf-8"), digest_size=8).hexdigest()


def read_bytes(path: Path) -> bytes:
    """The bytes of one document file, or `UserError` saying why it cannot be read.

    Only a regular file is read: a FIFO would block (it is opened non-blocking, then
    checked), a device such as `/dev/zero` never ends. The size limit holds for what is
    read, not for what `stat` claims.
    """
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0))
    except FileNotFoundError:
        raise UserError(path, "no such file") from None
    except PermissionError:
        raise UserError(path, "cannot be read (permission denied)") from None
    except IsADirectoryError:
        raise UserError(path, "is a directory, not a letter file") from None
    except OSError as exc:
        raise UserError(path, f"cannot be read ({exc.strerror or exc})") from None
    try:
        mode = os.fstat(fd).st_mode
        if stat.S_ISDIR(mode):
            raise UserError(path, "is a directory, not a letter file")
        if not stat.S_ISREG(mode):
            raise UserError(path, f"is not a regular file (a {_file_type(mode)}); not read")
        os.set_blocking(fd, True)
        chunks: list[bytes] = []
        size = 0
        while chunk := os.read(fd, min(1 << 20, MAX_BYTES + 1 - size)):
            chunks.append(chunk)
            size += len(chunk)
            if size > MAX_BYTES:
                raise UserError(path, f"is too large (over {MAX_BYTES >> 20} MB) to be a letter")
    except OSError as exc:
        raise UserError(path, f"cannot be read ({exc.strerror or exc})") from None
    finally:
        os.close(fd)
    return b"".join(chunks)


def _file_type(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "named pipe"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "device"
    if stat.S_ISSOCK(mode):
        return "socket"
    return "special file"


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
