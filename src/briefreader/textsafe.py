"""Text from outside the program made safe to show: no escapes, controls or invisible marks.

Everything a terminal shows that briefreader did not write itself (file names, letter text,
note text, error messages that quote them) passes through here, so that a file or a note can
never drive the terminal (OSC 52 clipboard writes, window titles, clearing the screen) or make
a line read differently from what it holds (bidi overrides, zero-width and tag characters).

- `clean_text_chars(text)`: drops escape sequences, invisible marks and controls (keeping
  newline, tab and form feed): what letters are read with (`ingest.clean_text`).
- `shown_text(text)`: the same for text shown on one line (newlines and tabs become spaces),
  or on several with `multiline=True` (a note, an export).
- `shown_name(name)`: a file name or a one-line message with each unsafe character shown as
  `?` (as `ls` does), so the name stays recognisable and a newline never splits the line.
- `json_safe(text)`: JSON text with those characters written as `\\uXXXX` escapes.
"""

from __future__ import annotations

import re

# Escape sequences: CSI (ESC [ or 0x9B, parameters, a final byte), the string commands OSC,
# DCS, SOS, PM and APC (ESC ] P X ^ _ or their C1 forms) up to BEL or ST, and any other
# ESC-introduced escape. A string command counts only when it ends on the same line and holds
# no other control: a stray 0x9D (or ESC ]) then costs that byte, never the text after it.
# The possessive `*+` keeps the scan linear: a failed match never backtracks.
_SEQUENCE = re.compile(
    r"""
      (?:\x1b\[|\x9b)[0-?]*+[ -/]*+[@-~]                      # CSI
    | (?:\x1b[\]PX^_]|[\x90\x98\x9d\x9e\x9f])[^\x00-\x1f\x7f-\x9f]*+(?:\x07|\x1b\\|\x9c)
    | \x1b[ -/]*+[0-~]?                                     # other escapes, a lone ESC
    """,
    re.VERBOSE,
)
# Characters that change how a line looks without being seen: bidi embeddings, overrides
# and isolates, zero-width spaces and joiners, word joiners and invisible operators, the
# byte order mark, Hangul fillers, interlinear annotation marks and tag characters.
_INVISIBLE = (
    "\u061c\u115f\u1160\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f"
    "\u3164\ufeff\uffa0\ufff9-\ufffb\U000e0000-\U000e007f"
)
_FILLERS = "\u115f\u1160\u3164\uffa0"  # invisible, yet printable to Python
_C0_C1 = "\x00-\x1f\x7f-\x9f"
_SURROGATES = "\ud800-\udfff"  # undecodable bytes of a file name (os.fsdecode)
_DROP = {
    keep: re.compile(f"[{_INVISIBLE}{_SURROGATES}]|[{_C0_C1}](?<![{keep}])")
    for keep in ("\n\t\f", "\n\t", "\n")
}
_ANY_UNSAFE = re.compile(f"[{_C0_C1}{_INVISIBLE}{_SURROGATES}]")
_JSON_UNSAFE = re.compile(f"[\x7f-\x9f{_INVISIBLE}{_SURROGATES}]")
_LINE_SPACE = re.compile("[\n\t\f\r\v]+")


def clean_text_chars(text: str, keep: str = "\n\t\f") -> str:
    """`text` without escape sequences, invisible marks and controls other than `keep`."""
    if not has_unsafe(text):
        return text  # the usual case, at the cost of one scan
    return _DROP[keep].sub("", _SEQUENCE.sub("", text))


def shown_text(text: str, multiline: bool = False) -> str:
    """Outside text made safe to print: on one line, or (`multiline`) keeping line breaks."""
    if not has_unsafe(text):
        return text
    if multiline:
        return clean_text_chars(text, "\n\t")
    return clean_text_chars(_LINE_SPACE.sub(" ", text), "\n")


def shown_name(name: object) -> str:
    """A file name (or a message naming one) on one line, each unsafe character as `?`."""
    return _ANY_UNSAFE.sub("?", str(name))


def has_unsafe(text: str) -> bool:
    """Whether `text` holds anything `clean_text_chars` would change."""
    if text.isprintable() and not any(f in text for f in _FILLERS):
        return False  # the usual case, in C: every unsafe character but these is unprintable
    return _ANY_UNSAFE.search(text) is not None


def unsafe_spans(text: str, keep: str = "") -> list[tuple[int, int]]:
    """The spans of `text` that showing it must leave out: escape sequences, invisible
    marks and controls not in `keep` (in order, not overlapping)."""
    spans: list[tuple[int, int]] = []
    pos = 0
    for seq in _SEQUENCE.finditer(text):
        spans += _char_spans(text, pos, seq.start(), keep)
        spans.append(seq.span())
        pos = seq.end()
    return spans + _char_spans(text, pos, len(text), keep)


def _char_spans(text: str, start: int, end: int, keep: str) -> list[tuple[int, int]]:
    drop = _ANY_UNSAFE
    return [m.span() for m in drop.finditer(text, start, end) if m.group() not in keep]


def json_safe(text: str) -> str:
    """JSON text (as `json.dumps(..., ensure_ascii=False)` writes it) with C1 controls,
    invisible marks and undecodable bytes escaped: the data stays whole, the terminal safe.
    (JSON itself escapes the C0 controls, ESC among them.)"""
    return _JSON_UNSAFE.sub(lambda m: "".join(f"\\u{c:04x}" for c in _utf16(m.group())), text)


def _utf16(char: str) -> list[int]:
    """The UTF-16 code units of one character (tag characters need a surrogate pair)."""
    code = ord(char)
    if code < 0x10000:
        return [code]
    code -= 0x10000
    return [0xD800 + (code >> 10), 0xDC00 + (code & 0x3FF)]
