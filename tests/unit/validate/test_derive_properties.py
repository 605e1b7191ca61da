"""Properties of derived-value checking: rounding as published never warns, slips always do."""

from __future__ import annotations

from decimal import ROUND_HALF_EVEN, ROUND_HALF_UP, Decimal

from hypothesis import given
from hypothesis import strategies as st

from standgen.model.tables import IndicatorTable
from standgen.validate.totals import check_derived

counts = st.integers(min_value=1, max_value=1_000_000)


def percent_table(real: int, plan: int, published: Decimal) -> IndicatorTable:
    return IndicatorTable.model_validate({
        "id": "t", "title": "T", "columns": [2025],
        "rows": [{"id": "r", "values": [real]}, {"id": "p", "values": [plan]},
                 {"id": "pct", "derived": {"percent_of": ["r", "p"]}, "values": [published]}]})


@given(counts, counts, st.integers(min_value=0, max_value=3),
       st.sampled_from([ROUND_HALF_UP, ROUND_HALF_EVEN]))
def test_rounded_percentages_never_warn(real: int, plan: int, places: int,
                                        rounding: str) -> None:
    exact = Decimal(real) / Decimal(plan) * 100
    published = exact.quantize(Decimal(1).scaleb(-places), rounding=rounding)
    assert check_derived(percent_table(real, plan, published), "t") == []


@given(counts, counts, st.integers(min_value=0, max_value=2))
def test_a_slip_of_one_unit_always_warns(real: int, plan: int, places: int) -> None:
    exact = Decimal(real) / Decimal(plan) * 100
    unit = Decimal(1).scaleb(-places)
    published = exact.quantize(unit, rounding=ROUND_HALF_UP) + unit
    problems = check_derived(percent_table(real, plan, published), "t")
    assert [p.code for p in problems] == ["derived-mismatch"]


@given(st.lists(st.integers(min_value=-10_000, max_value=10_000), min_size=1, max_size=8),
       st.integers(min_value=-3, max_value=3))
def test_totals_warn_exactly_when_they_differ(parts: list[int], slip: int) -> None:
    rows = [{"id": f"r{i}", "values": [v]} for i, v in enumerate(parts)]
    rows.append({"id": "tot", "role": "total", "derived": {"sum": "above"},
                 "values": [sum(parts) + slip]})
    table = IndicatorTable.model_validate({"id": "t", "title": "T", "columns": [2025],
                                           "rows": rows})
    assert bool(check_derived(table, "t")) == (slip != 0)
