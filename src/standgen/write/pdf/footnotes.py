"""Footnotes at the foot of the page on which they are referenced.

While a page is drawn, each footnote mark reports itself through a canvas callback. At the
end of the page the notes due are drawn into the space reserved at the foot of the frame;
the reservation per page comes from the previous layout pass. What does not fit (a very long
note is split) is carried to the next page's foot, so no note is ever lost.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable
from reportlab.platypus import Paragraph as RLParagraph

from standgen.compose import tree as t
from standgen.write.pdf.inlines import FOOTNOTE_CALLBACK, to_markup
from standgen.write.pdf.styles import RULE_GREY, TEXT_HEIGHT, TEXT_WIDTH, Styles

RULE_GAP = 7.0
RULE_LENGTH = 45 * mm
NOTE_GAP = 2.0
MAX_SHARE = 0.5


@dataclass
class NoteLog:
    """What one pass learned: the space each page needed and the page of each note."""

    needed: dict[int, float] = field(default_factory=dict)
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
    due: int
    first: bool = True
    forced: bool = False


def area_height(pieces: list[Piece]) -> float:
    """The space a footnote area with these pieces takes, rule included."""
    if not pieces:
        return 0.0
    return RULE_GAP + sum(p.height + NOTE_GAP for p in pieces)


class FootnoteKeeper:
    """Collects the marks drawn on a page and draws their notes at the page's foot."""

    def __init__(self, notes: dict[int, tuple[t.Inline, ...]], styles: Styles,
                 page_of: Callable[[], int]) -> None:
        self._notes = notes
        self._styles = styles
        self._page_of = page_of
        self.pending: list[Piece] = []
        self.log = NoteLog()
        self._seen = self.log.seen

    def install(self, canv: Canvas) -> None:
        """Make the canvas call us when a footnote mark is drawn."""
        canv.setNamedCB(FOOTNOTE_CALLBACK, self._on_mark)

    def _on_mark(self, canv: Canvas, kind: str, label: str | None) -> None:
        number = int(label or 0)
        if number in self._notes and number not in self._seen:
            self._seen.add(number)
            para = RLParagraph(to_markup(self._notes[number], notes=False),
                               self._styles.footnote, bulletText=str(number))
            height = para.wrap(TEXT_WIDTH, TEXT_HEIGHT)[1]
            self.pending.append(Piece(number, para, height, self._page_of()))

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
                             piece.due, piece.first)
                tail_height = parts[1].wrap(TEXT_WIDTH, TEXT_HEIGHT)[1]
                self.pending[0] = Piece(piece.number, parts[1], tail_height, piece.due, False)
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

    def _relevant(self) -> list[Piece]:
        page = self._page_of()
        return [p for p in self.pending if p.due == page or p.forced]

    def note_need(self) -> float:
        """Record the space this page's notes need (capped); notes carried here only
        because an earlier page lacked reserved space are not counted."""
        page = self._page_of()
        need: float = min(area_height(self._relevant()), float(TEXT_HEIGHT) * MAX_SHARE)
        self.log.needed[page] = max(self.log.needed.get(page, 0.0), need)
        return need

    def overflowing(self) -> bool:
        """Whether pending notes exceed even a full foot area (not just this pass's guess)."""
        capped = float(TEXT_HEIGHT) * MAX_SHARE - 0.5
        return any(p.forced for p in self.pending) or area_height(self._relevant()) >= capped

    def end_page(self, canv: Canvas, x: float, top: float, reserve: float) -> None:
        """At the end of a page: draw the due notes that fit and note the space needed."""
        need = self.note_need()
        relevant = self._relevant()
        chosen = self.take(reserve)
        if chosen:
            self.draw(canv, chosen, x, top)
        for piece in self.pending:
            if any(piece.number == r.number for r in relevant):
                piece.forced = piece.forced or reserve + 0.5 >= need


class NoteDrain(Flowable):  # type: ignore[misc]
    """Placed after the last block: when notes are left over after the last page's foot,
    it continues on fresh pages and sets them at the foot there."""

    def __init__(self, keeper: FootnoteKeeper, reserve_now: Callable[[], float],
                 part: bool = False) -> None:
        super().__init__()
        self._keeper = keeper
        self._reserve_now = reserve_now
        self._part = part
        self._box = 0.0
        self._move_on = False

    @property
    def _ZEROSIZE(self) -> bool:  # reportlab's attribute name
        return not self._part and not self._keeper.pending

    def wrap(self, aW: float, aH: float) -> tuple[float, float]:
        need = area_height(self._keeper.pending)
        frame = getattr(self, "_frame", None)
        at_top = bool(getattr(frame, "_atTop", True))
        self._move_on = False
        if self._part:
            self._box = aH
        elif need <= self._reserve_now() + 0.01 or not self._keeper.overflowing():
            self._keeper.note_need()
            self._box = 0.0
        elif not at_top:
            self._keeper.note_need()
            self._move_on = True
            self._box = aH + 1
        else:
            self._box = aH if need <= aH else aH + 1
        return aW, self._box

    def split(self, aW: float, aH: float) -> list[Flowable]:
        if self._move_on:
            return []
        return [NoteDrain(self._keeper, self._reserve_now, part=True),
                NoteDrain(self._keeper, self._reserve_now)]

    def draw(self) -> None:
        if self._box:
            chosen = self._keeper.take(self._box)
            if chosen:
                self._keeper.draw(self.canv, chosen, 0, area_height(chosen))
