"""Tree blocks as platypus flowables: one small builder per node type."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib.colors import HexColor
from reportlab.platypus import (
    Flowable,
    HRFlowable,
    ListFlowable,
    ListItem,
    PageBreakIfNotEmpty,
)

from standgen.compose import tree as t
from standgen.write.pdf import labels
from standgen.write.pdf.figures import build_figure
from standgen.write.pdf.inlines import to_markup
from standgen.write.pdf.para import Para
from standgen.write.pdf.styles import (
    MARGIN_LEFT,
    MARGIN_RIGHT,
    PAGE_HEIGHT,
    TEXT_WIDTH,
    Styles,
    heading_style,
)
from standgen.write.pdf.tables import build_table
from standgen.write.pdf.vector import VectorPage
from standgen.write.pdf.wide import placed_table

LANDSCAPE_WIDTH = PAGE_HEIGHT - MARGIN_LEFT - MARGIN_RIGHT

RULE_COLOR = HexColor("#BFBFBF")


class HeadingFlowable(Para):
    """A heading that never splits, marks its anchor and adds itself to the PDF outline."""

    def __init__(self, heading: t.Heading, styles: Styles, outline_level: int | None,
                 on_draw: Callable[[t.Heading], None]) -> None:
        super().__init__(escape(heading.display), heading_style(styles, heading.look))
        self.heading = heading
        self.keepWithNext = 0  # keeps.NeedSpace keeps it with what follows
        self.outline_level = outline_level
        self._on_draw = on_draw

    def split(self, aW: float, aH: float) -> list[Flowable]:
        return []

    def draw(self) -> None:
        super().draw()
        self.canv.bookmarkHorizontal(self.heading.anchor, 0, self.height + 4)
        if self.outline_level is not None:
            self.canv.addOutlineEntry(self.heading.display, self.heading.anchor,
                                      level=self.outline_level, closed=False)
        self._on_draw(self.heading)


class SectionStart(Flowable):  # type: ignore[misc]
    """Zero-size marker at the start of a DocSection; tells the page its running header."""

    _ZEROSIZE = True

    def __init__(self, running_header: str, on_start: Callable[[str], None]) -> None:
        super().__init__()
        self._header = running_header
        self._on_start = on_start

    def wrap(self, aW: float, aH: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        self._on_start(self._header)


OUTLINE_DEPTH = 2


def outline_levels(document: t.Document) -> dict[str, int]:
    """The outline level of each heading down to OUTLINE_DEPTH: its tree level counted
    from 0. A composed tree never skips a level; a hand-made one that does is clamped, as
    the PDF outline cannot skip."""
    levels: dict[str, int] = {}
    previous = -1
    for section in document.sections:
        for block in section.blocks:
            if isinstance(block, t.Heading) and block.level <= OUTLINE_DEPTH:
                level = max(0, min(block.level - 1, previous + 1))
                levels[block.anchor] = previous = level
    return levels


class BlockBuilder:
    """Builds the flowables of blocks for one pass."""

    def __init__(self, styles: Styles, levels: dict[str, int], vectors: dict[Path, VectorPage],
                 on_heading: Callable[[t.Heading], None], words: t.Words) -> None:
        self._styles = styles
        self._words = words
        self._levels = levels
        self._vectors = vectors
        self._on_heading = on_heading

    def build(self, block: t.Block) -> list[Flowable]:
        """The flowables for one block, dispatched on its type."""
        match block:
            case t.Paragraph():
                return [Para(to_markup(block.inlines), self._styles.role(block.style))]
            case t.Heading():
                level = self._levels.get(block.anchor)
                return [HeadingFlowable(block, self._styles, level, self._on_heading)]
            case t.ListBlock():
                return [self._list(block)]
            case t.Table():
                table = block
                return placed_table(table, lambda width: build_table(
                    table, self._styles, width, self._words.table), TEXT_WIDTH,
                    LANDSCAPE_WIDTH)
            case t.Figure():
                return build_figure(block, self._styles, TEXT_WIDTH, self._vectors,
                                    self._words.figure, self._words.table)
            case t.PageBreak():
                return [PageBreakIfNotEmpty()]
            case t.Rule():
                return [HRFlowable(width="100%", thickness=0.5, color=RULE_COLOR,
                                   spaceBefore=4, spaceAfter=8)]

    def _list(self, block: t.ListBlock, depth: int = 0) -> Flowable:
        """A list; an item with a list nested under it holds both, one level deeper."""
        body = self._styles.role("body")
        items: list[ListItem] = []
        for index, item in enumerate(block.items):
            para = Para(to_markup(item), body)
            sub = block.sublist(index)
            items.append(ListItem(para) if sub is None
                         else ListItem([para, self._list(sub, depth + 1)]))
        common = {"bulletFontName": self._styles.fonts.regular, "bulletFontSize": 10,
                  "leftIndent": 16, "spaceAfter": 6 if depth == 0 else 0}
        if block.ordered:
            start = {"start": block.start} if block.start != 1 else {}
            return ListFlowable(items, bulletType="1", bulletFormat="%s.", **start, **common)
        bullet = labels.BULLET if depth % 2 == 0 else labels.SUB_BULLET
        return ListFlowable(items, bulletType="bullet", start=bullet, **common)
