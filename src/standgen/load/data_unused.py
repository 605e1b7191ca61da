"""Figures in a data file that its table does not print: refused, never dropped silently.

A data row whose id names no table row, or a data column whose key names no table column,
is refused when it holds a filled cell, unless the table lists it under `data_skip` (a file
that feeds several tables). A `data_skip` entry must name a row or column that the file has
and the table does not print, so a stale or contradictory entry is refused as well.
"""

from __future__ import annotations

from typing import Any

from standgen.errors import Location, Problem, source_error
from standgen.load.raw_nodes import column_key, file_of, place, row_id_of
from standgen.load.tabular import MISSING, DataFile
from standgen.model.base import SOURCE_KEY

SKIP_KEY = "data_skip"


def unused_figures(table: dict[str, Any], columns: list[Any], rows: list[Any],
                   data: DataFile, path: str) -> list[Problem]:
    """A problem for every data row and column with figures the table does not print."""
    row_ids = {row_id_of(r) for r in rows if isinstance(r, dict) and r.get("role") != "group"}
    groups = {row_id_of(r) for r in rows if isinstance(r, dict) and r.get("role") == "group"}
    keys = {column_key(c) for c in columns}
    skip_rows, skip_columns = _skip(table, path, data, row_ids, keys)
    problems: list[Problem] = []
    name = table.get("id", "")
    for row_id, cells in data.rows.items():
        if row_id in row_ids or row_id in skip_rows or not any(map(_filled, cells.values())):
            continue
        if row_id in groups:
            problems.append(_problem(data.where(row_id, None), (
                f"row {row_id!r} of {data.path.name} holds figures, but in table {name!r} it "
                "is a group row (a heading without values); empty the row in the file, or "
                "give the figures a row of their own")))
            continue
        problems.append(_problem(data.where(row_id, None), (
            f"row {row_id!r} of {data.path.name} holds figures that table {name!r} does not "
            f"print; add a row with id {row_id!r} to the table, remove the row from the file, "
            f"or, when the file also feeds another table, list it under the table's "
            f"`{SKIP_KEY}: {{rows: [{row_id}]}}`")))
    for key in data.header:
        if key in keys or key in skip_columns or key.startswith("\0"):
            continue
        if not key and any(_filled(cells.get(key)) for cells in data.rows.values()):
            at = data.place(data.header_line, data.header.index(key) + 1)
            problems.append(_problem(at, (
                f"this column of {data.path.name} holds figures but has no key in the header; "
                "write its key (a year or a column id) in the header cell, or remove the "
                "column")))
        elif any(_filled(cells.get(key)) for cells in data.rows.values()):
            problems.append(_problem(data.place(data.header_line, data.header.index(key) + 1),
                (f"column {key!r} of {data.path.name} holds figures that table {name!r} does "
                 f"not print; add the column to the table's `columns`, remove it from the "
                 f"file, or, when the file also feeds another table, list it under the "
                 f"table's `{SKIP_KEY}: {{columns: [{key}]}}`")))
    return problems


def _skip(table: dict[str, Any], path: str, data: DataFile, row_ids: set[str],
          keys: set[str]) -> tuple[set[str], set[str]]:
    """The rows and columns the author left out on purpose, each checked against the file
    and the table."""
    if SKIP_KEY not in table:
        return set(), set()
    node = table[SKIP_KEY]
    at = place(table, SKIP_KEY, f"{path}.{SKIP_KEY}", file_of(table))
    if not isinstance(node, dict) or not set(node) - {SOURCE_KEY} <= {"rows", "columns"}:
        raise source_error(at.file, at.line, at.field, f"{SKIP_KEY} takes a mapping with "
                           "`rows` and/or `columns`, each a list of the data file's row ids "
                           "or column keys the table leaves out, as {rows: [reserve]}")
    found: list[set[str]] = []
    for part, present, used in (("rows", set(data.rows), row_ids),
                                ("columns", set(data.header), keys)):
        names = node.get(part, [])
        if not isinstance(names, list):
            raise source_error(at.file, at.line, f"{at.field}.{part}",
                               f"{SKIP_KEY}.{part} takes a list, as [{part[:-1]}-id]")
        given = {str(n) for n in names}
        for name in sorted(given):
            if name not in present:
                shown = ", ".join(sorted(p for p in present if p and p[0] != "\0"))
                raise source_error(at.file, at.line, f"{at.field}.{part}",
                                   f"{name!r} is not among the {part} of {data.path.name} "
                                   f"({shown or 'none'}); remove it from the list or correct "
                                   "its spelling")
            if name in used:
                raise source_error(at.file, at.line, f"{at.field}.{part}",
                                   f"{name!r} is skipped but the table prints it; remove it "
                                   f"from `{SKIP_KEY}.{part}`")
        found.append(given)
    table[SKIP_KEY] = {"rows": sorted(found[0]), "columns": sorted(found[1])}
    return found[0], found[1]


def _problem(at: Location, message: str) -> Problem:
    return Problem(at, message, code="data-not-printed")


def _filled(value: Any) -> bool:
    return value is not None and value is not MISSING and str(value).strip() != ""
