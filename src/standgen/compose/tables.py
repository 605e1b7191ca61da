"""Indicator tables to document-tree tables: header rows, formatted cells, derived values.

Published values are printed as given; derived values that are not given are computed.
Every number goes through the Dutch formatting module in its unit.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from decimal import Decimal

from standgen.compose import tree as t
from standgen.compose.templating import TextTemplates
from standgen.compose.widths import column_widths
from standgen.edition.tables import RecomputedFigure
from standgen.format import dutch
from standgen.format.spacing import tie_spaces
from standgen.format.units import NumberWords, format_amount
from standgen.model.tables import Column, IndicatorTable, Row
from standgen.model.values import EMPTY_CELL, Cell, Status, Unit
from standgen.validate.derive import cell_derivation, compute_column, compute_row

Inlines = Callable[[str], tuple[t.Inline, ...]]


def unit_for(table: IndicatorTable, row: Row, column: Column | None, cell: Cell) -> Unit:
    """The unit of one cell: the cell's, else the row's, else the column's, else the table's."""
    return cell.unit or row.unit or (column.unit if column else None) or table.unit


def column_label(column: Column, texts: TextTemplates, short: dict[str, str] | None = None
                 ) -> str:
    """A column's header text: its short label when asked for and given, its label, or the
    standard label for its role and year."""
    if short and column.key in short:
        return short[column.key]
    if column.label:
        return column.label
    if column.role:
        return texts.render("columns", column.role, year=column.year or "")
    return texts.render("columns", "year", year=column.year or "")


@dataclass
class TableValues:
    """The cells of a table after derivation: given values win, computed ones fill gaps."""

    table: IndicatorTable

    def __post_init__(self) -> None:
        keys = self.table.column_keys
        self.cells: dict[str, dict[str, Cell]] = {
            row.key: row.cells_by_key(keys) for row in self.table.rows}
        for row in self.table.rows:
            if row.derived is not None:
                self._fill(row.key, compute_row(self.table, row))
        for column in self.table.columns:
            if column.derived is not None:
                for row_key, value in compute_column(self.table, column).items():
                    self._fill_one(row_key, column.key, value)

    def _fill(self, row_key: str, values: dict[str, Decimal | None]) -> None:
        for column_key, value in values.items():
            self._fill_one(row_key, column_key, value)

    def _fill_one(self, row_key: str, column_key: str, value: Decimal | None) -> None:
        cell = self.cells[row_key].get(column_key, EMPTY_CELL)
        if cell.is_empty and value is not None:
            self.cells[row_key][column_key] = cell.model_copy(update={"value": value})

    def cell(self, row: Row, column_key: str) -> Cell:
        return self.cells[row.key].get(column_key, EMPTY_CELL)


NO_NUMBER = (Status.NTB, Status.NOG_NIET_BEKEND, Status.NVT, Status.NOT_DUE, Status.GEEN_DATA,
             Status.MISSING, Status.WITHHELD)


def status_words(texts: TextTemplates) -> dict[str, str]:
    """What a cell without a number prints, by status: the `waarden` templates, whose keys
    are the status words of the data ("nog niet bekend" -> `nog_niet_bekend`); also the
    word after a provisional number (`voorlopig`)."""
    words = {status.value: texts.render("waarden", status_key(status)) for status in NO_NUMBER}
    return {**words, Status.VOORLOPIG.value: texts.render("waarden", "voorlopig")}


def status_key(status: Status) -> str:
    """The template key of a status: "n.t.b." -> `ntb`, "te leveren" -> `te_leveren`."""
    return status.value.replace(".", "").replace(" ", "_")


def cell_text(table: IndicatorTable, row: Row, column: Column | None, cell: Cell,
              missing: Mapping[str, str], numbers: NumberWords, prose: bool = False) -> str:
    """The printed text of one cell, without its marker; `missing` is `status_words`,
    `numbers` the words around numbers (both from the templates); `prose` always names the
    unit (text has no table header to name it)."""
    if cell.status is not None and cell.value is None:
        return missing.get(cell.status.value, cell.status.value)
    unit = unit_for(table, row, column, cell)
    if cell.value is None:
        return cell.text or ""
    signed = is_change(row, column)
    if signed and unit.kind == "percent" and _computed_change(row, column):
        points = dutch.number(cell.value, unit.decimals, signed=True)
        printed = qualified(cell, f"{points}{dutch.NBSP}{numbers.points}")
    elif not prose and not cell.top and _unit_in_header(table, row, column, cell):
        printed = qualified(cell, dutch.number(cell.value, unit.decimals, signed))
    else:
        printed = format_amount(cell.value, unit, words=numbers, of=cell.of, top=cell.top,
                                signed=signed)
        printed = qualified(cell, printed)
    if cell.status == Status.VOORLOPIG:
        word = missing.get(Status.VOORLOPIG.value, Status.VOORLOPIG.value)
        printed = f"{printed}{dutch.NBSP}({word})"
    return f"{cell.text} ({printed})" if cell.text else printed


def is_change(row: Row, column: Column | None) -> bool:
    """Whether a cell holds a change (printed with its sign, +812): the rule that fills it
    is a delta, or its row or column has the role delta; a level never is."""
    rule = cell_derivation(row, column) if column is not None else row.derived
    if rule is not None:
        owner_role = row.role if rule is row.derived else column.role if column else None
        return rule.delta is not None or owner_role == "delta"
    return bool(column and column.role == "delta") or row.role == "delta"


def _computed_change(row: Row, column: Column | None) -> bool:
    """Whether standgen computes the cell as the difference of two cells (a delta rule),
    so that of percentages it is a change in percentage points."""
    rule = cell_derivation(row, column) if column is not None else row.derived
    return rule is not None and rule.delta is not None


def qualified(cell: Cell, printed: str) -> str:
    """A printed value with its qualifier in front, joined by a no-break space."""
    return f"{cell.qualifier}\u00a0{printed}" if cell.qualifier else printed


def _unit_in_header(table: IndicatorTable, row: Row, column: Column | None, cell: Cell
                    ) -> bool:
    """Amounts in a table-wide scale and table-wide VTE'n print as bare numbers: the table's
    header or title names the unit ("(€ x 1.000)", "(VTE'n)")."""
    overridden = cell.unit or row.unit or (column.unit if column else None)
    if overridden is not None:
        return False
    unit = table.unit
    return (unit.kind == "euro" and unit.scale != "een") or unit.kind == "vte"


def compose_table(table: IndicatorTable, number: int, texts: TextTemplates,
                  inline: Inlines, values: TableValues | None = None, short: bool = False
                  ) -> t.Table:
    """Build the tree table for an indicator table (already filtered for the edition);
    `short` uses the author's short column labels."""
    values = values or TableValues(table)
    aligns = column_aligns(table, values)
    header = (_header_rows(table, texts, inline, aligns, table.short_labels if short else None)
              if table.show_header else ())
    mark = texts.render("labels", "herberekend")
    missing = status_words(texts), texts.numbers()
    body = tuple(_body_row(table, row, values, inline, mark, aligns, missing)
                 for row in table.rows)
    notes = tuple(_note(n.marker, n.text, inline) for n in table.notes)
    notes += _settled_notes(values, texts, inline, mark)
    if table.source_note:
        notes += (t.Paragraph(inline(texts.render("labels", "bron", text=table.source_note)),
                              "note"),)
    return t.Table(
        caption=tie_spaces(table.title), header_rows=header, body_rows=body,
        column_widths=column_widths(header, body), notes=notes,
        alt_text=table.alt or _alt_text(table, texts), number=number, anchor=f"tabel-{table.id}",
    )


