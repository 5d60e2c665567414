"""The core never imports the UI: only briefreader.ui may load textual or rich."""

from __future__ import annotations

import pkgutil
import subprocess
import sys
from pathlib import Path

import briefreader

CORE = sorted(
    m.name
    for m in pkgutil.walk_packages(briefreader.__path__, prefix="briefreader.")
    if not m.name.startswith("briefreader.ui") and m.name != "briefreader.__main__"
)


def test_core_modules_found() -> None:
    assert {"briefreader.cli", "briefreader.parsing.rules", "briefreader.library"} <= set(CORE)


def test_no_core_module_loads_textual_or_rich() -> None:
    code = (
        "import importlib, sys\n"
        f"for name in {CORE!r}:\n"
        "    importlib.import_module(name)\n"
        "    leaked = [m for m in ('textual', 'rich') if m in sys.modules]\n"
        "    assert not leaked, (name, leaked)\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr


def test_nothing_but_locations_imports_platformdirs() -> None:
    src = Path(briefreader.__file__).parent
    users = sorted(
        str(p.relative_to(src))
        for p in src.rglob("*.py")
        if "import platformdirs" in p.read_text(encoding="utf-8")
    )
    assert users == ["locations.py"]
