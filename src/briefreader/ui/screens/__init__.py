"""Screens of the reader: the main reading screen and its dialogs."""
