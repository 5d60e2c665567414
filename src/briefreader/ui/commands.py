"""Command palette entries: go to any letter, a section of the open letter, or a dossier."""

from __future__ import annotations

import asyncio
from collections import Counter
from functools import partial
from typing import TYPE_CHECKING

from textual.command import Hit, Hits, Matcher, Provider

from briefreader.ui.kinds import kind_label, short_number
from briefreader.ui.widgets.letter_list import LetterList
from briefreader.ui.widgets.toc import section_label

if TYPE_CHECKING:
    from briefreader.ui.widgets.letter_view import LetterView
    from briefreader.ui.widgets.reader_pane import ReaderPane

MAX_HITS = 40


class GoToCommands(Provider):
    """`Letter: <title>` for every letter, `Section: <title>` for the open letter and
    `Dossier: <number>` for every dossier in the library (its documents, oldest first)."""

    async def search(self, query: str) -> Hits:
        """Fuzzy-match letter titles and section headings against `query`."""
        # the reader's parts load after the first frame; the palette opens later
        from briefreader.ui.widgets.letter_view import LetterView
        from briefreader.ui.widgets.reader_pane import ReaderPane

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
        panes = screen.query(ReaderPane)
        if panes:  # a subject from its first letter to its last
            for hit in self._dossiers(letter_list, panes.first(ReaderPane), matcher):
                yield hit
        found = 0
        for n, entry in enumerate(letter_list.entries):
            if n % 500 == 499:
                await asyncio.sleep(0)  # 10,000 letters: let frames and keys through
            if entry.error:
                continue
            number = short_number(entry)  # found by its number too: `21 501-20, nr. 512`
            label = f"Letter: {entry.title}" + (f" ({number})" if number else "")
            score = matcher.match(label)
            if score > 0:
                date = entry.date.isoformat() if entry.date else ""
                kind = kind_label(entry.kind)
                help_text = " · ".join(x for x in (date, kind, entry.sender) if x)
                command = partial(letter_list.post_message, LetterList.Opened(entry))
                yield Hit(score, matcher.highlight(label), command, help=help_text)
                found += 1
                if found >= MAX_HITS:
                    break

    def _dossiers(self, letters: LetterList, pane: ReaderPane, matcher: Matcher) -> list[Hit]:
        counts = Counter(e.dossier for e in letters.entries if e.dossier and not e.error)
        hits = []
        for dossier, count in counts.most_common():
            label = f"Dossier: {dossier} ({count} document{'s' * (count != 1)}, oldest first)"
            score = matcher.match(label)
            if score > 0:
                command = partial(pane.show_dossier, dossier)
                hits.append(Hit(score, matcher.highlight(label), command))
        return hits[:MAX_HITS]

    def _section(self, view: LetterView, section: int) -> None:
        view.go_to_section(section)
        view.focus()
