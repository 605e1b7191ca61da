"""Tables: header rows that repeat, spans, alignment, row roles, widths, caption and notes."""

from __future__ import annotations

from dataclasses import dataclass

from standgen.compose import tree as t
from standgen.write.docx.context import Context
from standgen.write.docx.fields import seq_field
from standgen.write.docx.oxml import Element, el, paragraph, text_run
from standgen.write.docx.styles import STYLE, HouseStyle
from standgen.write.docx.wide import fit_table

LONG_ROW = 1_000  # characters in a row's cells past which the row may break across pages
_JC = {"left": "left", "right": "right", "center": "center"}


@dataclass(frozen=True)
class _Look:
    """How a row's cells look: emphasis, borders, shading."""

    bold: bool = False
    italic: bool = False
    top: str | None = None
    bottom: str | None = None
    shade: str | None = None
    header: bool = False


# Word's conditional-format marks (w:cnfStyle): the first row, or the first column, of a table.
_FIRST_ROW = {"w:val": "100000000000", "w:firstRow": "1"}
_FIRST_COLUMN = {"w:val": "001000000000", "w:firstColumn": "1"}


def caption_paragraph(ctx: Context, label: str, caption: str, number: int | None,
                      anchor: str, keep_next: bool) -> Element | None:
    """A Word caption "Label {SEQ Label} – caption" in the Caption style, or None."""
    if not caption and number is None:
        return None
    p = paragraph(STYLE.caption)
    if keep_next:
        p[0].append(el("w:keepNext"))
    if number is not None:
        p.append(text_run(f"{label} "))
        p.extend(seq_field(label, number))
        p.append(text_run(f" – {caption}" if caption else ""))
    else:
        p.append(text_run(caption))
    if anchor:
        ctx.bookmarks.wrap(p, anchor)
    return p


def _widths(table: t.Table, ncols: int, total: int) -> list[int]:
    shares = list(table.column_widths[:ncols])
    shares += [1.0 / ncols] * (ncols - len(shares))
    scale = sum(shares) or 1.0
    return [round(total * share / scale) for share in shares]


def _cell(ctx: Context, cell: t.Cell | None, width: int, span: int, vmerge: str | None,
          look: _Look, mark: dict[str, str] | None = None) -> Element:
    tc_pr = el("w:tcPr", None, el("w:tcW", {"w:w": str(width), "w:type": "dxa"}))
    if mark is not None:
        tc_pr.insert(0, el("w:cnfStyle", mark))
    if span > 1:
        tc_pr.append(el("w:gridSpan", {"w:val": str(span)}))
    if vmerge is not None:
        tc_pr.append(el("w:vMerge", {"w:val": vmerge} if vmerge == "restart" else {}))
    borders = el("w:tcBorders")
    for side, color in (("top", look.top), ("bottom", look.bottom)):
        if color:
            borders.append(el(f"w:{side}", {"w:val": "single", "w:sz": "8", "w:space": "0",
                                            "w:color": color}))
    if len(borders):
        tc_pr.append(borders)
    if look.shade:
        tc_pr.append(el("w:shd", {"w:val": "clear", "w:color": "auto", "w:fill": look.shade}))
    tc_pr.append(el("w:vAlign", {"w:val": "bottom" if look.header else "top"}))
    p = paragraph(STYLE.table_header if look.header else STYLE.table_text)
    if cell is not None:
        p[0].append(el("w:jc", {"w:val": _JC[cell.align]}))
        p.extend(ctx.inlines(cell.inlines, bold=look.bold, italic=look.italic))
    return el("w:tc", None, tc_pr, p)


def _look(row: t.TableRow, header: bool, last_header: bool, house: HouseStyle) -> _Look:
    primary = house.colour("primary")
    if header:
        return _Look(bold=True, bottom=primary if last_header else None, header=True,
                     shade=house.colour(house.theme.table.header_fill or "panel"))
    match row.role:
        case "total":
            return _Look(bold=True, top=primary)
        case "subtotal":
            return _Look(bold=True, top=house.colour("rule"))
        case "group":
            return _Look(italic=True, shade=house.colour(house.theme.table.group_fill
                                                         or "panel"))
    return _Look()


def _mark(header: bool, col: int, row_headers: bool) -> dict[str, str] | None:
    """The header mark of a cell: every cell of a header row; the first column's cells
    when the table has no header row (a key-value table: the first column names the row)."""
    if header:
        return _FIRST_ROW
    return _FIRST_COLUMN if row_headers and col == 0 else None


