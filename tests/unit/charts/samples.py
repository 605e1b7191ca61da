"""Sample chart data, one or more per chart type, shared by the chart tests."""

from __future__ import annotations

from decimal import Decimal as D

from standgen.charts.data import ChartData, ChartSeries
from standgen.compose.figures import chart_words
from standgen.compose.templating import TextTemplates
from standgen.model.values import Unit

WORDS = chart_words(TextTemplates())
PERCENT = Unit(kind="percent")
COUNT = Unit(kind="count")
YEARS = ("2021", "2022", "2023", "2024", "2025")

LINE = ChartData(
    words=WORDS,
    type="line",
    title="Gemiddelde materiële gereedheid",
    categories=YEARS,
    series=(ChartSeries("Gemiddelde MG", (D("53.9"), D("52.4"), None, D("53.9"), D("54.2"))),),
    unit=PERCENT,
    norm=D("100"),
    norm_label="Norm",
)

LINE_TARGET = ChartData(
    words=WORDS,
    type="line",
    title="Personele gereedheid",
    categories=YEARS,
    series=(
        ChartSeries("Vulling beroepsmilitairen",
                    (D("79.9"), D("79.2"), D("76.4"), D("77.5"), D("79.5"))),
        ChartSeries("Kwalificatiegraad", (None, D("62.0"), D("60.0"), D("64.0"), D("65.0"))),
        ChartSeries("Streefwaarde kwalificatiegraad", (None, None, None, None, D("75.0")),
                    role="streefwaarde"),
    ),
    unit=PERCENT,
)

BAR = ChartData(
    words=WORDS,
    type="bar",
    title="Instroom en uitstroom",
    categories=("2022", "2023", "2024", "2025"),
    series=(
        ChartSeries("Instroom", (D(1000), D(1750), D(2100), D(2500))),
        ChartSeries("Uitstroom", (D(1400), D(1200), None, D(1150))),
        ChartSeries("Plan instroom", (D(1200), D(1800), D(2200), D(2400)), role="plan"),
    ),
    unit=COUNT,
)

STACKED = ChartData(
    words=WORDS,
    type="stacked",
    title="Personeelsbestand naar soort",
    categories=("2023", "2024", "2025"),
    series=(
        ChartSeries("Beroepsmilitairen", (D(41000), D(42500), D(44100))),
        ChartSeries("Burgerpersoneel", (D(22000), D(23400), D(24800))),
        ChartSeries("Reservisten", (D(6500), None, D(9300))),
    ),
    unit=Unit(kind="vte"),
)

HBAR = ChartData(
    words=WORDS,
    type="hbar",
    title="Redenen van vertrek",
    categories=("Werkdruk", "Salaris en arbeidsvoorwaarden", "Loopbaanperspectief",
                "Combinatie werk en privé", "Leidinggevende"),
    series=(ChartSeries("Aandeel", (D("18.5"), D("31.0"), D("24.2"), None, D("9.3"))),),
    unit=PERCENT,
    sort="descending",
)

PIE = ChartData(
    words=WORDS,
    type="pie",
    title="Verhouding man/vrouw",
    categories=("Man", "Vrouw"),
    series=(ChartSeries("Aantal", (D(60212), D(11804))),),
    unit=COUNT,
)

DONUT = ChartData(
    words=WORDS,
    type="donut",
    title="Verhouding man/vrouw",
    categories=("Man", "Vrouw"),
    series=(ChartSeries("Aandeel", (D("85.3"), D("14.7"))),),
    unit=PERCENT,
    height_cm=6.0,
)

BY_TYPE: dict[str, ChartData] = {
    "line": LINE,
    "line_target": LINE_TARGET,
    "bar": BAR,
    "stacked": STACKED,
    "hbar": HBAR,
    "pie": PIE,
    "donut": DONUT,
}
