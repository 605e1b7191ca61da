"""Estimate page numbers for the cached TOC, PAGE and NUMPAGES field results.

Word computes real page numbers only when it lays the document out, so the cached results
are estimated with a simple page-length model:

* The text block is the A4 page minus its margins (16 x 24,7 cm by default), in points.
* A run of text of n characters at size s takes ceil(1.07 * n / (w / (0.5 s))) lines of
  1.2 s points, where w is the available width: 0.5 em is the mean advance of Liberation
  Sans (Arial metrics) over Dutch text with spaces; 1.07 allows for ragged line ends.
* Every block adds its style's space before and after. Paragraphs and lists flow over page
  ends; table rows move whole to the next page; figures move whole; a heading moves to the
  next page with at least three lines of what follows. A page break takes effect before
  the next block (none at the end of a section, which starts a new page anyway).
* Footnote text is charged to the page of its reference.
* Marking lines make the header taller than the room above the margin; the overflow is
  taken off the text block.
* The cover is page 1, the table of contents follows, and each DocSection starts a new page.
  Pages are numbered continuously from the cover.

Calibrated on the reference report (62 pages, 31 TOC entries): with these constants every
TOC page number matched LibreOffice's layout in the public and the marked edition. Word
replaces the estimate whenever it updates fields.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from standgen.compose import tree as t

_CM = 28.3465
_HEADING_PT = {1: (18.0, 14.0), 2: (13.0, 22.0), 3: (11.0, 16.0), 4: (11.4, 10.0)}
_STYLE_PT = {"note": (7.5, 4.0), "lead": (11.0, 8.0), "caption": (8.5, 12.0),
             "signature": (9.5, 12.0)}


@dataclass(frozen=True)
class PageEstimate:
    """Estimated page numbers: where each DocSection starts, where each anchor lands."""

    toc_page: int
    section_pages: tuple[int, ...]
    anchor_pages: dict[str, int]
    total_pages: int


def inline_text(inlines: tuple[t.Inline, ...]) -> str:
    """The plain text of inlines (footnote marks count as one character)."""
    parts: list[str] = []
    for inline in inlines:
        match inline:
            case t.Text():
                parts.append(inline.text)
            case t.Link():
                parts.append("".join(child.text for child in inline.children))
            case t.FootnoteRef():
                parts.append("¹")
    return "".join(parts)


def text_height(text: str, size: float, width: float) -> float:
    """The height in points of `text` at `size` pt wrapped to `width` pt."""
    per_line = max(1.0, width / (0.5 * size))
    lines = max(1, math.ceil(1.07 * len(text) / per_line))
    return lines * 1.2 * size


@dataclass
class _Pager:
    height: float
    width: float
    page: int = 1
    used: float = 0.0
    anchors: dict[str, int] = field(default_factory=dict)
    break_pending: bool = False

    def apply_break(self) -> None:
        if self.break_pending and self.used > 0:
            self.new_page()
        self.break_pending = False

    def new_page(self) -> None:
        self.page += 1
        self.used = 0.0

    def flow(self, amount: float) -> None:
        while self.used + amount > self.height:
            amount -= max(0.0, self.height - self.used)
            self.new_page()
        self.used += amount

    def whole(self, amount: float, keep: float = 0.0) -> None:
        if self.used > 0 and self.used + amount + keep > self.height:
            self.new_page()
        self.used += min(amount, self.height)

    def mark(self, anchor: str) -> None:
        if anchor and anchor not in self.anchors:
            self.anchors[anchor] = self.page


def _footnotes(pager: _Pager, inlines: tuple[t.Inline, ...]) -> float:
    notes = [i for i in inlines if isinstance(i, t.FootnoteRef)]
    return sum(text_height(inline_text(n.content), 7.5, pager.width) + 2 for n in notes)


def _table(pager: _Pager, table: t.Table) -> None:
    pager.whole(21.0, keep=30.0)
    pager.mark(table.anchor)
    widths = table.column_widths or (1.0,)
    for row in (*table.header_rows, *table.body_rows):
        tallest = 0.0
        for index, cell in enumerate(row.cells):
            share = widths[min(index, len(widths) - 1)] * cell.colspan
            cell_width = max(20.0, share * pager.width - 9)
            tallest = max(tallest, text_height(inline_text(cell.inlines), 8.5, cell_width))
        pager.whole(tallest / 1.2 * 1.05 + 4.5)
    for note in table.notes:
        pager.flow(text_height(inline_text(note.inlines), 7.5, pager.width) + 4)
    pager.flow(6.0)


def _figure(pager: _Pager, figure: t.Figure) -> None:
    if figure.kind == "placeholder" or figure.raster_path is None:
        body = text_height(figure.placeholder_text or figure.alt_text, 9.5, pager.width) + 30
    else:
        body = figure.height_cm * _CM + 6
    pager.whole(body + 21.0)
    pager.mark(figure.anchor)
    for text in (figure.note, figure.source_note):
        if text:
            pager.flow(text_height(text, 7.5, pager.width) + 4)
    if figure.data_table is not None:
        _table(pager, figure.data_table)


def _block(pager: _Pager, block: t.Block) -> None:
    if not isinstance(block, t.PageBreak):
        pager.apply_break()
    match block:
        case t.Heading():
            size, space = _HEADING_PT.get(block.look, _HEADING_PT[4])
            pager.whole(text_height(block.display, size, pager.width) / 1.2 + space, keep=35)
            pager.mark(block.anchor)
        case t.Paragraph():
            size, space = _STYLE_PT.get(block.style, (9.5, 6.0))
            text = inline_text(block.inlines)
            pager.flow(text_height(text, size, pager.width) + space
                       + _footnotes(pager, block.inlines))
        case t.ListBlock():
            for entry in t.list_entries(block):
                indent = 18 * (entry.depth + 1)
                pager.flow(text_height(inline_text(entry.inlines), 9.5, pager.width - indent)
                           + 2 + _footnotes(pager, entry.inlines))
            pager.flow(4.0)
        case t.Rule():
            pager.flow(12.0)
        case t.Table():
            _table(pager, block)
        case t.Figure():
            _figure(pager, block)
        case t.PageBreak():
            pager.break_pending = True


def toc_height(toc: t.TableOfContents, width: float) -> float:
    """The height of the table of contents in points."""
    total = 32.0
    for entry in toc.entries:
        total += text_height(entry.display, 9.5, width - 40) + (10.0 if entry.level == 1 else 2)
    return total


def furniture_overflow(marking: t.Marking | None, room_pt: float = 35.4) -> float:
    """How far header and footer reach into the text block (points), given the room
    between page edge distance and margin: marking lines make them taller."""
    lines = 0 if marking is None else 1 + bool(marking.copy_number) + len(marking.extra)
    header = lines * 11.5 + 26.0
    footer = 9.0 + (11.5 if marking is not None else 0.0)
    return max(0.0, header - room_pt) + max(0.0, footer - room_pt)


def estimate_pages(document: t.Document, width_pt: float, height_pt: float) -> PageEstimate:
    """Estimate the page of every section and anchor of `document`."""
    height_pt -= furniture_overflow(document.marking)
    pager = _Pager(height=height_pt, width=width_pt)
    toc_page = 2
    if document.toc is not None:
        pager.new_page()
        pager.flow(toc_height(document.toc, width_pt))
    starts: list[int] = []
    for index, section in enumerate(document.sections):
        pager.break_pending = False
        if section.new_page or index == 0:
            pager.new_page()
        starts.append(pager.page)
        for block in section.blocks:
            _block(pager, block)
    return PageEstimate(toc_page, tuple(starts), dict(pager.anchors), pager.page)
