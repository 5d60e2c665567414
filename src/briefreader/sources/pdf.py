"""PDF to text lines through pypdfium2: lines in reading order, blank lines where the page
leaves space, a form feed at each page, split words mended.

pypdfium2 (PDFium) was chosen over pypdf for speed: over the 16 fixture PDFs (88 pages) pypdf
7.1 took 3.2 s (27 pages/s; 0.4-0.65 s for each Word-made letter) and PDFium 0.3 s; pypdf
keeps Word's kerned words whole but writes `P agina` too. Both install from pip alone.
PDFium's quirks are repaired here from the geometry it reports per character (and in
`pdf_layout`: blank lines, running heads and sidebars; `kerning`: words kerned apart):

- it gives no blank lines, so a gap between lines wider than the page's usual line pitch
  becomes one (the parser reads paragraphs and headings from these gaps);
- a superscript footnote marker or a table cell breaks a line; a piece that sits on the
  previous line's baseline, to its right, is put back on that line;
- it inserts a space where a Word-made PDF kerns a word apart (`Inf rastructuur`,
  `Kamers tuk`, `2 5 15 XP`); such a space, over a narrow gap, is marked and decided in
  `kerning` once the whole text is known;
- it runs two lines into one where the text jumps back to the margin (footnotes set side
  by side) or across a wide gap (the letterhead sidebar); those are cut apart;
- a line-end hyphen it judges soft comes as U+FFFE (or U+0002) with the next line joined on;
  it becomes a hyphen at a line end again, so the parser's hyphen judge decides (SDU
  typesetting splits words; Word letters do not).
"""

from __future__ import annotations

import logging
import re
from typing import Any

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from briefreader.errors import UserError
from briefreader.sources.kerning import KERN, unkern
from briefreader.sources.pdf_layout import Row, drop_running, lay_out
from briefreader.sources.repair import repair_text

__all__ = ["pdf_text"]

logging.getLogger("pypdfium2").setLevel(logging.ERROR)

_SOFT = "\ufffe\x02"  # PDFium's marks of a soft hyphen at a line end
_SOFT_MARK = re.compile(f"[{_SOFT}]")
_LETTER = re.compile(r"[^\W\d_]")
# A PDF whose text layer holds fewer letters than this is image-only (a scan).
_MIN_LETTERS = 20


class _Boxes:
    """Loose char boxes (font ascent to descent) straight from PDFium: (left, bottom, right,
    top). The wrapper's `get_charbox` costs four times as much per call."""

    def __init__(self, page: pdfium.PdfTextPage) -> None:
        self._handle = page.raw
        self._rect = pdfium_c.FS_RECTF()

    def __call__(self, index: int) -> tuple[float, float, float, float]:
        rect = self._rect
        if not pdfium_c.FPDFText_GetLooseCharBox(self._handle, index, rect):
            return 0.0, 0.0, 0.0, 0.0
        return rect.left, rect.bottom, rect.right, rect.top


def _box(box: _Boxes, start: int, end: int) -> Row:
    """The box of chars start..end-1 from loose boxes (font ascent/descent); its type size
    is the larger of the first and last char's, so a superscript at either end is ignored."""
    left, bottom, _, top = box(start)
    _, low, right, high = box(end - 1)
    return Row("", left, right, bottom, top, max(top - bottom, high - low))


def _page_text(page: pdfium.PdfTextPage) -> tuple[str, bool]:
    """The text of a page, one entry per char index; False when indexes do not line up."""
    count = page.count_chars()
    if count <= 0:
        return "", True
    text = page.get_text_range(0, count)
    if len(text) == count:
        return text, True
    return text, False


def _rows(page: pdfium.PdfTextPage) -> list[Row]:
    """The lines of one page with their boxes, kerning spaces taken out."""
    text, aligned = _page_text(page)
    if not aligned:  # no geometry to trust: plain lines
        return [Row(t, 0, 0, 0, 0) for t in text.replace("\r", "").split("\n")]
    rows: list[Row] = []
    handle = page.raw
    start = 0
    size = len(text)
    box = _Boxes(page)
    cuts = _cuts(box, handle, text)
    while start < size:
        end = text.find("\r\n", start)
        if end < 0:
            end = size
        skip = 2
        while cuts and cuts[0][0] <= start:
            cuts.pop(0)
        if cuts and cuts[0][0] < end:
            end, skip = cuts.pop(0)
        piece = text[start:end]
        stripped = piece.strip()
        if stripped:
            lead = len(piece) - len(piece.lstrip())
            first = start + lead
            last = start + len(piece.rstrip())
            row = _box(box, first, last)
            kerned = " " in stripped
            row.text = _mark_kerning(box, handle, text, first, last) if kerned else stripped
            row.bold = len(stripped) <= 90 and _bold(handle, text, first, last)
            rows.append(row)
        start = end + skip
    return rows


