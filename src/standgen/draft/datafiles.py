"""Roll-forward edits on a table's data file (CSV or XLSX): new year columns and cells.

CSV files get the new columns right after the columns they continue; XLSX sheets get them
after the last used column, so that formulas elsewhere keep pointing at the right cells.
"""

from __future__ import annotations

import codecs
import csv
import io
from pathlib import Path
from typing import Any

from standgen.draft.plan import TablePlan
from standgen.load.tabular import cell_key
from standgen.model.tables import IndicatorTable
from standgen.model.values import Status

MISSING = Status.MISSING.value
Grid = list[list[Any]]


def edit_data_file(path: Path, sheet: str | None, table: IndicatorTable,
                   plan: TablePlan, notes: list[str]) -> set[str]:
    """Apply `plan` to the data file of `table`; returns the row ids the file fills."""
    if path.suffix.lower() == ".csv":
        return _edit_csv(path, table, plan)
    return _edit_xlsx(path, sheet, table, plan, notes)


def file_row_ids(path: Path, sheet: str | None) -> set[str]:
    """The row ids in the first column of a data file (below its header row)."""
    grid = _read_csv(path)[0] if path.suffix.lower() == ".csv" else _read_sheet(path, sheet)
    rows = [r for r in grid if any(c not in (None, "") for c in r)]
    return {cell_key(r[0]) for r in rows[1:] if r}


def _read_csv(path: Path) -> tuple[Grid, str, str, bool]:
    raw = path.read_bytes()
    text = raw.decode("utf-8-sig")
    newline = "\r\n" if "\r\n" in text else "\n"
    delimiter = ","
    if text.strip():
        delimiter = csv.Sniffer().sniff(text[:4096], delimiters=",;\t").delimiter
    rows: Grid = [list(r) for r in csv.reader(io.StringIO(text), delimiter=delimiter)]
    return rows, delimiter, newline, raw.startswith(codecs.BOM_UTF8)


def _edit_csv(path: Path, table: IndicatorTable, plan: TablePlan) -> set[str]:
    rows, delimiter, newline, bom = _read_csv(path)
    ids = edit_grid(rows, table, plan, append=False, empty="")
    out = io.StringIO()
    csv.writer(out, delimiter=delimiter, lineterminator=newline).writerows(rows)
    path.write_text(("\ufeff" if bom else "") + out.getvalue(), encoding="utf-8")
    return ids


def _read_sheet(path: Path, sheet: str | None) -> Grid:
    from openpyxl import load_workbook

    book = load_workbook(path, data_only=True)
    ws = book[sheet] if sheet is not None else book.worksheets[0]
    return [list(r) for r in ws.iter_rows(values_only=True)]


def _edit_xlsx(path: Path, sheet: str | None, table: IndicatorTable, plan: TablePlan,
               notes: list[str]) -> set[str]:
    from openpyxl import load_workbook

    book = load_workbook(path)
    ws = book[sheet] if sheet is not None else book.worksheets[0]
    before = [list(r) for r in ws.iter_rows(values_only=True)]
    if any(isinstance(c, str) and c.startswith("=") for r in before for c in r):
        before = _read_sheet(path, sheet)
        notes.append(f"{path.name}: formulas in sheet {ws.title!r} were replaced by their "
                     "stored results in the new copy (the original is unchanged)")
        for r, row in enumerate(before, start=1):
            for c, value in enumerate(row, start=1):
                ws.cell(r, c).value = value
    after = [list(r) for r in before]
    ids = edit_grid(after, table, plan, append=True, empty=None)
    for r, row in enumerate(after, start=1):
        for c, value in enumerate(row, start=1):
            old = before[r - 1][c - 1] if c <= len(before[r - 1]) else None
            if value != old:
                ws.cell(r, c).value = value
    book.save(path)
    return ids


def edit_grid(rows: Grid, table: IndicatorTable, plan: TablePlan, *, append: bool,
              empty: Any) -> set[str]:
    """Edit a data file's cells in place; returns the ids of the rows it fills."""
    filled = [r for r in rows if any(c not in (None, "") for c in r)]
    if not filled:
        return set()
    header = filled[0]
    _add_columns(rows, header, plan, append, empty)
    keys = [cell_key(c) for c in header]
    by_key = {row.key: i for i, row in enumerate(table.rows)}
    ids: set[str] = set()
    for row in filled[1:]:
        index = by_key.get(cell_key(row[0]))
        if index is None or table.rows[index].role == "group":
            continue
        ids.add(cell_key(row[0]))
        row.extend([empty] * (len(keys) - len(row)))
        for key, action in plan.cells.get(index, {}).items():
            if action == "missing":
                row[keys.index(key)] = MISSING
            elif plan.sources[key] in keys:
                row[keys.index(key)] = row[keys.index(plan.sources[key])]
        for key in plan.cleared:
            if key in keys:
                row[keys.index(key)] = empty
    return ids


def _add_columns(rows: Grid, header: list[Any], plan: TablePlan, append: bool,
                 empty: Any) -> None:
    keys = [cell_key(c) for c in header]
    new = [n.column.key for n in plan.new_columns if n.column.key not in keys]
    if not new:
        return
    sources = [keys.index(plan.sources[k]) for k in new if plan.sources[k] in keys]
    at = len(keys) if append or not sources else max(sources) + 1
    width = len(keys)
    for row in rows:
        if not any(c not in (None, "") for c in row):
            continue
        row.extend([empty] * (width - len(row)))
        cells = new if row is header else [empty] * len(new)
        row[at:at] = cells