def _stub_text(table: IndicatorTable) -> str:
    """The label column's header as the author wrote it; the scale note only when asked
    for (`unit_note: stub`), and never twice."""
    if table.unit_note == "stub" and table.unit.kind == "euro" and table.unit.scale != "een":
        note = dutch.scale_header(table.unit.scale)
        return f"{table.stub} {note}".strip() if note not in table.stub else table.stub
    return table.stub


def _is_number(cell: Cell) -> bool:
    return cell.value is not None and not cell.text


def column_aligns(table: IndicatorTable, values: TableValues) -> dict[str, t.Align]:
    """The alignment of each column from its content: right where most of its printed
    cells are numbers, left where most are text. Status words ("n.v.t.", "-") carry no
    vote: they take their column's side, and a column of status words alone is a column
    of figures still to come, so right."""
    aligns: dict[str, t.Align] = {}
    for column in table.columns:
        cells = [values.cell(row, column.key) for row in table.rows if row.role != "group"]
        numbers = sum(1 for c in cells if _is_number(c))
        texts = sum(1 for c in cells if c.text and c.status is None)
        aligns[column.key] = "left" if texts > numbers else "right"
    return aligns


def _header_rows(table: IndicatorTable, texts: TextTemplates, inline: Inlines,
                 aligns: dict[str, t.Align], short: dict[str, str] | None = None
                 ) -> tuple[t.TableRow, ...]:
    stub = inline(_stub_text(table))
    labels = [column_label(c, texts, short) for c in table.columns]
    sides = [aligns[c.key] for c in table.columns]
    if not any(c.group for c in table.columns):
        cells = [t.Cell(stub)] + [t.Cell(inline(label), side)
                                  for label, side in zip(labels, sides, strict=True)]
        return (t.TableRow(tuple(cells)),)
    top: list[t.Cell] = [t.Cell(stub, rowspan=2)]
    bottom: list[t.Cell] = []
    index = 0
    while index < len(table.columns):
        group = table.columns[index].group
        span = 1
        while (group and index + span < len(table.columns)
               and table.columns[index + span].group == group):
            span += 1
        if group:
            top.append(t.Cell(inline(group), "center", colspan=span))
            bottom.extend(t.Cell(inline(label), side) for label, side
                          in zip(labels[index:index + span], sides[index:index + span],
                                 strict=True))
        else:
            top.append(t.Cell(inline(labels[index]), sides[index], rowspan=2))
        index += span
    return (t.TableRow(tuple(top)), t.TableRow(tuple(bottom)))


