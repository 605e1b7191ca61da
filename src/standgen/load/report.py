"""Load a report: YAML sources with includes, data files, then the typed model.

Pydantic's errors are mapped back to the file and line where the offending key stands,
so that every message tells an author exactly where to look.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pydantic import ValidationError

from standgen.errors import SourceError, source_error
from standgen.load.limits import check_limits
from standgen.load.safety import resolve_inside
from standgen.load.tabular import check_numbers, read_grid
from standgen.load.validation_errors import problems_from
from standgen.load.yaml_source import load_yaml_tree
from standgen.model.base import SOURCE_KEY, SourceRef
from standgen.model.report import Report

MAX_TITLE = 150
MAX_PERIOD = 60


def load_report(path: str | Path) -> Report:
    """Read a report from its main YAML file; raises SourceError with every problem."""
    return load_report_and_files(path)[0]


def load_report_and_files(path: str | Path) -> tuple[Report, list[Path]]:
    """The report and every file its load read (YAML and data files), for caching."""
    main = Path(path)
    if main.is_dir():
        candidate = main / "report.yaml"
        if not candidate.is_file():
            raise source_error(main, None, "", "this is a directory without report.yaml; "
                               "give the report's main YAML file")
        main = candidate
    data, files = load_yaml_tree(main)
    if not isinstance(data, dict):
        raise source_error(main.resolve(), 1, "", "the report file must be a mapping with "
                           "keys such as title, period and chapters")
    root = main.resolve().parent
    data_files: list[Path] = []
    _fill_table_data(data, root, data_files)
    _unmark_value_maps(data)
    try:
        report = Report.model_validate(data)
    except ValidationError as exc:
        raise SourceError(problems_from(exc, data, main.resolve(), files)) from None
    _check_name_lengths(report)
    check_limits(report)
    return report, [*files, *data_files]


def _check_name_lengths(report: Report) -> None:
    """Title and period name the output files; refuse lengths no file system can hold."""
    for key, limit in (("title", MAX_TITLE), ("period", MAX_PERIOD)):
        value = str(getattr(report, key))
        if len(value) > limit:
            at = report.loc(key, key)
            raise source_error(at.file, at.line, at.field,
                               f"{key} of {len(value):,} characters; the limit is {limit} "
                               "(it names the output files); shorten it")


def _unmark_value_maps(node: Any) -> None:
    """Row values given as a mapping are plain data keyed by column: drop their source mark."""
    if isinstance(node, list):
        for item in node:
            _unmark_value_maps(item)
    elif isinstance(node, dict):
        values = node.get("values")
        if isinstance(values, dict) and "rows" not in node:
            values.pop(SOURCE_KEY, None)
        for key, value in node.items():
            if key != SOURCE_KEY:
                _unmark_value_maps(value)


def _fill_table_data(node: Any, root: Path, read: list[Path], path: str = "") -> None:
    """Find tables with `data:` and fill their rows' values from the data file (each file
    read is added to `read`)."""
    if isinstance(node, list):
        for index, item in enumerate(node):
            _fill_table_data(item, root, read, f"{path}[{index}]")
        return
    if not isinstance(node, dict):
        return
    if "data" in node and "rows" in node and "columns" in node:
        read.append(_fill_one_table(node, root, path))
    for key, value in node.items():
        if key != SOURCE_KEY:
            _fill_table_data(value, root, read, f"{path}.{key}" if path else key)


def _fill_one_table(table: dict[str, Any], root: Path, table_path: str) -> Path:
    source: SourceRef = table[SOURCE_KEY]
    at = source.at("data", f"{table_path}.data")
    if not isinstance(table["data"], str):
        raise source_error(at.file, at.line, at.field, "data takes a file path (.csv, .xlsx)")
    base = source.file.parent if source.file is not None else root
    path = resolve_inside(root, base / table["data"], at)
    grid, lines = read_grid(path, table.get("sheet"), at)
    keys = [_column_key(c) for c in table["columns"]] if isinstance(table["columns"], list) else []
    rows = table["rows"] if isinstance(table["rows"], list) else []
    for index, row in enumerate(rows):
        if not isinstance(row, dict) or row.get("role") == "group":
            continue
        if row.get("derived") and _row_id(row) not in grid:
            continue
        row_id = _row_id(row)
        if row_id not in grid:
            if "values" in row:
                continue
            line = row[SOURCE_KEY].line if SOURCE_KEY in row else at.line
            raise source_error(at.file, line, f"{table_path}.rows[{index}]",
                               f"row {row_id!r} is not in {path.name}; its first column has "
                               f"{', '.join(grid) or 'no ids'}; add the row there or give "
                               "the row its own `values`")
        missing = [k for k in keys if k not in grid[row_id]]
        if missing:
            raise source_error(path, 1, "", f"column(s) {', '.join(missing)} missing in the "
                               f"header of {path.name}")
        if _unit_kind(row.get("unit", table.get("unit"))) != "text":
            check_numbers(path, grid, lines, row_id, keys)
        row["values"] = {k: grid[row_id][k] for k in keys}
    return path


def _unit_kind(unit: Any) -> str:
    """The kind of a unit as written (a string or a mapping); count when absent."""
    if isinstance(unit, str):
        return unit
    if isinstance(unit, dict):
        return str(unit.get("kind", "count"))
    return "count"


def _row_id(row: dict[str, Any]) -> str:
    return str(row.get("id") or row.get("label") or "")


def _column_key(column: Any) -> str:
    if isinstance(column, int):
        return str(column)
    if isinstance(column, str):
        return column
    if isinstance(column, dict):
        if column.get("id"):
            return str(column["id"])
        if column.get("year") is not None:
            role = column.get("role")
            return f"{role}-{column['year']}" if role else str(column["year"])
        return str(column.get("label") or column.get("role") or "")
    return ""
