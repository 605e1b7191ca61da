"""Image regression: each chart type against a small committed PNG, with a tolerance.

Run with STANDGEN_UPDATE_BASELINES=1 to rewrite the baselines after an intended change.
"""

from __future__ import annotations

import dataclasses
import os
import shutil
from decimal import Decimal
from pathlib import Path

import numpy as np
import pytest
from matplotlib.image import imread

from standgen.charts.data import ChartData
from standgen.charts.render import render_chart
from standgen.charts.style import ChartStyle
from tests.unit.charts.samples import BY_TYPE, LINE

BASELINES = Path(__file__).parent / "baseline"
STYLE = ChartStyle(dpi=60)  # small images: enough to see a regression, cheap to commit
# Mean absolute difference per channel on a 0..1 scale. matplotlib ships its own FreeType,
# so the same version renders identically everywhere; a changed tick label alone already
# moves the mean by about 0.0015, so anything above 0.001 is a real change.
TOLERANCE = 0.001
UPDATE = os.environ.get("STANDGEN_UPDATE_BASELINES") == "1"


def difference(actual: Path, expected: Path) -> float:
    """Mean absolute pixel difference of two PNGs; 1.0 when their sizes differ."""
    a, b = imread(actual), imread(expected)
    if a.shape != b.shape:
        return 1.0
    return float(np.mean(np.abs(a.astype(np.float64) - b.astype(np.float64))))


def _render(data: ChartData, out: Path) -> Path:
    return render_chart(data, out, STYLE).raster_path


@pytest.mark.parametrize("name", sorted(BY_TYPE))
def test_matches_baseline(name: str, tmp_path: Path) -> None:
    actual = _render(BY_TYPE[name], tmp_path)
    expected = BASELINES / f"{name}.png"
    if UPDATE:
        BASELINES.mkdir(exist_ok=True)
        shutil.copyfile(actual, expected)
    assert expected.exists(), f"no baseline {expected}; run with STANDGEN_UPDATE_BASELINES=1"
    assert difference(actual, expected) < TOLERANCE, f"{name} differs from its baseline"


def test_a_changed_value_exceeds_the_tolerance(tmp_path: Path) -> None:
    series = dataclasses.replace(LINE.series[0], values=(Decimal(5), Decimal(95), None,
                                                         Decimal(5), Decimal(95)))
    changed = _render(dataclasses.replace(LINE, series=(series,)), tmp_path)
    assert difference(changed, BASELINES / "line.png") > TOLERANCE
