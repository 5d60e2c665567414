"""`briefreader parse FILE [--json]`: one parsed letter as JSON, or as a plain-text outline."""

from __future__ import annotations

import argparse
import json
import sys
import textwrap

from briefreader.model import Letter
from briefreader.sources import read_document
from briefreader.textsafe import json_safe, shown_text


def cmd_parse(args: argparse.Namespace) -> int:
    """Print the parse of `args.file`: JSON with `--json`, else the outline."""
    letter = read_document(args.file)
    if args.json:
        text = json.dumps(letter.to_json(), ensure_ascii=False, indent=1)
        sys.stdout.write(json_safe(text) + "\n")
    else:
        sys.stdout.write(shown_text(outline(letter), multiline=True))
    return 0


def outline(letter: Letter, width: int = 78) -> str:
    """Header facts, then each section heading with its paragraph count and first words."""
    out = [letter.title, "=" * min(len(letter.title), width)]
    facts = [
        ("kind", letter.kind),
        ("citation", letter.citation),
        ("identifier", letter.identifier),
        ("date", letter.date.isoformat() if letter.date else None),
        ("place", letter.place),
        ("recipient", letter.recipient),
        ("sender", letter.sender),
        ("id", letter.id),
    ]
    out += [f"{k:<10} {v}" for k, v in facts if v]
    out.append("")
    for i, section in enumerate(letter.sections, 1):
        indent = "  " * (section.level - 1)
        title = section.title or "(opening)"
        out.append(f"{indent}{i:>2}. {title}  [{len(section.paragraphs)} paragraphs]")
        if section.paragraphs:
            first = textwrap.shorten(section.paragraphs[0].text, width - 8 - len(indent))
            out.append(f"{indent}      {first}")
    if letter.signatories:
        out.append("")
        out += [f"signed     {s.name} ({s.role})" for s in letter.signatories]
    if letter.footnotes:
        out.append("")
        out.append(f"footnotes  {len(letter.footnotes)}")
        for note in letter.footnotes:
            out.append(textwrap.shorten(f"  {note.number}. {note.text}", width))
    if letter.references:
        out.append("")
        out += [f"reference  {r}" for r in letter.references]
    return "\n".join(out) + "\n"
