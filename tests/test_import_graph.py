"""The import graph of briefreader, read from the source: no cycles, and the UI stays in ui/.

Every import counts, wherever it stands: at the top, inside a function (a lazy import) or
under `TYPE_CHECKING`. Importing `a.b.c` also runs the packages `a` and `a.b`, so those are
edges too, except a module's own enclosing packages (Python has begun them already). A name
taken from a package's face (`from briefreader.notes import Store`) depends on that face.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import briefreader

SRC = Path(briefreader.__file__).parent
UI_LIBRARIES = ("textual", "rich")


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(SRC.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


MODULES = {_module_name(p): p for p in sorted(SRC.rglob("*.py")) if "samples" not in p.parts}


def _is_package(name: str) -> bool:
    return MODULES[name].name == "__init__.py"


def _imports(name: str) -> Iterator[tuple[str, str | None]]:
    """(module, imported name or None) for every import statement in module `name`."""
    tree = ast.parse(MODULES[name].read_text(encoding="utf-8"))
    package = name if _is_package(name) else name.rpartition(".")[0]
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name, None
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:  # relative: from the package, `level - 1` steps up
                up = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                base = ".".join(up + ([base] if base else []))
            for alias in node.names:
                yield base, alias.name


def _edges(name: str) -> set[str]:
    """The briefreader modules that importing `name` runs (its own packages aside)."""
    ancestors = {name.rsplit(".", n)[0] for n in range(1, name.count(".") + 1)}
    out: set[str] = set()
    for module, imported in _imports(name):
        targets = set()
        parts = module.split(".")
        for n in range(1, len(parts) + 1):
            prefix = ".".join(parts[:n])
            if prefix in MODULES and prefix not in ancestors:
                targets.add(prefix)  # a package on the way runs its __init__
        if imported is not None and f"{module}.{imported}" in MODULES:
            targets.add(f"{module}.{imported}")  # `from pkg import module`
        elif imported is not None and module in MODULES:
            targets.add(module)  # a name from a module or from a package's face
        out |= targets
    out.discard(name)
    return out


GRAPH = {name: _edges(name) for name in MODULES}


def _cycles() -> list[list[str]]:
    """Every strongly connected group of two or more modules (Tarjan), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(GRAPH[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            group = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                group.append(w)
                if w == v:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for v in sorted(GRAPH):
        if v not in index:
            visit(v)
    return found


def test_the_graph_sees_the_packages_and_their_lazy_imports() -> None:
    assert {"briefreader.cli", "briefreader.notes.store", "briefreader.search.index"} <= set(
        MODULES
    )
    # `main` imports each command's module inside a function: those edges are seen too.
    assert "briefreader.cli.search" in GRAPH["briefreader.cli.main"]
    # importing a module of another package runs that package's face first
    assert "briefreader.notes" in GRAPH["briefreader.export"]


def test_no_import_cycles() -> None:
    assert _cycles() == []


def test_only_ui_imports_textual_or_rich() -> None:
    leaks = sorted(
        (name, module)
        for name in MODULES
        if not name.startswith("briefreader.ui")
        for module, _ in _imports(name)
        if module.split(".")[0] in UI_LIBRARIES
    )
    assert leaks == []


def test_no_module_is_past_400_lines() -> None:
    long = {
        name: n
        for name, path in MODULES.items()
        if (n := len(path.read_text(encoding="utf-8").splitlines())) > 400
    }
    assert long == {}


def test_at_most_a_dozen_modules_loose_in_the_package() -> None:
    loose = sorted(p.name for p in SRC.glob("*.py"))
    assert len(loose) <= 12, loose
