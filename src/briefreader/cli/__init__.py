"""The command line: `main` (the `briefreader` console script and `python -m briefreader`).

`main` (in `main.py`) parses the arguments and hands them to one module per command:
`parse`, `search`, `notes`, `export`, `add`, and `reader` (no command: open the reader).
"""

from __future__ import annotations

from briefreader.cli.main import main

__all__ = ["main"]
