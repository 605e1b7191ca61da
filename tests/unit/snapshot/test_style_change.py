"""A larger body font: the diff reports page shifts and writes marked page images."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pytest
from PIL import Image

import standgen.write.pdf.build as pdf_build
from standgen.snapshot.cli import main
from tests.unit.snapshot.builds import EXAMPLE, Builds, build_example


@pytest.fixture(scope="module")
def larger_font_pdf(example_builds: Builds, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example's PDF with the body text set far larger than the house style."""
    original = pdf_build.make_styles

    def larger(fonts: Any, theme: Any = None) -> Any:
        styles = original(fonts, theme)
        body = styles.roles["body"]
        body.fontSize, body.leading = 30, 80
        return styles

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(pdf_build, "make_styles", larger)
        out = tmp_path_factory.mktemp("larger-font")
        return build_example(EXAMPLE / "report.yaml", out, example_builds.cache, ("pdf",))["pdf"]


def test_diff_reports_page_count_and_heading_shifts(
        example_builds: Builds, larger_font_pdf: Path, tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    status = main(["diff", str(example_builds.original["pdf"]), str(larger_font_pdf),
                   "--images", str(tmp_path)])
    output = capsys.readouterr().out
    assert status == 1
    assert "  page count: 8 → " in output  # sections follow on: 8 pages, was 11
    shifted = [line for line in output.splitlines() if " now starts on page " in line]
    assert any(line.strip().startswith("1.2 Gereedheid now starts on page ") for line in shifted)
    assert "  Voorwoord now starts" not in output, "the front matter does not move"


def test_visual_diff_is_side_by_side_with_red_boxes(
        example_builds: Builds, larger_font_pdf: Path, tmp_path: Path) -> None:
    main(["diff", str(example_builds.original["pdf"]), str(larger_font_pdf),
          "--images", str(tmp_path)])
    images = sorted(tmp_path.glob("page-*.png"))
    assert images, "no page image written"
    assert "page-001.png" not in {p.name for p in images}, "the cover did not change"
    with Image.open(images[0]) as sheet:
        pixels = np.asarray(sheet.convert("RGB"), dtype=np.int16)
        width, height = sheet.size
    assert width > height, "two portrait pages side by side"
    red = (pixels[:, :, 0] > 180) & (pixels[:, :, 1] < 60) & (pixels[:, :, 2] < 60)
    assert red[:, : width // 2].any() and red[:, width // 2:].any(), "boxes on both pages"
