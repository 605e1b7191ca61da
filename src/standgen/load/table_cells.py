"""Table cells as their row says: figures in rows of numbers, text in rows of text.

Runs on the loaded YAML data before the model is built, so every message points at the YAML
line or the data-file cell. A table's `data:` file fills its rows' values; markings written
in YAML (cell, row) are kept and must agree with those in the file. See docs/data-files.md.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

from standgen.errors import Location, Problem, SourceError, source_error
from standgen.load.data_rows import fill_row
from standgen.load.data_unused import unused_figures
from standgen.load.numbers import (
    STYLES,
    FigureError,
    Style,
    check_yaml_number,
    parse_style,
    read_figure,
    spell,
    strip_decorations,
)
from standgen.load.raw_nodes import column_key, file_of, is_numeric, place, row_id_of
from standgen.load.safety import resolve_inside
from standgen.load.tabular import DataFile, near_status, read_data_file
from standgen.model.base import SOURCE_KEY, SourceRef
from standgen.model.values import STATUS_ALIASES

_WORDS = "n.t.b., n.v.t., -, te leveren"
MAX_CELL_PROBLEMS = 20


def report_style(data: dict[str, Any], main: Path) -> Style:
    """The report's declared number style, or the default (not declared)."""
    if "number_style" not in data:
        return Style()
    return Style(_style(data, "number_style", main, "number_style"), declared=True)


def _style(node: dict[str, Any], key: str, file: Path | None, path: str) -> Any:
    try:
        return parse_style(node[key])
    except FigureError as exc:
        at = place(node, key, path, file)
        raise source_error(at.file, at.line, at.field, str(exc)) from None


def fill_tables(node: Any, root: Path, read: list[Path], style: Style,
                path: str = "") -> None:
    """Check every table's cells, filling values from its data file (each file read is
    added to `read`); every bad cell of every data file is raised at once."""
    problems: list[Problem] = []
    _walk(node, root, read, style, path, problems)
    raise_capped(problems)


def _walk(node: Any, root: Path, read: list[Path], style: Style, path: str,
          problems: list[Problem]) -> None:
    if isinstance(node, list):
        for index, item in enumerate(node):
            _walk(item, root, read, style, f"{path}[{index}]", problems)
        return
    if not isinstance(node, dict):
        return
    if "rows" in node and "columns" in node and "id" in node:
        problems += _one_table(node, root, read, style, path)
    if "type" in node and ("series" in node or "norm" in node):
        _check_chart(node, path, style)
    for key, value in node.items():
        if key != SOURCE_KEY:
            _walk(value, root, read, style, f"{path}.{key}" if path else key, problems)


def _one_table(table: dict[str, Any], root: Path, read: list[Path], style: Style,
               path: str) -> list[Problem]:
    """Fill one table from its data file; returns the bad cells and unprinted figures."""
    columns = table["columns"] if isinstance(table["columns"], list) else []
    rows = table["rows"] if isinstance(table["rows"], list) else []
    if "data_style" in table:
        style = Style(_style(table, "data_style", None, f"{path}.data_style"), declared=True)
    data = _data_file(table, root, path) if "data" in table else None
    if data is None and "data_skip" in table:
        at = place(table, "data_skip", f"{path}.data_skip", file_of(table))
        raise source_error(at.file, at.line, at.field, "data_skip leaves out rows or columns "
                           "of a data file, but the table has no `data`; remove it")
    if data is not None:
        read.append(data.path)
    problems: list[Problem] = []
    for index, row in enumerate(rows):
        if not isinstance(row, dict) or row.get("role") == "group":
            continue
        row_path = f"{path}.rows[{index}]"
        from_file = data is not None and row_id_of(row) in data.rows
        _check_yaml_cells(table, columns, row, row_path, style, from_file)
        if data is not None:
            problems += fill_row(table, columns, row, row_path, data, style)
    if data is not None:
        problems += unused_figures(table, columns, rows, data, path)
    return problems


def raise_capped(problems: list[Problem]) -> None:
    """Raise every problem found, at most MAX_CELL_PROBLEMS per file, each file's list
    followed by how many more it has."""
    if not problems:
        return
    by_file: dict[Path | None, list[Problem]] = {}
    for problem in problems:
        by_file.setdefault(problem.location.file, []).append(problem)
    shown: list[Problem] = []
    for file, found in by_file.items():
        shown += found[:MAX_CELL_PROBLEMS]
        if len(found) > MAX_CELL_PROBLEMS:
            name = file.name if file is not None else "the sources"
            shown.append(Problem(Location(file, None, ""),
                                 f"and {len(found) - MAX_CELL_PROBLEMS} more problem(s) in "
                                 f"{name}; fix the ones above and validate again",
                                 code="more-problems"))
    raise SourceError(shown)


def _data_file(table: dict[str, Any], root: Path, path: str) -> DataFile:
    source: SourceRef = table[SOURCE_KEY]
    at = source.at("data", f"{path}.data")
    if not isinstance(table["data"], str):
        raise source_error(at.file, at.line, at.field, "data takes a file path (.csv, .xlsx)")
    base = source.file.parent if source.file is not None else root
    file = resolve_inside(root, base / table["data"], at)
    return read_data_file(file, table.get("sheet"), at)


