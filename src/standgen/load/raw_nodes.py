"""Small readings of a table as loaded YAML data (before the model is built): where a key
stands, a row's id, a column's key, and whether a cell holds a number."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from standgen.errors import Location
from standgen.model.base import SOURCE_KEY, SourceRef


def is_numeric(table: dict[str, Any], row: dict[str, Any], column: Any, cell: Any) -> bool:
    """Whether a cell holds a number: its unit is the cell's, else the row's, else the
    column's, else the table's (as the table is printed); text units hold text."""
    for owner in (cell, row, column, table):
        if isinstance(owner, dict) and owner.get("unit") is not None:
            return unit_kind(owner["unit"]) != "text"
    return True


def unit_kind(unit: Any) -> str:
    """The kind of a unit as written (a string or a mapping); count when absent."""
    if isinstance(unit, str):
        return unit
    if isinstance(unit, dict):
        return str(unit.get("kind", "count"))
    return "count"


def place(node: Any, key: str, path: str, file: Path | None) -> Location:
    """Where `key` of a loaded mapping stands (the file alone when it has no source)."""
    source = node.get(SOURCE_KEY) if isinstance(node, dict) else None
    if isinstance(source, SourceRef):
        return source.at(key, path)
    return Location(file, None, path)


def file_of(table: dict[str, Any]) -> Path | None:
    """The YAML file a loaded mapping was read from."""
    source = table.get(SOURCE_KEY)
    return source.file if isinstance(source, SourceRef) else None


def row_id_of(row: dict[str, Any]) -> str:
    """The id by which a data file names a row: its id, else its label."""
    return str(row.get("id") or row.get("label") or "")


def column_key(column: Any) -> str:
    """The key by which rows and data files name a column (as Column.key)."""
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
