"""Figures: resolve chart specs against the edition's tables, draw them, build tree nodes.

All charts of a document are resolved first and drawn in one batch (cached on content,
in parallel where that pays), so that a rebuild redraws only what changed.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from concurrent.futures import Executor
from decimal import Decimal
from pathlib import Path

from standgen.charts.data import ChartData, ChartSeries, ChartWords, RenderedChart
from standgen.compose import tree as t
from standgen.compose.tables import TableValues, column_label, status_words
from standgen.compose.templating import TextTemplates
from standgen.compose.widths import column_widths
from standgen.edition.tables import RecomputedFigure
from standgen.errors import source_error
from standgen.model.charts import ChartSpec
from standgen.model.report import FigureBlock
from standgen.model.tables import IndicatorTable
from standgen.model.values import Cell, Status, Unit

MAX_IMAGE_BYTES = 50 * 1024 * 1024
MAX_IMAGE_PIXELS = 40_000_000
REFERENCE_ROLES = {"norm": "norm", "streefwaarde": "streefwaarde", "plan": "plan",
                   "doel": "streefwaarde"}


MAX_CHART_CATEGORIES = 100  # categories of one chart (x-axis labels, slices)
MAX_CHART_SERIES = 20  # series of one chart (lines, bar groups)
MAX_CHART_LABEL = 1_000  # characters of a category or series label


def chart_data(figure: FigureBlock, spec: ChartSpec, tables: Mapping[str, IndicatorTable],
               texts: TextTemplates) -> ChartData:
    """The plain data of one chart, from its table or from its own series, refused when
    it is too large to draw in bounded time (drawing 200 series of 200 bars took
    minutes)."""
    data = _chart_data(figure, spec, tables, texts)
    at = spec.loc("type", f"figure {figure.id}.chart")
    labels = [*data.categories, *(s.label for s in data.series)]
    for count, limit, what in ((len(data.categories), MAX_CHART_CATEGORIES, "categories"),
                               (len(data.series), MAX_CHART_SERIES, "series"),
                               (max(map(len, labels), default=0), MAX_CHART_LABEL,
                                "characters in a label")):
        if count > limit:
            raise source_error(at.file, at.line, at.field,
                               f"the chart has {count:,} {what}; the limit is {limit}; "
                               "chart fewer rows or columns (choose them with rows: and "
                               "columns:) or show the data as a table")
    return data


def _chart_data(figure: FigureBlock, spec: ChartSpec, tables: Mapping[str, IndicatorTable],
                texts: TextTemplates) -> ChartData:
    if spec.table is not None:
        table = tables.get(spec.table)
        if table is None:
            at = spec.loc("table", f"figure {figure.id}.chart.table")
            raise source_error(at.file, at.line, at.field,
                               f"chart refers to table {spec.table!r}, which is not in this "
                               "edition or does not exist")
        return _from_table(figure, spec, table, texts)
    series = tuple(ChartSeries(s.label, tuple(s.values), s.role) for s in spec.series or [])
    return ChartData(spec.type, figure.title, tuple(spec.categories or ()), series,
                     spec.unit or Unit(), spec.norm, spec.norm_label, spec.y_label,
                     spec.height_cm, spec.sort, words=chart_words(texts))


def _from_table(figure: FigureBlock, spec: ChartSpec, table: IndicatorTable,
                texts: TextTemplates) -> ChartData:
    values = TableValues(table)
    columns = [c for c in table.columns if spec.columns is None or c.key in spec.columns]
    rows = [r for r in table.rows if r.role != "group"
            and ((spec.rows is None and r.role not in ("total", "subtotal", "percentage"))
                 or (spec.rows is not None and r.key in spec.rows))]
    series = []
    for row in rows:
        numbers: tuple[Decimal | None, ...] = tuple(
            _plotted(figure, spec, row.key, c.key, values.cell(row, c.key)) for c in columns)
        role = REFERENCE_ROLES.get(row.role, "data")
        series.append(ChartSeries(row.label or table.title, numbers, role))  # type: ignore[arg-type]
    unit = spec.unit or (rows[0].unit if rows and rows[0].unit else table.unit)
    categories = tuple(column_label(c, texts) for c in columns)
    return ChartData(spec.type, figure.title, categories, tuple(series), unit, spec.norm,
                     spec.norm_label, spec.y_label, spec.height_cm, spec.sort,
                     words=chart_words(texts))


CHART_KINDS = ("line", "bar", "stacked", "hbar", "pie", "donut")


def chart_words(texts: TextTemplates) -> ChartWords:
    """The words of charts from the `charts` templates (and `waarden.geen_gegevens` for a
    gap in a chart's data table)."""
    head = texts.split("charts", "alt", ("soort", "onderwerp"))
    from_to = texts.split("charts", "van_naar", ("begin", "eind"))
    return ChartWords(
        kinds=tuple((kind, texts.render("charts", kind)) for kind in CHART_KINDS),
        head=(head[0], head[1], head[2]), from_to=(from_to[0], from_to[1], from_to[2]),
        no_data=texts.render("charts", "geen_gegevens"), norm=texts.render("charts", "norm"),
        total=texts.render("charts", "totaal"), share=texts.render("charts", "aandeel"),
        gap=status_words(texts)[Status.GEEN_DATA.value], numbers=texts.numbers())


def _plotted(figure: FigureBlock, spec: ChartSpec, row: str, column: str, cell: Cell
             ) -> Decimal | None:
    """A cell's number as a chart point; a recomputed figure is a gap, since a chart cannot
    mark one point as recomputed. A bound, fraction or qualified value is refused: a bar
    of 10 for "Top 10" or 25 for "minder dan 25%" would be read as that very figure."""
    if isinstance(cell, RecomputedFigure):
        return None
    shown = ("top" if cell.top else "of" if cell.of is not None
             else "qualifier" if cell.qualifier else None)
    if shown is not None and cell.value is not None:
        at = spec.loc("table", f"figure {figure.id}.chart")
        raise source_error(at.file, at.line, at.field,
                           f"cell {column} of row {row!r} has `{shown}`, which a chart cannot "
                           "show; leave the row out of the chart (rows:) or show the table",
                           code="chart-cell-option")
    return cell.value


def draw_all(items: list[ChartData], cache_dir: Path, jobs: int,
             executor: Executor | None = None) -> list[RenderedChart]:
    """Draw (or reuse) every chart of a document."""
    from standgen.charts.cache import render_all

    rendered, _stats = render_all(items, cache_dir, jobs=jobs, executor=executor)
    return rendered


Render = Callable[[str, str], str]
"""Renders a figure's text field (text, field name) the way narrative text is rendered."""


def figure_node(figure: FigureBlock, number: int, anchor: str,
                rendered: RenderedChart | None, data: ChartData | None,
                render: Render = lambda text, _field: text, texts: TextTemplates | None = None
                ) -> t.Figure:
    """The tree node of a figure, drawn or not; its source note reads "Bron: …" as a
    table's does, and its alt text, placeholder and source note are rendered text."""
    source = ""
    if figure.source_note:
        source = render(texts.render("labels", "bron", text=figure.source_note)
                        if texts is not None else figure.source_note, "source_note")
    alt = render(figure.alt, "alt") if figure.alt else None
    note = render(figure.note, "note") if figure.note else ""
    if figure.chart is not None:
        return t.Figure(
            caption=figure.title,
            alt_text=alt or (rendered.alt_text if rendered else _alt(data)), kind="chart",
            vector_path=rendered.vector_path if rendered else None,
            raster_path=rendered.raster_path if rendered else None,
            width_cm=rendered.width_cm if rendered else 16.0,
            height_cm=rendered.height_cm if rendered else figure.chart.height_cm,
            note=note, source_note=source, number=number, anchor=anchor,
            data_table=(chart_table(data, texts.render("words", "alt_gegevens", number=number,
                                                       title=figure.title))
                        if figure.chart.data_table and data is not None and texts else None))
    if figure.image is not None:
        return t.Figure(caption=figure.title, alt_text=alt or figure.title,
                        kind="image", raster_path=checked_image(figure), number=number,
                        anchor=anchor, note=note, source_note=source)
    placeholder = render(figure.placeholder, "placeholder") if figure.placeholder else ""
    return t.Figure(caption=figure.title, alt_text=alt or figure.title,
                    kind="placeholder", placeholder_text=placeholder,
                    number=number, anchor=anchor, note=note, source_note=source)


MAX_DATA_COLUMNS = 8
"""A data table wider than this prints its categories down the rows instead."""


def chart_table(data: ChartData, alt: str) -> t.Table:
    """The chart's numbers as a table with a header row, from the same data the chart
    draws (so it shows no figure the chart left out); a wide one is turned on its side."""
    from standgen.charts.table import data_rows

    header, body = data_rows(data)
    grid = [header, *body]
    if len(header) > MAX_DATA_COLUMNS:
        grid = [tuple(column) for column in zip(*grid, strict=True)]

    def row(cells: tuple[str, ...]) -> t.TableRow:
        return t.TableRow(tuple(t.Cell((t.Text(text),), "left" if i == 0 else "right")
                                for i, text in enumerate(cells)))

    head, rows = (row(grid[0]),), tuple(row(cells) for cells in grid[1:])
    return t.Table(caption="", header_rows=head, body_rows=rows,
                   column_widths=column_widths(head, rows), alt_text=alt)


def _alt(data: ChartData | None) -> str:
    if data is None:
        return ""
    from standgen.charts.alt import alt_text

    return alt_text(data)


def checked_image(figure: FigureBlock) -> Path:
    """The image file of a figure, refused unless it is a sound PNG or JPEG of sane size."""
    base = figure.source.file.parent if figure.source and figure.source.file else Path()
    path = base / (figure.image or "")
    at = figure.loc("image", f"figure {figure.id}.image")
    problem = _image_problem(path)
    if problem is not None:
        raise source_error(at.file, at.line, at.field, f"image {figure.image}: {problem}",
                           code="image-unusable")
    return path


def _image_problem(path: Path) -> str | None:
    """Why a file cannot be printed as a figure, or None when it can."""
    from PIL import Image

    try:
        if not path.is_file():
            return "file not found (the path is relative to the YAML file that names it)"
        if path.stat().st_size > MAX_IMAGE_BYTES:
            return f"file is larger than {MAX_IMAGE_BYTES:,} bytes"
    except (OSError, RuntimeError) as exc:  # a name too long, a loop of symbolic links
        return f"the path cannot be used ({exc}); name an image file"
    try:
        with Image.open(path) as image:
            kind, (width, height) = image.format, image.size
            if kind not in ("PNG", "JPEG"):
                return f"not a PNG or JPEG image ({kind}); save it as PNG"
            if width * height > MAX_IMAGE_PIXELS:
                return (f"{width} × {height} pixels is more than {MAX_IMAGE_PIXELS:,} pixels; "
                        "scale it down")
            image.verify()
    except Image.DecompressionBombError:
        return f"more than {MAX_IMAGE_PIXELS:,} pixels; scale it down"
    except Exception as exc:  # Pillow raises many types for files that are not images
        return f"not a PNG or JPEG image, or a damaged one ({exc or type(exc).__name__})"
    return None
