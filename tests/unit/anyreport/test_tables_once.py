"""Tables say things once: units where the author put them, qualifiers with their value,
chart categories in the author's order."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from pydantic import ValidationError

from standgen.charts.data import ChartData, ChartSeries, ranked_order
from standgen.compose import compose_document
from standgen.compose import tree as t
from standgen.compose.figures import chart_words
from standgen.compose.templating import TextTemplates
from standgen.model.values import Cell, Unit
from tests.unit.anyreport.support import BASE, report


def _with_table(folder: Path, table: dict[str, object]) -> t.Document:
    chapter = {**BASE["chapters"][0], "blocks": [{"table": table}]}  # type: ignore[index]
    return compose_document(report(folder, chapters=[chapter]))


def _table(document: t.Document) -> t.Table:
    return next(b for s in document.sections for b in s.blocks if isinstance(b, t.Table))


def _text(cell: t.Cell) -> str:
    return "".join(getattr(i, "text", "") for i in cell.inlines)


SCALED = {"id": "budget", "title": "Budget (x € 1 miljoen)", "stub": "Post",
          "unit": {"kind": "euro", "scale": "miljoen"}, "columns": [2025],
          "rows": [{"id": "a", "label": "Subsidie", "values": [500]}]}


def test_the_scale_is_not_appended_to_the_label_column(tmp_path: Path) -> None:
    table = _table(_with_table(tmp_path, SCALED))
    assert _text(table.header_rows[0].cells[0]) == "Post"
    assert _text(table.body_rows[0].cells[1]) == "500"


def test_the_scale_note_when_the_author_asks_for_it(tmp_path: Path) -> None:
    table = _table(_with_table(tmp_path, {**SCALED, "unit_note": "stub"}))
    assert _text(table.header_rows[0].cells[0]) == "Post (€\u00a0x\u00a01.000.000)"


@pytest.mark.parametrize(("qualifier", "printed"), [("minder dan", "minder dan\u00a025%"),
                                                    ("ruim", "ruim\u00a025%"),
                                                    ("<", "<\u00a025%")])
def test_a_qualifier_is_part_of_the_value(tmp_path: Path, qualifier: str, printed: str) -> None:
    table = _table(_with_table(tmp_path, {
        "id": "aandeel", "title": "Aandeel", "unit": {"kind": "percent"}, "columns": [2025],
        "rows": [{"id": "a", "label": "Deel", "values": [{"value": 25,
                                                          "qualifier": qualifier}]}]}))
    cell = table.body_rows[0].cells[1]
    assert _text(cell) == printed
    assert cell.align == "right"


def test_a_qualifier_without_a_value_is_refused() -> None:
    with pytest.raises(ValidationError, match="qualifier needs a value"):
        Cell.model_validate({"qualifier": "circa", "text": "veel"})


def _bars(sort: str) -> ChartData:
    return ChartData("hbar", "t", ("Een", "Twee", "Drie"),
                     (ChartSeries("s", (Decimal(1), Decimal(9), Decimal(5))),), Unit(),
                     sort=sort, words=chart_words(TextTemplates()))  # type: ignore[arg-type]


def test_chart_categories_keep_the_authors_order_unless_sorted() -> None:
    assert ranked_order(_bars("none")) == [0, 1, 2]
    assert ranked_order(_bars("descending")) == [1, 2, 0]
    assert ranked_order(_bars("ascending")) == [0, 2, 1]


def test_a_sort_on_a_chart_that_cannot_sort_is_refused_not_ignored() -> None:
    from pydantic import ValidationError

    from standgen.model.charts import ChartSpec

    with pytest.raises(ValidationError, match="`sort` orders the bars of an hbar chart"):
        ChartSpec.model_validate({"type": "line", "table": "t", "sort": "descending"})
    assert ChartSpec.model_validate({"type": "hbar", "table": "t", "sort": "descending"})
