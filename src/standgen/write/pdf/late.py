"""Numbers known only when the pass ends (heading pages, page total), drawn in one pass.

Where such a number is printed, the page shows a named form XObject; the forms are defined
after the last page, when every number is known. Text is right-aligned at the spot.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from reportlab.lib.colors import Color
from reportlab.pdfgen.canvas import Canvas

BOX_LEFT = -300.0
BOX_BOTTOM = -10.0
BOX_TOP = 30.0


@dataclass(frozen=True)
class LateText:
    """One deferred text: its font, size, colour and how to get the text at the end."""

    font: str
    size: float
    color: Color | str
    text: Callable[[], str]


class LateNumbers:
    """Places forms now and fills them in when the document is complete."""

    def __init__(self) -> None:
        self._texts: dict[str, LateText] = {}

    def place(self, canv: Canvas, name: str, x: float, y: float, late: LateText) -> None:
        """Show the form `name` with its right end at (x, y) on the baseline."""
        self._texts.setdefault(name, late)
        canv.saveState()
        canv.translate(x, y)
        canv.doForm(name)
        canv.restoreState()

    def define(self, canv: Canvas) -> None:
        """Define every placed form with its now known text (after the last page)."""
        for name, late in self._texts.items():
            canv.beginForm(name, lowerx=BOX_LEFT, lowery=BOX_BOTTOM, upperx=1, uppery=BOX_TOP)
            canv.setFont(late.font, late.size)
            canv.setFillColor(late.color)
            canv.drawRightString(0, 0, late.text())
            canv.endForm()
