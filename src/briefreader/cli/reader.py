"""`briefreader [PATH ...]`: open the reader (the only command that loads the UI)."""

from __future__ import annotations

import argparse

from briefreader import locations


def cmd_reader(args: argparse.Namespace) -> int:
    """Open the reader on the paths given (else the library, else the samples)."""
    from briefreader.ui.app import run_reader  # textual loads only when the reader opens

    return run_reader(
        args.paths, locations.data_dir(args.data_dir), locations.cache_dir(args.cache_dir)
    )
