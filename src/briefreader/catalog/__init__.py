"""The library's machinery, below `library`: which files there are, what is cached, workers.

- `listing`: the files under some folders with their sizes and mtimes (`os.scandir`), and one
  digest of them all.
- `parsecache`: `<cache dir>/letters.sqlite`, parsed letters by file and by id, and the digest
  of the last whole scan.
- `letterblob`: a parsed letter as the cache stores it (compressed JSON, source lines kept).
- `workers`: a function run over chunks of items in worker processes, one per core.

Nothing is imported here: each user imports the module it needs, so that a warm start loads
no more than it uses.
"""
