"""Render one chart to a vector PDF and a 200 dpi PNG, deterministically, in the house style."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

from standgen.charts.alt import alt_text
from standgen.charts.data import ChartData, ChartKind, RenderedChart
from standgen.charts.draw_round import draw_donut, draw_pie
from standgen.charts.draw_xy import draw_bar, draw_hbar, draw_line, draw_stacked
from standgen.charts.fonts import register_fonts
from standgen.charts.key import chart_key
from standgen.charts.labels import axis_title
from standgen.charts.style import ChartStyle
from standgen.files import OWNER_ONLY, write_atomically

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure
    from matplotlib.typing import RcKeyType

CM_PER_INCH = 2.54
PDF_METADATA: dict[str, Any] = {"CreationDate": None, "ModDate": None, "Creator": None,
                                "Producer": None}
PNG_METADATA: dict[str, Any] = {"Software": None}
HASH_SALT = "standgen"
MAX_LEGEND_COLUMNS = 4

Drawer = Callable[["Axes", ChartData, ChartStyle], None]
DRAWERS: dict[ChartKind, Drawer] = {
    "line": draw_line,
    "bar": draw_bar,
    "stacked": draw_stacked,
    "hbar": draw_hbar,
    "pie": draw_pie,
    "donut": draw_donut,
}


def rc_params(style: ChartStyle) -> dict[RcKeyType, Any]:
    """matplotlib settings for the house style: font, colours, no top/right spines, no dates."""
    return {
        "font.family": "sans-serif",
        "font.sans-serif": [style.font_family, "Liberation Sans", "DejaVu Sans"],
        "font.size": style.font_size,
        "text.color": style.text_colour,
        "axes.labelcolor": style.text_colour,
        "axes.edgecolor": "#808080",
        "axes.linewidth": 0.8,
        "axes.spines.top": False,
        "axes.spines.right": False,
        "axes.axisbelow": True,
        "xtick.color": style.text_colour,
        "ytick.color": style.text_colour,
        "grid.color": style.grid_colour,
        "grid.linewidth": 0.6,
        "legend.frameon": False,
        "pdf.fonttype": 42,
        "svg.hashsalt": HASH_SALT,
        "svg.fonttype": "none",
        "savefig.dpi": style.dpi,
        "path.simplify": False,
    }


def prepare() -> None:
    """Import matplotlib's figure and backends and register the fonts now (about 0.7 s),
    for a worker that will draw charts later."""
    from importlib import import_module

    for module in ("matplotlib.figure", "matplotlib.backends.backend_agg",
                   "matplotlib.backends.backend_pdf"):
        import_module(module)
    register_fonts()


def draw_figure(data: ChartData, style: ChartStyle) -> Figure:
    """Build the figure of one chart (call inside `matplotlib.rc_context(rc_params(style))`)."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    size = (style.width_cm / CM_PER_INCH, data.height_cm / CM_PER_INCH)
    fig = Figure(figsize=size, dpi=style.dpi, layout="constrained")
    FigureCanvasAgg(fig)
    ax = fig.add_subplot()
    DRAWERS[data.type](ax, data, style)
    if data.type in ("line", "bar", "stacked"):
        ax.yaxis.grid(True)
        ax.set_ylabel(axis_title(data))
    elif data.type == "hbar":
        ax.xaxis.grid(True)
        ax.set_xlabel(axis_title(data))
    _legend(fig, ax, data)
    return fig


def _legend(fig: Figure, ax: Axes, data: ChartData) -> None:
    """A legend under the plot when more than one thing is drawn: data series first."""
    handles, labels = ax.get_legend_handles_labels()
    if len(handles) < 2:
        return
    order = [s.label for s in (*data.data_series, *data.reference_series)]
    # the norm line's label is not a series label, so it sorts last
    pairs = sorted(zip(handles, labels, strict=True),
                   key=lambda pair: order.index(pair[1]) if pair[1] in order else len(order))
    handles, labels = [h for h, _ in pairs], [lab for _, lab in pairs]
    renderer = fig.canvas.get_renderer()  # type: ignore[attr-defined]
    for ncols in range(min(len(handles), MAX_LEGEND_COLUMNS), 0, -1):
        legend = fig.legend(handles, labels, loc="outside lower center", ncols=ncols,
                            frameon=False, handlelength=2.2)
        if ncols == 1 or legend.get_window_extent(renderer).width <= 0.98 * fig.bbox.width:
            return
        legend.remove()


def _save_atomic(fig: Figure, target: Path, fmt: str, metadata: dict[str, Any]) -> None:
    """Write the figure whole or not at all, readable by its owner only (charts of
    confidential content are cached too)."""

    def produce(stream: BinaryIO) -> None:
        fig.savefig(stream, format=fmt, metadata=metadata)

    write_atomically(target, produce, OWNER_ONLY)


def chart_paths(out_dir: Path, key: str) -> tuple[Path, Path]:
    """Where a chart with this key lives: `<key>.pdf` and `<key>.png` in `out_dir`."""
    return out_dir / f"{key}.pdf", out_dir / f"{key}.png"


def describe(data: ChartData, out_dir: Path, style: ChartStyle, key: str) -> RenderedChart:
    """The record of a chart whose files are (or will be) at their key paths."""
    vector, raster = chart_paths(out_dir, key)
    return RenderedChart(vector_path=vector, raster_path=raster, alt_text=alt_text(data),
                         width_cm=style.width_cm, height_cm=data.height_cm, key=key)


def render_chart(data: ChartData, out_dir: Path, style: ChartStyle | None = None
                 ) -> RenderedChart:
    """Draw `data` and write `<key>.pdf` and `<key>.png` into `out_dir`; same data, same bytes."""
    import matplotlib

    style = style or ChartStyle()
    key = chart_key(data, style)
    out_dir.mkdir(parents=True, exist_ok=True)
    vector, raster = chart_paths(out_dir, key)
    register_fonts()
    with matplotlib.rc_context(rc_params(style)):
        fig = draw_figure(data, style)
        _save_atomic(fig, vector, "pdf", PDF_METADATA)
        _save_atomic(fig, raster, "png", PNG_METADATA)
    return describe(data, out_dir, style, key)
