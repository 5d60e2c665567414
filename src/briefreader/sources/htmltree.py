"""A small element tree built with the standard library's `html.parser`.

Enough of HTML's rules to read published documents: void elements, a `<p>` or `<li>` closed
by the next one, stray end tags ignored, and nesting capped (`MAX_DEPTH`) so a hostile page
cannot make the walk recurse without end.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser

from briefreader.sources.safexml import MAX_DEPTH

__all__ = ["Node", "build_tree"]

VOID = frozenset("area base br col embed hr img input link meta param source track wbr".split())
BLOCKS = frozenset("p div li dd dt h1 h2 h3 h4 h5 h6 tr table ul ol section blockquote".split())
_CLOSES_P = frozenset("p div h1 h2 h3 h4 h5 h6 ul ol table li dl blockquote pre section".split())


@dataclass
class Node:
    """One element: tag (lower case), attributes, and children (elements and text)."""

    tag: str
    attrs: dict[str, str] = field(default_factory=dict)
    children: list[Node | str] = field(default_factory=list)

    def elements(self) -> Iterator[Node]:
        """The element children."""
        return (c for c in self.children if isinstance(c, Node))

    def text(self, skip: Node | None = None) -> str:
        """All text under this element (without `skip`'s), scripts and styles left out."""
        out: list[str] = []
        stack: list[Node | str] = [self]
        while stack:
            item = stack.pop()
            if isinstance(item, str):
                out.append(item)
            elif item is not skip and item.tag not in ("script", "style"):
                if item.tag == "br":
                    out.append(" ")
                stack.extend(reversed(item.children))
        return "".join(out)

    def lines(self) -> list[str]:
        """The text under this element cut at `<br>` and at block elements, one line each."""
        out: list[str] = [""]
        stack: list[Node | str] = [self]
        while stack:
            item = stack.pop()
            if isinstance(item, str):
                out[-1] += item
            elif item.tag == "br" or item.tag in BLOCKS:
                out.append("")
                stack.extend([*reversed(item.children), "\n"] if item.tag != "br" else [])
            elif item.tag not in ("script", "style"):
                stack.extend(reversed(item.children))
        return [" ".join(x.split()) for line in out for x in line.split("\n") if x.strip()]

    def find_all(self, test: Callable[[Node], bool]) -> Iterator[Node]:
        """Every element under (and including) this one that passes `test`, in order."""
        stack: list[Node] = [self]
        while stack:
            node = stack.pop()
            if test(node):
                yield node
            stack.extend(reversed(list(node.elements())))

    def find(self, test: Callable[[Node], bool]) -> Node | None:
        """The first element that passes `test`, or None."""
        return next(self.find_all(test), None)

    def find_class(self, name: str) -> Node | None:
        """The first element with class `name`."""
        return self.find(lambda n: name in n.attrs.get("class", "").split())


class _Builder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("#document")
        self.stack = [self.root]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        top = self.stack[-1].tag
        if (top == "p" and tag in _CLOSES_P) or (top == tag and tag in ("li", "tr", "td", "dt")):
            self.stack.pop()
        node = Node(tag, {k: v or "" for k, v in attrs})
        self.stack[-1].children.append(node)
        if tag not in VOID and len(self.stack) < MAX_DEPTH:
            self.stack.append(node)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.stack[-1].children.append(Node(tag, {k: v or "" for k, v in attrs}))

    def handle_endtag(self, tag: str) -> None:
        for i in range(len(self.stack) - 1, 0, -1):
            if self.stack[i].tag == tag:
                del self.stack[i:]
                return

    def handle_data(self, data: str) -> None:
        self.stack[-1].children.append(data)


def build_tree(text: str) -> Node:
    """The element tree of an HTML (or XHTML) document."""
    builder = _Builder()
    try:
        builder.feed(text)
        builder.close()
    except AssertionError:
        # The standard library's parser asserts on some damaged declarations (`<![OCTYPE`):
        # read the page again without its declarations (a browser shows none of them).
        builder = _Builder()
        builder.feed(_DECLARATION.sub("", text))
        builder.close()
    return builder.root


_DECLARATION = re.compile(r"<!(?!--)[^>]*>?")
