"""`python -m briefreader` runs the command line."""

from __future__ import annotations

import sys

from briefreader.cli import main

# Guarded: the worker processes that parse in parallel import this module as `__mp_main__`.
if __name__ == "__main__":
    sys.exit(main())
