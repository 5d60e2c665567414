"""The parser's rule tables, in the order they run, and the one line that registers each rule.

Three tables, each a `Ruler` (an ordered list of named rules, for every kind or for some):

- `KIND_SIGNS`: rules that recognise a document's kind from its lines before anything else
  is read, so the later tables can be chosen per kind (the first sign that answers wins);
- `STAGES`: the passes over the whole document: lines and furniture, kind, footnotes,
  header, closing block, body blocks; a layout adds a stage (`kinds=("kamervragen",)`);
- `BLOCKS`: the rules that say what one body line is (heading, new paragraph, more of the
  same), tried in order until one takes the line.

A new layout is a module of small rules plus one `add` line per rule at the bottom of this
file: `BLOCKS.add("vraag", kamervragen.vraag_heading, kinds=K, before="heading")`.
"""

from __future__ import annotations

from collections.abc import Callable

from briefreader.parsing import (
    besluitenlijst,
    closing,
    fiche,
    hardwrap,
    kamervragen,
    kinds,
    letterhead,
    motie,
    sdu,
    wetsvoorstel,
    word,
)
from briefreader.parsing.blocks import BlockRule, build_blocks, continuation, heading, orphan
from briefreader.parsing.blocks import paragraph as paragraph_start
from briefreader.parsing.closing import take_closing
from briefreader.parsing.footnotes import MARK_CLOSE, MARK_OPEN, extract_footnotes
from briefreader.parsing.header import take_header
from briefreader.parsing.hyphens import HyphenJudge
from briefreader.parsing.lines import split_lines
from briefreader.parsing.ruler import Ruler
from briefreader.parsing.state import ParseState

__all__ = ["BLOCKS", "KIND_SIGNS", "STAGES", "KindSign", "Stage", "run_stages"]

Stage = Callable[[ParseState], None]
KindSign = Callable[[ParseState], "str | None"]


def lines_stage(state: ParseState) -> None:
    """Non-blank lines with gaps and page starts; running heads and footers set apart."""
    state.lines = split_lines(state.text, state.furniture)
    state.judge = HyphenJudge([ln.text for ln in state.lines])


def kind_stage(state: ParseState) -> None:
    """The kind, when a sign recognises it from the lines (else decided from the parts)."""
    for sign in KIND_SIGNS.for_kind(None):
        kind = sign(state)
        if kind:
            state.kind = kind
            return


def footnotes_stage(state: ParseState) -> None:
    """Footnote bodies out of the body; their markers detached from the words."""
    state.body, state.notes = extract_footnotes(state.lines)


def _plain(text: str) -> str:
    # a marker detached in a header or closing line is dropped there: only paragraphs keep them
    if MARK_OPEN not in text:
        return text
    out, _, rest = text.partition(MARK_OPEN)
    while True:
        _, _, rest = rest.partition(MARK_CLOSE)
        head, found, rest = rest.partition(MARK_OPEN)
        out += head
        if not found:
            return out


def header_stage(state: ParseState) -> None:
    """The header block at the top: number and heading, recipient, place and date, subject."""
    state.header, state.start = take_header(state.body)
    for field in ("recipient", "heading", "subject", "place"):
        value = getattr(state.header, field)
        if value:
            setattr(state.header, field, _plain(value))


def closing_stage(state: ParseState) -> None:
    """The signatories' block at the end (role, name pairs)."""
    pairs, state.end = take_closing(state.body, state.start)
    state.pairs = [(_plain(role), _plain(name)) for role, name in pairs]


def blocks_stage(state: ParseState) -> None:
    """Headings and paragraphs between header and closing, by the block rules."""
    lines = state.body[state.start : state.end]
    state.blocks = build_blocks(lines, BLOCKS.for_kind(state.kind), state.kind)


def run_stages(state: ParseState) -> ParseState:
    """Run every stage for the document's kind; the kind may be set by an early stage."""
    done: set[str] = set()
    while True:
        # the table is asked again after each stage: an early stage may have set the kind
        rule = next((r for r in STAGES.rules_for(state.kind) if r.name not in done), None)
        if rule is None:
            return state
        rule.run(state)
        done.add(rule.name)


KIND_SIGNS: Ruler[KindSign] = Ruler()
STAGES: Ruler[Stage] = Ruler()
BLOCKS: Ruler[BlockRule] = Ruler()

STAGES.add("lines", lines_stage)
STAGES.add("kind", kind_stage)
STAGES.add("footnotes", footnotes_stage)
STAGES.add("header", header_stage)
STAGES.add("closing", closing_stage)
STAGES.add("blocks", blocks_stage)

BLOCKS.add("orphan", orphan)
BLOCKS.add("heading", heading)
BLOCKS.add("paragraph", paragraph_start)
BLOCKS.add("continuation", continuation)

# Layouts of one kind: one line per rule.
KQ = ("kamervragen",)
KIND_SIGNS.add("kamervragen", kamervragen.sign)
STAGES.add("identity", sdu.identity_stage, after="lines")
STAGES.add("kamervragen-intro", kamervragen.intro_stage, kinds=KQ, after="closing")
BLOCKS.add("vraag", kamervragen.vraag_heading, kinds=(*KQ, "verslag"), before="heading")
BLOCKS.add("kamervragen-text", kamervragen.no_other_headings, kinds=KQ, after="vraag")

# Kinds with their own body layout, committee lists, moties, bills, fiches (parsing/kinds.py).
KIND_SIGNS.add("besluitenlijst", kinds.besluitenlijst_sign)
KIND_SIGNS.add("motie", kinds.motie_sign)
KIND_SIGNS.add("wetsvoorstel", kinds.wetsvoorstel_sign)
KIND_SIGNS.add("fiche", kinds.fiche_sign)
KIND_SIGNS.add("verslag", kinds.verslag_sign, before="kamervragen")
STAGES.add("hardwrap-headings", hardwrap.headings_stage, before="blocks")
STAGES.add("cover-signature", closing.cover_signature_stage, after="closing")
STAGES.add("header-identity", kinds.header_identity_stage, after="header")
STAGES.add("motie-title", kinds.motie_title_stage, kinds=("motie",), after="closing")
BLOCKS.add("motie-clause", motie.clause, kinds=("motie",), before="paragraph")
STAGES.add("besluitenlijst-blocks", besluitenlijst.blocks_stage, kinds=("besluitenlijst",))
STAGES.add("wetsvoorstel-blocks", wetsvoorstel.blocks_stage, kinds=("wetsvoorstel",))
# Ministry letters on letterhead, Word-made (letterhead.py, word.py): `brief` named early.
KIND_SIGNS.add("letterhead", letterhead.sign)
STAGES.add("sidebar", letterhead.sidebar_stage, kinds=("brief",), after="kind")
STAGES.add("footnote-gap", word.footnote_gap_stage, kinds=("brief",), after="sidebar")
BLOCKS.add("word-heading-tail", word.heading_tail, kinds=("brief",), before="orphan")
BLOCKS.add("word-heading", word.word_heading, kinds=("brief",), before="heading")
# BNC-fiches (fiche.py): the `document` the fiche sign recognises.
KF = ("document",)
STAGES.add("fiche-title", fiche.title_stage, kinds=KF, after="closing")
BLOCKS.add("fiche-tail", fiche.heading_tail, kinds=KF, before="orphan")
BLOCKS.add("fiche-field", fiche.field_heading, kinds=KF, before="heading")
BLOCKS.add("fiche-subheading", fiche.subheading, kinds=KF, after="fiche-field")
