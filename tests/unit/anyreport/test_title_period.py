"""A title that already holds the period is refused where it is written, not printed twice."""

from __future__ import annotations

from pathlib import Path

import pytest

from standgen.compose import compose_document
from standgen.compose.templating import TextTemplates
from standgen.compose.titles import check_title_period
from standgen.errors import SourceError
from tests.unit.anyreport.support import report


@pytest.mark.parametrize(("title", "period"), [("Jaarverslag 2025", "2025"),
                                               ("Stand van Zaken  Voorjaar 2026", "voorjaar 2026"),
                                               ("Rapport 2025 Rijkswaterstaat", "2025")])
def test_a_title_holding_the_period_is_a_located_error(tmp_path: Path, title: str,
                                                       period: str) -> None:
    loaded = report(tmp_path, title=title, period=period)
    with pytest.raises(SourceError) as caught:
        compose_document(loaded)
    (problem,) = caught.value.problems
    assert problem.location.line is not None
    assert problem.location.field == "title, period"
    assert "remove the period from the title" in problem.message
    assert "titles.footer" in problem.message and "titles.file_name" in problem.message


@pytest.mark.parametrize(("title", "period"), [("Jaarverslag", "2025"),
                                               ("Jaarverslag 20251", "2025"),
                                               ("Plan 2025-2030", "2030-2031"),
                                               ("Deltaplan 2025–2030", "2025")])
def test_a_title_without_the_period_passes(tmp_path: Path, title: str, period: str) -> None:
    check_title_period(TextTemplates(), report(tmp_path, title=title, period=period))


def test_templates_that_print_no_period_accept_such_a_title(tmp_path: Path) -> None:
    folder = tmp_path / "tpl"
    (folder / "text").mkdir(parents=True)
    lines = ["titles:"] + [f"  {k}: '{{{{ title }}}}'" for k in
                           ("full", "footer", "metadata", "file_name")]
    lines += ["labels:", "  samenvatting: Samenvatting", "phrases:",
              "  bijlage_title: 'Vertrouwelijke bijlage bij {{ title }}'",
              "  bijlage_intro: 'Deze bijlage hoort bij {{ title }}.'"]
    (folder / "text" / "nl.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    loaded = report(tmp_path, title="Jaarverslag 2025", period="2025")
    check_title_period(TextTemplates(folder), loaded)
