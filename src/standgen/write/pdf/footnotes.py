"""Footnotes at the foot of the page on which they are referenced, placed in the same pass.

Before a flowable is placed, the body frame (`notes_frame.NoteFrame`) reserves at its foot the
height of the notes that flowable references, so text and notes share the page without a
second layout pass. Each footnote mark reports itself through a canvas callback when drawn; at
the end of the page the due notes are drawn into the reserved space. A note longer than the
largest foot area is split and its rest carried to the next page's foot, so none is lost.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable
from reportlab.platypus import Paragraph as RLParagraph

from standgen.compose import tree as t
from standgen.write.pdf.inlines import FOOTNOTE_CALLBACK, to_markup
from standgen.write.pdf.para import Para
from standgen.write.pdf.styles import RULE_GREY, TEXT_HEIGHT, TEXT_WIDTH, Styles
from standgen.write.pdf.tagging.tagger import tagger_of

RULE_GAP = 7.0
RULE_LENGTH = 45 * mm
NOTE_GAP = 2.0
MAX_SHARE = 0.5
CAP = float(TEXT_HEIGHT) * MAX_SHARE


@dataclass
class NoteLog:
    """What the pass learned: the page of each note and the notes whose mark was drawn."""

    placed: dict[int, int] = field(default_factory=dict)
    seen: set[int] = field(default_factory=set)

    def unplaced(self) -> list[int]:
        """Notes whose mark was drawn but whose text was not."""
        return sorted(self.seen - set(self.placed))


@dataclass
class Piece:
    """A note, or the rest of a note that was split, waiting for a page foot."""

    number: int
    paragraph: RLParagraph
    height: float
    first: bool = True


def area_height(pieces: Iterable[Piece]) -> float:
    """The space a footnote area with these pieces takes, rule included."""
    heights = [p.height for p in pieces]
    if not heights:
        return 0.0
    return RULE_GAP + sum(h + NOTE_GAP for h in heights)


class FootnoteKeeper:
    """Collects the marks drawn on a page and draws their notes at the page's foot."""

    def __init__(self, notes: dict[int, tuple[t.Inline, ...]], styles: Styles,
                 page_of: Callable[[], int]) -> None:
        self._notes = notes
        self._styles = styles
        self._page_of = page_of
        self._made: dict[int, Piece] = {}
        self.pending: list[Piece] = []
        self.reserve = 0.0
        self.log = NoteLog()

    def install(self, canv: Canvas) -> None:
        """Make the canvas call us when a footnote mark is drawn."""
        canv.setNamedCB(FOOTNOTE_CALLBACK, self._on_mark)

    def _piece(self, number: int) -> Piece:
        if number not in self._made:
            para = Para(to_markup(self._notes[number], notes=False),
                        self._styles.footnote, bulletText=str(number))
            height = para.wrap(TEXT_WIDTH, TEXT_HEIGHT)[1]
            self._made[number] = Piece(number, para, height)
        return self._made[number]

    def _on_mark(self, canv: Canvas, kind: str, label: str | None) -> None:
        number = int(label or 0)
        if number in self._notes and number not in self.log.seen:
            self.log.seen.add(number)
            piece = self._piece(number)
            tagger = tagger_of(canv)
            if tagger is not None and isinstance(piece.paragraph, Para):
                piece.paragraph.struct = tagger.note(number)
            self.pending.append(piece)

    def fresh(self, numbers: Iterable[int]) -> list[int]:
        """The numbers among `numbers` whose note has not been set yet, without repeats."""
        seen = self.log.seen
        return list(dict.fromkeys(n for n in numbers if n in self._notes and n not in seen))

    def need_with(self, numbers: Iterable[int]) -> float:
        """The foot area (capped) this page needs if the notes `numbers` join it."""
        extra = [self._piece(n) for n in self.fresh(numbers)]
        return min(area_height([*self.pending, *extra]), CAP)

    def start_page(self) -> float:
        """At a page's start: the space the notes carried over need; becomes the reserve."""
        self.reserve = min(area_height(self.pending), CAP)
        return self.reserve

    def take(self, space: float) -> list[Piece]:
        """Remove and return the leading pieces that fit in `space`, splitting one if needed."""
        chosen: list[Piece] = []
        while self.pending:
            piece = self.pending[0]
            room = space - area_height(chosen) - (0 if chosen else RULE_GAP) - NOTE_GAP
            if piece.height <= room + 0.01:
                chosen.append(self.pending.pop(0))
                continue
            parts = piece.paragraph.split(TEXT_WIDTH, room) if room > 0 else []
            if len(parts) == 2:
                head = Piece(piece.number, parts[0], parts[0].wrap(TEXT_WIDTH, room)[1],
                             piece.first)
                tail_height = parts[1].wrap(TEXT_WIDTH, TEXT_HEIGHT)[1]
                self.pending[0] = Piece(piece.number, parts[1], tail_height, False)
                chosen.append(head)
            break
        return chosen

    def draw(self, canv: Canvas, pieces: list[Piece], x: float, top: float) -> None:
        """Draw the rule and the pieces downwards from `top`."""
        canv.saveState()
        canv.setStrokeColor(RULE_GREY)
        canv.setLineWidth(0.5)
        canv.line(x, top - RULE_GAP / 2, x + RULE_LENGTH, top - RULE_GAP / 2)
        canv.restoreState()
        y = top - RULE_GAP
        for piece in pieces:
            height = piece.paragraph.wrap(TEXT_WIDTH, TEXT_HEIGHT)[1]
            y -= height + NOTE_GAP
            piece.paragraph.drawOn(canv, x, y)
            if piece.first:
                self.log.placed.setdefault(piece.number, self._page_of())

    def end_page(self, canv: Canvas, x: float, bottom: float) -> None:
        """At the end of a page: draw the due notes that fit; the rest waits for the next."""
        chosen = self.take(self.reserve)
        if chosen:
            self.draw(canv, chosen, x, bottom + self.reserve)
        self.reserve = 0.0


