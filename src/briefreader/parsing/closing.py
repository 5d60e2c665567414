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
vriendelijke groet,`) belongs to the closing block too. A report offered by a college (the
Algemene Rekenkamer) is signed at the top, under the cover sentence: the college's name over
`drs. Saskia J. Stuiveling, president` lines (`cover_signature_stage`).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from briefreader.parsing import motie
from briefreader.parsing.lines import Line, ends_sentence
from briefreader.parsing.state import ParseState

__all__ = ["CLOSING_RULES", "cover_signature_stage", "take_closing"]

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

_ADDRESSEE = re.compile(
    r"^(?:Aan\s+)?[Dd]e\s+[Vv]oorzitter\s+van\s+de\s+(?:Tweede|Eerste)\s+Kamer\b"
)
_POSTCODE = re.compile(r"\b\d{4}\s?[A-Z]{2}\b")

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


def _above_addressee(lines: list[Line], start: int, end: int) -> int:
    """Where the text stops above an addressee's block printed after the signature
    (`De Voorzitter van de Tweede Kamer` / `der Staten-Generaal` / `Postbus 20018` / …)."""
    for top in range(max(start, end - 6), end):
        text = lines[top].text
        if text[0] in "DA" and _ADDRESSEE.match(text) and lines[top].gap > 0:
            tail = " ".join(ln.text for ln in lines[top:end])
            return top if top > start and ("Postbus" in tail or _POSTCODE.search(tail)) else end
    return end


CLOSING_RULES: tuple[ClosingRule, ...] = (
    role_over_name,
    role_and_name,
    name_over_role,
    motie.movers,
)


def take_closing(lines: list[Line], start: int) -> tuple[list[Signer], int]:
    """Signatories (role, name) of the closing block; return them and where the block starts."""
    pairs: list[Signer] = []
    end = _above_addressee(lines, start, len(lines))
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


# `drs. Saskia J. Stuiveling, president`, `dr. Ellen M.A. van Schoten RA, secretaris`: academic
# titles before the name and post-nominals after it are no part of the name.
_NAME_OFFICE = re.compile(
    r"^(?:(?:mr|dr|drs|ir|ing|prof|mw|dhr)\.\s*)*(?P<name>[A-Z][\w.'’ -]{1,60}?)"
    r"(?:\s+(?:RA|RE|RC|MBA|LLM|MSc|MA|PhD))*,\s+"
    r"(?P<office>president|vicepresident|secretaris|voorzitter|griffier|directeur|collegelid)$"
)
_COVER_WINDOW = 40


def cover_signature_stage(state: ParseState) -> None:
    """Signatories printed under a report's cover sentence, near the top: the college's name
    (`Algemene Rekenkamer`) over one `name, office` line per signer; taken out of the text."""
    if state.pairs:
        return
    body, start = state.body, state.start
    stop = min(state.end, start + _COVER_WINDOW)
    for i in range(start + 1, stop):
        text = body[i].text
        if not text[0].isupper() or ends_sentence(text) or body[i].gap == 0:
            continue
        j = i + 1
        signers: list[Signer] = []
        while j < stop and (m := _NAME_OFFICE.match(body[j].text)):
            signers.append((f"{m['office']} van de {text}", m["name"].strip()))
            j += 1
        if signers:
            state.pairs = signers
            del body[i:j]
            state.end -= j - i
            return
