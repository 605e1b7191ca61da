"""A waarde() carries its unit and scale into text: printed in full, and a filter or sum
that would drop them is refused with its location."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from standgen.compose import compose_document
from standgen.compose import tree as t
from standgen.compose.tables import TableValues, cell_text, status_words, unit_for
from standgen.compose.templating import (
    IndicatorLookup,
    TextTemplates,
    make_environment,
    render_text,
)
from standgen.errors import Location, SourceError
from standgen.model.tables import IndicatorTable, Row
from tests.reports import load_text, one_topic

NB = "\u00a0"
UNITS: dict[str, tuple[str, str, str]] = {
    # name: (table unit, cell, printed in text)
    "count": ("count", "4500", "4.500"),
    "vte": ("vte", "4500", f"4.500{NB}VTE'n"),
    "percent": ("{kind: percent, decimals: 1}", "79.5", "79,5%"),
    "euro": ("euro", "1250", f"€{NB}1.250"),
    "euro-duizend": ("{kind: euro, scale: duizend}", "584.9", f"€{NB}584,9{NB}duizend"),
    "euro-miljoen": ("{kind: euro, scale: miljoen}", "584.9", f"€{NB}584,9{NB}miljoen"),
    "euro-miljard": ("{kind: euro, scale: miljard}", "26.3", f"€{NB}26,3{NB}miljard"),
    "rank": ("rank", "7", f"7ᵉ{NB}plaats"),
    "fraction": ("count", "{value: 5, of: 8}", "5 van 8"),
    "suffix": ("{kind: number, suffix: sorties}", "12", f"12{NB}sorties"),
    "top": ("percent", "{value: 10, top: true}", f"Top{NB}10"),
    "qualifier": ("percent", "{value: 25, qualifier: minder dan}", f"minder dan{NB}25%"),
}
PLAIN = {"count"}


def _text(tmp_path: Path, unit: str, cell: str, text: str) -> str:
    table = (f"- table:\n    id: t\n    title: T\n    unit: {unit}\n    columns: [2025]\n"
             f"    rows:\n      - {{id: r, label: R, values: [{cell}]}}\n")
    report = load_text(tmp_path, one_topic(table + f"- toelichting: |\n    {text}\n"))
    paragraph = compose_document(report).sections[-1].blocks[-1]
    assert isinstance(paragraph, t.Paragraph)
    return "".join(i.text for i in paragraph.inlines if isinstance(i, t.Text)).strip()


@pytest.mark.parametrize("name", UNITS)
def test_waarde_prints_its_unit_and_scale(tmp_path: Path, name: str) -> None:
    unit, cell, printed = UNITS[name]
    assert _text(tmp_path, unit, cell, "{{ waarde('t', 'r', 2025) }}").replace(
        NB, " ") == printed.replace(NB, " ")


ENV = make_environment()
TEXTS = TextTemplates()
MISSING = status_words(TEXTS)


def _lookup(name: str) -> IndicatorLookup:
    """waarde() over the one-cell table of `name`, as the composer builds it (no report)."""
    unit, cell, _printed = UNITS[name]
    table = IndicatorTable.model_validate(yaml.safe_load(
        f"{{id: t, title: T, unit: {unit}, columns: [2025], "
        f"rows: [{{id: r, label: R, values: [{cell}]}}]}}"))
    values = TableValues(table)

    def text(table: IndicatorTable, row: Row, key: str) -> str:
        return cell_text(table, row, table.columns[0], values.cell(row, key), MISSING,
                         TEXTS.numbers(), prose=True)

    def number(table: IndicatorTable, row: Row, key: str) -> tuple[Any, Any]:
        found = values.cell(row, key)
        return found.value, unit_for(table, row, table.columns[0], found)

    return IndicatorLookup({"t": table}, text, number)


def _outcome(_tmp_path: Path, name: str, expression: str) -> Any:
    try:
        return render_text(ENV, "{{ " + expression + " }}", {"waarde": _lookup(name)},
                           Location(Path("h.yaml"), 3, "text"))
    except SourceError as exc:
        assert "h.yaml:3" in str(exc)  # located
        return None


@pytest.mark.parametrize("name", UNITS)
@pytest.mark.parametrize("expression", [
    "waarde('t', 'r', 2025) | getal", "waarde('t', 'r', 2025) | procent",
    "waarde('t', 'r', 2025) | euro", "waarde('t', 'r', 2025) | delta",
    "waarde('t', 'r', 2025) | rangtelwoord", "waarde('t', 'r', 2025) | abs",
    "waarde('t', 'r', 2025) | round", "waarde('t', 'r', 2025) + 0",
    "waarde('t', 'r', 2025) * 2"])
def test_a_filter_or_sum_keeps_the_unit_or_is_refused(tmp_path: Path, name: str,
                                                      expression: str) -> None:
    """What prints still says everything the waarde says, bar "plaats" after an ordinal."""
    result = _outcome(tmp_path, name, expression)
    if result is None:
        return
    printed = UNITS[name][2]
    words = {w for w in printed.replace(NB, " ").split() if not any(c.isdigit() for c in w)}
    words |= {"%"} if printed.endswith("%") else set()
    words -= {"plaats"}
    assert all(w in result.replace(NB, " ") for w in words), (printed, result)
    if name in PLAIN and "+" not in expression and "*" not in expression:
        assert any(c.isdigit() for c in result)


def test_euro_filter_keeps_the_scale_and_refuses_another(tmp_path: Path) -> None:
    assert _outcome(tmp_path, "euro-miljoen", "waarde('t', 'r', 2025) | euro(decimals=2)"
                    ) == f"€{NB}584,90{NB}miljoen"
    assert _outcome(tmp_path, "euro-miljoen", "waarde('t', 'r', 2025) | euro('miljard')"
                    ) is None
    assert _outcome(tmp_path, "euro-miljoen", "waarde('t', 'r', 2025).getal | getal"
                    ) == "584,9"


def test_bare_numbers_print_the_dutch_way(tmp_path: Path) -> None:
    assert _outcome(tmp_path, "count", "waarde('t', 'r', 2025).getal * 3") == "13.500"
    assert _outcome(tmp_path, "count", "waarde('t', 'r', 2025) | abs | getal") == "4.500"


@pytest.mark.parametrize(("name", "after"), [
    ("euro-miljoen", "miljoen euro"), ("euro-miljoen", "euro"), ("percent", "procent"),
    ("percent", "%"), ("vte", "VTE"), ("suffix", "sorties")])
def test_a_unit_written_after_the_waarde_is_refused(tmp_path: Path, name: str,
                                                     after: str) -> None:
    """Text written for the bare number of old would print the unit twice."""
    unit, cell, _printed = UNITS[name]
    with pytest.raises(SourceError, match="twice"):
        _text(tmp_path, unit, cell, "Het is {{ waarde('t', 'r', 2025) }} " + after + " nu.")
    assert _text(tmp_path, unit, cell, "Het is {{ waarde('t', 'r', 2025) }} nu.")
