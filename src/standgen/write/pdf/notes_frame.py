"""The body frame: before placing a flowable it reserves, at its foot, room for the notes the
flowable references, and it splits flowables so that the part and its notes fit the page."""

from __future__ import annotations

import copy
from collections.abc import Iterator
from typing import Any

from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Frame
from reportlab.platypus import Paragraph as RLParagraph

from standgen.write.pdf.footnotes import FootnoteKeeper
from standgen.write.pdf.inlines import FOOTNOTE_CALLBACK

REFINE = 4


def _frag_items(frag: Any) -> Iterator[Any]:
    """The fragments of a parsed fragment or of a broken word ([width, (frag, text), ...])."""
    if isinstance(frag, list):
        for item in frag[1:]:
            if isinstance(item, tuple) and item:
                yield item[0]
    else:
        yield frag


def _paragraph_notes(para: RLParagraph) -> Iterator[int]:
    for frag in para.frags or ():
        for item in _frag_items(frag):
            callback = getattr(item, "cbDefn", None)
            if callback is not None and getattr(callback, "name", None) == FOOTNOTE_CALLBACK:
                yield int(callback.label)


def notes_in(flowable: Any) -> Iterator[int]:
    """The footnote numbers whose marks a flowable (or anything nested in it) draws."""
    if isinstance(flowable, RLParagraph):
        yield from _paragraph_notes(flowable)
        return
    if isinstance(flowable, list | tuple):
        for item in flowable:
            yield from notes_in(item)
        return
    if not isinstance(flowable, Flowable):
        return
    for name in ("_cellvalues", "_content", "_flowables"):
        nested = getattr(flowable, name, None)
        if nested:
            yield from notes_in(nested)


class NoteFrame(Frame):  # type: ignore[misc]
    """A frame whose foot grows by the height of the footnotes of what is placed in it."""

    _keeper: FootnoteKeeper
    _reserve: float

    def __init__(self, *args: Any, keeper: FootnoteKeeper, **kwargs: Any) -> None:
        self.__dict__["_keeper"] = keeper
        self.__dict__["_reserve"] = 0.0
        super().__init__(*args, **kwargs)

    def __deepcopy__(self, memo: dict[int, Any]) -> NoteFrame:
        """reportlab copies the current frame to measure lists; the keeper is shared."""
        clone: NoteFrame = copy.copy(self)
        for key, value in self.__dict__.items():
            if key != "_keeper":
                clone.__dict__[key] = copy.deepcopy(value, memo)
        return clone

    def _set_reserve(self, reserve: float) -> None:
        delta = reserve - self._reserve
        self._y1p += delta
        self._aH -= delta
        self._reserve = reserve

    def begin_page(self) -> None:
        """Reset the geometry for a new page and reserve room for carried-over notes."""
        self._geom()
        self._reserve = 0.0
        self._set_reserve(self._keeper.start_page())

    def _room_for(self, flowable: Any) -> float:
        """The reserve needed if `flowable` is placed on this page (never above the text)."""
        fresh = self._keeper.fresh(notes_in(flowable))
        if not fresh:
            return self._reserve
        room: float = min(self._keeper.need_with(fresh), self._y - self._y1)
        return max(self._reserve, room)

    def _after_draw(self) -> None:
        """Match the reserve to the notes really due now that marks have been drawn."""
        need = min(self._keeper.need_with(()), self._y - self._y1)
        self._set_reserve(max(self._reserve, need))
        self._keeper.reserve = self._reserve

    def add(self, flowable: Flowable, canv: Canvas, trySplit: int = 0) -> int:
        before = self._reserve
        self._set_reserve(self._room_for(flowable))
        placed = int(Frame._add(self, flowable, canv, trySplit))
        if placed:
            self._after_draw()
        else:
            self._set_reserve(before)
        return placed

    def split(self, flowable: Flowable, canv: Canvas) -> list[Flowable]:
        before = self._reserve
        reserve = self._room_for(flowable)
        best: list[Flowable] = []
        for attempt in range(REFINE):
            self._set_reserve(reserve)
            parts: list[Flowable] = Frame.split(self, flowable, canv)
            self._set_reserve(before)
            if not parts:
                break
            needed = self._room_for(parts[0])
            if needed > reserve + 0.01 and attempt:
                break
            best = parts
            if needed >= reserve - 0.01:
                break
            reserve = needed
        return best
