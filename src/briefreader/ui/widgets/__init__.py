"""Widgets of the reader: letter list, table of contents, letter view, status line."""
