"""The Inhoud page: entries with dot leaders, page numbers and links to their headings."""

from __future__ import annotations

import math
from collections.abc import Callable
from xml.sax.saxutils import escape

from reportlab.lib.units import mm
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Spacer

from standgen.compose import tree as t
from standgen.write.pdf import labels
from standgen.write.pdf.late import LateNumbers, LateText
from standgen.write.pdf.para import Para
from standgen.write.pdf.styles import Styles
from standgen.write.pdf.tagging.elements import StructElem
from standgen.write.pdf.tagging.tagger import tagger_of

NUMBER_COLUMN = 11 * mm
PAGE_COLUMN = 12 * mm
LEVEL_INDENT = 0 * mm
DOT_STEP = 4.0


class TocLine(Flowable):  # type: ignore[misc]
    """One entry: number, text (wrapping), a dot leader and the page number, all linked."""

    def __init__(self, entry: t.TocEntry, page_of: Callable[[str], str], late: LateNumbers,
                 styles: Styles) -> None:
        super().__init__()
        self._entry = entry
        self._palette = styles.palette
        self._page_of = page_of
        self._late = late
        top = entry.level <= 1
        self._font = styles.fonts.bold if top else styles.fonts.regular
        self._size = 10.5 if top else 10.0
        self._leading = self._size * 1.35
        self._indent = LEVEL_INDENT * (entry.level - 1)
        self.spaceBefore = 7 if top else 1.5
        self._lines: list[str] = []
        self._width = 0.0
        self._number_width = NUMBER_COLUMN
        self.struct: StructElem | None = None

    def wrap(self, aW: float, aH: float) -> tuple[float, float]:
        self._width = aW
        number = self._entry.number or ""
        self._number_width = max(NUMBER_COLUMN,
                                 stringWidth(number, self._font, self._size) + 2.5 * mm)
        room = aW - self._indent - self._number_width - PAGE_COLUMN
        self._lines = simpleSplit(self._entry.text, self._font, self._size, room) or [""]
        return aW, self._leading * len(self._lines)

    def draw(self) -> None:
        tagger = tagger_of(self.canv)
        if tagger is None or self.struct is None:
            self._draw_entry()
            self._leader()
            return
        tagger.open(self.canv, self.struct)
        self.canv.standgen_link_text = self._entry.display
        self._draw_entry()
        self.canv.standgen_link_text = ""
        tagger.close(self.canv)
        self._leader()

    def _draw_entry(self) -> None:
        """Number, text, page number and the link over the whole entry."""
        canv = self.canv
        height = self._leading * len(self._lines)
        baseline = height - self._size
        text_x = self._indent + self._number_width
        canv.setFont(self._font, self._size)
        color = self._palette.primary if self._entry.level <= 1 else self._palette.text
        canv.setFillColor(color)
        if self._entry.number:  # trailing spaces: invisible, they keep read-out words apart
            canv.drawString(self._indent, baseline, self._entry.number + " ")
        for i, line in enumerate(self._lines):
            canv.drawString(text_x, baseline - i * self._leading, line + " ")
        last_y = baseline - (len(self._lines) - 1) * self._leading
        anchor = self._entry.anchor
        self._late.place(canv, f"toc-{anchor}", self._width, last_y, LateText(
            self._font, self._size, color, lambda: self._page_of(anchor)))
        canv.linkRect("", self._entry.anchor, (0, 0, self._width, height), relative=1,
                      thickness=0)

    def _leader(self) -> None:
        """Dots from the end of the text to the page number (decoration only)."""
        height = self._leading * len(self._lines)
        y = height - self._size - (len(self._lines) - 1) * self._leading
        start = (self._indent + self._number_width
                 + stringWidth(self._lines[-1], self._font, self._size))
        end = self._width - stringWidth("000", self._font, self._size) - 5
        first = (int((start + 4) / DOT_STEP) + 1) * DOT_STEP
        count = math.ceil((end - first) / DOT_STEP)
        if count <= 0:
            return
        self.canv.setFillColor(self._palette.rule)
        dots = self.canv.beginText(first, y)  # one text run, spaced out to the dot grid
        dots.setFont(self._font, 8)
        dots.setCharSpace(DOT_STEP - stringWidth(labels.LEADER, self._font, 8))
        dots.textOut(labels.LEADER * count)
        self.canv.drawText(dots)


def build_toc(toc: t.TableOfContents, page_of: Callable[[str], str], late: LateNumbers,
              styles: Styles) -> list[Flowable]:
    """The title and one line per entry; page numbers are filled in when the pass ends."""
    flowables: list[Flowable] = [Para(escape(toc.title), styles.headings[1]),
                                 Spacer(1, 6)]
    for entry in toc.entries:
        flowables.append(TocLine(entry, page_of, late, styles))
    return flowables
