"""A cell's least width counts the pieces a line may break between, not whole compounds."""

from __future__ import annotations

from standgen.compose import tree as t
from standgen.compose.widths import measure
from standgen.theme.metrics import default_metrics


def _least(text: str) -> float:
    row = t.TableRow((t.Cell((t.Text("x"),)), t.Cell((t.Text(text),), align="left")))
    return measure((), (row,), default_metrics())[1].minimum


def test_a_compound_with_slashes_and_hyphens_breaks_between_its_parts() -> None:
    whole = _least("loopbaan-/ontwikkelings-/scholingsmogelijkheden")
    assert whole == _least("scholingsmogelijkheden")


def test_a_year_range_stays_whole() -> None:
    assert _least("2024-2025") == default_metrics().width("2024-2025")
