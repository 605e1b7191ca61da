"""Rendering: both formats, the printed size, deterministic bytes, gaps, the house style."""

from __future__ import annotations

import dataclasses
import math
import subprocess
import sys
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import matplotlib
import numpy as np
import pytest
from matplotlib.figure import Figure
from matplotlib.image import imread
from pypdf import PdfReader

from standgen.charts import key as key_module
from standgen.charts.data import ChartData, ChartSeries
from standgen.charts.key import chart_key
from standgen.charts.render import draw_figure, rc_params, render_chart
from standgen.charts.style import ChartStyle
from tests.unit.charts.samples import BAR, BY_TYPE, HBAR, LINE, LINE_TARGET, PIE

POINTS_PER_CM = 72 / 2.54


def test_writes_pdf_and_png_at_text_width(tmp_path: Path) -> None:
    chart = render_chart(LINE, tmp_path)
    assert chart.vector_path == tmp_path / f"{chart.key}.pdf"
    assert chart.raster_path == tmp_path / f"{chart.key}.png"
    page = PdfReader(chart.vector_path).pages[0]
    assert round(float(page.mediabox.width) / POINTS_PER_CM, 2) == 16.0
    assert round(float(page.mediabox.height) / POINTS_PER_CM, 2) == LINE.height_cm
    height, width, _ = imread(chart.raster_path).shape
    assert abs(width - 16 / 2.54 * 200) < 1 and abs(height - 7 / 2.54 * 200) < 1
    assert (chart.width_cm, chart.height_cm) == (16.0, 7.0)
    assert chart.alt_text.startswith("Lijndiagram: ")


def test_pdf_keeps_text_in_the_document_font(tmp_path: Path) -> None:
    chart = render_chart(BAR, tmp_path)
    data = chart.vector_path.read_bytes()
    assert b"LiberationSans" in data
    assert b"CreationDate" not in data and b"Matplotlib" not in data
    text = PdfReader(chart.vector_path).pages[0].extract_text()
    assert "2.500" in text and "Instroom" in text


def test_same_data_gives_identical_bytes(tmp_path: Path) -> None:
    cases = [(name, data, ChartStyle(dpi=72)) for name, data in BY_TYPE.items()]
    for name, data, style in [("full size", LINE, ChartStyle()), *cases]:
        first = render_chart(data, tmp_path / "a" / name, style)
        second = render_chart(data, tmp_path / "b" / name, style)
        assert first.vector_path.read_bytes() == second.vector_path.read_bytes(), name
        assert first.raster_path.read_bytes() == second.raster_path.read_bytes(), name


def test_png_has_no_software_stamp(tmp_path: Path) -> None:
    chart = render_chart(PIE, tmp_path)
    assert b"matplotlib" not in chart.raster_path.read_bytes().lower()


def test_no_temporary_files_left(tmp_path: Path) -> None:
    render_chart(HBAR, tmp_path)
    assert sorted(p.suffix for p in tmp_path.iterdir()) == [".pdf", ".png"]


def _figure(data: ChartData) -> Figure:
    style = ChartStyle(dpi=72)
    with matplotlib.rc_context(rc_params(style)):
        fig = draw_figure(data, style)
        fig.canvas.draw()
    return fig


def test_gaps_are_not_zeros() -> None:
    ax = _figure(LINE).axes[0]
    ys = [float(y) for y in np.asarray(ax.lines[0].get_ydata(), dtype=float)]
    assert math.isnan(ys[2]) and ys[1] == 52.4
    bars = _figure(BAR).axes[0].patches
    assert len(bars) == 7  # 4 instroom + 3 uitstroom: the missing 2024 bar is not drawn
    assert min(b.get_window_extent().height for b in bars) > 0


def test_targets_are_dashed_and_data_solid() -> None:
    ax = _figure(LINE_TARGET).axes[0]
    styles = {line.get_label(): line.get_linestyle() for line in ax.lines}
    assert styles["Kwalificatiegraad"] == "-"
    assert styles["Streefwaarde kwalificatiegraad"] == "--"


def test_hbar_largest_on_top() -> None:
    ax = _figure(HBAR).axes[0]
    labels = [t.get_text() for t in ax.get_yticklabels()]
    ranked = sorted(zip(ax.get_yticks(), labels, strict=True), reverse=True)
    assert [label for _, label in ranked][:2] == ["Salaris en arbeidsvoorwaarden",
                                                  "Loopbaanperspectief"]


def test_house_style_no_title_legend_below_no_top_right_spines() -> None:
    fig = _figure(LINE_TARGET)
    ax = fig.axes[0]
    assert ax.get_title() == ""
    assert not ax.spines["top"].get_visible() and not ax.spines["right"].get_visible()
    assert ax.yaxis.get_gridlines()[0].get_visible()
    legend_box = fig.legends[0].get_window_extent()
    assert legend_box.y1 <= ax.get_window_extent().y0
    colours = [matplotlib.colors.to_hex(line.get_color()) for line in ax.lines]
    assert colours[:2] == ["#154273", "#007bc7"]
    assert colours[2] == "#e17000"


def test_single_series_has_no_legend() -> None:
    assert _figure(PIE).legends != []
    assert _figure(HBAR).legends == []


def test_key_covers_data_and_style() -> None:
    plain = chart_key(LINE, ChartStyle())
    assert chart_key(dataclasses.replace(LINE), ChartStyle()) == plain
    assert chart_key(LINE, ChartStyle(font_size=10)) != plain
    assert chart_key(dataclasses.replace(LINE, height_cm=9.0), ChartStyle()) != plain
    assert chart_key(dataclasses.replace(LINE, norm_label="Streefwaarde"), ChartStyle()) != plain


def test_key_covers_versions(monkeypatch: pytest.MonkeyPatch) -> None:
    plain = chart_key(LINE, ChartStyle())
    monkeypatch.setattr(key_module, "__version__", "99.0")
    newer_standgen = chart_key(LINE, ChartStyle())
    monkeypatch.setattr(key_module, "matplotlib_version", lambda: "0.0")
    older_matplotlib = chart_key(LINE, ChartStyle())
    assert len({plain, newer_standgen, older_matplotlib}) == 3


def test_importing_charts_does_not_import_matplotlib() -> None:
    code = "import sys, standgen.charts; print('matplotlib' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True)
    assert out.stdout.strip() == "False"


def _variants(data: ChartData) -> list[ChartData]:
    """The chart with no numbers at all, with no series, and with negative numbers."""
    def mapped(fn: Callable[[Decimal | None], Decimal | None]) -> tuple[ChartSeries, ...]:
        return tuple(dataclasses.replace(s, values=tuple(fn(v) for v in s.values))
                     for s in data.series)
    return [dataclasses.replace(data, series=mapped(lambda v: None)),
            dataclasses.replace(data, series=()),
            dataclasses.replace(data, categories=(), series=tuple(
                dataclasses.replace(s, values=()) for s in data.series)),
            dataclasses.replace(data, series=mapped(lambda v: None if v is None else -v))]


@pytest.mark.filterwarnings("error")
@pytest.mark.parametrize("name", sorted(BY_TYPE))
def test_degenerate_data_still_renders(name: str, tmp_path: Path) -> None:
    for variant in _variants(BY_TYPE[name]):
        chart = render_chart(variant, tmp_path, ChartStyle(dpi=50))
        assert chart.raster_path.stat().st_size > 0
        assert chart.alt_text.endswith(".")
