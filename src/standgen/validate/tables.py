"""Structure of indicator tables: columns, rows, values and derivation references."""

from __future__ import annotations

from standgen.errors import Problem
from standgen.model.tables import Column, Derivation, IndicatorTable, Row
from standgen.validate.crossings import check_crossings
from standgen.validate.problems import error


def check_table(table: IndicatorTable, path: str) -> list[Problem]:
    """Column order and keys, row ids, value counts and derivation references of a table."""
    problems = _check_columns(table, path)
    problems += _check_rows(table, path)
    problems += _check_derivations(table, path)
    if not problems:
        problems += check_crossings(table, path)
    return problems


def _check_columns(table: IndicatorTable, path: str) -> list[Problem]:
    problems: list[Problem] = []
    last_year: dict[str, int] = {}
    seen: set[str] = set()
    for index, column in enumerate(table.columns):
        col_path = f"{path}.columns[{index}]"
        role = column.role or "data"
        if column.year is not None:
            before = last_year.get(role)
            if before is not None and column.year < before:
                problems.append(error(
                    column, "year", col_path,
                    f"year {column.year} comes after {before} in the {role} columns; list "
                    "year columns in ascending order", "year-order", (table, "columns")))
            last_year[role] = column.year
        key = column.key
        if not key:
            problems.append(error(column, "id", col_path, "column has no id, label, year or "
                                  "role; give it at least a label", "column-key",
                                  (table, "columns")))
        elif key in seen:
            problems.append(error(
                column, "id", col_path,
                f"two columns have the key {key!r}; give one of them a distinct `id`",
                "duplicate-column", (table, "columns")))
        seen.add(key)
    return problems


def _check_rows(table: IndicatorTable, path: str) -> list[Problem]:
    problems: list[Problem] = []
    if not table.rows and not table.show_header:
        problems.append(error(table, "rows", path, f"table {table.id!r} has no rows and no "
                              "header (show_header: false): it would print nothing; add rows "
                              "or leave the table out", "empty-table"))
    explicit: set[str] = set()
    keys = set(table.column_keys)
    for index, row in enumerate(table.rows):
        row_path = f"{path}.rows[{index}]"
        if row.id is not None:
            if row.id in explicit:
                problems.append(error(row, "id", row_path, f"duplicate row id {row.id!r} in "
                                      f"table {table.id!r}; row ids must be unique in a table",
                                      "duplicate-row"))
            explicit.add(row.id)
        problems += _check_values(table, row, row_path, keys)
    return problems


def _check_values(table: IndicatorTable, row: Row, row_path: str,
                  keys: set[str]) -> list[Problem]:
    if isinstance(row.values, list):
        if len(row.values) > len(table.columns):
            return [error(row, "values", row_path,
                          f"{len(row.values)} values for {len(table.columns)} columns; remove "
                          "the extra values or add columns", "too-many-values")]
        return []
    unknown = [k for k in row.values if k not in keys]
    if unknown:
        return [error(row, "values", row_path,
                      f"unknown column key(s) {', '.join(map(repr, unknown))}; the columns "
                      f"are {', '.join(table.column_keys)}", "unknown-column")]
    return []


def _check_derivations(table: IndicatorTable, path: str) -> list[Problem]:
    problems: list[Problem] = []
    row_keys = {r.key for r in table.rows}
    col_keys = set(table.column_keys)
    for index, row in enumerate(table.rows):
        if row.derived is not None:
            problems += _check_refs(row.derived, row_keys, "row", row,
                                    f"{path}.rows[{index}]", table)
    for index, column in enumerate(table.columns):
        if column.derived is not None:
            problems += _check_refs(column.derived, col_keys, "column", column,
                                    f"{path}.columns[{index}]", table)
    return problems


def _check_refs(derivation: Derivation, known: set[str], what: str, node: Row | Column,
                path: str, table: IndicatorTable) -> list[Problem]:
    refs: list[str] = []
    if isinstance(derivation.sum, list):
        refs += derivation.sum
    for pair in (derivation.percent_of, derivation.delta, derivation.difference):
        if pair is not None:
            refs += list(pair)
    missing = [r for r in refs if r not in known]
    if not missing:
        return []
    return [error(node, "derived", path,
                  f"derivation refers to unknown {what}(s) {', '.join(map(repr, missing))} "
                  f"in table {table.id!r}; known {what}s: {', '.join(sorted(known))}",
                  "unknown-reference", (table, f"{what}s"))]
