"""Table cells as their row says: figures in rows of numbers, text in rows of text.

Runs on the loaded YAML data before the model is built, so every message points at the YAML
line or the data-file cell. A table's `data:` file fills its rows' values; markings written
in YAML (cell, row) are kept and must agree with those in the file. See docs/data-files.md.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

from standgen.errors import Location, source_error
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
from standgen.load.safety import resolve_inside
from standgen.load.tabular import DataFile, cell_input, near_status, read_data_file
from standgen.model.base import SOURCE_KEY, SourceRef
from standgen.model.values import STATUS_ALIASES

_WORDS = "n.t.b., n.v.t., -, te leveren"


def report_style(data: dict[str, Any], main: Path) -> Style:
    """The report's declared number style, or the default (not declared)."""
    if "number_style" not in data:
        return Style()
    return Style(_style(data, "number_style", main, "number_style"), declared=True)


def _style(node: dict[str, Any], key: str, file: Path | None, path: str) -> Any:
    try:
        return parse_style(node[key])
    except FigureError as exc:
        at = _at(node, key, path, file)
        raise source_error(at.file, at.line, at.field, str(exc)) from None


def fill_tables(node: Any, root: Path, read: list[Path], style: Style,
                path: str = "") -> None:
    """Check every table's cells, filling values from its data file (each file read is
    added to `read`)."""
    if isinstance(node, list):
        for index, item in enumerate(node):
            fill_tables(item, root, read, style, f"{path}[{index}]")
        return
    if not isinstance(node, dict):
        return
    if "rows" in node and "columns" in node and "id" in node:
        _one_table(node, root, read, style, path)
    if "type" in node and ("series" in node or "norm" in node):
        _check_chart(node, path, style)
    for key, value in node.items():
        if key != SOURCE_KEY:
            fill_tables(value, root, read, style, f"{path}.{key}" if path else key)


def _one_table(table: dict[str, Any], root: Path, read: list[Path], style: Style,
               path: str) -> None:
    columns = table["columns"] if isinstance(table["columns"], list) else []
    rows = table["rows"] if isinstance(table["rows"], list) else []
    if "data_style" in table:
        style = Style(_style(table, "data_style", None, f"{path}.data_style"), declared=True)
    data = _data_file(table, root, path) if "data" in table else None
    if data is not None:
        read.append(data.path)
    for index, row in enumerate(rows):
        if not isinstance(row, dict) or row.get("role") == "group":
            continue
        row_path = f"{path}.rows[{index}]"
        from_file = data is not None and _row_id(row) in data.rows
        _check_yaml_cells(table, columns, row, row_path, style, from_file)
        if data is not None:
            _fill_row(table, columns, row, row_path, data, style)


def _data_file(table: dict[str, Any], root: Path, path: str) -> DataFile:
    source: SourceRef = table[SOURCE_KEY]
    at = source.at("data", f"{path}.data")
    if not isinstance(table["data"], str):
        raise source_error(at.file, at.line, at.field, "data takes a file path (.csv, .xlsx)")
    base = source.file.parent if source.file is not None else root
    file = resolve_inside(root, base / table["data"], at)
    return read_data_file(file, table.get("sheet"), at)


def _fill_row(table: dict[str, Any], columns: list[Any], row: dict[str, Any],
              row_path: str, data: DataFile, style: Style) -> None:
    row_id = _row_id(row)
    yaml_values = row.get("values")
    if row_id not in data.rows:
        if row.get("derived") or "values" in row:
            return
        at = _at(row, "id", row_path, _file(table))
        raise source_error(at.file, at.line, row_path,
                           f"row {row_id!r} is not in {data.path.name}; its first column "
                           f"has {', '.join(data.rows) or 'no ids'}; add the row there or "
                           "give the row its own `values`")
    keys = [_column_key(c) for c in columns]
    missing = [k for k in keys if k not in data.header]
    if missing:
        present = [k for k in data.header if not k.startswith("\0")]
        raise source_error(data.path, data.header_line, "",
                           f"column(s) {', '.join(missing)} missing in the header of "
                           f"{data.path.name}; its header has {', '.join(present)}")
    filled: dict[str, Any] = {}
    for column, key in zip(columns, keys, strict=True):
        numeric = _numeric(table, row, column, None)
        at = data.where(row_id, key)
        value = cell_input(data.rows[row_id][key], numeric, style, at)
        if isinstance(value, dict):
            value[SOURCE_KEY] = SourceRef(at.file, at.line)
        filled[key] = _merge_cell(_yaml_cell(yaml_values, keys, key), value, row, row_path,
                                  key, data, row_id, table)
    _merge_row_mark(row, row_path, data, row_id, table)
    row["values"] = filled


