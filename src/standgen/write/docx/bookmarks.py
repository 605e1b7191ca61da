"""Bookmark names from tree anchors, sanitised to Word's rules, and bookmark placement."""

from __future__ import annotations

import re
import unicodedata

from docx.oxml.ns import qn

from standgen.write.docx.oxml import Element, el

MAX_LENGTH = 40


def sanitise(anchor: str) -> str:
    """A Word bookmark name: ASCII letters, digits and underscores, starting with a letter."""
    ascii_text = unicodedata.normalize("NFKD", anchor).encode("ascii", "ignore").decode()
    name = re.sub(r"[^A-Za-z0-9_]", "_", ascii_text)
    if not name or not name[0].isalpha():
        name = "a_" + name
    return name[:MAX_LENGTH]


class Bookmarks:
    """Hands out unique bookmark names and ids, remembering the name for each anchor."""

    def __init__(self) -> None:
        self._names: dict[str, str] = {}
        self._used: set[str] = set()
        self._next_id = 1

    def name(self, anchor: str) -> str:
        """The unique bookmark name of `anchor` (the same on every call)."""
        if anchor in self._names:
            return self._names[anchor]
        base = sanitise(anchor)
        name, counter = base, 2
        while name.lower() in self._used:
            suffix = f"_{counter}"
            name = base[: MAX_LENGTH - len(suffix)] + suffix
            counter += 1
        self._used.add(name.lower())
        self._names[anchor] = name
        return name

    def next_id(self) -> str:
        """A bookmark id not used before in this document."""
        ident = str(self._next_id)
        self._next_id += 1
        return ident

    def wrap(self, p: Element, anchor: str) -> None:
        """Put a bookmark named from `anchor` around the content of paragraph `p`."""
        ident = str(self._next_id)
        self._next_id += 1
        span(p, p, self.name(anchor), ident)


def span(first: Element, last: Element, name: str, ident: str) -> None:
    """Put a bookmark `name` from the start of paragraph `first` to the end of `last`."""
    start = el("w:bookmarkStart", {"w:id": ident, "w:name": name})
    ppr = first.find(qn("w:pPr"))
    if ppr is not None:
        ppr.addnext(start)
    else:
        first.insert(0, start)
    last.append(el("w:bookmarkEnd", {"w:id": ident}))