def _bold(handle: Any, text: str, first: int, last: int) -> bool:
    """Is the line set in bold, from its first letter to its last (a colon aside)?"""
    end = last - 1
    while end > first and not text[end].isalnum():
        end -= 1
    weight = pdfium_c.FPDFText_GetFontWeight
    return bool(weight(handle, first) >= 600 and weight(handle, end) >= 600)


def _cuts(box: _Boxes, handle: Any, text: str) -> list[tuple[int, int]]:
    """Where PDFium ran two lines into one: (end of the first, chars to skip), in order.

    After a soft hyphen it joins the next line on; and a line that starts lower at the left
    margin (side-by-side footnotes: `…_22 11 NEMESIS-3, 2023` then `12 WRR`) it may join
    with a made-up space, or none, though the text jumps back to the left. A space over a
    wide gap (the letterhead sidebar beside a body line) parts two pieces as well.
    """
    cuts = [(m.end(), 0) for m in _SOFT_MARK.finditer(text)]
    size = len(text)
    i = text.find(" ")
    while 0 < i < size - 1:
        if text[i + 1] not in "\r " and text[i - 1] != " ":
            before = box(i - 1)
            after = box(i + 1)
            height = max(before[3] - before[1], 1.0)
            if after[0] - before[2] > 3 * height:
                # a wide gap: a sidebar or a table cell beside the text; the pieces are laid
                # out again once the page furniture is out
                cuts.append((i, 1))
            elif after[0] < before[0] - 20 and (
                after[1] < before[1] - 1 or pdfium_c.FPDFText_IsGenerated(handle, i) == 1
            ):
                cuts.append((i, 1))  # back to the left margin: the next line
        i = text.find(" ", i + 1)
    cuts.sort()
    return cuts


def _mark_kerning(box: _Boxes, handle: Any, text: str, first: int, last: int) -> str:
    """The line first..last-1 with each narrow space PDFium made up marked as `KERN`."""
    out: list[str] = []
    pos = first
    i = text.find(" ", first + 1, last - 1)
    while i >= 0:
        before, after = text[i - 1], text[i + 1]
        # `brzoplus .nl`, `kst -30552-3`: no word space before closing punctuation or a
        # hyphen that goes on; between two words the document and the word list decide
        glued = after in ".,;:)" or (after == "-" and i + 2 < last and text[i + 2].isalnum())
        if (
            (before.isalnum() or (after.isdigit() and before != " "))
            and (after.isalnum() or glued)
            and pdfium_c.FPDFText_IsGenerated(handle, i) == 1
        ):
            a = box(i - 1)
            b = box(i + 1)
            height = max(a[3] - a[1], 0.1)
            # a footnote marker set superscript after its word (`182/2011.¹³`) is glued on
            marker = after.isdigit() and b[1] > a[1] + 0.15 * height and b[3] - b[1] < 0.85 * height
            glued = glued or marker
            if (before.isalnum() or marker) and b[0] - a[
                2
            ] <= 0.3 * height:  # a word space is wider
                out.append(text[pos:i])
                if not glued:
                    out.append(KERN)
                pos = i + 1
        i = text.find(" ", i + 1, last - 1)
    out.append(text[pos:last])
    return "".join(out)


def _refusal(source: str, exc: Exception) -> UserError:
    """PDFium's complaint as a one-line refusal."""
    why = " ".join(str(exc).split()).rstrip(".")
    if "password" in why.lower():
        return UserError(source, "is a password-protected PDF; save an unprotected copy first")
    return UserError(source, f"is a damaged PDF ({why})")


def pdf_text(data: bytes, source: str) -> str:
    """The text of a PDF, pages separated by form feeds; `UserError` for a damaged or scanned
    PDF."""
    try:
        doc = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        raise _refusal(source, exc) from None
    rows: list[list[Row]] = []
    try:
        for index in range(len(doc)):
            page = doc[index]
            textpage = page.get_textpage()
            try:
                rows.append(_rows(textpage))
            finally:
                textpage.close()
                page.close()
    except pdfium.PdfiumError as exc:
        raise _refusal(source, exc) from None
    finally:
        doc.close()
    drop_running(rows)
    # PDFium's soft-hyphen mark as the hyphen it was (rows are split after each mark); a
    # page break stands apart as a blank line would, as it did before its footer was taken out
    text = _SOFT_MARK.sub("-", "\n\f\n".join("\n".join(lay_out(page)) for page in rows))
    if len(_LETTER.findall(text, 0, 20_000)) < _MIN_LETTERS:  # enough to tell a scan
        raise UserError(source, "is a PDF without text (a scan?); it needs OCR first")
    return repair_text(unkern(text))
