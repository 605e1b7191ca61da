"""A table row filled from its data file, keeping the markings written in YAML.

The file holds the figures; a YAML cell of such a row may carry only a marking (and a note
marker), or the same figure. A figure or a marking that differs between the two is refused
with both places. Row markings come from the file's `rubricering` column.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from standgen.errors import Location, Problem, SourceError, source_error
from standgen.load.numbers import Style
from standgen.load.raw_nodes import column_key, file_of, is_numeric, place, row_id_of
from standgen.load.tabular import DataFile, cell_input
from standgen.model.base import SOURCE_KEY, SourceRef
from standgen.model.values import STATUS_ALIASES


def fill_row(table: dict[str, Any], columns: list[Any], row: dict[str, Any],
             row_path: str, data: DataFile, style: Style) -> list[Problem]:
    """Set the row's values from the data file (a row not in the file keeps its own); a
    derived column not in the file is left to be computed. Returns every bad cell."""
    row_id = row_id_of(row)
    yaml_values = row.get("values")
    if row_id not in data.rows:
        if row.get("derived") or "values" in row:
            return []
        at = place(row, "id", row_path, file_of(table))
        raise source_error(at.file, at.line, row_path,
                           f"row {row_id!r} is not in {data.path.name}; its first column "
                           f"has {', '.join(data.rows) or 'no ids'}; add the row there or "
                           "give the row its own `values`")
    keys = [column_key(c) for c in columns]
    missing = [k for k, c in zip(keys, columns, strict=True)
               if k not in data.header and not _derived(c)]
    if missing:
        present = [k for k in data.header if k and not k.startswith("\0")]
        hint = (f"its header has {', '.join(present)}" if present else "its first row holds "
                "no column keys (a title row above the header? remove it)")
        raise source_error(data.path, data.header_line, "",
                           f"column(s) {', '.join(missing)} missing in the header of "
                           f"{data.path.name}; {hint}")
    filled: dict[str, Any] = {}
    problems: list[Problem] = []
    for column, key in zip(columns, keys, strict=True):
        if key not in data.header:
            filled[key] = _yaml_cell(yaml_values, keys, key)
            continue
        try:
            filled[key] = _file_cell(table, row, row_path, column, key, data, style,
                                     _yaml_cell(yaml_values, keys, key))
        except SourceError as exc:
            problems += exc.problems
    _merge_row_mark(row, row_path, data, row_id, table)
    row["values"] = filled
    return problems


def _derived(column: Any) -> bool:
    return isinstance(column, dict) and bool(column.get("derived"))


def _file_cell(table: dict[str, Any], row: dict[str, Any], row_path: str, column: Any,
               key: str, data: DataFile, style: Style, yaml_cell: Any) -> Any:
    """One cell of the row as read from the file, with the YAML cell's marking kept."""
    row_id = row_id_of(row)
    at = data.where(row_id, key)
    value = cell_input(data.rows[row_id][key], is_numeric(table, row, column, None), style, at)
    if isinstance(value, dict):
        value[SOURCE_KEY] = SourceRef(at.file, at.line)
    return _merge_cell(yaml_cell, value, row, row_path, key, data, row_id, table)


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
    here = place(row, "values", f"{row_path}.values.{key}", file_of(table))
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
        here = place(row, "rubricering", f"{row_path}.rubricering", file_of(table))
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
