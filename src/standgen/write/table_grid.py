"""Where each cell of a table's rows stands on the column grid, spans taken into account.

A cell spanning rows covers the cells below it, so the next row's first cell starts after
it; writers that draw a grid (Markdown) place cells here rather than by their index.
"""

from __future__ import annotations

from collections.abc import Sequence

from standgen.compose import tree as t

Placed = list[tuple[int, t.Cell]]


def place_rows(rows: Sequence[t.TableRow], width: int) -> list[Placed]:
    """Per row, each cell with the grid column it starts at (cells beyond `width` dropped
    only where the table itself is malformed)."""
    taken: set[tuple[int, int]] = set()
    out: list[Placed] = []
    for r, row in enumerate(rows):
        placed: Placed = []
        col = 0
        for cell in row.cells:
            while (r, col) in taken:
                col += 1
            placed.append((col, cell))
            taken |= {(rr, cc) for rr in range(r, r + cell.rowspan)
                      for cc in range(col, col + cell.colspan)}
            col += cell.colspan
        out.append([(c, cell) for c, cell in placed if c < width])
    return out


def covering(placed_rows: list[Placed], width: int) -> list[list[t.Cell | None]]:
    """Per row, the cell that covers each grid column (None: nothing there), so a cell that
    spans rows or columns appears at every position it covers."""
    grid: list[list[t.Cell | None]] = [[None] * width for _ in placed_rows]
    for r, placed in enumerate(placed_rows):
        for col, cell in placed:
            for rr in range(r, min(r + cell.rowspan, len(placed_rows))):
                for cc in range(col, min(col + cell.colspan, width)):
                    grid[rr][cc] = cell
    return grid
