"""Footnotes at the foot of the page on which they are referenced.

While a page is drawn, each footnote mark reports itself through a canvas callback. At the
end of the page the notes due are drawn into the space reserved at the foot of the frame;
the reservation per page comes from the previous layout pass. Notes that do not fit are
carried to the next page's foot, so none is ever lost.
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


class FootnoteKeeper:
    """Collects the marks drawn on a page and draws their notes at the page's foot."""

    def __init__(self, notes: dict[int, tuple[t.Inline, ...]], styles: Styles,
                 page_of: Callable[[], int]) -> None:
        self._notes = notes
        self._styles = styles
        self._page_of = page_of
        self._heights: dict[int, float] = {}
        self.pending: list[int] = []
        self.log = NoteLog()

    def install(self, canv: Canvas) -> None:
        """Make the canvas call us when a footnote mark is drawn."""
        canv.setNamedCB(FOOTNOTE_CALLBACK, self._on_mark)

    def _on_mark(self, canv: Canvas, kind: str, label: str | None) -> None:
        number = int(label or 0)
        if number in self._notes and number not in self.log.placed and \
                number not in self.pending:
            self.pending.append(number)

    def _paragraph(self, number: int) -> RLParagraph:
        markup = to_markup(self._notes[number], notes=False)
        return RLParagraph(markup, self._styles.footnote, bulletText=str(number))

    def note_height(self, number: int) -> float:
        """The height of one note set in the text width."""
        if number not in self._heights:
            self._heights[number] = self._paragraph(number).wrap(TEXT_WIDTH, TEXT_HEIGHT)[1]
        return self._heights[number]

    def area_height(self, numbers: list[int]) -> float:
        """The space a footnote area with these notes takes, rule included."""
        if not numbers:
            return 0.0
        notes = sum(self.note_height(n) for n in numbers)
        return RULE_GAP + notes + NOTE_GAP * len(numbers)

    def fitting(self, numbers: list[int], space: float) -> list[int]:
        """The leading notes of `numbers` that fit in `space`."""
        count = 0
        while count < len(numbers) and self.area_height(numbers[:count + 1]) <= space + 0.01:
            count += 1
        return numbers[:count]

    def draw(self, canv: Canvas, numbers: list[int], x: float, top: float) -> None:
        """Draw the rule and the notes downwards from `top`."""
        canv.saveState()
        canv.setStrokeColor(RULE_GREY)
        canv.setLineWidth(0.5)
        canv.line(x, top - RULE_GAP / 2, x + RULE_LENGTH, top - RULE_GAP / 2)
        canv.restoreState()
        y = top - RULE_GAP
        page = self._page_of()
        for number in numbers:
            para = self._paragraph(number)
            _, height = para.wrap(TEXT_WIDTH, TEXT_HEIGHT)
            y -= height + NOTE_GAP
            para.drawOn(canv, x, y)
            self.log.placed[number] = page
        self.pending = [n for n in self.pending if n not in numbers]

    def end_page(self, canv: Canvas, x: float, top: float, reserve: float) -> None:
        """At the end of a page: draw the due notes that fit and note the space needed."""
        page = self._page_of()
        self.log.needed[page] = min(self.area_height(self.pending), TEXT_HEIGHT * MAX_SHARE)
        chosen = self.fitting(self.pending, reserve)
        if chosen:
            self.draw(canv, chosen, x, top)


class NoteDrain(Flowable):  # type: ignore[misc]
    """Placed after the last block: pages out notes the last page's foot cannot hold."""

    def __init__(self, keeper: FootnoteKeeper, reserve_now: Callable[[], float],
                 numbers: list[int] | None = None) -> None:
        super().__init__()
        self._keeper = keeper
        self._reserve_now = reserve_now
        self._numbers = numbers
        self._box = 0.0

    def _due(self) -> list[int]:
        return list(self._keeper.pending) if self._numbers is None else self._numbers

    def wrap(self, aW: float, aH: float) -> tuple[float, float]:
        due = self._due()
        need = self._keeper.area_height(due)
        if self._numbers is None and need <= self._reserve_now() + 0.01:
            self._box = 0.0
        else:
            self._box = max(need, aH) if need <= aH else need
        return aW, self._box

    def split(self, aW: float, aH: float) -> list[Flowable]:
        due = self._due()
        first = self._keeper.fitting(due, aH)
        if not first:
            return []
        rest = [n for n in due if n not in first]
        return [NoteDrain(self._keeper, self._reserve_now, first),
                NoteDrain(self._keeper, self._reserve_now, rest)]

    def draw(self) -> None:
        due = self._due()
        if self._box and due:
            self._keeper.draw(self.canv, due, 0, self._keeper.area_height(due))
