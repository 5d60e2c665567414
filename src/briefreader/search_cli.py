"""`briefreader search`: placeholder until the search engine lands."""

from __future__ import annotations

import argparse

from briefreader.errors import UserError


def cmd_search(args: argparse.Namespace) -> int:
    """Fuzzy search (not built yet)."""
    raise UserError(None, "search is not available yet")
