"""Changes between two versions of the tables, named by section, row label and column."""

from __future__ import annotations

from standgen.snapshot.parse import TableData


def column_names(table: TableData) -> list[str]:
    """Each column's name: its head cells from top to bottom, repeats dropped."""
    width = max((len(r) for r in table.head + table.rows), default=0)
    names: list[str] = []
    for index in range(width):
        parts: list[str] = []
        for head in table.head:
            cell = head[index].strip() if index < len(head) else ""
            if cell and cell not in parts:
                parts.append(cell)
        names.append(" ".join(parts) or f"column {index + 1}")
    return names


def _keyed_rows(table: TableData) -> dict[str, list[str]]:
    rows: dict[str, list[str]] = {}
    for row in table.rows:
        label = row[0].strip() if row else ""
        key, count = label, 1
        while key in rows:
            count += 1
            key = f"{label} ({count})"
        rows[key] = row
    return rows


def _where(table: TableData) -> str:
    page = f", p. {table.page}" if table.page is not None else ""
    return f" ({table.caption}{page})"


def _prefix(table: TableData) -> str:
    return f"{table.context}, " if table.context else ""


def _cell_changes(old: TableData, new: TableData, label: str, a: list[str],
                  b: list[str]) -> list[str]:
    names = column_names(new)
    out: list[str] = []
    for index in range(1, max(len(a), len(b))):
        before = a[index].strip() if index < len(a) else ""
        after = b[index].strip() if index < len(b) else ""
        if before != after:
            column = names[index] if index < len(names) else f"column {index + 1}"
            out.append(f"{_prefix(new)}{label} {column}: {before or '(leeg)'} → "
                       f"{after or '(leeg)'}{_where(new)}")
    return out


def table_changes(old: TableData, new: TableData) -> list[str]:
    """What changed in one table, cell by cell where the structure allows."""
    out: list[str] = []
    where = f"{_prefix(new)}{new.caption}"
    if old.caption != new.caption:
        out.append(f"{_prefix(new)}table caption: {old.caption} → {new.caption}")
    if old.head != new.head:
        out.append(f"{where}: column heads changed: {' / '.join(column_names(old))} → "
                   f"{' / '.join(column_names(new))}")
    if old.page != new.page:
        out.append(f"{where} now stands on page {new.page}, was {old.page}")
    if old.layout != new.layout:
        out.append(f"{where}: table layout changed: {old.layout} → {new.layout}")
    rows_a, rows_b = _keyed_rows(old), _keyed_rows(new)
    for label, row in rows_b.items():
        if label not in rows_a:
            out.append(f"{where}: row added: {' | '.join(row)}")
        elif rows_a[label] != row:
            out += _cell_changes(old, new, label, rows_a[label], row)
    out += [f"{where}: row removed: {' | '.join(row)}"
            for label, row in rows_a.items() if label not in rows_b]
    return out


def all_table_changes(old: dict[tuple[str, str], TableData],
                      new: dict[tuple[str, str], TableData]) -> list[str]:
    """Changes to every table: added, removed, or changed cell by cell."""
    out: list[str] = []
    for key, table in new.items():
        if key not in old:
            out.append(f"{_prefix(table)}table added: {table.caption}{_where(table)}")
        else:
            out += table_changes(old[key], table)
    out += [f"{_prefix(t)}table removed: {t.caption}" for k, t in old.items() if k not in new]
    return out
