"""Find captioned tables in pdftotext -layout lines and turn them into head and row cells.

A table starts at a caption line ("Tabel 13 …"); its lines are those with at least two
cells (text runs separated by two or more spaces). Columns come from the character spans
of the data rows; header cells are assigned to every column they overlap, so a cell that
spans two columns names both.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

CAPTION = re.compile(r"^\s*(Tabel|Table)\s+\d+\b")
_CELL = re.compile(r"\S+(?: \S+)*")


@dataclass(frozen=True)
class Cell:
    """A run of text on a layout line, with its character span."""

    start: int
    end: int
    text: str


@dataclass
class Table:
    """A captioned table: its caption, head lines and data rows as cells per column."""

    caption: str
    head: list[list[str]] = field(default_factory=list)
    rows: list[list[str]] = field(default_factory=list)


def split_cells(line: str) -> list[Cell]:
    """The cells of a layout line."""
    return [Cell(m.start(), m.end(), m.group()) for m in _CELL.finditer(line)]


def _columnar(line: str) -> bool:
    return len(split_cells(line)) >= 2


def _next_text(lines: list[str], index: int) -> int:
    """The index of the next non-blank line after `index`, skipping at most one blank."""
    for step in (1, 2):
        if index + step < len(lines) and lines[index + step].strip():
            return index + step
    return len(lines)


def _labelled_row(line: str, label: int) -> bool:
    cells = split_cells(line)
    return len(cells) >= 2 and cells[0].start <= label + 2


def _group_row(lines: list[str], index: int, label: int) -> bool:
    cells = split_cells(lines[index])
    following = _next_text(lines, index)
    return (len(cells) == 1 and cells[0].start <= label + 2 and not CAPTION.match(lines[index])
            and following < len(lines) and _labelled_row(lines[following], label))


def table_extent(lines: list[str], caption: int) -> int:
    """The index just past the last line of the table whose caption is at `caption`."""
    first = _next_text(lines, caption)
    if first >= len(lines) or not _columnar(lines[first]):
        return caption + 1
    label = split_cells(lines[first])[0].start
    end, index = first + 1, first + 1
    while index < len(lines):
        if not lines[index].strip():
            index = _next_text(lines, index - 1) if index == end else len(lines)
            continue
        after_blank = index > end
        if _columnar(lines[index]) and not after_blank:
            label = min(label, split_cells(lines[index])[0].start)
        elif not (_labelled_row(lines[index], label) or _group_row(lines, index, label)):
            break
        index, end = index + 1, index + 1
    return end


def _has_label(cells: list[Cell], label_start: int) -> bool:
    return bool(cells) and cells[0].start <= label_start + 2


def _head_count(grid: list[list[Cell]]) -> int:
    if len(grid) < 2:
        return 0
    label_start = min(cells[0].start for cells in grid)
    count = 1
    for index in range(1, len(grid)):
        cells, previous = grid[index], grid[index - 1]
        wordy = not any(ch.isdigit() for c in cells[1:] for ch in c.text)
        if not _has_label(cells, label_start) or (
                not _has_label(previous, label_start) and wordy):
            count += 1
        else:
            break
    return count if count < len(grid) else len(grid) - 1


Span = tuple[int, int]


def _centre(span: Span) -> float:
    return (span[0] + span[1]) / 2


def _nearest(cell: Cell, columns: list[Span]) -> int:
    centre = (cell.start + cell.end) / 2
    return min(range(len(columns)), key=lambda i: abs(_centre(columns[i]) - centre))


def _template(rows: list[list[Cell]]) -> list[Span]:
    """Column spans from the rows with the most cells, by cell position."""
    width = max(len(cells) for cells in rows)
    full = [cells for cells in rows if len(cells) == width]
    return [(min(r[i].start for r in full), max(r[i].end for r in full)) for i in range(width)]


def _with_head(columns: list[Span], head: list[Cell]) -> list[Span]:
    """Columns plus those only the lowest head line shows (a column without data)."""
    claimed: dict[int, Cell] = {}
    extra: list[Span] = []
    for cell in head:
        index = _nearest(cell, columns)
        rival = claimed.get(index)
        if rival is None:
            claimed[index] = cell
            continue
        centre = _centre(columns[index])
        loser = max((rival, cell), key=lambda c: abs((c.start + c.end) / 2 - centre))
        claimed[index] = cell if loser is rival else rival
        extra.append((loser.start, loser.end))
    return sorted(columns + extra)


def _place(cells: list[Cell], columns: list[Span], spread: bool) -> list[str]:
    out = [""] * len(columns)
    for cell in cells:
        hits = [i for i, (s, e) in enumerate(columns) if cell.start < e and s < cell.end]
        targets = hits if spread and len(hits) > 1 else [_nearest(cell, columns)]
        for index in targets:
            out[index] = f"{out[index]} {cell.text}".strip()
    return out


def _place_row(cells: list[Cell], template: list[Span], columns: list[Span]) -> list[str]:
    if len(cells) != len(template):
        return _place(cells, columns, spread=False)
    out = [""] * len(columns)
    for cell, span in zip(cells, template, strict=True):
        out[columns.index(span)] = cell.text
    return out


def _fill_spans(cells: list[str]) -> None:
    """An upper head line's group label covers the empty columns to its right."""
    for index in range(2, len(cells)):
        if not cells[index] and cells[index - 1]:
            cells[index] = cells[index - 1]


def parse_table(caption: str, lines: list[str]) -> Table:
    """The table made of the caption and its (non-blank) layout lines."""
    grid = [split_cells(line) for line in lines if line.strip()]
    heads = _head_count(grid)
    template = _template(grid[heads:])
    lowest = grid[heads - 1] if heads else []
    stub = bool(lowest) and lowest[0].start <= template[0][0] + 2
    aligned = len(template) - len(lowest) == (0 if stub else 1)
    columns = _with_head(template, lowest) if heads and not aligned else template
    table = Table(caption=re.sub(r"\s+", " ", caption).strip())
    table.head = [_place(cells, columns, spread=True) for cells in grid[:heads - 1]]
    for upper in table.head:
        _fill_spans(upper)
    if heads and aligned:
        table.head.append([""] * (len(columns) - len(lowest)) + [c.text for c in lowest])
    elif heads:
        table.head.append(_place(lowest, columns, spread=False))
    table.rows = [_place_row(cells, template, columns) for cells in grid[heads:]]
    return table
