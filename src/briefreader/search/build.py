"""What the index stores of a letter, made apart from the database: in worker processes.

Reading a cached letter, cutting it into blocks and normalising their words is most of the
work of indexing, and pure Python: `prepare_letters` does it for a chunk of letters in a
worker process (every core takes part), and the index only writes the rows it gets back.
A letter is read from the parse cache (`letters.sqlite`), or parsed from its file when the
cache lacks it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from briefreader.catalog.parsecache import ParseCache
from briefreader.errors import UserError
from briefreader.library import Library
from briefreader.model import Letter
from briefreader.search.fts import pack_text
from briefreader.search.normalize import WORD, normalize
from briefreader.search.query import letter_number, own_dossier
from briefreader.search.rank import KINDS, letter_blocks

Job = tuple[str | None, str, str]  # parse cache file (or None), letter id, its file
POOL_MIN = 200  # letters to index before it pays to start worker processes


@dataclass(frozen=True, slots=True)
class Prepared:
    """One letter as the index stores it, before it has row numbers."""

    id: str
    title: str
    date: str | None
    number: str | None
    dossier: str | None
    sub: str | None
    identifier: str | None  # the official id (`kst-36045-151`), for reference look-ups
    blocks: list[tuple[int, int, int, int | None, str | bytes]]  # kind, section, para, fn, text
    norms: list[str]  # the normalised text of each block, for FTS5
    counts: dict[str, int]  # blocks per normalised word


def prepare(letter: Letter) -> Prepared:
    """The rows of one letter (in the process that has it)."""
    blocks = letter_blocks(letter)
    norms = [normalize(b.text) for b in blocks]
    counts: Counter[str] = Counter()
    for norm in norms:
        counts.update(set(WORD.findall(norm)))
    dossier = own_dossier(letter.references)
    return Prepared(
        letter.id,
        letter.title,
        letter.date.isoformat() if letter.date else None,
        letter_number(letter.number),
        dossier[0] if dossier else None,
        dossier[1] if dossier else None,
        letter.identifier,
        [
            (KINDS.index(b.kind), b.section_index, b.paragraph_index, b.footnote, pack_text(b.text))
            for b in blocks
        ],
        norms,
        dict(counts),
    )


_caches: dict[str, ParseCache] = {}  # per worker process: one connection per cache file


def prepare_letters(jobs: Sequence[Job]) -> list[Prepared]:
    """`prepare` for each letter of a chunk (run in worker processes by `SearchIndex.update`).

    A letter that is neither cached nor readable as it was (changed or gone since the scan)
    is left out: the next update tries again.
    """
    out = []
    for cache_file, letter_id, source in jobs:
        letter = None
        if cache_file is not None:
            cache = _caches.get(cache_file) or _caches.setdefault(
                cache_file, ParseCache(Path(cache_file))
            )
            letter = cache.letter(letter_id, source)
        if letter is None:
            from briefreader.sources import read_document

            try:
                letter = read_document(Path(source))
            except (UserError, OSError, ValueError):
                continue
        if letter.id == letter_id:
            out.append(prepare(letter))
    return out


def prepare_all(
    library: Library, ids: list[str], write: Callable[[int, list[Prepared]], None], batch: int
) -> None:
    """`prepare` the letters `ids` of `library`, `batch` at a time, in worker processes when
    there are many, and hand each batch to `write(how many ids, prepared)` in the order of
    `ids` (oldest letters first: the index numbers its rows in that order)."""
    from briefreader.catalog.workers import chunked, run_chunks

    cache = None if library.cache.path is None else str(library.cache.path)
    jobs = [(cache, e.id, str(e.path)) for i in ids if (e := library.entry(i)) is not None]
    chunks = chunked(jobs, batch)
    order = {id(chunk): n for n, chunk in enumerate(chunks)}
    waiting: dict[int, list[Prepared]] = {}
    written = 0

    def store(chunk: Sequence[Job], prepared: list[Prepared]) -> None:
        nonlocal written  # chunks finish in any order; they are written in theirs
        waiting[order[id(chunk)]] = prepared
        while written in waiting:
            write(len(chunks[written]), waiting.pop(written))
            written += 1

    if len(jobs) >= POOL_MIN and cache is not None:
        run_chunks(prepare_letters, chunks, store)  # on every core
        return
    for chunk in chunks:
        prepared = []
        for _, letter_id, _ in chunk:
            try:
                prepared.append(prepare(library.letter(letter_id)))
            except (KeyError, UserError, OSError, ValueError):
                continue  # gone or unreadable since the scan: the next update retries
            library.forget(letter_id)  # ten thousand letters need not stay in memory
        store(chunk, prepared)
