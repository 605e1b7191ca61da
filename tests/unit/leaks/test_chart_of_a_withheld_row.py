"""A chart over a table with a withheld row: its generated text differs per edition, yet the
public figures it prints are no leak, while a withheld row's figure still is."""

from __future__ import annotations

from pathlib import Path

import pytest

from standgen.build import BuildRequest, build
from standgen.errors import BuildError
from standgen.leaks.candidates import printed_there
from standgen.leaks.rendered import Unit
from standgen.leaks.text import Candidate
from tests.reports import one_topic, write_report

TABLE = """\
- table:
    id: t
    title: Instroom per eenheid
    columns: [2023, 2024, 2025]
    rows:
      - {id: a, label: Eenheid A, values: [1111, 1234, 1357]}
      - {id: b, label: Eenheid B, values: [2222, 2345, 2468], rubricering: dep-vertrouwelijk}
      - {id: c, label: Eenheid C, values: [3333, 3456, 3579]}
      - {id: tot, label: Totaal, role: total, derived: {sum: above}}
"""
CHARTS = TABLE + """\
- figure:
    id: f1
    title: Instroom gestapeld
    chart: {type: stacked, table: t, data_table: true}
- figure:
    id: f2
    title: Instroom per jaar
    chart: {type: bar, table: t, data_table: true}
"""


def test_charts_over_a_table_with_a_withheld_row_build_without_a_false_leak(
        tmp_path: Path) -> None:
    source = write_report(tmp_path, one_topic(CHARTS))
    assert "declared_public" not in source.read_text(encoding="utf-8")
    build(BuildRequest(source, tmp_path / "out", formats=("md", "pdf"),
                       cache_dir=tmp_path / "cache"))
    (public,) = (tmp_path / "out").glob("*openbare-versie.md")
    text = public.read_text(encoding="utf-8")
    assert "1.111" in text and "3.579" in text
    assert not any(f in text for f in ("2.222", "2.345", "2.468", "Eenheid B"))
    assert list((tmp_path / "out").glob("*openbare-versie.pdf"))


def test_a_withheld_value_beside_the_charts_is_still_refused(tmp_path: Path) -> None:
    leaking = CHARTS + "- text: De instroom bij de kleinste eenheid was 2.345 in 2024.\n"
    source = write_report(tmp_path, one_topic(leaking))
    with pytest.raises(BuildError) as caught:
        build(BuildRequest(source, tmp_path / "out", formats=("md",),
                           cache_dir=tmp_path / "cache"))
    assert "'2.345'" in str(caught.value)


def _figure(text: str) -> Candidate:
    return Candidate(text, "f", "figure", keys=frozenset({text.replace(".", "")}))


def test_only_figures_the_public_prints_at_the_same_place_are_dropped() -> None:
    alt = Unit("Staaf 1.111 en 2.222", "H, figure 'X'", places=("H, figure 'X'",))
    shown = {"H, figure 'X'": {"1.111"}, "H, figure 'X', table without caption": {"3.333"},
             "H, table 'T'": {"2.222"}}
    assert printed_there(_figure("1.111"), alt, shown)
    assert printed_there(_figure("3.333"), alt, shown)
    assert not printed_there(_figure("2.222"), alt, shown)
    cell = Unit("1.111", "H, figure 'X', chart", cell=True, places=("H, figure 'X', chart",))
    assert not printed_there(_figure("1.111"), cell, shown)
    assert not printed_there(_figure("1.111"), Unit("1.111", "H, figure 'X'"), shown)
    prose = Unit("Budget 1.111", "H > figure 'X'", places=("H",))
    assert not printed_there(_figure("1.111"), prose, {"H": {"1.111"}})
