"""The Textual reader: the only package that imports textual or rich.

Layout: `app.py` (the App, `run_reader`, export), `app.tcss` (the one stylesheet), `screens/`
(the reading screen, the notes view, dialogs), `widgets/` (letter list and table, table of
contents, reader pane and letter view, search bar, notes list), `note_dialogs.py` (the note
dialogs as flows a worker awaits), `matches.py` (a search's matches in the open letter),
`link_flows.py` (following references, what cites a letter, a dossier: flows a worker
awaits), `layout.py` (a letter as wrapped lines) with `header.py` (its header, links in the
text) and `wrapping.py`, `kinds.py` (how documents are named on screen), `state.py` (reading
state over the store), `commands.py` (palette), `clipboard.py` (where `y` also saves),
`workers.py` (ending long thread workers), `screens/keys.py` (the main screen's keys and the
help's groups).

Start-up: the first frame needs the list alone. `ReadingScreen` composes the list, the
contents and the footer; the reader pane and the search bar are mounted just after that frame
(`ReadingScreen.parts()`, awaited by whatever needs them sooner), and dialogs, search, links
and the parser are imported where they are first used. `tests/ui/test_first_frame.py` holds
start-up to that.

Messages up, attributes down: widgets post nested messages (`LetterList.Loaded` / `Opened`,
`LetterView.Moved`, `SearchBar.Found` / `Chosen` / `Closed`, `ReaderPane.Follow`);
`ReadingScreen` handles them (with `@on`; those of the reader pane and the search bar by their
handler names, `on_search_bar_found`, as their classes load after the first frame) and tells
its children what to show; siblings never call each other.

Adding a feature: put a new dialog in `screens/` as a `ModalScreen[Result | None]`; add its
key as a `Binding` (with a description and an id) to `READING_KEYS` (`screens/keys.py`) and an
`action_` method that awaits the dialog in a worker (`@work(group="dialog")`,
`push_screen_wait`) and saves the result off the main thread; list its own bindings in
`keys.reader_help()`. `ReaderPane.here()` says which paragraph the cursor is on;
`ReadingScreen.open_at(letter_id, (section, paragraph))` jumps anywhere.
"""
