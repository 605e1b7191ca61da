"""The data table behind a chart: Dutch numbers, gaps as "-", the chart's own order."""

from __future__ import annotations

from standgen.charts.table import data_rows
from tests.unit.charts.samples import BAR, DONUT, HBAR, LINE, PIE, STACKED


def test_series_by_year_with_norm_row() -> None:
    header, body = data_rows(LINE)
    assert header == ("", "2021", "2022", "2023", "2024", "2025")
    assert body == (("Gemiddelde MG", "53,9%", "52,4%", "-", "53,9%", "54,2%"),
                    ("Norm", "100%", "100%", "100%", "100%", "100%"))


def test_reference_series_are_rows_too() -> None:
    _, body = data_rows(BAR)
    assert [row[0] for row in body] == ["Instroom", "Uitstroom", "Plan instroom"]
    assert body[0] == ("Instroom", "1.000", "1.750", "2.100", "2.500")
    assert body[1][3] == "-"


def test_stacked_adds_totals_of_known_values() -> None:
    _, body = data_rows(STACKED)
    assert body[-1] == ("Totaal", "69.500\u00a0VTE'n", "65.900\u00a0VTE'n", "78.200\u00a0VTE'n")


def test_hbar_rows_follow_the_ranking() -> None:
    header, body = data_rows(HBAR)
    assert header == ("", "Aandeel")
    assert [row[0] for row in body] == ["Salaris en arbeidsvoorwaarden", "Loopbaanperspectief",
                                        "Werkdruk", "Leidinggevende",
                                        "Combinatie werk en privé"]
    assert body[-1][1] == "-"


def test_pie_rows_have_amount_and_share() -> None:
    assert data_rows(PIE) == (("", "Aantal", "Aandeel"),
                              (("Man", "60.212", "83,6%"), ("Vrouw", "11.804", "16,4%")))
    assert data_rows(DONUT)[1][0] == ("Man", "85,3%", "85,3%")
