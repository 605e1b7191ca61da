"""Generated tables with confidential rows and cells under sums, totals, percentages, deltas
and differences: in the openbaar edition no figure is printed as published when the report
as written says it was computed from anything confidential."""

from __future__ import annotations

import datetime as dt
import os
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from standgen.compose.tables import TableValues
from standgen.edition.levels import load_levels
from standgen.edition.select import select_edition
from standgen.edition.tables import RecomputedFigure
from standgen.edition.value_levels import ValueLevels
from standgen.model.report import Report, TableBlock
from standgen.model.values import Status

# A thousand tables each in CI (about 10 s a test); STANDGEN_PROPERTY_EXAMPLES scales it.
FLOW_EXAMPLES = 40 * int(os.environ.get("STANDGEN_PROPERTY_EXAMPLES", "25"))

SECRET = "dep-vertrouwelijk"
DATA = ["a", "b", "c", "d"]


@st.composite
def tables(draw: st.DrawFn) -> dict[str, Any]:
    """A table of four data rows (some confidential, some with a confidential cell) and a
    few summary rows and columns over them."""
    rows: list[dict[str, Any]] = []
    for key in DATA:
        values: list[Any] = [draw(st.integers(1, 99)), draw(st.integers(1, 99))]
        row: dict[str, Any] = {"id": key, "label": key.upper(), "values": values}
        secrecy = draw(st.sampled_from(["none", "none", "row", "cell"]))
        if secrecy == "row":
            row["rubricering"] = SECRET
        elif secrecy == "cell":
            values[1] = {"value": values[1], "rubricering": SECRET}
        rows.append(row)
    pair = st.lists(st.sampled_from(DATA), min_size=2, max_size=2, unique=True)
    summaries = [
        {"id": "tot", "label": "Totaal", "role": "total", "values": [1000, 1000]},
        {"id": "sum", "label": "Som", "derived": {"sum": draw(pair)}},
        {"id": "pct", "label": "Aandeel", "derived": {"percent_of": draw(pair)}},
        {"id": "dlt", "label": "Delta", "derived": {"delta": draw(pair)}},
        {"id": "dif", "label": "Verschil", "derived": {"difference": [draw(
            st.sampled_from(DATA)), "sum"]}},
        {"id": "lit", "label": "Percentage", "role": "percentage", "values": [50, 50]},
    ]
    chosen = draw(st.lists(st.sampled_from(summaries), min_size=1, max_size=4,
                           unique_by=lambda r: r["id"]))
    if any(r["id"] == "dif" for r in chosen) and not any(r["id"] == "sum" for r in chosen):
        chosen.append(summaries[1])
    columns: list[Any] = [2024, 2025]
    if draw(st.booleans()):
        columns.append({"id": "d", "role": "delta", "derived": {"delta": ["2024", "2025"]}})
    if draw(st.booleans()):
        columns.append({"id": "s", "label": "Samen", "role": "total"})
    return _literal_totals({"id": "t", "title": "T", "columns": columns,
                            "rows": rows + chosen})


def _report(table: dict[str, Any]) -> Report:
    topic = {"id": "o", "title": "O", "blocks": [{"table": table}]}
    return Report.model_validate({
        "title": "T", "period": "voorjaar 2026", "report_year": 2025, "ministry": "M",
        "date": dt.date(2026, 5, 20), "rubricering": "openbaar",
        "chapters": [{"number": 1, "title": "H", "sections": [
            {"number": "1.1", "title": "S", "topics": [topic]}]}]})


@settings(max_examples=FLOW_EXAMPLES, deadline=None)
@given(tables())
def test_no_public_figure_is_computed_from_a_confidential_one(table: dict[str, Any]) -> None:
    report = _report(table)
    levels = ValueLevels(report, load_levels())
    selected = select_edition(report, "openbaar").report
    (block,) = [b for b in selected.chapters[0].sections[0].topics[0].blocks
                if isinstance(b, TableBlock)]
    values = TableValues(block.table)
    for row in block.table.rows:
        for key in block.table.column_keys:
            cell = values.cell(row, key)
            if cell.value is None or isinstance(cell, RecomputedFigure):
                continue
            found = levels.of("t", row.key, key)
            assert found is not None and found.level.is_public, (row.key, key, cell)
        assert all(c.status != Status.WITHHELD or c.value is None
                   for c in values.cells[row.key].values())


def _with_secrets(table: dict[str, Any], shift: int) -> dict[str, Any]:
    """The table with every confidential number changed by `shift`."""
    rows = []
    for row in table["rows"]:
        values = []
        for value in row.get("values", []):
            if isinstance(value, dict):
                value = {**value, "value": value["value"] + shift}
            elif row.get("rubricering") == SECRET:
                value = value + shift
            values.append(value)
        rows.append({**row, "values": values} if "values" in row else row)
    return _literal_totals({**table, "rows": rows})


def _number(value: Any) -> int:
    return int(value["value"]) if isinstance(value, dict) else int(value)


def _literal_totals(table: dict[str, Any]) -> dict[str, Any]:
    """The literal total and percentage rows filled in as the author would: from every
    data row, confidential ones included."""
    data = [r for r in table["rows"] if r["id"] in DATA]
    sums = [sum(_number(r["values"][i]) for r in data) for i in (0, 1)]
    shares = [_number(data[0]["values"][i]) * 100 // sums[i] for i in (0, 1)]
    literal = {"tot": sums, "lit": shares}
    rows = [{**r, "values": literal[r["id"]]} if r["id"] in literal else r
            for r in table["rows"]]
    return {**table, "rows": rows}


def _public_grid(table: dict[str, Any]) -> list[tuple[str, str, str]]:
    selected = select_edition(_report(table), "openbaar").report
    (block,) = [b for b in selected.chapters[0].sections[0].topics[0].blocks
                if isinstance(b, TableBlock)]
    values = TableValues(block.table)
    return [(row.key, key, repr((values.cell(row, key).value, values.cell(row, key).status,
                                 type(values.cell(row, key)).__name__)))
            for row in block.table.rows for key in block.table.column_keys]


@settings(max_examples=FLOW_EXAMPLES, deadline=None)
@given(tables(), st.integers(1, 50))
def test_the_public_table_does_not_change_when_a_secret_does(table: dict[str, Any],
                                                             shift: int) -> None:
    assert _public_grid(table) == _public_grid(_with_secrets(table, shift))
