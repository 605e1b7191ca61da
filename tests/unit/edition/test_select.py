"""Editions from one source: fail closed, withhold what would reveal a secret."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from standgen.compose import compose_document, dump_document
from standgen.edition.select import select_edition
from standgen.errors import SourceError
from standgen.load import load_report
from tests.reports import load_text, one_topic

CANARIES = Path(__file__).parents[3] / "fixtures" / "canaries" / "report.yaml"
EXPECTED = {"CANARY-BLOCK", "CANARY-ROW", "CANARY-NOTE", "CANARY-FOOTNOTE", "CANARY-ALT",
            "CANARY-CHART-TITLE", "CANARY-TOPIC-TITLE", "CANARY-TOPIC-TEXT",
            "CANARY-TABLE-TITLE"}
SECRET_NUMBERS = ("47,3", "52,8", "88,1", "98.765")


def _dump(edition: str) -> str:
    report = load_report(CANARIES)
    return dump_document(compose_document(report, edition))  # type: ignore[arg-type]


def test_public_edition_holds_no_canary_and_no_secret_number() -> None:
    text = _dump("openbaar")
    assert "CANARY" not in text
    for number in SECRET_NUMBERS:
        assert number not in text


@pytest.mark.parametrize("edition", ["vertrouwelijk", "bijlage"])
def test_classified_editions_hold_every_canary(edition: str) -> None:
    text = _dump(edition)
    assert set(re.findall(r"CANARY-[A-Z-]+[A-Z]", text)) == EXPECTED
    for number in SECRET_NUMBERS:
        assert number in text


def test_public_edition_points_to_the_bijlage_where_content_was_dropped() -> None:
    text = _dump("openbaar")
    assert ("Meer gedetailleerde informatie over materiële gereedheid is vertrouwelijk en "
            "is daarom") in text
    assert "Openbaar onderwerp" in text
    assert "— Opgenomen in de vertrouwelijke bijlage." in text


def test_classified_document_is_marked_as_high_as_its_highest_content() -> None:
    report = load_report(CANARIES)
    assert select_edition(report, "openbaar").level.id == "openbaar"
    document = compose_document(report, "vertrouwelijk")
    assert document.marking is not None
    assert document.marking.text == "STG. CONFIDENTIEEL"
    assert document.marking.page_x_of_y
    assert "STG. CONFIDENTIEEL" in document.cover.classification_lines
    assert any("31 december 2031" in line for line in document.cover.classification_lines)


def test_bijlage_numbers_sections_after_the_public_report() -> None:
    text = _dump("bijlage")
    assert "h2 'Bijlage bij 1.1 Gereedheid'" in text
    assert "Openbaar onderwerp" not in text
    assert "Dit onderwerp is openbaar" not in text


def test_total_over_a_dropped_row_is_recomputed(tmp_path: Path) -> None:
    report = load_text(tmp_path, one_topic("""\
        - table:
            id: t
            title: T
            columns: [2025]
            rows:
              - {id: a, label: A, values: [10]}
              - {id: b, label: B, values: [7], rubricering: dep-vertrouwelijk}
              - {id: tot, label: Totaal, role: total, derived: {sum: above}, values: [17]}
              - {id: pct, label: Aandeel, derived: {percent_of: [b, tot]}}"""))
    text = dump_document(compose_document(report, "openbaar"))
    assert "total   | Totaal | 10^h^ (r)" in text
    assert "17" not in text
    assert "data    | Aandeel | — (r)" in text


def test_unknown_rubricering_is_an_error_with_a_location(tmp_path: Path) -> None:
    report = load_text(tmp_path, one_topic("- text: {text: Hallo, rubricering: geheimpje}"))
    with pytest.raises(SourceError) as caught:
        compose_document(report, "openbaar")
    (problem,) = caught.value.problems
    assert "unknown rubricering 'geheimpje'" in problem.message
    assert problem.location.line == 19
