"""`python -m briefreader` runs the command line."""

from __future__ import annotations

import sys

from briefreader.cli import main

sys.exit(main())
