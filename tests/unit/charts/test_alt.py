"""Alt text is written from the data, in Dutch, with Dutch numbers."""

from __future__ import annotations

import dataclasses
from decimal import Decimal

import pytest

from standgen.charts.alt import alt_text, is_period, lower_first
from tests.unit.charts.samples import BAR, DONUT, HBAR, LINE, LINE_TARGET, PIE, STACKED


def test_line_with_norm() -> None:
    assert alt_text(LINE) == ("Lijndiagram: gemiddelde materiële gereedheid 2021–2025, "
                              "van 53,9% naar 54,2%; norm 100%.")


def test_several_series_name_each_and_mark_late_starts() -> None:
    assert alt_text(LINE_TARGET) == (
        "Lijndiagram: personele gereedheid 2021–2025; "
        "Vulling beroepsmilitairen van 79,9% naar 79,5%; "
        "Kwalificatiegraad van 62,0% (2022) naar 65,0%; "
        "Streefwaarde kwalificatiegraad 75,0% (2025).")


def test_grouped_bars_with_gap() -> None:
    assert alt_text(BAR) == (
        "Staafdiagram: instroom en uitstroom 2022–2025; Instroom van 1.000 naar 2.500; "
        "Uitstroom van 1.400 naar 1.150; Plan instroom van 1.200 naar 2.400.")


def test_stacked_uses_full_unit() -> None:
    assert alt_text(STACKED) == (
        "Gestapeld staafdiagram: personeelsbestand naar soort 2023–2025; "
        "Beroepsmilitairen van 41.000\u00a0VTE'n naar 44.100\u00a0VTE'n; "
        "Burgerpersoneel van 22.000\u00a0VTE'n naar 24.800\u00a0VTE'n; "
        "Reservisten van 6.500\u00a0VTE'n naar 9.300\u00a0VTE'n.")


def test_hbar_lists_values_largest_first_and_gaps_last() -> None:
    assert alt_text(HBAR) == (
        "Liggend staafdiagram: redenen van vertrek: Salaris en arbeidsvoorwaarden 31,0%, "
        "Loopbaanperspectief 24,2%, Werkdruk 18,5%, Leidinggevende 9,3%, "
        "Combinatie werk en privé geen gegevens.")


def test_pie_gives_each_share_and_amount() -> None:
    assert alt_text(PIE) == (
        "Cirkeldiagram: verhouding man/vrouw: Man 60.212 (83,6%), Vrouw 11.804 (16,4%).")


def test_donut_of_percentages_gives_shares_only() -> None:
    assert alt_text(DONUT) == "Ringdiagram: verhouding man/vrouw: Man 85,3%, Vrouw 14,7%."


def test_categories_that_are_not_periods_are_listed() -> None:
    data = dataclasses.replace(BAR, title="Instroom per krijgsmachtdeel",
                               categories=("CZSK", "CLAS", "CLSK", "KMar"))
    assert alt_text(data) == (
        "Staafdiagram: instroom per krijgsmachtdeel: CZSK (Instroom 1.000, Uitstroom 1.400, "
        "Plan instroom 1.200), CLAS (Instroom 1.750, Uitstroom 1.200, Plan instroom 1.800), "
        "CLSK (Instroom 2.100, Uitstroom geen gegevens, Plan instroom 2.200), "
        "KMar (Instroom 2.500, Uitstroom 1.150, Plan instroom 2.400).")


@pytest.mark.parametrize(("category", "expected"), [
    ("2025", True), ("Q1 2025", True), ("mrt", True), ("Januari", True), ("CLAS", False),
    ("Werkdruk", False),
])
def test_is_period(category: str, expected: bool) -> None:
    assert is_period(category) is expected


def test_norm_label_is_used() -> None:
    data = dataclasses.replace(LINE, norm=Decimal("75.0"), norm_label="Streefnorm")
    assert alt_text(data).endswith("; streefnorm 75,0%.")


def test_series_without_values() -> None:
    data = dataclasses.replace(PIE, series=(dataclasses.replace(PIE.series[0],
                                                                values=(None, None)),))
    assert alt_text(data) == "Cirkeldiagram: verhouding man/vrouw: geen gegevens."


@pytest.mark.parametrize(("title", "expected"), [
    ("Gemiddelde materiële gereedheid", "gemiddelde materiële gereedheid"),
    ("MG alle A-(wapen)systemen", "MG alle A-(wapen)systemen"),
    ("NAVO-norm en bbp", "NAVO-norm en bbp"),
    ("F-35 inzetbaarheid", "F-35 inzetbaarheid"),
    ("Verhouding man/vrouw", "verhouding man/vrouw"),
])
def test_title_lowercased_unless_acronym(title: str, expected: str) -> None:
    assert lower_first(title) == expected
