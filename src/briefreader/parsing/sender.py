"""The one sender rule: who a letter is from, as the letter list and the reader header show it.

Every reader (text, PDF, XML, HTML, ODT) ends with the same `sender`, made here from the
parsed signatories:

- a motie is from its movers: `Ceder`, `Inge van Dijk en Grinwis`, `Van Hijum c.s.`;
- any other letter is from its first signatory's role, without its article (`Minister van
  Buitenlandse Zaken`); without signatories, from what the parser found instead (a
  committee, the heading's `VAN DE …`).

A role is normalised for display only (the signatories keep the text as written): capitals
(`MINISTER VAN INFRASTRUCTUUR EN WATERSTAAT`) become the official spelling, the office
words are capitalised (`Minister-President, Minister van Algemene Zaken`), a ministry's
abbreviation after `van`/`voor` (`Minister van BZ`) becomes its official name, and no
` +1` count: how many signed is `signatories`' business.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

__all__ = ["MINISTRIES", "letter_sender", "movers_sender", "normalise_role"]

# The ministries' (and portfolios') official names by the abbreviations letters use.
MINISTRIES: dict[str, str] = {
    "AZ": "Algemene Zaken",
    "BZ": "Buitenlandse Zaken",
    "BZK": "Binnenlandse Zaken en Koninkrijksrelaties",
    "EZ": "Economische Zaken",
    "EZK": "Economische Zaken en Klimaat",
    "FIN": "Financiën",
    "DEF": "Defensie",
    "IENW": "Infrastructuur en Waterstaat",
    "IENM": "Infrastructuur en Milieu",
    "JENV": "Justitie en Veiligheid",
    "VENJ": "Veiligheid en Justitie",
    "VWS": "Volksgezondheid, Welzijn en Sport",
    "SZW": "Sociale Zaken en Werkgelegenheid",
    "OCW": "Onderwijs, Cultuur en Wetenschap",
    "LNV": "Landbouw, Natuur en Voedselkwaliteit",
    "LVVN": "Landbouw, Visserij, Voedselzekerheid en Natuur",
    "KGG": "Klimaat en Groene Groei",
    "VRO": "Volkshuisvesting en Ruimtelijke Ordening",
    "KR": "Koninkrijksrelaties",
    "BHO": "Buitenlandse Handel en Ontwikkelingssamenwerking",
}

_MOVER_ROLES = frozenset({"indiener", "medeindiener", "mede-indiener"})
_OFFICES = frozenset(
    "minister staatssecretaris minister-president vice-minister-president "
    "viceminister-president vicepremier premier".split()
)
# Words an official name leaves in lower case (`Infrastructuur en Waterstaat`).
_SMALL_WORDS = frozenset(
    "en van voor de het der den op in met tot aan bij of 't mede namens".split()
)

_COUNT = re.compile(r"\s*\+\d+$")
_ARTICLE = re.compile(r"^(?:de|het)\s+", re.IGNORECASE)
_ABBREVIATION = re.compile(r"\b(van|voor)\s+([A-Za-z&]+)\b(?![-\w])")
# Official names written in another case (`buitenlandse zaken`): longest first, so
# `Economische Zaken en Klimaat` wins over `Economische Zaken`.
_OFFICIAL = re.compile(
    "|".join(re.escape(n) for n in sorted(set(MINISTRIES.values()), key=len, reverse=True))
    + r"(?!\w)",
    re.IGNORECASE,
)
_OFFICIAL_BY_LOWER = {name.lower(): name for name in MINISTRIES.values()}


def _from_capitals(text: str) -> str:
    """`MINISTER VAN INFRASTRUCTUUR EN WATERSTAAT` → `minister van Infrastructuur en Waterstaat`.

    The words after the first `van`/`voor` are an official name: capitalised, except the
    small words that such names keep in lower case.
    """
    words = text.lower().split(" ")
    out: list[str] = []
    in_name = False
    for word in words:
        if in_name and word not in _SMALL_WORDS:
            word = word[:1].upper() + word[1:]
        out.append(word)
        in_name = in_name or word in ("van", "voor")
    return " ".join(out)


def _expand(match: re.Match[str]) -> str:
    name = MINISTRIES.get(match.group(2).upper().replace("&", "EN"))
    return f"{match.group(1)} {name}" if name else match.group(0)


def _office(part: str) -> str:
    """`part` with its first word capitalised, an office in every part (`Minister-President`)."""
    first, _, rest = part.partition(" ")
    if first.lower() in _OFFICES:
        first = "-".join(p[:1].upper() + p[1:] for p in first.lower().split("-"))
    else:
        first = first[:1].upper() + first[1:]
    return f"{first} {rest}" if rest else first


def normalise_role(role: str) -> str:
    """A signatory's role (or a committee) as a sender: `DE MINISTER VAN BZ +1` → `Minister van
    Buitenlandse Zaken`. Words that are neither an office nor a known ministry stay as written."""
    text = _COUNT.sub("", " ".join(role.split())).strip(" ,:;")
    text = _ARTICLE.sub("", text)
    # Written in capitals, or its name all in lower case (`minister voor grote steden- en
    # integratiebeleid`, as a heading's sender comes): the name gets its official capitals.
    name = re.split(r"\b(?:van|voor)\s", text, maxsplit=1, flags=re.IGNORECASE)[1:]
    if text and (not any(c.islower() for c in text) or (name and name[0] == name[0].lower())):
        text = _from_capitals(text)
    text = _ABBREVIATION.sub(_expand, text)
    text = _OFFICIAL.sub(lambda m: _OFFICIAL_BY_LOWER[m.group(0).lower()], text)
    # `minister-president, minister van Algemene Zaken`: each office of a combined role.
    parts = text.split(", ")
    return ", ".join(
        _office(p) if i == 0 or p.split(" ", 1)[0].lower() in _OFFICES else p
        for i, p in enumerate(parts)
    )


def movers_sender(names: Iterable[str]) -> str | None:
    """A motie's movers as its sender: `Ceder`, `Inge van Dijk en Grinwis`, `Van Hijum c.s.`."""
    movers = [" ".join(n.split()) for n in names if n.strip()]
    if len(movers) > 2:
        return f"{movers[0]} c.s."
    return " en ".join(movers) or None


def letter_sender(
    kind: str, signatories: Iterable[tuple[str, str]], fallback: str | None = None
) -> str | None:
    """The `sender` of a letter of `kind` signed by (role, name) `signatories`.

    A motie (or a letter signed only by `Indiener`s) is from its movers; another letter from
    the first role among its signatories, else from `fallback` (what the text showed instead:
    a committee, the heading's sender), both normalised by `normalise_role`.
    """
    pairs = list(signatories)
    if pairs and (kind == "motie" or all(r.lower() in _MOVER_ROLES for r, _ in pairs)):
        return movers_sender(name for _, name in pairs)
    if kind == "motie":
        return None
    roles = [role for role, _ in pairs if role]
    source = roles[0] if roles else fallback
    return (normalise_role(source) or None) if source else None
