"""Values still to be delivered: every cell with status `te leveren`, as a warning.

A rolled-forward draft holds such a cell for each new-year value; this lists them with the
place to fill them in: the data file's line and column when the table reads one, else the
row in the YAML source.
"""

from __future__ import annotations

from pathlib import Path

from standgen.errors import Location, Problem, Severity, SourceError
from standgen.load.tabular import DataFile, read_data_file
from standgen.model.report import Report
from standgen.model.tables import IndicatorTable, Row
from standgen.model.values import Status
from standgen.validate.walk import walk

CODE = "value-missing"


def check_missing(report: Report) -> list[Problem]:
    """A warning for every cell of every table whose status is `te leveren`."""
    problems: list[Problem] = []
    for path, node in walk(report):
        if isinstance(node, IndicatorTable):
            problems += _missing_in_table(node, path)
    return problems


def _missing_in_table(table: IndicatorTable, path: str) -> list[Problem]:
    keys = table.column_keys
    data = _data_file(table)
    cells = _data_cells(data, table.sheet) if data is not None else None
    problems: list[Problem] = []
    for index, row in enumerate(table.rows):
        for key, cell in row.cells_by_key(keys).items():
            if cell.status is not Status.MISSING:
                continue
            where = f"{path}.rows[{index}].values.{key}"
            problems.append(_problem(table, row, key, where, data, cells))
    return problems


def _problem(table: IndicatorTable, row: Row, key: str, where: str, data: Path | None,
             cells: DataFile | None) -> Problem:
    label = row.label or row.key
    what = f"table {table.id!r}, row {label!r}, column {key}: value still to be delivered"
    in_file = cells is not None and row.key in cells.rows and "values" not in _yaml_keys(row)
    if in_file and data is not None and cells is not None:
        return Problem(cells.where(row.key, key),
                       f"{what}; replace 'te leveren' by the figure in {data.name}",
                       Severity.WARNING, CODE)
    hint = (f"in the data file {data.name} (row {row.key!r})" if data is not None
            else "in the row's values")
    return Problem(row.loc("values", where), f"{what}; fill in the figure {hint}",
                   Severity.WARNING, CODE)


def _yaml_keys(row: Row) -> dict[str, int]:
    return row.source.key_lines if row.source is not None else {}


def _data_file(table: IndicatorTable) -> Path | None:
    if table.data is None or table.source is None or table.source.file is None:
        return None
    return (table.source.file.parent / table.data).resolve()


def _data_cells(path: Path, sheet: str | None) -> DataFile | None:
    """The data file's rows and cell places; None if unreadable."""
    try:
        return read_data_file(path, sheet, Location(path, None, ""))
    except SourceError:
        return None