def _check_yaml_cells(table: dict[str, Any], columns: list[Any], row: dict[str, Any],
                      row_path: str, style: Style, from_file: bool) -> None:
    """Cells written in YAML: figures in rows of numbers, and one per column unless the
    row's values come from a data file (then the YAML cells carry markings only)."""
    values = row.get("values")
    file = file_of(table)
    if isinstance(values, list):
        for index, (cell, column) in enumerate(zip(values, columns, strict=False)):
            at = place(row, "values", f"{row_path}.values[{index}]", file)
            _check_yaml_cell(cell, is_numeric(table, row, column, cell), style, at)
        if not from_file:
            _check_count(table, columns, row, row_path, len(values))
    elif isinstance(values, dict):
        by_key = {column_key(c): c for c in columns}
        for key, cell in values.items():
            if key == SOURCE_KEY:
                continue
            at = place(values, key, f"{row_path}.values.{key}", file)
            if at.line is None:
                at = place(row, "values", at.field, file)
            column = by_key.get(str(key))
            _check_yaml_cell(cell, is_numeric(table, row, column, cell), style, at)


def _check_count(table: dict[str, Any], columns: list[Any], row: dict[str, Any],
                 row_path: str, given: int) -> None:
    """A list of values shorter than the columns leaves cells empty: refuse it unless the
    columns left out are derived (computed by standgen), as is a derived row."""
    if row.get("derived"):
        return
    missing = [column_key(c) for c in columns[given:]
               if not (isinstance(c, dict) and c.get("derived"))]
    if missing and given < len(columns):
        at = place(row, "values", f"{row_path}.values", file_of(table))
        raise source_error(at.file, at.line, at.field,
                           f"row {row_id_of(row)!r} has {given} value(s) for {len(columns)} "
                           f"columns (no value for {', '.join(missing)}); write ~ for each "
                           "cell that is empty on purpose, for example [12, ~, 14]")


def _check_chart(chart: dict[str, Any], path: str, style: Style) -> None:
    """A chart's own numbers (series values, norm) are figures too."""
    file = file_of(chart)
    if "norm" in chart:
        _check_figure(chart["norm"], style, place(chart, "norm", f"{path}.norm", file))
    series = chart.get("series")
    for index, item in enumerate(series if isinstance(series, list) else []):
        values = item.get("values") if isinstance(item, dict) else None
        for position, value in enumerate(values if isinstance(values, list) else []):
            where = f"{path}.series[{index}].values[{position}]"
            _check_figure(value, style, place(item, "values", where, file))


def _check_yaml_cell(cell: Any, numeric: bool, style: Style, at: Location) -> None:
    if isinstance(cell, dict) and "of" in cell:
        _check_figure(cell["of"], style, Location(at.file, at.line, f"{at.field}.of"))
    value = cell.get("value") if isinstance(cell, dict) else cell
    if value is None or not numeric:
        return
    if not isinstance(cell, dict) and isinstance(value, str) \
            and value.strip().lower() in STATUS_ALIASES:
        return
    _check_figure(value, style, at)


def _check_figure(value: Any, style: Style, at: Location) -> None:
    """A value that must be a figure (or empty): a YAML number within the limits."""
    if value is None:
        return
    if isinstance(value, bool):
        raise source_error(at.file, at.line, at.field,
                           f"{str(value).lower()} in a row of numbers; write a figure, a "
                           f"status word ({_WORDS}) or ~ for an empty cell")
    if isinstance(value, int | float | Decimal):
        try:
            check_yaml_number(value, style)
        except FigureError as exc:
            raise source_error(at.file, at.line, at.field, str(exc)) from None
        return
    if isinstance(value, str):
        raise source_error(at.file, at.line, at.field, _text_in_numbers(value, style))


def _text_in_numbers(text: str, style: Style) -> str:
    """What to write instead of text (quoted figures, percent strings, words) in a row of
    numbers: the figure as a YAML number, with each reading when the styles differ."""
    head = f"{text!r} is text in a row of numbers"
    bare = strip_decorations(text)
    readings: list[Decimal] = []
    for name in STYLES:
        try:
            value = read_figure(bare, Style(name, declared=True))
        except FigureError:
            continue
        if value is not None and value not in readings:
            readings.append(value)
    if not readings:
        return (f"{head}; {near_status(text)}write a figure, a status word ({_WORDS}), ~ "
                "for an empty cell, or {text: ...} to print text; if the row holds text, "
                "give it `unit: text`")
    dropped = " and without the sign (the unit prints it)" if bare != text.strip() else ""
    if len(readings) == 1:
        return (f"{head}; write it as a YAML number without quotes{dropped}: "
                f"{format(readings[0], 'f')}")
    options = " or ".join(f"{format(r, 'f')} (if you mean {spell(r, 'nl', grouped=True)})"
                          for r in readings)
    return (f"{head} and could mean two things; write it as a YAML number without quotes"
            f"{dropped} (a decimal point, no thousands separator): {options}")
