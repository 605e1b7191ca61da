"""Generated tables with confidential rows and cells and an undeclared total row (sometimes a
coincidental non-total): the report is refused at a row, or no printed row of the openbaar
edition minus printed rows gives a confidential figure (or a sum of them)."""

from __future__ import annotations

import datetime as dt
import os
from itertools import combinations
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from standgen.compose.tables import TableValues
from standgen.edition.select import select_edition
from standgen.model.report import Report, TableBlock
from standgen.model.values import Status
from standgen.validate import validate_report

EXAMPLES = 4 * int(os.environ.get("STANDGEN_PROPERTY_EXAMPLES", "25"))
SECRET = "dep-vertrouwelijk"
CODES = ("undeclared-total", "total-label")


@st.composite
def tables(draw: st.DrawFn) -> dict[str, Any]:
    """Two to five data rows over one to three columns, some confidential (a row or one
    cell), and a row typed in as a total of some of them, or as something else."""
    width = draw(st.integers(1, 3))
    count = draw(st.integers(2, 5))
    rows: list[dict[str, Any]] = []
    numbers: list[list[int]] = []
    for index in range(count):
        values = [draw(st.integers(1, 60)) for _ in range(width)]
        numbers.append(values)
        row: dict[str, Any] = {"id": f"r{index}", "label": f"Reeks {index}",
                               "values": list(values)}
        secrecy = draw(st.sampled_from(["none", "none", "row", "cell"]))
        if secrecy == "row":
            row["rubricering"] = SECRET
        elif secrecy == "cell":
            at = draw(st.integers(0, width - 1))
            row["values"][at] = {"value": values[at], "rubricering": SECRET}
        rows.append(row)
    kind = draw(st.sampled_from(["total", "total", "random"]))
    if kind == "total":
        parts = draw(st.lists(st.integers(0, count - 1), min_size=1, unique=True))
        total = [sum(numbers[i][j] for i in parts) for j in range(width)]
    else:
        total = [draw(st.integers(1, 200)) for _ in range(width)]
    label = draw(st.sampled_from(["Totaal", "Overig", "Som", "Eindstand"]))
    place = draw(st.integers(0, count))
    rows.insert(place, {"id": "t", "label": label, "values": total})
    return {"id": "t", "title": "T", "columns": [2020 + j for j in range(width)],
            "rows": rows}


def _report(table: dict[str, Any]) -> Report:
    topic = {"id": "o", "title": "O", "blocks": [{"table": table}]}
    return Report.model_validate({
        "title": "T", "period": "voorjaar 2026", "report_year": 2025, "ministry": "M",
        "date": dt.date(2026, 5, 20), "rubricering": "openbaar",
        "chapters": [{"number": 1, "title": "H", "sections": [
            {"number": "1.1", "title": "S", "topics": [topic]}]}]})


def _grid(report: Report, table: dict[str, Any]) -> list[tuple[list[int | None], set[int]]]:
    """Per source row: the numbers as the openbaar prints them (a withheld one from the
    source), and which positions are withheld; a row left out is withheld whole."""
    selected = select_edition(report, "openbaar").report
    (block,) = [b for b in selected.chapters[0].sections[0].topics[0].blocks
                if isinstance(b, TableBlock)]
    values = TableValues(block.table)
    printed = {row.key: row for row in block.table.rows}
    out: list[tuple[list[int | None], set[int]]] = []
    for row in table["rows"]:
        source = [v["value"] if isinstance(v, dict) else v for v in row["values"]]
        if row["id"] not in printed:
            out.append((source, set(range(len(source)))))
            continue
        cells = [values.cell(printed[row["id"]], key) for key in block.table.column_keys]
        hidden = {j for j, c in enumerate(cells) if c.status == Status.WITHHELD}
        out.append(([source[j] if j in hidden else (int(c.value) if c.value is not None
                                                   else None)
                     for j, c in enumerate(cells)], hidden))
    return out


def _giveaway(grid: list[tuple[list[int | None], set[int]]]) -> tuple[int, tuple[int, ...]] | None:
    """A printed row equal, in every position, to the sum of two or more other rows one of
    which holds a withheld figure: minus the printed ones it gives the withheld away."""
    for target, (numbers, hidden) in enumerate(grid):
        if len(hidden) == len(numbers):
            continue
        others = [i for i in range(len(grid)) if i != target]
        for size in range(2, len(others) + 1):
            for chosen in combinations(others, size):
                if not any(grid[i][1] for i in chosen):
                    continue
                if all(numbers[j] == sum(grid[i][0][j] or 0 for i in chosen)
                       for j in range(len(numbers)) if j not in hidden):
                    return target, chosen
    return None


@settings(max_examples=EXAMPLES, deadline=None)
@given(tables())
def test_an_undeclared_total_is_refused_or_gives_nothing_away(table: dict[str, Any]) -> None:
    report = _report(table)
    refusals = [p for p in validate_report(report).errors if p.code in CODES]
    if refusals:
        for problem in refusals:
            index = int(problem.location.field.split("rows[")[1].split("]")[0])
            assert table["rows"][index]["label"] in problem.message
        return
    assert _giveaway(_grid(report, table)) is None
