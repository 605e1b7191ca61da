"""Marked content while drawing: every page is an artifact except what a tagged flowable
draws, which becomes a marked-content sequence owned by its structure element."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from reportlab.pdfgen.canvas import Canvas

from standgen.compose import tree as t
from standgen.write.pdf.tagging.elements import MarkedRef, ObjectRef, StructElem

OPEN_ARTIFACT = "/Artifact BMC"
CLOSE = "EMC"
DRAWN = "_standgen_drawn"


class Tagger:
    """The structure tree of one layout pass and the marked content of the current page."""

    def __init__(self, language: str, words: t.Words) -> None:
        self.root = StructElem("Document")
        self.language = language
        self.words = words
        self.page_kids: list[StructElem] = []
        self.parent_tree: dict[int, StructElem | list[StructElem]] = {}
        self.page_keys: dict[str, int] = {}
        self.notes: dict[int, StructElem] = {}
        self.link_texts: dict[str, str] = {}
        self._next_key = 0
        self._current: list[StructElem] = []

    @property
    def current(self) -> StructElem:
        """The element whose content is being drawn (the root between leaves)."""
        return self._current[-1] if self._current else self.root

    def _key(self) -> int:
        key = self._next_key
        self._next_key += 1
        return key

    def open(self, canv: Canvas, elem: StructElem) -> None:
        """Leave the page's artifact and start a marked-content sequence owned by `elem`."""
        mcid = len(self.page_kids)
        self.page_kids.append(elem)
        page = canv._doc.thisPageName()
        elem.page = elem.page or page
        elem.kids.append(MarkedRef(page, mcid))
        canv.addLiteral(f"{CLOSE} /{elem.kind} <</MCID {mcid}>> BDC")
        self._current.append(elem)

    def close(self, canv: Canvas) -> None:
        """End the current sequence and return to the page's artifact."""
        self._current.pop()
        canv.addLiteral(f"{CLOSE} {OPEN_ARTIFACT}")

    @contextmanager
    def content(self, canv: Canvas, elem: StructElem, flowable: object) -> Iterator[bool]:
        """Mark what `flowable` draws as `elem`'s content; drawn again (a repeated table
        header) it is a pagination artifact, and inside another sequence it belongs to that
        one. Yields True when marked."""
        first = not getattr(flowable, DRAWN, False)
        setattr(flowable, DRAWN, True)
        if self._current:
            yield False
            return
        if not first:
            with self.pagination(canv, None):
                yield False
            return
        self.open(canv, elem)
        try:
            yield True
        finally:
            self.close(canv)

    @contextmanager
    def pagination(self, canv: Canvas, subtype: str | None) -> Iterator[None]:
        """Mark what is drawn inside as a pagination artifact (running header, footer,
        page number, marking), so readers know it repeats on every page."""
        extra = f" /Subtype /{subtype}" if subtype else ""
        canv.addLiteral(f"/Artifact <</Type /Pagination{extra}>> BDC")
        try:
            yield
        finally:
            canv.addLiteral(CLOSE)

    def note(self, number: int) -> StructElem:
        """The Note element of footnote `number`, made where its mark is drawn."""
        if number not in self.notes:
            self.notes[number] = self.current.add("Note", ident=f"voetnoot-{number}")
        return self.notes[number]

    def annotation(self, canv: Canvas, name: str, text: str) -> int:
        """Own an annotation by a Link element; returns its StructParent key. A Link made
        here (inside a paragraph) holds no text of its own, so `text` becomes its Alt."""
        parent = self.current
        link = parent if parent.kind == "Link" else parent.add("Link", alt=text)
        page = canv._doc.thisPageName()
        link.page = link.page or page
        link.kids.append(ObjectRef(page, name))
        key = self._key()
        self.parent_tree[key] = link
        return key

    def end_page(self, page: str) -> int | None:
        """At the end of a page: its StructParents key (None when nothing on it is tagged)."""
        kids, self.page_kids = self.page_kids, []
        if not kids:
            return None
        key = self._key()
        self.parent_tree[key] = kids
        self.page_keys[page] = key
        return key


def tagger_of(canv: Any) -> Tagger | None:
    """The tagger installed on a canvas, if the document is tagged."""
    tagger = getattr(canv, "standgen_tagger", None)
    return tagger if isinstance(tagger, Tagger) else None
