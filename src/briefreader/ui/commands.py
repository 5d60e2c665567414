"""Command palette entries: go to any letter, go to a section of the open letter."""

from __future__ import annotations

import asyncio
from functools import partial

from textual.command import Hit, Hits, Provider

from briefreader.ui.widgets.letter_list import LetterList
from briefreader.ui.widgets.letter_view import LetterView
from briefreader.ui.widgets.toc import section_label

MAX_HITS = 40


class GoToCommands(Provider):
    """`Letter: <title>` for every letter and `Section: <title>` for the open letter."""

    async def search(self, query: str) -> Hits:
        """Fuzzy-match letter titles and section headings against `query`."""
        screen = self.screen
        matcher = self.matcher(query)
        view = screen.query(LetterView).first(LetterView) if screen.query(LetterView) else None
        if view is not None and view.letter is not None:
            for n, section in enumerate(view.letter.sections):
                label = f"Section: {section_label(section.title)}"
                score = matcher.match(label)
                if score > 0:
                    yield Hit(score, matcher.highlight(label), partial(self._section, view, n))
        lists = screen.query(LetterList)
        if not lists:
            return
        letter_list = lists.first(LetterList)
        found = 0
        for n, entry in enumerate(letter_list.entries):
            if n % 500 == 499:
                await asyncio.sleep(0)  # 10,000 letters: let frames and keys through
            if entry.error:
                continue
            label = f"Letter: {entry.title}"
            score = matcher.match(label)
            if score > 0:
                help_text = " · ".join(
                    x for x in (entry.date.isoformat() if entry.date else "", entry.sender) if x
                )
                command = partial(letter_list.post_message, LetterList.Opened(entry))
                yield Hit(score, matcher.highlight(label), command, help=help_text)
                found += 1
                if found >= MAX_HITS:
                    break

    def _section(self, view: LetterView, section: int) -> None:
        view.go_to_section(section)
        view.focus()
