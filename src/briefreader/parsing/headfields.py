"""What a document's header block says (`Header`), filled in by the header rules."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

__all__ = ["Header"]


@dataclass(slots=True)
class Header:
    """What the header block said."""

    number: str | None = None
    heading: str | None = None
    recipient: str | None = None
    place: str | None = None
    date: dt.date | None = None
    subject: str | None = None
    dossier: str | None = None
    dossier_title: str | None = None
    session: str | None = None
    kenmerk: str | None = None
    committee: str | None = None
