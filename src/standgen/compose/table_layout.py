"""Wide tables: how a table goes on the page, decided before any writer runs, in points
of the theme's table font (theme/metrics.py).

In order, the first that fits: as it is; fitted (tighter padding, a smaller font down to a
floor, the header abbreviations the author gave); on a landscape page; split into column
groups, each repeating the label column. A figure is never broken over lines: a column is
never narrower than its longest figure. The author can force a choice (`layout:`).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from standgen.compose import tree as t
from standgen.compose.widths import PADDING, Need, measure, natural_and_minimum, shares
from standgen.theme.metrics import (
    LANDSCAPE_BLOCK_PT,
    SLACK_PT,
    TEXT_BLOCK_PT,
    TIGHT_PADDING_PT,
    TableMetrics,
    default_metrics,
)

TIGHT_PADDING = 2 * TIGHT_PADDING_PT + SLACK_PT
FONT_FLOOR = 0.75
SCALE_STEP = 0.05
SCALES = tuple(round(1 - i * SCALE_STEP, 2)
               for i in range(round((1 - FONT_FLOOR) / SCALE_STEP) + 1))
"""The font scales a table may get, largest first."""


@dataclass(frozen=True)
class Placed:
    """The tables to print for one indicator table (more than one when split) and, when a
    fallback was needed, the sentence that says which."""

    tables: tuple[t.Table, ...]
    fallback: str | None = None


def least(needs: list[Need], padding: float, metrics: TableMetrics, scale: float = 1.0
          ) -> float:
    """The least width, in points, a table of measured `needs` takes at font `scale`."""
    return sum(natural_and_minimum(needs, padding, metrics, scale)[1])


def largest_scale(needs: list[Need], metrics: TableMetrics, budget: float) -> float | None:
    """The largest font scale (a step, at least the floor) at which the table fits
    `budget` points with tight padding, or None."""
    return next((s for s in SCALES if least(needs, TIGHT_PADDING, metrics, s) <= budget),
                None)


def place_table(table: t.Table, forced: str = "auto", compact: t.Table | None = None,
                metrics: TableMetrics | None = None) -> Placed:
    """The table as it goes on the page: fitted, landscape or split, as needed or forced,
    measured in the table font of `metrics` (the default theme's when None). `compact` is
    the same table with the author's short column labels, used when the table does not
    fit as it is."""
    metrics = metrics or default_metrics()
    needs = measure(table.header_rows, table.body_rows, metrics)
    fits = least(needs, PADDING, metrics) <= TEXT_BLOCK_PT
    if forced == "normal" or (forced == "auto" and fits):
        normal = replace(table, column_widths=shares(needs, TEXT_BLOCK_PT, PADDING, metrics))
        return Placed((normal,), None if fits or forced == "auto" else "forced-normal")
    table = compact or table
    if compact is not None:
        needs = measure(table.header_rows, table.body_rows, metrics)
    scale = largest_scale(needs, metrics, TEXT_BLOCK_PT)
    if forced == "fit" or (forced == "auto" and scale is not None):
        return Placed((_fitted(table, needs, metrics, scale or FONT_FLOOR, TEXT_BLOCK_PT,
                               "fit"),))
    wide = largest_scale(needs, metrics, LANDSCAPE_BLOCK_PT)
    if forced == "landscape" or (forced == "auto" and wide is not None):
        placed = _fitted(table, needs, metrics, wide or FONT_FLOOR, LANDSCAPE_BLOCK_PT,
                         "landscape")
        return Placed((placed,), "landscape" if forced == "auto" else None)
    parts = split_table(table, None if forced == "auto" else 1.0, metrics)
    return Placed(parts, "split" if forced == "auto" else None)


def _fitted(table: t.Table, needs: list[Need], metrics: TableMetrics, scale: float,
            budget: float, mode: t.TableMode) -> t.Table:
    widths = shares(needs, budget, TIGHT_PADDING, metrics, scale)
    return replace(table, column_widths=widths, layout=t.TableLayout(mode, scale))


def split_table(table: t.Table, scale: float | None = None,
                metrics: TableMetrics | None = None) -> tuple[t.Table, ...]:
    """The table in column groups that each fit portrait at font `scale`, every one with
    the label column; header groups (spanning cells) are never cut. Without a `scale`:
    as few groups as fit at the floor, at the largest font that keeps that many."""
    metrics = metrics or default_metrics()
    header, body = table.header_rows, table.body_rows
    needs = measure(header, body, metrics)
    if scale is None:
        fewest = len(_groups(header, needs, metrics, FONT_FLOOR))
        scale = next(s for s in SCALES
                     if len(_groups(header, needs, metrics, s)) <= fewest)
    groups = _groups(header, needs, metrics, scale)
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
        widths = shares(measure(part_header, part_body, metrics), TEXT_BLOCK_PT,
                        TIGHT_PADDING, metrics, scale)
        parts.append(replace(part, column_widths=widths,
                             layout=t.TableLayout("split", scale, (tuple(group),))))
    return tuple(parts)


def _groups(header: tuple[t.TableRow, ...], needs: list[Need], metrics: TableMetrics,
            scale: float) -> list[list[int]]:
    """Columns after the label column in groups that each fit portrait beside it."""
    _, minimum = natural_and_minimum(needs, TIGHT_PADDING, metrics, scale)
    budget = TEXT_BLOCK_PT - minimum[0]
    groups: list[list[int]] = [[]]
    used = 0.0
    for unit in _units(header, len(minimum)):
        width = sum(minimum[i] for i in unit)
        if groups[-1] and used + width > budget:
            groups.append([])
            used = 0.0
        groups[-1].extend(unit)
        used += width
    return groups


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
