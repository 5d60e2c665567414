"""How documents are named on screen: kinds as a Dutch reader knows them, short numbers.

`brief` is a Kamerbrief to anyone who reads them; a list row names a document by its
citation's short form (`21 501-20, nr. 512`) because the column has no room for `Kamerstuk`.
"""

from __future__ import annotations

from briefreader.library import Entry

KIND_LABELS = {
    "brief": "Kamerbrief",
    "kamervragen": "Kamervragen",
    "verslag": "Verslag",
    "motie": "Motie",
    "besluitenlijst": "Besluitenlijst",
    "wetsvoorstel": "Wetsvoorstel",
    "document": "Document",
    "error": "unreadable",
}
_SERIES = ("Kamerstukken ", "Kamerstuk ", "Aanhangsel Handelingen ", "Kamerbrief van ")


def kind_label(kind: str) -> str:
    """The name a reader knows a kind by: `brief` → `Kamerbrief`."""
    return KIND_LABELS.get(kind, kind.capitalize())


def short_number(entry: Entry) -> str:
    """The document's number for a narrow column: `21 501-20, nr. 512`, `II 2023/24, nr. 1314`,
    `nr. 151` when only the number is known, else empty."""
    if entry.citation:
        for series in _SERIES:
            if entry.citation.startswith(series):
                return entry.citation[len(series) :]
        return entry.citation
    if entry.dossier and entry.number:
        return f"{entry.dossier}, nr. {entry.number}"
    return f"nr. {entry.number}" if entry.number else ""
