"""briefreader: a terminal reader for Dutch parliamentary letters."""

__version__ = "0.1.0"
