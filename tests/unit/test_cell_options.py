"""Every option of a table cell shows in the printed cell, or is refused where its unit
cannot print it: a flag that never shows would publish a different figure."""

from __future__ import annotations

from decimal import Decimal
from typing import Any, get_args

import pytest

from standgen.compose import tree as t
from standgen.compose.tables import compose_table
from standgen.compose.templating import TextTemplates
from standgen.model.tables import IndicatorTable
from standgen.model.values import Cell, Status, Unit, UnitKind
from standgen.validate.cells import cell_option_problem

OPTIONS: dict[str, list[dict[str, Any]]] = {
    "text": [{"text": "circa"}],
    "status": [{"status": s.value} for s in Status if s != Status.DEFINITIEF],
    "of": [{"of": 8}],
    "top": [{"top": True}, {"top": True, "unit": {"kind": "percent"}}],
    "marker": [{"marker": "*"}],
    "qualifier": [{"qualifier": q} for q in ("minder dan", "ruim", "<")],
}
"""Sample settings of every cell option; `definitief` is the plain value's own status."""

NOT_OPTIONS = {"value", "unit", "rubricering", "source"}
TEXTS = TextTemplates()


def _printed(kind: str, cell: dict[str, Any]) -> str:
    table = IndicatorTable.model_validate({
        "id": "t", "title": "T", "unit": {"kind": kind}, "columns": [2025],
        "rows": [{"id": "r", "label": "R", "values": [cell]}]})
    tree = compose_table(table, 1, TEXTS, lambda s: (t.Text(s),))
    return "".join(run.text for run in tree.body_rows[0].cells[1].inlines
                   if isinstance(run, t.Text))


def test_every_cell_option_has_samples() -> None:
    assert set(Cell.model_fields) - NOT_OPTIONS == set(OPTIONS)


@pytest.mark.parametrize("kind", get_args(UnitKind))
@pytest.mark.parametrize("option", [o for samples in OPTIONS.values() for o in samples],
                         ids=repr)
def test_option_shows_or_is_refused(kind: str, option: dict[str, Any]) -> None:
    plain = _printed(kind, {"value": 7})
    cell = Cell.model_validate({"value": 7, **option})
    own = Unit.model_validate(option["unit"]) if "unit" in option else Unit(kind=kind)  # type: ignore[arg-type]
    if cell_option_problem(cell, own) is not None:
        return
    assert _printed(kind, {"value": 7, **option}) != plain


def test_top_prints_top_whatever_the_table_unit() -> None:
    for kind in ("percent", "count", "rank", "vte"):
        assert _printed(kind, {"value": 10, "top": True}) == "Top\u00a010"


def test_top_refused_with_own_unit_that_cannot_be_a_rank() -> None:
    cell = Cell.model_validate({"value": 10, "top": True, "unit": "euro"})
    assert "top" in (cell_option_problem(cell, Unit(kind="euro")) or "")
    broken = Cell.model_validate({"value": Decimal("2.5"), "top": True})
    assert "whole number" in (cell_option_problem(broken, Unit()) or "")


def test_status_that_says_no_number_beside_a_number_is_refused() -> None:
    cell = Cell.model_validate({"value": 7, "status": "n.t.b."})
    assert "no number" in (cell_option_problem(cell, Unit()) or "")


def test_provisional_value_says_so() -> None:
    assert _printed("count", {"value": 4500, "status": "voorlopig"}) == "4.500\u00a0(voorlopig)"


def test_a_total_of_a_bound_fraction_or_qualified_value_is_refused() -> None:
    from standgen.validate.cells import check_derived_from_options

    table = IndicatorTable.model_validate({
        "id": "t", "title": "T", "columns": [2024, 2025],
        "rows": [{"id": "a", "label": "A",
                  "values": [{"value": 25, "qualifier": "minder dan"}, 10]},
                 {"id": "b", "label": "B", "values": [{"value": 5, "of": 8},
                                                      {"value": 10, "top": True}]},
                 {"id": "c", "label": "C", "values": [1, 2]},
                 {"id": "tot", "label": "Totaal", "role": "total",
                  "derived": {"sum": "above"}},
                 {"id": "pct", "label": "%", "unit": "percent",
                  "derived": {"percent_of": ["c", "c"]}}]})
    found = [p.message for p in check_derived_from_options(table, "t")]
    assert len(found) == 3
    assert all("computed from cell" in m for m in found)
    assert {"`qualifier`", "`of`", "`top`"} == {m.split("has ")[1].split(":")[0] for m in found}
