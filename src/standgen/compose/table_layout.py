"""Wide tables: how a table goes on the page, decided in characters before any writer runs.

In order, the first that fits: as it is; fitted (tighter padding, a smaller font down to a
floor, the header abbreviations the author gave); on a landscape page; split into column
groups, each repeating the label column. A figure is never broken over lines: a column is
never narrower than its longest figure. The author can force a choice (`layout:`).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace

from standgen.compose import tree as t
from standgen.compose.widths import PADDING, TEXT_BLOCK_CHARS, column_widths, natural_and_minimum

LANDSCAPE_CHARS = 140.0  # an A4 landscape text block against a portrait one of 92
TIGHT_PADDING = 1.5
FONT_FLOOR = 0.75
SCALE_STEP = 0.05


@dataclass(frozen=True)
class Placed:
    """The tables to print for one indicator table (more than one when split) and, when a
    fallback was needed, the sentence that says which."""

    tables: tuple[t.Table, ...]
    fallback: str | None = None


def _least(header: tuple[t.TableRow, ...], body: tuple[t.TableRow, ...], padding: float
           ) -> float:
    return sum(natural_and_minimum(header, body, padding)[1])


def _scale_for(need: float, budget: float) -> float | None:
    """The largest font scale (in steps, at least the floor) at which `need` fits."""
    if need <= budget:
        return 1.0
    scale = math.floor(budget / need / SCALE_STEP) * SCALE_STEP
    return round(scale, 2) if scale >= FONT_FLOOR else None


def place_table(table: t.Table, forced: str = "auto", compact: t.Table | None = None
                ) -> Placed:
    """The table as it goes on the page: fitted, landscape or split, as needed or forced.
    `compact` is the same table with the author's short column labels, used when the
    table does not fit as it is."""
    header, body = table.header_rows, table.body_rows
    fits = _least(header, body, PADDING) <= TEXT_BLOCK_CHARS
    if forced == "normal":
        return Placed((table,), None if fits else "forced-normal")
    if forced == "auto" and fits:
        return Placed((table,))
    table = compact or table
    header, body = table.header_rows, table.body_rows
    need = _least(header, body, TIGHT_PADDING)
    scale = _scale_for(need, TEXT_BLOCK_CHARS)
    if forced == "fit" or (forced == "auto" and scale is not None):
        return Placed((_fitted(table, scale or FONT_FLOOR, TEXT_BLOCK_CHARS, "fit"),))
    wide = _scale_for(need, LANDSCAPE_CHARS)
    if forced == "landscape" or (forced == "auto" and wide is not None):
        placed = _fitted(table, wide or FONT_FLOOR, LANDSCAPE_CHARS, "landscape")
        return Placed((placed,), "landscape" if forced == "auto" else None)
    parts = split_table(table, FONT_FLOOR if forced == "auto" else 1.0)
    return Placed(parts, "split" if forced == "auto" else None)


def _fitted(table: t.Table, scale: float, budget: float, mode: t.TableMode) -> t.Table:
    widths = column_widths(table.header_rows, table.body_rows, budget / scale, TIGHT_PADDING)
    return replace(table, column_widths=widths, layout=t.TableLayout(mode, scale))


def split_table(table: t.Table, scale: float = FONT_FLOOR) -> tuple[t.Table, ...]:
    """The table in column groups that each fit portrait at font `scale`, every one with
    the label column; header groups (spanning cells) are never cut."""
    header, body = table.header_rows, table.body_rows
    _, minimum = natural_and_minimum(header, body, TIGHT_PADDING)
    budget = TEXT_BLOCK_CHARS / scale - minimum[0]
    groups: list[list[int]] = [[]]
    used = 0.0
    for unit in _units(header, len(minimum)):
        width = sum(minimum[i] for i in unit)
        if groups[-1] and used + width > budget:
            groups.append([])
            used = 0.0
        groups[-1].extend(unit)
        used += width
    parts: list[t.Table] = []
    for index, group in enumerate(groups):
        keep = [0, *group]
        part_header = tuple(_slice(r, keep, header) for r in header)
        part_body = tuple(_slice(r, keep, header + body) for r in body)
        first = index == 0
        part = replace(table, header_rows=part_header, body_rows=part_body,
                       notes=table.notes if index == len(groups) - 1 else (),
                       number=table.number if first else None,
                       anchor=table.anchor if first else "",
                       caption=table.caption if first else f"{table.caption} ({index + 1}/"
                                                             f"{len(groups)})")
        if first and len(groups) > 1:
            part = replace(part, caption=f"{table.caption} (1/{len(groups)})")
        widths = column_widths(part_header, part_body, TEXT_BLOCK_CHARS / scale,
                               TIGHT_PADDING)
        parts.append(replace(part, column_widths=widths,
                             layout=t.TableLayout("split", scale, (tuple(group),))))
    return tuple(parts)


def _units(header: tuple[t.TableRow, ...], count: int) -> list[list[int]]:
    """Columns after the label column, grouped where a header cell spans several."""
    spans: dict[int, int] = {}
    if header:
        col = 0
        for cell in header[0].cells:
            spans[col] = cell.colspan
            col += cell.colspan
    units: list[list[int]] = []
    col = 1
    while col < count:
        span = max(spans.get(col, 1), 1)
        units.append(list(range(col, min(col + span, count))))
        col += span
    return units


def _positions(row: t.TableRow, rows: tuple[t.TableRow, ...]) -> list[tuple[int, t.Cell]]:
    """The start column of each cell of `row`, given the rows above it in `rows`."""
    covered: dict[int, int] = {}
    for other in rows:
        index = 0
        placed: list[tuple[int, t.Cell]] = []
        for cell in other.cells:
            while covered.get(index, 0) > 0:
                index += 1
            placed.append((index, cell))
            for spanned in range(index, index + cell.colspan):
                covered[spanned] = cell.rowspan
            index += cell.colspan
        if other is row:
            return placed
        covered = {i: left - 1 for i, left in covered.items() if left > 1}
    return [(i, c) for i, c in enumerate(row.cells)]


def _slice(row: t.TableRow, keep: list[int], rows: tuple[t.TableRow, ...]) -> t.TableRow:
    kept = set(keep)
    cells: list[t.Cell] = []
    for start, cell in _positions(row, rows):
        span = [c for c in range(start, start + cell.colspan) if c in kept]
        if span:
            cells.append(replace(cell, colspan=len(span)))
    return t.TableRow(tuple(cells), row.role)
