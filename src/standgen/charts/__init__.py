"""Charts drawn with matplotlib from resolved indicator data: PDF and PNG, alt text, cache.

Only this package imports matplotlib, and only inside functions, so loading standgen stays
fast; everything it prints goes through standgen.format (decimal comma, grouping dot).
"""

from standgen.charts.alt import alt_text
from standgen.charts.cache import ChartCache, RenderStats, render_all
from standgen.charts.data import ChartData, ChartSeries, RenderedChart
from standgen.charts.render import render_chart
from standgen.charts.style import ChartStyle
from standgen.charts.table import data_rows

__all__ = [
    "ChartCache",
    "ChartData",
    "ChartSeries",
    "ChartStyle",
    "RenderStats",
    "RenderedChart",
    "alt_text",
    "data_rows",
    "render_all",
    "render_chart",
]
