"""Tree tables as platypus Tables: caption above, repeated header rows, spans, notes below."""

from __future__ import annotations

from xml.sax.saxutils import escape, quoteattr

from reportlab.platypus import Flowable, TableStyle
from reportlab.platypus import Table as RLTable

from standgen.compose import tree as t
from standgen.errors import BuildError
from standgen.format.hyphenate import soft_hyphens
from standgen.write.pdf.gap import Gap
from standgen.write.pdf.inlines import to_markup
from standgen.write.pdf.keeps import Lead, NeedSpace
from standgen.write.pdf.para import Para
from standgen.write.pdf.styles import TEXT_HEIGHT, Palette, Styles
from standgen.write.pdf.wide import cell_padding, cell_style

Command = tuple[object, ...]
BOLD_ROLES = ("total", "subtotal", "group")
TALL_ROW = TEXT_HEIGHT / 2  # a row taller than this is split over pages, not moved whole


class CellPara(Para):
    """A cell's paragraph: measured whole, since a table sizes its rows from it."""

    split_long = False


class SplittingTable(RLTable):  # type: ignore[misc]
    """A table that moves a row that does not fit to the next page, as before, unless the
    row is too tall for any page: such a row (a long status text) is split inside, with
    the header rows repeated above its continuation."""

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        if not getattr(self, "splitInRow", 0):
            self.wrap(availWidth, availHeight)
            heads = self.repeatRows if isinstance(self.repeatRows, int) else 0
            if max((h or 0 for h in self._rowHeights[heads:]), default=0) > TALL_ROW:
                self.splitInRow = 1
        parts: list[Flowable] = super().split(availWidth, availHeight)
        return parts


def caption_markup(label: str, number: int | None, caption: str, anchor: str) -> str:
    """'Tabel N  caption' (or 'Figuur N  caption') with a link target at its start."""
    target = f"<a name={quoteattr(anchor)}/>" if anchor else ""
    prefix = f"<b>{label} {number}</b>&nbsp;&nbsp;&nbsp;" if number is not None else ""
    return f"{target}{prefix}{escape(caption)}"


def _column_count(table: t.Table) -> int:
    """The number of grid columns: one per column width, else the widest row."""
    if table.column_widths:
        return len(table.column_widths)
    rows = table.header_rows + table.body_rows
    return max((sum(c.colspan for c in row.cells) for row in rows), default=1)


def _widths(table: t.Table, count: int, width: float) -> list[float]:
    shares = list(table.column_widths)
    if len(shares) != count or sum(shares) <= 0:
        shares = [1.0] * count
    total = sum(shares)
    return [width * s / total for s in shares]


def _grid(table: t.Table, count: int, styles: Styles
          ) -> tuple[list[list[object]], list[Command]]:
    """Cell flowables placed on the grid, with SPAN commands for merged cells."""
    rows = table.header_rows + table.body_rows
    heads = len(table.header_rows)
    data: list[list[object]] = [[""] * count for _ in rows]
    taken: set[tuple[int, int]] = set()
    spans: list[Command] = []
    for r, row in enumerate(rows):
        col = 0
        bold = r < heads or row.role in BOLD_ROLES
        for cell in row.cells:
            while (r, col) in taken:
                col += 1
            last_col, last_row = col + cell.colspan - 1, r + cell.rowspan - 1
            if last_col >= count or last_row >= len(rows):
                raise BuildError(f"table {table.caption!r}: cell in row {r + 1} "
                                 "spans beyond the table")
            style = cell_style(styles, cell.align, bold, table.layout.font_scale, r < heads)
            if r < heads:
                style = styles.header_cell(style)
            data[r][col] = CellPara(to_markup(_hyphenated(cell.inlines)), style)
            taken |= {(rr, cc) for rr in range(r, last_row + 1)
                      for cc in range(col, last_col + 1)}
            if cell.colspan > 1 or cell.rowspan > 1:
                spans.append(("SPAN", (col, r), (last_col, last_row)))
            col = last_col + 1
    return data, spans


def _hyphenated(inlines: tuple[t.Inline, ...]) -> tuple[t.Inline, ...]:
    """Cell text with Dutch soft hyphens, so a narrow column breaks a compound where
    Dutch breaks it (reportlab prints the hyphen only where it breaks the line)."""
    return tuple(t.Text(soft_hyphens(i.text), i.bold, i.italic, i.script)
                 if isinstance(i, t.Text) else i for i in inlines)


def _row_commands(table: t.Table, font: str, p: Palette) -> list[Command]:
    heads = len(table.header_rows)
    pad = cell_padding(table)
    cmds: list[Command] = [
        ("FONTNAME", (0, 0), (-1, -1), font),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), pad), ("RIGHTPADDING", (0, 0), (-1, -1), pad),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5), ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ("LINEBELOW", (0, -1), (-1, -1), 0.8, p.primary),
    ]
    if heads:
        cmds += [("BACKGROUND", (0, 0), (-1, heads - 1), p.header_fill or p.panel),
                 ("VALIGN", (0, 0), (-1, heads - 1), "BOTTOM"),
                 ("LINEBELOW", (0, heads - 1), (-1, heads - 1), 0.8, p.primary)]
    for i, row in enumerate(table.body_rows, start=heads):
        if row.role == "total":
            cmds.append(("LINEABOVE", (0, i), (-1, i), 1.0, p.primary))
        elif row.role == "subtotal":
            cmds.append(("LINEABOVE", (0, i), (-1, i), 0.6, p.rule))
        elif row.role == "group":
            cmds.append(("BACKGROUND", (0, i), (-1, i), p.group_fill))
        elif i + 1 < heads + len(table.body_rows):
            cmds.append(("LINEBELOW", (0, i), (-1, i), 0.25, p.rule))
    return cmds


def build_table(table: t.Table, styles: Styles, width: float, label: str
                ) -> list[Flowable]:
    """The caption, the table itself (splitting with repeated headers) and its notes."""
    count = _column_count(table)
    data, spans = _grid(table, count, styles)
    flowables: list[Flowable] = []
    leads: list[Lead] = []
    if table.caption or table.number is not None:
        markup = caption_markup(label, table.number, table.caption, table.anchor)
        caption = Para(markup, styles.table_caption)
        flowables.append(caption)
        leads.append(Lead(caption, "all"))
    if data:
        body = SplittingTable(data, colWidths=_widths(table, count, width),
                              repeatRows=len(table.header_rows), hAlign="LEFT",
                              style=TableStyle(_row_commands(table, styles.fonts.regular,
                                                             styles.palette) + spans))
        flowables.append(body)
        leads.append(Lead(body, "rows"))
    flowables.insert(0, NeedSpace(leads))
    flowables.append(Gap(4))
    for note in table.notes:
        flowables.append(Para(to_markup(note.inlines), styles.role("note")))
    flowables.append(Gap(8))
    return flowables