def _yaml_cell(values: Any, keys: list[str], key: str) -> Any:
    if isinstance(values, dict):
        return values.get(key)
    if isinstance(values, list) and keys.index(key) < len(values):
        return values[keys.index(key)]
    return None


def _merge_cell(yaml_cell: Any, value: Any, row: dict[str, Any], row_path: str, key: str,
                data: DataFile, row_id: str, table: dict[str, Any]) -> Any:
    """The file's value with the YAML cell's marking (and marker) kept; a YAML figure or a
    marking that differs from the file's is an error naming both places."""
    if yaml_cell is None:
        return value
    here = _at(row, "values", f"{row_path}.values.{key}", _file(table))
    there = data.where(row_id, key)
    if not isinstance(yaml_cell, dict):
        if _same_value(yaml_cell, value):
            return value
        raise source_error(here.file, here.line, here.field,
                           f"the YAML gives {yaml_cell!r} for column {key} and "
                           f"{there.file.name if there.file else 'the data file'} "
                           f"({there.field}, line {there.line}) gives {_shown(value)}; the "
                           "data file holds the figures: remove the YAML value, or keep only "
                           "its marking as {rubricering: ...}")
    file_cell = dict(value) if isinstance(value, dict) else _as_mapping(value)
    for name, own in yaml_cell.items():
        if name == SOURCE_KEY:
            continue
        theirs = file_cell.get(name)
        if name in ("value", "status", "text") and theirs is not None and not _same_value(
                own, theirs):
            raise _conflict(here, there, f"{name} {own!r}", f"{name} {_shown(theirs)}", key)
        if name == "rubricering" and theirs is not None and theirs != own:
            raise _conflict(here, there, f"rubricering {own}", f"rubricering {theirs}", key)
        file_cell[name] = own if theirs is None else theirs
    if file_cell.get(SOURCE_KEY) is None:
        file_cell[SOURCE_KEY] = yaml_cell.get(SOURCE_KEY)
    return {k: v for k, v in file_cell.items() if v is not None or k == SOURCE_KEY}


def _conflict(here: Location, there: Location, mine: str, theirs: str, key: str | None,
              row_id: str = "") -> Exception:
    what = f"column {key}" if key is not None else f"row {row_id!r}"
    return source_error(here.file, here.line, here.field,
                        f"{what}: the YAML says {mine} but "
                        f"{there.file.name if there.file else 'the data file'} "
                        f"({there.field}, line {there.line}) says {theirs}; make them agree "
                        "or write it in one place only")


def _merge_row_mark(row: dict[str, Any], row_path: str, data: DataFile, row_id: str,
                    table: dict[str, Any]) -> None:
    mark = data.marks.get(row_id)
    if mark is None:
        return
    own = row.get("rubricering")
    if own is not None and own != mark:
        here = _at(row, "rubricering", f"{row_path}.rubricering", _file(table))
        there = data.place(data.lines[row_id], data.mark_column)
        raise _conflict(here, there, f"rubricering {own}", f"rubricering {mark}",
                        None, row_id)
    row["rubricering"] = mark
    source = row.get(SOURCE_KEY)
    if isinstance(source, SourceRef):
        row[SOURCE_KEY] = SourceRef(source.file, source.line,
                                    {**source.key_lines, "rubricering": data.lines[row_id]},
                                    {**source.key_files, "rubricering": data.path})


def _as_mapping(value: Any) -> dict[str, Any]:
    if value is None:
        return {}
    if isinstance(value, Decimal):
        return {"value": value}
    if str(value).strip().lower() in STATUS_ALIASES:
        return {"status": STATUS_ALIASES[str(value).strip().lower()].value}
    return {"text": value}


