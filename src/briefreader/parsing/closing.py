"""The closing block of a letter: who signed it, read from the end by small rules.

Letters sign off in a few shapes, each a rule here, tried in order on the last lines:

- the role, with its comma, over the name (`De minister van Buitenlandse Zaken,` / `U.
  Rosenthal`), with or without a blank line between, the role wrapping over two lines;
- role and name on one line, as the websites print it (`De Minister van Defensie,
  A.Th.B. Bijleveld-Schouten`);
- on a ministry letterhead, the name over the role without a comma (`M.A.M. Adriaansens` /
  `Minister van Economische Zaken en Klimaat`);
- a motie's movers, one name a line under `en gaat over tot de orde van de dag.`.

Several signers stack up from the end; a valediction above them (`Hoogachtend,`, `Met
vriendelijke groet,`) belongs to the closing block too.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from briefreader.parsing import motie
from briefreader.parsing.lines import Line

__all__ = ["CLOSING_RULES", "take_closing"]

# `De Minister van …,`, `DE MINISTER …,`, and on letterhead also `de minister van …,`
_ROLE = re.compile(r"^(?:De|Het|DE|HET|de|het)\s+\S.{2,150},$")
_NAME = re.compile(r"^(?:[a-z]{2,5}\.\s*)*[A-Z][\w.'’ -]{1,60}$")
_INITIALS_NAME = (
    r"(?:[A-Z][a-z]{0,2}\.\s?){1,6}(?:(?:van|de|der|den|ten|ter|von|le|la|in\s't)\s+)*"
    r"[A-Z][\w'’-]+(?:\s+(?:(?:van|de|der|den)\s+)*[A-Z][\w'’-]+){0,3}"
)
_ROLE_AND_NAME = re.compile(rf"^(?P<role>(?:De|Het)\s+\S.{{2,150}}),\s+(?P<name>{_INITIALS_NAME})$")
# A letterhead signature's role line: `Minister van …`, `Staatssecretaris van …`, no comma.
_BARE_ROLE = re.compile(
    r"^(?:de\s+|De\s+)?(?:[Mm]inister|[Ss]taatssecretaris|[Mm]inister-[Pp]resident)\b.{0,120}[^,.]$"
)
_PERSON = re.compile(
    rf"^(?:{_INITIALS_NAME}|[A-Z][a-z]+(?:\s+(?:van|de|der|den)\b)*\s+[A-Z][\w'’-]+)$"
)
_VALEDICTION = re.compile(
    r"^(?:Hoogachtend|Met (?:de meeste |vriendelijke )?(?:hoogachting|groet(?:en)?)),?$",
    re.IGNORECASE,
)

Signer = tuple[str, str]
# A rule sees the lines, the lowest index it may use and the end of what is left; it gives
# the signer found right above `end` and where that signer's lines start, or None.
ClosingRule = Callable[[list[Line], int, int], tuple[Signer, int] | None]


def role_over_name(lines: list[Line], start: int, end: int) -> tuple[Signer, int] | None:
    """`De minister van …,` / `U. Rosenthal` (the role may wrap over two lines)."""
    # Word letters leave room for the signature: a few blank lines above the name
    if end - start < 2 or lines[end - 1].gap > 4:
        return None
    name = lines[end - 1].text
    role_at = end - 2
    if not _ROLE.match(lines[role_at].text) and role_at - 1 >= start:
        joined = lines[role_at - 1].text + " " + lines[role_at].text
        if _ROLE.match(joined) and lines[role_at].gap == 0:
            role_at -= 1
    role = " ".join(ln.text for ln in lines[role_at : end - 1])
    if not (_ROLE.match(role) and _NAME.match(name) and len(name.split()) <= 6):
        return None
    return (role[:-1].strip(), name.strip()), role_at


def role_and_name(lines: list[Line], start: int, end: int) -> tuple[Signer, int] | None:
    """`De Minister van Defensie, A.Th.B. Bijleveld-Schouten` on one line."""
    if end - start < 1:
        return None
    m = _ROLE_AND_NAME.match(lines[end - 1].text)
    if not m:
        return None
    return (m.group("role").strip(), m.group("name").strip()), end - 1


def name_over_role(lines: list[Line], start: int, end: int) -> tuple[Signer, int] | None:
    """`M.A.M. Adriaansens` / `Minister van Economische Zaken en Klimaat` (letterhead)."""
    if end - start < 2 or lines[end - 1].gap > 0:
        return None
    role, name = lines[end - 1].text, lines[end - 2].text
    if not (_BARE_ROLE.match(role) and _PERSON.match(name)):
        return None
    return (role, name), end - 2


CLOSING_RULES: tuple[ClosingRule, ...] = (
    role_over_name,
    role_and_name,
    name_over_role,
    motie.movers,
)


def take_closing(lines: list[Line], start: int) -> tuple[list[Signer], int]:
    """Signatories (role, name) of the closing block; return them and where the block starts."""
    pairs: list[Signer] = []
    end = len(lines)
    while end > start:
        found = next((hit for rule in CLOSING_RULES if (hit := rule(lines, start, end))), None)
        if found is None:
            break
        pairs.append(found[0])
        end = found[1]
    pairs.reverse()
    if pairs and end - 1 >= start and _VALEDICTION.match(lines[end - 1].text):
        end -= 1
    return pairs, end
