"""Dutch dates as letters write them out: `18 oktober 2023`, to and from `datetime.date`."""

from __future__ import annotations

import datetime as dt
import re

__all__ = ["MONTHS", "date_in", "dutch_date"]

MONTHS = (
    "januari februari maart april mei juni juli augustus september oktober november december"
).split()
_NUMBER = {name: i + 1 for i, name in enumerate(MONTHS)}
_DATE = re.compile(rf"\b(\d{{1,2}})\s+({'|'.join(MONTHS)})\s+(\d{{4}})\b", re.IGNORECASE)


def dutch_date(date: dt.date) -> str:
    """A date as Dutch texts write it: `18 oktober 2023`."""
    return f"{date.day} {MONTHS[date.month - 1]} {date.year}"


def date_in(text: str) -> dt.date | None:
    """The first date written out in `text` (`6 juli 2021`), or None (also for `31 juni`)."""
    m = _DATE.search(text)
    if m is None:
        return None
    try:
        return dt.date(int(m[3]), _NUMBER[m[2].lower()], int(m[1]))
    except ValueError:
        return None
