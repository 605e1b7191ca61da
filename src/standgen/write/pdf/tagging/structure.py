"""Attach structure elements to the flowables built for each tree block, in document order.

The builders stay unaware of tagging: this walks what they returned (captions before a
table, cell paragraphs in grid order, list items, figure parts) and sets `struct` on the
paragraphs and pictures that draw content."""

from __future__ import annotations

from typing import Any

from reportlab.platypus import Flowable, KeepTogether, ListFlowable, ListItem
from reportlab.platypus import Table as RLTable

from standgen.compose import tree as t
from standgen.write.pdf.tagging.draw import TaggedDraw
from standgen.write.pdf.tagging.elements import StructElem
from standgen.write.pdf.tagging.tagger import tagger_of

MAX_HEADING = 6


class HeadingLevels:
    """Heading tags that never skip a level: each at most one below the previous."""

    def __init__(self) -> None:
        self._previous = 0

    def kind(self, level: int) -> str:
        level = max(1, min(level, self._previous + 1, MAX_HEADING))
        self._previous = level
        return f"H{level}"


def _set(flowable: Any, elem: StructElem) -> None:
    if isinstance(flowable, TaggedDraw):
        flowable.struct = elem


def _paragraph_kind(style: str) -> str:
    return {"quote": "BlockQuote", "caption": "Caption"}.get(style, "P")


def tag_block(block: t.Block, flowables: list[Flowable], parent: StructElem,
              headings: HeadingLevels) -> None:
    """Give the flowables of one block their structure elements under `parent`."""
    match block:
        case t.Paragraph():
            for flowable in flowables:
                _set(flowable, parent.add(_paragraph_kind(block.style)))
        case t.Heading():
            kind = headings.kind(block.level)
            for flowable in flowables:
                _set(flowable, parent.add(kind))
        case t.ListBlock():
            for flowable in flowables:
                if isinstance(flowable, ListFlowable):
                    _tag_list(flowable, parent.add("L"))
        case t.Table():
            _tag_table(block, flowables, parent)
        case t.Figure():
            _tag_figure(block, flowables, parent)


def _tag_list(listing: ListFlowable, elem: StructElem) -> None:
    labels: dict[int, StructElem] = {}
    for item in listing._flowables:
        parts = item._flowables if isinstance(item, ListItem) else [item]
        entry = elem.add("LI")
        label = entry.add("Lbl")
        body = entry.add("LBody")
        for part in parts:
            if isinstance(part, ListFlowable):
                _tag_list(part, body.add("L"))
            else:
                _set(part, body)
                labels.setdefault(id(part), label)
    for indenter in listing._content:  # reportlab pairs each item with its bullet here
        bullet = getattr(indenter, "_bullet", None)
        owner = labels.get(id(getattr(indenter, "_flowable", None)))
        if bullet is not None and owner is not None:
            _tag_bullet(bullet, owner)


def _tag_bullet(bullet: Any, label: StructElem) -> None:
    """Draw a list item's bullet or number as the content of its Lbl element."""
    draw = bullet.drawOn

    def tagged(indenter: Any, canv: Any, x: float, y: float, _sW: float = 0) -> None:
        tagger = tagger_of(canv)
        if tagger is None:
            draw(indenter, canv, x, y, _sW)
            return
        with tagger.content(canv, label, bullet):
            draw(indenter, canv, x, y, _sW)

    bullet.drawOn = tagged


def _tag_table(table: t.Table, flowables: list[Flowable], parent: StructElem) -> None:
    grid = next((f for f in flowables if isinstance(f, RLTable)), None)
    elem = parent.add("Table")
    after = False
    for flowable in flowables:
        if flowable is grid:
            after = True
        elif isinstance(flowable, TaggedDraw):
            _set(flowable, parent.add("P") if after else elem.add("Caption"))
    if grid is None:
        return
    heads = len(table.header_rows)
    for r, (row, values) in enumerate(zip(table.header_rows + table.body_rows,
                                          grid._cellvalues, strict=False)):
        tr = elem.add("TR")
        paras = [v for v in values if isinstance(v, TaggedDraw)]
        for c, (cell, para) in enumerate(zip(row.cells, paras, strict=False)):
            head = r < heads or (not heads and c == 0 and len(row.cells) > 1)
            attrs: dict[str, object] = {"O": "/Table"}
            if head:
                attrs["Scope"] = "/Column" if heads else "/Row"
            if cell.colspan > 1:
                attrs["ColSpan"] = cell.colspan
            if cell.rowspan > 1:
                attrs["RowSpan"] = cell.rowspan
            cell_elem = tr.add("TH" if head else "TD", attributes=attrs)
            _set(para, cell_elem)


def _pictures(flowables: list[Flowable]) -> list[Any]:
    out: list[Any] = []
    for flowable in flowables:
        if isinstance(flowable, KeepTogether):
            out += _pictures(list(flowable._content))
        else:
            out.append(flowable)
    return out


def _tag_figure(figure: t.Figure, flowables: list[Flowable], parent: StructElem) -> None:
    parts = _pictures(flowables)
    alt = figure.alt_text or figure.caption
    first = True
    for part in parts:
        if isinstance(part, RLTable) and first:
            elem = parent.add("Figure", alt=alt)
            for row in part._cellvalues:
                for value in row:
                    _set(value, elem)
            first = False
        elif isinstance(part, TaggedDraw):
            if first:
                _set(part, parent.add("Figure", alt=alt))
                first = False
            elif part is parts[1]:
                _set(part, parent.add("Caption"))
            else:
                _set(part, parent.add("P"))


def tag_toc(flowables: list[Flowable], parent: StructElem, headings: HeadingLevels) -> None:
    """The Inhoud: its title as a heading, then a TOC with one TOCI (holding a Link) per line."""
    toc: StructElem | None = None
    for flowable in flowables:
        if hasattr(flowable, "_entry"):
            toc = toc or parent.add("TOC")
            flowable.struct = toc.add("TOCI").add("Link")
        elif isinstance(flowable, TaggedDraw):
            _set(flowable, parent.add(headings.kind(1)))


def _inline_links(inlines: tuple[t.Inline, ...], into: dict[str, str]) -> None:
    for inline in inlines:
        if isinstance(inline, t.Link):
            into.setdefault(inline.target, "".join(c.text for c in inline.children))
        elif isinstance(inline, t.FootnoteRef):
            _inline_links(inline.content, into)


def link_texts(document: t.Document) -> dict[str, str]:
    """The visible text of every link target in the document (the first, if several)."""
    out: dict[str, str] = {}
    for section in document.sections:
        for block in section.blocks:
            match block:
                case t.Paragraph():
                    _inline_links(block.inlines, out)
                case t.ListBlock():
                    for entry in t.list_entries(block):
                        _inline_links(entry.inlines, out)
                case t.Table():
                    for row in block.header_rows + block.body_rows:
                        for cell in row.cells:
                            _inline_links(cell.inlines, out)
                    for note in block.notes:
                        _inline_links(note.inlines, out)
    return out


def cover_text(cover: t.Cover) -> str:
    """What the cover says, in reading order, as one text (its lines are drawn apart)."""
    parts = [cover.ministry, cover.title, cover.subtitle, cover.period, cover.tagline,
             cover.edition_label, *cover.classification_lines]
    return "\n".join(p for p in parts if p)
