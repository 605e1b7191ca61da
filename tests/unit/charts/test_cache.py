"""The chart cache: keyed on content, reused when unchanged, redrawn only where changed."""

from __future__ import annotations

import dataclasses
from decimal import Decimal
from pathlib import Path

from standgen.charts.cache import ChartCache, render_all
from standgen.charts.data import ChartData
from standgen.charts.render import render_chart
from standgen.charts.style import ChartStyle
from tests.unit.charts.samples import BAR, BY_TYPE, HBAR, LINE, PIE

ITEMS = [LINE, BAR, HBAR, PIE]
SMALL = ChartStyle(dpi=50)  # cache behaviour does not depend on resolution; keep tests fast


def _with_value(data: ChartData, value: str) -> ChartData:
    first = data.series[0]
    changed = dataclasses.replace(first, values=(Decimal(value), *first.values[1:]))
    return dataclasses.replace(data, series=(changed, *data.series[1:]))


def test_second_run_draws_nothing_and_a_changed_value_redraws_one(tmp_path: Path) -> None:
    charts, stats = render_all(ITEMS, tmp_path, style=SMALL)
    assert (stats.drawn, stats.reused) == (4, 0)
    assert all(c.vector_path.is_file() and c.raster_path.is_file() for c in charts)
    before = {p.name: p.stat().st_mtime_ns for p in tmp_path.iterdir()}

    again, stats = render_all(ITEMS, tmp_path, style=SMALL)
    assert (stats.drawn, stats.reused) == (0, 4)
    assert again == charts
    assert {p.name: p.stat().st_mtime_ns for p in tmp_path.iterdir()} == before

    changed = [LINE, _with_value(BAR, "1001"), HBAR, PIE]
    third, stats = render_all(changed, tmp_path, style=SMALL)
    assert (stats.drawn, stats.reused) == (1, 3)
    assert third[1].key != charts[1].key
    assert [c.key for i, c in enumerate(third) if i != 1] == [
        c.key for i, c in enumerate(charts) if i != 1]


def test_file_names_are_the_key_and_results_keep_order(tmp_path: Path) -> None:
    charts, stats = render_all([PIE, LINE, PIE], tmp_path, style=SMALL)
    assert stats.drawn == 2 and stats.reused == 1
    assert charts[0] == charts[2]
    assert charts[1].vector_path.name == f"{charts[1].key}.pdf"
    assert ChartCache(tmp_path, SMALL).key(LINE) == charts[1].key


def test_a_missing_file_is_redrawn(tmp_path: Path) -> None:
    charts, _ = render_all([LINE], tmp_path, style=SMALL)
    charts[0].raster_path.unlink()
    assert ChartCache(tmp_path, SMALL).lookup(LINE) is None
    _, stats = render_all([LINE], tmp_path, style=SMALL)
    assert stats.drawn == 1 and charts[0].raster_path.is_file()


def test_parallel_render_gives_the_same_bytes(tmp_path: Path) -> None:
    items = [BY_TYPE[name] for name in ("line_target", "stacked", "donut")]
    parallel, stats = render_all(items, tmp_path / "parallel", jobs=2, style=SMALL)
    assert stats.drawn == len(items)
    for data, chart in zip(items, parallel, strict=True):
        serial = render_chart(data, tmp_path / "serial", SMALL)
        assert serial.key == chart.key
        assert serial.vector_path.read_bytes() == chart.vector_path.read_bytes()
        assert serial.raster_path.read_bytes() == chart.raster_path.read_bytes()
    leftovers = [p for p in (tmp_path / "parallel").iterdir() if p.name.startswith(".")]
    assert leftovers == []
