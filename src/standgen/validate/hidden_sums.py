"""Undeclared totals that would give a withheld figure away in the openbare versie.

Selection recomputes the totals a table declares (`role: total`, `role: subtotal`, a `sum`
derivation). A row the author typed as a total but did not declare is printed as written:
minus the public rows it adds up, it gives the withheld row. So for every table that loses a
cell in the openbare versie, each printed row (column) is compared with the sums of other
rows (columns) that include a withheld cell (`sum_search`), and a row or column labelled
as a total without being declared one is refused as well. `not_a_total: <reason>` on a row
or column says that it is no total and that a matching sum is a coincidence.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from decimal import Decimal

from standgen.edition.levels import Levels
from standgen.errors import Problem, SourceError
from standgen.format.dutch import decimals_of
from standgen.model.report import Report
from standgen.model.tables import Column, IndicatorTable, Row
from standgen.model.values import Status, Unit
from standgen.validate.derive import filled_values
from standgen.validate.problems import error
from standgen.validate.sum_search import Entry, Line, SumFinder, find_withheld
from standgen.validate.walk import walk

_WORD = re.compile(r"[^\W\d_]+\.?")
_TOTAL_WORDS = ("tot.", "som", "subtotaal", "subtotal", "eindtotaal")
_SUMS = ("total", "subtotal")
_SHIFT = {"een": 0, "duizend": 3, "miljoen": 6, "miljard": 9}
_NOT_ADDED = ("percentage", "delta", "group")


def check_hidden_sums(report: Report, levels: Levels) -> list[Problem]:
    """An error at each undeclared total of a table that loses anything in the openbaar
    (a row, a cell or a note): a sum over a withheld cell, or a label that says total."""
    from standgen.edition.select import select_edition  # edition imports validate

    try:
        public = select_edition(report, "openbaar", levels).report
    except SourceError:
        return []  # an unknown rubricering: check_rubricering reports it
    printed = {t.id: t for _, t in walk(public) if isinstance(t, IndicatorTable)}
    problems: list[Problem] = []
    for path, table in walk(report):
        if isinstance(table, IndicatorTable) and table.id in printed \
                and printed[table.id] is not table:
            problems += _check_table(table, printed[table.id], path)
    return problems


def _check_table(original: IndicatorTable, public: IndicatorTable, path: str
                 ) -> list[Problem]:
    grid = _Grid(original, public)
    problems: list[Problem] = []
    for axis in ("rows", "columns"):
        lines = grid.lines(axis)
        positions = grid.positions(axis)
        finders: dict[str, SumFinder] = {}
        for line in lines:
            node = grid.node(axis, line.key)
            if node.not_a_total or _exempt(node) or not grid.printed(axis, line.key):
                continue
            unit = _unit(node, grid.table.unit)
            if unit not in finders:
                finders[unit] = SumFinder([c for c in lines if grid.addable(axis, unit, c)],
                                          positions)
            found = finders[unit].find(line) if grid.hidden_any else None
            if found is not None:
                problems.append(_undeclared(node, axis, line, found, grid, path))
            elif not _declared(node) and labelled_total(node.label) and any(
                    not e.hidden for e in line.entries.values()):
                problems.append(_labelled(node, axis, line.index, grid.table, path))
        problems += _reverse(grid, axis, lines, positions, path)
    return problems


def _reverse(grid: _Grid, axis: str, lines: list[Line], positions: list[str], path: str
             ) -> list[Problem]:
    """An error at each withheld row (column) whose figures printed rows (columns) add up
    to: the withheld figure on the sum side, or a difference of two printed figures. A
    withheld declared total of printed rows is `edition/listing.py`'s notice."""
    problems: list[Problem] = []
    for line in lines:
        node = grid.node(axis, line.key)
        if node.not_a_total or _declared(node) or not any(
                e.hidden for e in line.entries.values()):
            continue
        unit = _unit(node, grid.table.unit)
        printed = [c for c in lines if c is not line and grid.printed(axis, c.key)
                   and not _exempt(grid.node(axis, c.key))
                   and _unit(grid.node(axis, c.key), grid.table.unit) == unit]
        found = find_withheld(line, printed, positions)
        if found is not None:
            problems.append(_given_away(node, axis, line, found, grid, path))
    return problems


