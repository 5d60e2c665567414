"""The Textual reader: the only package that imports textual or rich.

Layout: `app.py` (the App, `run_reader`), `app.tcss` (the one stylesheet), `screens/` (the
reading screen, its search half, dialogs), `widgets/` (letter list and table, table of
contents, letter view, search bar), `layout.py` (a letter as wrapped lines), `state.py`
(reading state over the store), `commands.py` (palette), `clipboard.py` (quoting).

Adding a feature: put a new dialog in `screens/` as a `ModalScreen[Result | None]`; add its
key as a `Binding` (with a description and an id) to `ReadingScreen.BINDINGS` and an
`action_` method there that pushes the dialog and saves the result; list its own bindings in
`ReadingScreen.help_groups()`. `ReadingScreen.current_passage()` says what the cursor is on;
`ReadingScreen.open_at(letter_id, (section, paragraph))` jumps anywhere.
"""