def _same_value(yaml_value: Any, file_value: Any) -> bool:
    mine = _as_mapping(yaml_value) if not isinstance(yaml_value, dict) else yaml_value
    theirs = _as_mapping(file_value) if not isinstance(file_value, dict) else file_value
    if isinstance(yaml_value, int | Decimal) and not isinstance(yaml_value, bool):
        return isinstance(theirs.get("value"), Decimal) and theirs["value"] == yaml_value
    if isinstance(yaml_value, str):
        return str(theirs.get("status") or theirs.get("text")) == str(
            mine.get("status") or mine.get("text"))
    return False


def _shown(value: Any) -> str:
    if isinstance(value, dict):
        value = value.get("value", value.get("status", value.get("text")))
    return format(value, "f") if isinstance(value, Decimal) else repr(value)


def _check_yaml_cells(table: dict[str, Any], columns: list[Any], row: dict[str, Any],
                      row_path: str, style: Style, from_file: bool) -> None:
    """Cells written in YAML: figures in rows of numbers, and one per column unless the
    row's values come from a data file (then the YAML cells carry markings only)."""
    values = row.get("values")
    file = _file(table)
    if isinstance(values, list):
        for index, (cell, column) in enumerate(zip(values, columns, strict=False)):
            at = _at(row, "values", f"{row_path}.values[{index}]", file)
            _check_yaml_cell(cell, _numeric(table, row, column, cell), style, at)
        if not from_file:
            _check_count(table, columns, row, row_path, len(values))
    elif isinstance(values, dict):
        by_key = {_column_key(c): c for c in columns}
        for key, cell in values.items():
            if key == SOURCE_KEY:
                continue
            at = _at(values, key, f"{row_path}.values.{key}", file)
            if at.line is None:
                at = _at(row, "values", at.field, file)
            column = by_key.get(str(key))
            _check_yaml_cell(cell, _numeric(table, row, column, cell), style, at)


def _check_count(table: dict[str, Any], columns: list[Any], row: dict[str, Any],
                 row_path: str, given: int) -> None:
    """A list of values shorter than the columns leaves cells empty: refuse it unless the
    columns left out are derived (computed by standgen), as is a derived row."""
    if row.get("derived"):
        return
    missing = [_column_key(c) for c in columns[given:]
               if not (isinstance(c, dict) and c.get("derived"))]
    if missing and given < len(columns):
        at = _at(row, "values", f"{row_path}.values", _file(table))
        raise source_error(at.file, at.line, at.field,
                           f"row {_row_id(row)!r} has {given} value(s) for {len(columns)} "
                           f"columns (no value for {', '.join(missing)}); write ~ for each "
                           "cell that is empty on purpose, for example [12, ~, 14]")


def _check_chart(chart: dict[str, Any], path: str, style: Style) -> None:
    """A chart's own numbers (series values, norm) are figures too."""
    file = _file(chart)
    if "norm" in chart:
        _check_figure(chart["norm"], style, _at(chart, "norm", f"{path}.norm", file))
    series = chart.get("series")
    for index, item in enumerate(series if isinstance(series, list) else []):
        values = item.get("values") if isinstance(item, dict) else None
        for position, value in enumerate(values if isinstance(values, list) else []):
            where = f"{path}.series[{index}].values[{position}]"
            _check_figure(value, style, _at(item, "values", where, file))


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


def _numeric(table: dict[str, Any], row: dict[str, Any], column: Any, cell: Any) -> bool:
    """Whether a cell holds a number: its unit is the cell's, else the row's, else the
    column's, else the table's (as the table is printed); text units hold text."""
    for owner in (cell, row, column, table):
        if isinstance(owner, dict) and owner.get("unit") is not None:
            return _unit_kind(owner["unit"]) != "text"
    return True


def _unit_kind(unit: Any) -> str:
    if isinstance(unit, str):
        return unit
    if isinstance(unit, dict):
        return str(unit.get("kind", "count"))
    return "count"


def _at(node: Any, key: str, path: str, file: Path | None) -> Location:
    source = node.get(SOURCE_KEY) if isinstance(node, dict) else None
    if isinstance(source, SourceRef):
        return source.at(key, path)
    return Location(file, None, path)


def _file(table: dict[str, Any]) -> Path | None:
    source = table.get(SOURCE_KEY)
    return source.file if isinstance(source, SourceRef) else None


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