def _given_away(node: Row | Column, axis: str, line: Line, found: tuple[Line, ...],
                grid: _Grid, path: str) -> Problem:
    other = "rows" if axis == "columns" else "columns"
    hidden = [p for p, e in line.entries.items() if e.hidden]
    where = ", ".join(str(grid.node(other, p).label or p) for p in hidden)
    parts = _few([grid.node(axis, f.key).label or f.key for f in found])
    what = "row" if axis == "rows" else "column"
    subject = (f"{_name(node, axis)} (in {where})" if axis == "rows"
               else f"the cells of {_name(node, axis)} in row {where}")
    message = (
        f"in table {grid.table.id!r} the openbare versie withholds {subject}, but it "
        f"prints the {what}s {parts}, whose sum is that withheld "
        f"figure (also in every other position): a reader adds them up and has it. "
        f"Withhold one of {parts} in the openbare versie as well (`rubricering:`), or, if "
        f"the sum is a coincidence, write `not_a_total:` with the reason on {_name(node, axis)}")
    if axis == "rows":
        return error(node, "label" if node.label else "id",
                     _node_path(path, axis, line.index), message, "withheld-sum",
                     (grid.table, axis))
    row = grid.rows[hidden[0]]
    return error(row, "label" if row.label else "id",
                 _node_path(path, "rows", grid.index[row.key]), message, "withheld-sum",
                 (grid.table, axis))


def _declared(node: Row | Column) -> bool:
    return node.role in _SUMS or node.derived is not None or node.role in _NOT_ADDED


def labelled_total(label: str | None) -> bool:
    """Whether any word of the label (Markdown emphasis stripped) says total: one starting
    with "totaal" or "total", or "tot.", "som", "subtotaal", "eindtotaal"; or a sum sign."""
    words = _WORD.findall(re.sub(r"[*_~`]", " ", label or "").lower())
    if any(w in ("σ", "∑") for w in words) or (label or "").strip() in ("Σ", "∑"):
        return True
    return any(w.rstrip(".").startswith(("totaal", "total", "subtota", "eindtota"))
               or w in _TOTAL_WORDS or w.rstrip(".") in _TOTAL_WORDS for w in words)


def _exempt(node: Row | Column) -> bool:
    """Only a group header is never searched. A declared row is searched too: its cells the
    openbaar recomputes are settled and drop out of the search, but a typed figure it keeps
    (a derivation over other rows, or one within its tolerance) is printed as typed."""
    return node.role == "group"


class _Grid:
    """The numbers of one table as the openbaar prints them, withheld ones from the source,
    scaled to integers (twice the finest precision, so half a unit is a whole number)."""

    def __init__(self, original: IndicatorTable, public: IndicatorTable) -> None:
        from standgen.edition.tables import SettledCell  # edition imports validate

        self.table = original
        self.rows = {r.key: r for r in original.rows if r.role != "group"}
        self.columns = {c.key: c for c in original.columns}
        self.index = {**{r.key: i for i, r in enumerate(original.rows)},
                      **{c.key: i for i, c in enumerate(original.columns)}}
        kept = {r.key: r for r in public.rows}
        source, shown = filled_values(original), filled_values(public)
        cells: dict[tuple[str, str], tuple[Decimal, int, bool]] = {}
        self.settled: set[tuple[str, str]] = set()
        for row_key, row in self.rows.items():
            now = kept.get(row_key)
            now_cells = now.cells_by_key(public.column_keys) if now is not None else {}
            for col_key in self.columns:
                cell = now_cells.get(col_key)
                hidden = cell is None or cell.status == Status.WITHHELD
                value = (source if hidden else shown).get(row_key, {}).get(col_key)
                if value is None:
                    continue
                if isinstance(cell, SettledCell):
                    self.settled.add((row_key, col_key))
                shift = _SHIFT[self._unit(row, col_key).scale]
                cells[(row_key, col_key)] = (value.scaleb(shift),
                                             self._places(row, col_key, value) - shift, hidden)
        self.hidden_any = any(h for _, _, h in cells.values())
        finest = min(12, max(0, max((p for _, p, _ in cells.values()), default=0)))
        self.entries = {key: Entry(int((v * 2 * 10 ** finest).to_integral_value()),
                                   10 ** max(0, finest - p), h)
                        for key, (v, p, h) in cells.items()}
        self.kept = set(kept)

    def _unit(self, row: Row, col_key: str) -> Unit:
        return row.unit or self.columns[col_key].unit or self.table.unit

    def _places(self, row: Row, col_key: str, value: Decimal) -> int:
        unit = self._unit(row, col_key)
        return unit.decimals if unit.decimals is not None else decimals_of(value)

    def node(self, axis: str, key: str) -> Row | Column:
        return self.rows[key] if axis == "rows" else self.columns[key]

    def printed(self, axis: str, key: str) -> bool:
        return key in self.kept if axis == "rows" else True

    def positions(self, axis: str) -> list[str]:
        """The other axis's keys where a sum adds up: no percentage, delta or pair."""
        across: Sequence[Row | Column] = list(
            self.columns.values() if axis == "rows" else self.rows.values())
        return [n.key for n in across if not _paired(n)]

    def lines(self, axis: str) -> list[Line]:
        nodes = list(self.rows if axis == "rows" else self.columns)
        return [Line(key, self.index[key], dict(self._entries(axis, key))) for key in nodes]

    def _entries(self, axis: str, key: str) -> Iterator[tuple[str, Entry]]:
        across = self.columns if axis == "rows" else self.rows
        for other in across:
            cell = (key, other) if axis == "rows" else (other, key)
            entry = self.entries.get(cell)
            if entry is not None and (entry.hidden or cell not in self.settled):
                yield other, entry

    def addable(self, axis: str, unit: str, other: Line) -> bool:
        """Whether a reader would add `other` to reach a figure of `unit`: the same unit,
        not a percentage, delta or group."""
        node = self.node(axis, other.key)
        return not _paired(node) and node.role not in _NOT_ADDED \
            and _unit(node, self.table.unit) == unit


