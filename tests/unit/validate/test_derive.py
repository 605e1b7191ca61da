"""Derivation arithmetic: sums, percentages, deltas and differences over table cells."""

from __future__ import annotations

from decimal import Decimal as D
from typing import Any

from standgen.model.tables import IndicatorTable
from standgen.validate.derive import (
    apply_derivation,
    compute_column,
    compute_row,
    filled_values,
    row_sum_keys,
)


def table(rows: list[dict[str, Any]], columns: list[Any] | None = None) -> IndicatorTable:
    return IndicatorTable.model_validate({"id": "t", "title": "T", "rows": rows,
                                          "columns": columns or [2024, 2025]})


CATEGORIES = table([
    {"id": "g1", "label": "Groep 1", "role": "group"},
    {"id": "a", "values": [1, 2]},
    {"id": "b", "values": [3, 4]},
    {"id": "s1", "role": "subtotal", "derived": {"sum": "above"}},
    {"id": "c", "values": [10, 20]},
    {"id": "s2", "role": "subtotal", "derived": {"sum": "above"}},
    {"id": "all", "role": "total", "derived": {"sum": "all"}},
    {"id": "subs", "role": "total", "derived": {"sum": ["s1", "s2"]}},
])


def test_sum_above_stops_at_the_previous_subtotal() -> None:
    assert row_sum_keys(CATEGORIES, CATEGORIES.rows[3]) == ["a", "b"]
    assert row_sum_keys(CATEGORIES, CATEGORIES.rows[5]) == ["c"]
    assert compute_row(CATEGORIES, CATEGORIES.rows[5]) == {"2024": D(10), "2025": D(20)}


def test_sum_all_takes_data_rows_only() -> None:
    assert row_sum_keys(CATEGORIES, CATEGORIES.rows[6]) == ["a", "b", "c"]
    assert compute_row(CATEGORIES, CATEGORIES.rows[6]) == {"2024": D(14), "2025": D(26)}


def test_sum_of_derived_rows_uses_their_derived_values() -> None:
    assert compute_row(CATEGORIES, CATEGORIES.rows[7]) == {"2024": D(14), "2025": D(26)}


def test_percent_of() -> None:
    t = table([{"id": "r", "values": [3941, 5138]}, {"id": "p", "values": [5276, 6969]},
               {"id": "pct", "derived": {"percent_of": ["r", "p"]}}])
    result = compute_row(t, t.rows[2])
    assert [round(v, 1) for v in result.values() if v is not None] == [D("74.7"), D("73.7")]


def test_percent_of_zero_or_missing_is_none() -> None:
    t = table([{"id": "r", "values": [1, "n.t.b."]}, {"id": "p", "values": [0, 5]},
               {"id": "pct", "derived": {"percent_of": ["r", "p"]}}])
    assert compute_row(t, t.rows[2]) == {"2024": None, "2025": None}


def _crossed(row_rule: str | None, column_rule: str | None) -> IndicatorTable:
    delta: dict[str, object] = {"delta": ["2024", "2025"]}
    pct: dict[str, object] = {"percent_of": ["r", "p"]}
    if column_rule:
        delta["crossing"] = column_rule
    if row_rule:
        pct["crossing"] = row_rule
    columns = [2024, 2025, {"id": "d", "role": "delta", "derived": delta}]
    return table([{"id": "r", "values": [50, 60]}, {"id": "p", "values": [100, 80]},
                  {"id": "pct", "derived": pct}], columns)


def test_a_percentage_row_under_a_delta_column_is_not_guessed() -> None:
    t = _crossed(None, None)
    assert compute_column(t, t.columns[2]) == {"r": D(10), "p": D(-20), "pct": None}
    assert compute_row(t, t.rows[2])["d"] is None


def test_crossing_names_the_rule_from_either_side() -> None:
    for row_rule, column_rule in (("column", None), (None, "column")):
        t = _crossed(row_rule, column_rule)
        assert compute_row(t, t.rows[2])["d"] == D(25)  # 75 - 50: a delta of percentages
    for row_rule, column_rule in (("row", None), (None, "row")):
        t = _crossed(row_rule, column_rule)
        assert compute_row(t, t.rows[2])["d"] == D(-50)  # 10 / -20 x 100
    t = _crossed("empty", None)
    assert compute_row(t, t.rows[2])["d"] is None


def test_sum_rows_and_delta_columns_commute_without_a_crossing() -> None:
    columns = [2024, 2025, {"id": "d", "derived": {"delta": ["2024", "2025"]}}]
    t = table([{"id": "a", "values": [5, 9]}, {"id": "b", "values": [2, 1]},
               {"id": "tot", "derived": {"sum": "above"}}], columns)
    assert compute_row(t, t.rows[2])["d"] == D(3)


def test_difference_and_filled_values() -> None:
    t = table([{"id": "a", "values": [7, 9]}, {"id": "b", "values": [2, None]},
               {"id": "verschil", "derived": {"difference": ["a", "b"]}}])
    assert filled_values(t)["verschil"] == {"2024": D(5), "2025": None}


def test_published_values_are_kept_in_filled_values() -> None:
    t = table([{"id": "a", "values": [1, 2]},
               {"id": "s", "derived": {"sum": ["a"]}, "values": [9, None]}])
    assert filled_values(t)["s"] == {"2024": D(9), "2025": D(2)}


def test_cycles_do_not_hang() -> None:
    t = table([{"id": "x", "derived": {"sum": ["y"]}}, {"id": "y", "derived": {"sum": ["x"]}}])
    assert compute_row(t, t.rows[0]) == {"2024": None, "2025": None}


def test_apply_derivation_with_a_lookup() -> None:
    from standgen.model.tables import Derivation

    numbers = {"a": D(2), "b": D(8)}
    assert apply_derivation(Derivation(delta=("a", "b")), numbers.get, []) == D(6)
    assert apply_derivation(Derivation(sum=["a", "b"]), numbers.get, ["a", "b"]) == D(10)
    assert apply_derivation(Derivation(sum="all"), numbers.get, []) is None
