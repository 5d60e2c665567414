"""An ordered table of named rules, each for all kinds or for some: the parser's spine.

As in markdown-it-py's `Ruler`, the parser is a list of small rules run in order; a new
layout is a new rule put in its place (`before="heading"`), never another branch inside an
existing rule. `table.py` holds the parser's tables and the one line that registers each rule.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Generic, TypeVar

__all__ = ["Rule", "Ruler"]

F = TypeVar("F", bound=Callable[..., object])


@dataclass(frozen=True, slots=True)
class Rule(Generic[F]):
    """One rule: its name, the function, and the kinds it applies to (None: every kind)."""

    name: str
    run: F
    kinds: frozenset[str] | None = None


class Ruler(Generic[F]):
    """Rules in the order they run; `for_kind` gives those that apply to a document's kind."""

    def __init__(self) -> None:
        self._rules: list[Rule[F]] = []
        self._cache: dict[str | None, list[F]] = {}
        self._rules_cache: dict[str | None, list[Rule[F]]] = {}

    def add(
        self,
        name: str,
        run: F,
        *,
        kinds: Iterable[str] | None = None,
        before: str | None = None,
        after: str | None = None,
    ) -> None:
        """Add a rule at the end, or just before / after the rule named so."""
        if any(r.name == name for r in self._rules):
            raise ValueError(f"rule {name!r} is already in the table")
        rule = Rule(name, run, frozenset(kinds) if kinds is not None else None)
        anchor = before or after
        if anchor is None:
            self._rules.append(rule)
        else:
            at = self.index(anchor) + (1 if after else 0)
            self._rules.insert(at, rule)
        self._cache.clear()
        self._rules_cache.clear()

    def remove(self, name: str) -> None:
        """Take the rule named `name` out of the table."""
        del self._rules[self.index(name)]
        self._cache.clear()
        self._rules_cache.clear()

    def index(self, name: str) -> int:
        """Position of the rule named `name`; `KeyError` when there is none."""
        for i, rule in enumerate(self._rules):
            if rule.name == name:
                return i
        raise KeyError(name)

    def names(self) -> list[str]:
        """The rules' names in order."""
        return [r.name for r in self._rules]

    def rules_for(self, kind: str | None) -> list[Rule[F]]:
        """The rules that apply to `kind`, in order (cached: the list is not to be changed)."""
        found = self._rules_cache.get(kind)
        if found is None:
            found = [r for r in self._rules if r.kinds is None or kind in r.kinds]
            self._rules_cache[kind] = found
        return found

    def for_kind(self, kind: str | None) -> list[F]:
        """The functions of the rules that apply to `kind`, in order (cached)."""
        found = self._cache.get(kind)
        if found is None:
            found = [r.run for r in self._rules if r.kinds is None or kind in r.kinds]
            self._cache[kind] = found
        return found
