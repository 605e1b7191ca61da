"""The peers' chart step: draw a report's charts with matplotlib into a fresh folder.

    python benchmarks/draw_charts.py prepare REPORT.yaml CHARTS.pickle   (untimed set-up)
    python benchmarks/draw_charts.py draw CHARTS.pickle OUT_DIR          (the timed step)

`prepare` resolves every chart of every edition the benchmark builds, exactly as standgen's
compose step does; `draw` renders them with standgen's own chart code, without a cache, so
the peers get the same PNG files standgen embeds.
"""

from __future__ import annotations

import pickle
import sys
from pathlib import Path

EDITIONS = ("openbaar", "bijlage")


def prepare(report_path: Path, out: Path) -> int:
    """Pickle the ChartData of every chart in the benchmarked editions (deduplicated)."""
    from standgen.api import load
    from standgen.charts.key import chart_key
    from standgen.charts.style import ChartStyle
    from standgen.compose.document import all_blocks
    from standgen.compose.figures import chart_data
    from standgen.compose.templating import TextTemplates
    from standgen.edition.levels import load_levels
    from standgen.edition.select import select_edition
    from standgen.model.report import FigureBlock, TableBlock

    report = load(report_path)
    found = {}
    for edition in EDITIONS:
        selected = select_edition(report, edition, load_levels()).report
        blocks = all_blocks(selected)
        tables = {b.table.id: b.table for b in blocks if isinstance(b, TableBlock)}
        for block in blocks:
            if isinstance(block, FigureBlock) and block.chart is not None:
                data = chart_data(block, block.chart, tables, TextTemplates())
                found.setdefault(chart_key(data, ChartStyle()), data)
    out.write_bytes(pickle.dumps(list(found.values())))
    print(f"{len(found)} charts")
    return 0


def draw(pickled: Path, out_dir: Path) -> int:
    """Draw every pickled chart into `out_dir` (PDF and PNG, as standgen draws them)."""
    from standgen.charts.render import render_chart

    out_dir.mkdir(parents=True, exist_ok=True)
    for data in pickle.loads(pickled.read_bytes()):
        render_chart(data, out_dir)
    return 0


if __name__ == "__main__":
    command, first, second = sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3])
    sys.exit(prepare(first, second) if command == "prepare" else draw(first, second))