def _nothing(frame: Any) -> None:
    """A frame action that does nothing."""


class NoteDrain(Flowable):  # type: ignore[misc]
    """Placed after the last block: when notes are left over after the last page's foot,
    it continues on fresh pages and sets them there."""

    def __init__(self, keeper: FootnoteKeeper, part: bool = False) -> None:
        super().__init__()
        self._keeper = keeper
        self._part = part
        self._box = 0.0
        self._move_on = False

    @property
    def _ZEROSIZE(self) -> bool:  # reportlab's attribute name
        return not self._part and not self._keeper.pending

    @property
    def frameAction(self) -> Callable[[Any], None] | None:  # reportlab's attribute name
        """With no notes left to set, the drain is placed without a fit check: a page that
        ends a hair overfull (its notes' room grew after the last block) then needs no
        page of its own."""
        if self._part or self._keeper.pending:
            return None
        return _nothing

    def wrap(self, aW: float, aH: float) -> tuple[float, float]:
        need = area_height(self._keeper.pending)
        frame = getattr(self, "_frame", None)
        at_top = bool(getattr(frame, "_atTop", True))
        self._move_on = False
        if self._part:
            self._box = aH
        elif need <= self._keeper.reserve + 0.01:
            self._box = 0.0
        elif not at_top:
            self._move_on = True
            self._box = aH + 1
        else:
            self._box = aH if need <= aH else aH + 1
        return aW, self._box

    def split(self, aW: float, aH: float) -> list[Flowable]:
        if self._move_on:
            return []
        return [NoteDrain(self._keeper, part=True), NoteDrain(self._keeper)]

    def draw(self) -> None:
        if self._box:
            chosen = self._keeper.take(self._box)
            if chosen:
                self._keeper.draw(self.canv, chosen, 0, area_height(chosen))
