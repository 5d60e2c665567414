"""`briefreader notes` and `export`: placeholders until the annotation store lands."""

from __future__ import annotations

import argparse

from briefreader.errors import UserError


def cmd_notes(args: argparse.Namespace) -> int:
    """List annotations (not built yet)."""
    raise UserError(None, "notes are not available yet")


def cmd_export(args: argparse.Namespace) -> int:
    """Export annotations (not built yet)."""
    raise UserError(None, "export is not available yet")