def _settled_notes(values: TableValues, texts: TextTemplates, inline: Inlines, mark: str
                   ) -> tuple[t.Paragraph, ...]:
    """The sentences below a table whose figures were withheld or recomputed."""
    cells = [c for row in values.cells.values() for c in row.values()]
    notes: list[t.Paragraph] = []
    if any(c.status == Status.WITHHELD for c in cells):
        notes.append(t.Paragraph(inline(texts.render("phrases", "tabel_vertrouwelijk")),
                                 "note"))
    if any(isinstance(c, RecomputedFigure) for c in cells):
        notes.append(_note(mark, texts.render("phrases", "tabel_herberekend"), inline))
    return tuple(notes)


def _body_row(table: IndicatorTable, row: Row, values: TableValues, inline: Inlines,
              mark: str, aligns: dict[str, t.Align],
              missing: tuple[Mapping[str, str], NumberWords]) -> t.TableRow:
    label = row.label + (row.marker or "")
    if row.role == "group":
        return t.TableRow((t.Cell(inline(label), colspan=len(table.columns) + 1),), "group")
    cells = [t.Cell(inline(label))]
    for column in table.columns:
        cell = values.cell(row, column.key)
        text = cell_text(table, row, column, cell, *missing)
        side = aligns[column.key]
        runs = _cell_runs(text, cell, inline)
        if cell.marker:
            runs = (*runs, t.Text(cell.marker))
        if isinstance(cell, RecomputedFigure):
            runs = (*runs, t.Text(mark, script="super"))
        cells.append(t.Cell(runs, side))
    role: t.RowRole = row.role if row.role in ("total", "subtotal") else "data"
    return t.TableRow(tuple(cells), role)


def _cell_runs(text: str, cell: Cell, inline: Inlines) -> tuple[t.Inline, ...]:
    """A cell's printed text as runs: its own `text` is rich text (rendered like a row
    label), the printed number after it is not."""
    if not cell.text:
        return (t.Text(text),)
    if cell.value is None:
        return tuple(inline(text))
    return (*inline(cell.text), t.Text(text[len(cell.text):]))


def _note(marker: str | None, text: str, inline: Inlines) -> t.Paragraph:
    prefix = f"{marker} " if marker and not text.startswith(marker) else ""
    return t.Paragraph(inline(prefix + text), "note")


def _alt_text(table: IndicatorTable, texts: TextTemplates) -> str:
    labels = [column_label(c, texts) for c in table.columns]
    span = f"{labels[0]}–{labels[-1]}" if len(labels) > 1 else (labels[0] if labels else "")
    rows = [r.label for r in table.rows if r.label and r.role != "group"]
    more = " " + texts.render("words", "en_meer") if len(rows) > 6 else ""
    rows_text = ", ".join(rows[:6]) + more
    return texts.render("words", "alt_tabel", title=table.title, columns=span,
                        rows=rows_text).replace(" ;", ";")