def _rows(ctx: Context, table: t.Table, widths: list[int]) -> list[Element]:
    ncols = len(widths)
    pending: dict[tuple[int, int], int] = {}
    rows = [*table.header_rows, *table.body_rows]
    row_headers = not table.header_rows
    out: list[Element] = []
    for r, row in enumerate(rows):
        header = r < len(table.header_rows)
        look = _look(row, header, r == len(table.header_rows) - 1, ctx.house)
        tr_pr = el("w:trPr")
        if header or sum(_length(c.inlines) for c in row.cells) <= LONG_ROW:
            tr_pr.append(el("w:cantSplit"))  # a long row would not fit on one page
        if header:
            tr_pr.insert(0, el("w:cnfStyle", _FIRST_ROW))
            tr_pr.append(el("w:tblHeader"))
        tr = el("w:tr", None, tr_pr)
        cells, col = list(row.cells), 0
        while col < ncols:
            if (r, col) in pending:
                span = pending[(r, col)]
                tr.append(_cell(ctx, None, sum(widths[col:col + span]), span, "continue", look,
                                _mark(header, col, row_headers)))
                col += span
                continue
            cell = cells.pop(0) if cells else None
            span = min(cell.colspan if cell else 1, ncols - col)
            rowspan = cell.rowspan if cell else 1
            for below in range(r + 1, min(r + rowspan, len(rows))):
                pending[(below, col)] = span
            vmerge = "restart" if rowspan > 1 else None
            tr.append(_cell(ctx, cell, sum(widths[col:col + span]), span, vmerge, look,
                            _mark(header, col, row_headers)))
            col += span
        out.append(tr)
    return out


def _length(inlines: tuple[t.Inline, ...]) -> int:
    """The number of characters of text in `inlines`."""
    total = 0
    for item in inlines:
        if isinstance(item, t.Text):
            total += len(item.text)
        elif isinstance(item, t.Link):
            total += _length(item.children)
    return total


def _table_properties(table: t.Table, width: int) -> Element:
    tbl_pr = el("w:tblPr", None, el("w:tblStyle", {"w:val": STYLE.table}),
                el("w:tblW", {"w:w": str(width), "w:type": "dxa"}),
                el("w:tblLayout", {"w:type": "fixed"}),
                el("w:tblLook", _table_look(bool(table.header_rows))))
    if table.caption:
        tbl_pr.append(el("w:tblCaption", {"w:val": table.caption}))
    if table.alt_text:
        tbl_pr.append(el("w:tblDescription", {"w:val": table.alt_text}))
    return tbl_pr


def _table_look(header_row: bool) -> dict[str, str]:
    """Which of the table's edges are headers: its first row, else its first column."""
    # Bits of w:val: 0x20 first row, 0x80 first column, 0x200 and 0x400 no banding.
    value = 0x0620 if header_row else 0x0680
    return {"w:val": f"{value:04X}", "w:firstRow": "1" if header_row else "0", "w:lastRow": "0",
            "w:firstColumn": "0" if header_row else "1", "w:lastColumn": "0",
            "w:noHBand": "1", "w:noVBand": "1"}


def column_count(table: t.Table) -> int:
    """The number of grid columns of a table."""
    spans = [sum(c.colspan for c in row.cells) for row in (*table.header_rows,
                                                           *table.body_rows)]
    return max([len(table.column_widths), *spans, 1])


def render_table(ctx: Context, table: t.Table) -> None:
    """Append caption (above), the table and its notes (below) to the body; a landscape
    table in a landscape section of its own."""
    if table.layout.mode == "landscape" and ctx.in_landscape is not None:
        ctx.in_landscape(lambda: render_table_here(ctx, table))
    else:
        render_table_here(ctx, table)


def render_table_here(ctx: Context, table: t.Table) -> None:
    """Append caption, table and notes where the body stands (no section of its own)."""
    caption = caption_paragraph(ctx, ctx.words.table, table.caption, table.number,
                                table.anchor, keep_next=True)
    if caption is not None:
        ctx.add(caption)
    widths = _widths(table, column_count(table), ctx.text_width_twips)
    grid = el("w:tblGrid", None, *(el("w:gridCol", {"w:w": str(w)}) for w in widths))
    tbl = el("w:tbl", None, _table_properties(table, sum(widths)), grid)
    tbl.extend(_rows(ctx, table, widths))
    fit_table(tbl, table, ctx.house.theme.sizes.cell)
    if table.header_rows or table.body_rows:  # Word refuses a table without rows
        ctx.add(tbl)
    for note in table.notes:
        p = paragraph(STYLE.note)
        p.extend(ctx.inlines(note.inlines))
        ctx.add(p)
