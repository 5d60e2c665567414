"""The one exception a user may see, as a one-line message naming the file."""

from __future__ import annotations

from pathlib import Path


class UserError(Exception):
    """A problem with the user's input or environment: shown as one line, exit status 1."""

    def __init__(self, path: Path | str | None, problem: str) -> None:
        self.path = str(path) if path is not None else None
        self.problem = problem
        super().__init__(f"{self.path}: {problem}" if self.path else problem)
