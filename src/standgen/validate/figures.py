"""Figures: charts point at existing tables, rows and columns; images exist in the folder."""

from __future__ import annotations

from pathlib import Path

from standgen.errors import Problem
from standgen.model.charts import ChartSpec
from standgen.model.report import FigureBlock, Report
from standgen.model.tables import IndicatorTable
from standgen.validate.problems import error
from standgen.validate.walk import child_path, walk


def check_figures(report: Report) -> list[Problem]:
    """Chart references and chart data shapes, and image files, of every figure."""
    tables = {node.id: node for _, node in walk(report) if isinstance(node, IndicatorTable)}
    root = _report_folder(report)
    problems: list[Problem] = []
    for path, node in walk(report):
        if not isinstance(node, FigureBlock):
            continue
        if node.chart is not None:
            problems += _check_chart(node.chart, child_path(path, "chart"), tables)
        if node.image is not None:
            problems += _check_image(node, path, root)
    return problems


def _report_folder(report: Report) -> Path | None:
    if report.source is None or report.source.file is None:
        return None
    return report.source.file.resolve().parent


def _check_chart(chart: ChartSpec, path: str,
                 tables: dict[str, IndicatorTable]) -> list[Problem]:
    if chart.table is None:
        return _check_own_data(chart, path)
    table = tables.get(chart.table)
    if table is None:
        return [error(chart, "table", path, f"chart refers to table {chart.table!r}, which "
                      f"does not exist; tables: {', '.join(sorted(tables)) or 'none'}",
                      "unknown-table")]
    problems: list[Problem] = _check_round(chart, path, table)
    row_keys = [r.key for r in table.rows]
    for field, wanted, known in (("rows", chart.rows, row_keys),
                                 ("columns", chart.columns, table.column_keys)):
        missing = [k for k in wanted or [] if k not in known]
        if missing:
            problems.append(error(
                chart, field, path,
                f"chart {field} {', '.join(map(repr, missing))} not in table "
                f"{table.id!r}; it has {', '.join(known)}", f"unknown-chart-{field}"))
    return problems


ROUND = ("pie", "donut")


def _check_round(chart: ChartSpec, path: str, table: IndicatorTable) -> list[Problem]:
    """A pie or donut draws one row of a table, its columns as slices; over a table that
    gives it several rows it would have to pick one, so it is refused (it used to take the
    first row silently)."""
    if chart.type not in ROUND:
        return []
    rows = [r.key for r in table.rows if r.role != "group"
            and ((chart.rows is None and r.role not in ("total", "subtotal", "percentage"))
                 or (chart.rows is not None and r.key in chart.rows))]
    if len(rows) == 1:
        return []
    field = "rows" if chart.rows is not None else "type"
    return [error(chart, field, path, f"a {chart.type} chart draws one row of a table (its "
                  f"columns are the slices), and table {table.id!r} gives it {len(rows)} "
                  f"rows ({', '.join(rows) or 'none'}); name the one row with "
                  "`rows: [ID]`, or use type: bar or stacked to compare rows",
                  "round-chart-shape")]


def _check_own_data(chart: ChartSpec, path: str) -> list[Problem]:
    if chart.categories is None or not chart.series:
        return [error(chart, "type", path, "a chart needs either `table` or `categories` "
                      "with `series`", "chart-data")]
    problems: list[Problem] = []
    drawn = [s for s in chart.series if s.role == "data"]
    if chart.type in ROUND and len(drawn) != 1:
        problems.append(error(chart, "series", path, f"a {chart.type} chart draws one "
                              f"series and this one has {len(drawn)}; give one series, "
                              "or use type: bar to compare several", "round-chart-shape"))
    for index, series in enumerate(chart.series):
        if len(series.values) != len(chart.categories):
            problems.append(error(
                series, "values", f"{path}.series[{index}]",
                f"{len(series.values)} values for {len(chart.categories)} categories; give "
                "one value (or null) per category", "series-length"))
    return problems


def _check_image(figure: FigureBlock, path: str, root: Path | None) -> list[Problem]:
    image = figure.image or ""
    file = figure.source.file if figure.source is not None else None
    base = file.parent if file is not None else Path.cwd()
    try:
        target = (base / image).resolve()
        if root is not None and not target.is_relative_to(root):
            return [error(figure, "image", path, f"image {image} lies outside the report "
                          f"folder {root}; keep images inside the report folder",
                          "image-outside")]
        found = target.is_file()
    except (OSError, RuntimeError) as exc:  # a name too long, a loop of symbolic links
        return [error(figure, "image", path, f"image path {image} cannot be used ({exc}); "
                      "name an image file inside the report folder", "image-unusable")]
    if not found:
        return [error(figure, "image", path, f"image file not found: {target}; the path is "
                      "relative to the YAML file that names it", "image-missing")]
    problems = _image_kind(figure, path, target)
    if not (figure.alt or "").strip():
        problems.append(error(figure, "image", path, f"image {image} has no `alt` text; add "
                              "`alt:` saying what the image shows, for readers who cannot "
                              "see it", "image-alt"))
    return problems


def _image_kind(figure: FigureBlock, path: str, target: Path) -> list[Problem]:
    """SVG and PDF images are refused by name: nothing installed renders them faithfully
    into both DOCX and PDF."""
    with target.open("rb") as stream:
        head = stream.read(512)
    kind = ("PDF" if head.startswith(b"%PDF") or target.suffix.lower() == ".pdf"
            else "SVG" if b"<svg" in head.lower() or target.suffix.lower() in (".svg", ".svgz")
            else None)
    if kind is None:
        return []
    return [error(figure, "image", path, f"image {figure.image} is {kind}, which standgen "
                  "cannot place in both DOCX and PDF; export it as PNG (at least 300 dpi at "
                  "its printed width) and name that file", "image-format")]
