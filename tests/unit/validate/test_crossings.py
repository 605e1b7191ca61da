"""A derived row meeting a derived column whose rules read differently: never guessed."""

from __future__ import annotations

from decimal import Decimal as D
from typing import Any

from standgen.compose.tables import TableValues, cell_text, status_words
from standgen.compose.templating import TextTemplates
from standgen.model.tables import IndicatorTable
from standgen.model.values import EMPTY_CELL
from standgen.validate.crossings import check_crossings
from standgen.validate.totals import check_derived


def _table(row_rule: str | None = None, column_rule: str | None = None,
           given: Any = None) -> IndicatorTable:
    delta: dict[str, Any] = {"delta": ["2024", "2025"]}
    pct: dict[str, Any] = {"percent_of": ["r", "p"]}
    if column_rule:
        delta["crossing"] = column_rule
    if row_rule:
        pct["crossing"] = row_rule
    row: dict[str, Any] = {"id": "pct", "label": "% realisatie", "derived": pct,
                           "unit": {"kind": "percent", "decimals": 1}}
    if given is not None:
        row["values"] = {"d": given}
    return IndicatorTable.model_validate({
        "id": "t", "title": "T",
        "columns": [2024, 2025, {"id": "d", "label": "Verschil", "derived": delta}],
        "rows": [{"id": "r", "values": [3900, 4500]}, {"id": "p", "values": [4800, 5200]},
                 row]})


def test_an_unresolved_crossing_is_an_error_naming_both_readings() -> None:
    problems = check_crossings(_table(), "t")
    assert len(problems) == 1
    message = problems[0].message
    assert "'% realisatie'" in message and "'d'" in message
    assert "150,00 by the row's rule" in message and "5,29 by the column's" in message


def test_a_named_rule_or_a_given_cell_resolves_it() -> None:
    for table in (_table("row"), _table(None, "column"), _table("empty"), _table(given=5.2)):
        assert check_crossings(table, "t") == []


def test_two_different_rules_and_a_given_cell_left_empty_are_errors() -> None:
    assert "keep one of them" in check_crossings(_table("row", "column"), "t")[0].message
    assert "`crossing: empty` leaves it empty" in check_crossings(
        _table("empty", given=5.2), "t")[0].message


def test_a_crossing_with_nothing_to_cross_is_refused() -> None:
    table = IndicatorTable.model_validate({
        "id": "t", "title": "T", "columns": [2024],
        "rows": [{"id": "r", "values": [1]}, {"id": "p", "values": [2]},
                 {"id": "pct", "derived": {"percent_of": ["r", "p"], "crossing": "row"}}]})
    assert "has no effect" in check_crossings(table, "t")[0].message


def test_a_given_crossing_cell_is_printed_and_not_checked_against_a_guess() -> None:
    table = _table(given=5.2)
    assert check_derived(table, "t") == []
    values = TableValues(table)
    assert values.cell(table.rows[2], "d").value == D("5.2")


def test_the_printed_cell_follows_the_named_rule_and_a_delta_carries_its_sign() -> None:
    def printed(table: IndicatorTable, row: int) -> str:
        values = TableValues(table)
        texts = TextTemplates()
        return cell_text(table, table.rows[row], table.columns[2],
                         values.cell(table.rows[row], "d"), status_words(texts),
                         texts.numbers())

    assert printed(_table(), 2) == ""
    assert printed(_table("row"), 2) == "150,0%"
    assert printed(_table(None, "column"), 2) == "+5,3\u00a0procentpunt"
    assert printed(_table(), 0) == "+600"
    assert printed(_table(), 1) == "+400"
    assert TableValues(_table("empty")).cell(_table().rows[2], "d") == EMPTY_CELL
