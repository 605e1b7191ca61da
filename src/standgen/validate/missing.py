"""Values still to be delivered: every cell with status `te leveren`, as a warning.

A rolled-forward draft holds such a cell for each new-year value; this lists them with the
place to fill them in: the data file's line and column when the table reads one, else the
row in the YAML source.
"""

from __future__ import annotations

from pathlib import Path

from standgen.errors import Location, Problem, Severity, SourceError
from standgen.load.tabular import column_name, read_grid
from standgen.model.report import Report
from standgen.model.tables import IndicatorTable, Row
from standgen.model.values import Status
from standgen.validate.walk import walk

CODE = "value-missing"
_Lines = dict[str, tuple[int, list[str]]]


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
    lines = _data_lines(data, table.sheet) if data is not None else {}
    problems: list[Problem] = []
    for index, row in enumerate(table.rows):
        for key, cell in row.cells_by_key(keys).items():
            if cell.status is not Status.MISSING:
                continue
            where = f"{path}.rows[{index}].values.{key}"
            problems.append(_problem(table, row, key, where, data, lines))
    return problems


def _problem(table: IndicatorTable, row: Row, key: str, where: str, data: Path | None,
             lines: _Lines) -> Problem:
    label = row.label or row.key
    what = f"table {table.id!r}, row {label!r}, column {key}: value still to be delivered"
    in_file = data is not None and row.key in lines and "values" not in _yaml_keys(row)
    if in_file and data is not None:
        line, header = lines[row.key]
        column = column_name(header.index(key)) if key in header else key
        return Problem(Location(data, line, column),
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


def _data_lines(path: Path, sheet: str | None) -> _Lines:
    """Each row id's line in the data file and the file's header keys; empty if unreadable."""
    try:
        grid, lines = read_grid(path, sheet, Location(path, None, ""))
    except SourceError:
        return {}
    return {row_id: (line, ["", *grid[row_id]]) for row_id, line in lines.items()}
