"""Changed regions found in pixel masks and drawn as red boxes side by side."""

from __future__ import annotations

from pathlib import Path

import numpy as np
from PIL import Image

from standgen.snapshot.pixels import CELL, boxes, changed_mask, side_by_side


def _page(height: int = 120, width: int = 80) -> np.ndarray:
    return np.full((height, width, 3), 255, dtype=np.int16)


def test_small_differences_are_within_tolerance() -> None:
    a, b = _page(), _page()
    b[10:20, 10:20] = 230
    assert not changed_mask(a, b).any()


def test_separate_regions_get_separate_boxes() -> None:
    a, b = _page(), _page()
    b[5:9, 5:30] = 0
    b[100:110, 60:70] = 0
    found = boxes(changed_mask(a, b))
    assert len(found) == 2
    left, top, right, bottom = found[0]
    assert left <= 5 and top <= 5 and right >= 29 and bottom >= 8
    assert found[1][1] >= 100 - CELL


def test_side_by_side_has_red_boxes_on_both_pages(tmp_path: Path) -> None:
    a, b = _page(), _page()
    b[40:50, 30:50] = 0
    target = tmp_path / "page.png"
    side_by_side(a, b, boxes(changed_mask(a, b)), target)
    with Image.open(target) as sheet:
        pixels = np.asarray(sheet.convert("RGB"))
        assert sheet.size[0] > 2 * 80
    red = (pixels[:, :, 0] > 200) & (pixels[:, :, 1] < 40) & (pixels[:, :, 2] < 40)
    assert red[:, :80].any() and red[:, 80:].any()
