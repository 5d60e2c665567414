"""The reader app (placeholder until the reader lands)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from briefreader.errors import UserError


def run_reader(paths: Sequence[Path], data_dir: Path, cache_dir: Path) -> int:
    """Open the reader on `paths` (not built yet)."""
    raise UserError(None, "the reader is not available yet")
