"""A folder for the link tests: a letter citing `Kamerstuk 21 501-20, nr. 512` (in the folder)
and `Kamerstuk 36 045, nr. 151` (not in it), and the cited letter itself."""

from __future__ import annotations

import shutil
from pathlib import Path

DOCS = Path(__file__).parents[1] / "documents" / "docs"
EUROTOP = "010_kst-21501-20-512_bz_euro-zone-top.txt"
CITING = """Aan de Voorzitter van de Tweede Kamer der Staten-Generaal

Den Haag, 12 maart 2024

Betreft: Vervolg op de eurotop

Geachte voorzitter,

Hierbij informeer ik uw Kamer over het vervolg op de eurotop, waarover ik u eerder schreef \
(Kamerstuk 21 501-20, nr. 512).

De Kamer vroeg ook naar de begroting; zie daarvoor de brief van vorig jaar (Kamerstuk 36 045, \
nr. 151).

Beide brieven hangen samen met de bankenunie (Kamerstuk 21 501-20, nr. 512 en Kamerstuk \
36 045, nr. 151).

Hoogachtend,

De Minister van Buitenlandse Zaken,

W.B. Hoekstra
"""


def citing_folder(root: Path) -> Path:
    """A folder with a letter that cites `Kamerstuk 21 501-20, nr. 512`, and that letter."""
    folder = root / "letters"
    folder.mkdir()
    shutil.copy(DOCS / EUROTOP, folder / EUROTOP)
    (folder / "vervolg-eurotop.txt").write_text(CITING, encoding="utf-8")
    return folder