def _paired(node: Row | Column) -> bool:
    derived = node.derived
    return node.role in ("percentage", "delta") or (
        derived is not None and derived.sum is None)


def _unit(node: Row | Column, default: Unit) -> str:
    """The kind of figure a reader adds up: counts, numbers and vte together, euro amounts
    of any scale together (the grid holds them in euro), every other kind apart."""
    kind = (node.unit or default).kind
    return "count" if kind in ("count", "number", "vte") else kind


def _name(node: Row | Column, axis: str) -> str:
    return f"{'row' if axis == 'rows' else 'column'} {node.label or node.key!r}"


def _undeclared(node: Row | Column, axis: str, line: Line, found: tuple[Line, ...],
                grid: _Grid, path: str) -> Problem:
    what = "row" if axis == "rows" else "column"
    parts = _few([grid.node(axis, f.key).label or f.key for f in found])
    other = "rows" if axis == "columns" else "columns"
    secret = _few([
        f"{grid.node(axis, f.key).label or f.key} in "
        + ", ".join(str(grid.node(other, p).label or p) for p, e in f.entries.items() if e.hidden)
        for f in found if any(e.hidden for e in f.entries.values())], "; ")
    keys = ", ".join(f.key for f in found) if len(found) <= 8 else "..."
    if _declared(node):
        message = (
            f"{_name(node, axis)} of table {grid.table.id!r} is declared, but the openbare "
            f"versie prints its typed figures (its derivation does not take in the withheld "
            f"cells, or its tolerance keeps the typed figure), and they add up {parts}, of "
            f"which it withholds the cells of {secret}: the printed figure minus the others "
            "gives the withheld figure away. Declare the sum over all of them "
            f"(`derived: {{sum: [{keys}]}}`, no `tolerance`) so that the openbare versie "
            "recomputes it without the withheld cells, or correct the typed figures")
        return error(node, "label" if node.label else "id",
                     _node_path(path, axis, line.index), message, "undeclared-total",
                     (grid.table, axis))
    message = (
        f"{_name(node, axis)} of table {grid.table.id!r} adds up {parts}, and the openbare "
        f"versie withholds the cells of {secret}: printed as written, it minus the others "
        "gives the withheld figure away. If it is a total, declare it (`role: total`, "
        "`role: subtotal` or "
        f"`derived: {{sum: [{keys}]}}`) so that the openbare versie recomputes it without "
        f"the withheld {what}s; if the sum is a coincidence, write `not_a_total:` with the "
        "reason on it")
    return error(node, "label" if node.label else "id", _node_path(path, axis, line.index),
                 message, "undeclared-total", (grid.table, axis))


def _labelled(node: Row | Column, axis: str, index: int, table: IndicatorTable, path: str
              ) -> Problem:
    what = "row" if axis == "rows" else "column"
    message = (
        f"{what} {node.label!r} is labelled as a total, but it is not declared one, in a "
        "table the openbare versie withholds figures of (a total printed as written would "
        "give them away); declare it (`role: total`, `role: subtotal` or "
        "`derived: {sum: [...]}`), or, if it is no total, write `not_a_total:` with the "
        "reason on it")
    return error(node, "label", _node_path(path, axis, index), message, "total-label",
                 (table, axis))


def _few(names: list[str], sep: str = ", ") -> str:
    """Up to eight names; of more, the first three, the last two and how many between."""
    if len(names) <= 8:
        return sep.join(names)
    return f"{sep.join(names[:3])}{sep}… ({len(names) - 5} more){sep}{sep.join(names[-2:])}"


def _node_path(table_path: str, axis: str, index: int) -> str:
    return f"{table_path}.{axis}[{index}]"
