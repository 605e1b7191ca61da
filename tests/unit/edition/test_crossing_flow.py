"""A crossing cell follows the rule its `crossing` names in the public edition too: a
percentage of deltas over a confidential row is recomputed from what remains, never from
the column's rule."""

from __future__ import annotations

from pathlib import Path

from tests.reports import load_text, one_topic
from tests.unit.edition.test_flow import SECRET, _body, _table

COLUMNS = '[2024, 2025, {id: d, role: delta, derived: {delta: ["2024", "2025"]}}]'


def _report(tmp_path: Path, crossing: str):  # type: ignore[no-untyped-def]
    return load_text(tmp_path, one_topic(_table(f"""
- {{id: a, label: A, values: [10, 16]}}
- {{id: b, label: B, values: [7, 2], {SECRET}}}
- {{id: tot, label: Totaal, role: total, derived: {{sum: above}}}}
- {{id: pct, label: Aandeel A, unit: {{kind: percent, decimals: 1}},
   derived: {{percent_of: [a, tot], crossing: {crossing}}}}}""",
        COLUMNS)))


def test_crossing_row_gives_a_percentage_of_the_public_deltas(tmp_path: Path) -> None:
    rows = _body(_report(tmp_path, "row"))
    assert rows[2] == "data    | Aandeel A | 100,0%^h^ (r) | 100,0%^h^ (r) | 100,0%^h^ (r)"
    full = _body(_report(tmp_path, "row"), "vertrouwelijk")
    assert full[3] == "data    | Aandeel A | 58,8% (r) | 88,9% (r) | 600,0% (r)"


def test_crossing_column_gives_the_delta_of_the_public_percentages(tmp_path: Path) -> None:
    rows = _body(_report(tmp_path, "column"))
    assert rows[2].replace("\u00a0", " ") == (
        "data    | Aandeel A | 100,0%^h^ (r) | 100,0%^h^ (r) | 0,0 procentpunt^h^ (r)")


def test_crossing_empty_prints_nothing_in_any_edition(tmp_path: Path) -> None:
    for edition in ("openbaar", "vertrouwelijk"):
        rows = _body(_report(tmp_path, "empty"), edition)
        pct = next(line for line in rows if "Aandeel A" in line)
        assert pct.endswith("|  (r)") or pct.endswith("| (r)"), pct
