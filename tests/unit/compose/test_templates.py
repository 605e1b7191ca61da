"""Narrative templates: values from the tables, and every error with a location."""

from __future__ import annotations

from pathlib import Path

import pytest

from standgen.compose import compose_document
from standgen.compose import tree as t
from standgen.errors import SourceError
from tests.reports import load_text, one_topic

TABLE = """\
- table:
    id: veteranen
    title: Bereikte leerlingen
    columns: [2024, 2025]
    rows:
      - {id: realisatie, label: Realisatiecijfer, values: [54210, 59597]}
"""


def _compose_text(tmp_path: Path, text: str) -> str:
    report = load_text(tmp_path, one_topic(TABLE + f"- toelichting: |\n    {text}\n"))
    document = compose_document(report)
    paragraph = document.sections[-1].blocks[-1]
    assert isinstance(paragraph, t.Paragraph)
    return "".join(i.text for i in paragraph.inlines if isinstance(i, t.Text))


def test_toelichting_reads_values_from_the_table(tmp_path: Path) -> None:
    text = ("Gestegen van {{ waarde('veteranen', 'realisatie', 2024) }} in 2024 naar "
            "{{ waarde('veteranen', 'realisatie', 2025) }} in 2025.")
    assert _compose_text(tmp_path, text) == (
        "Gestegen van 54.210 in 2024 naar 59.597 in 2025.")


def test_filters_compute_in_dutch(tmp_path: Path) -> None:
    text = ("Groei {{ ((waarde('veteranen', 'realisatie', 2025).getal / "
            "waarde('veteranen', 'realisatie', 2024).getal - 1) * 100) | procent(1) }}.")
    assert _compose_text(tmp_path, text) == "Groei 9,9%."


@pytest.mark.parametrize(("text", "expected"), [
    ("{{ onbekend }}", "unknown name in template"),
    ("{{ waarde('bestaat-niet', 'realisatie', 2024) }}", "unknown indicator table"),
    ("{{ waarde('veteranen', 'geen-rij', 2024) }}", "has no row 'geen-rij'"),
    ("{{ waarde('veteranen', 'realisatie', 1999) }}", "has no column '1999'"),
    ("{{ waarde('veteranen' }}", "template syntax error"),
    ("{{ ''.__class__.__mro__ }}", "sandbox"),
    ("{{ waarde.__init__.__globals__ }}", "sandbox"),
])
def test_template_errors_name_file_line_and_field(tmp_path: Path, text: str,
                                                  expected: str) -> None:
    with pytest.raises(SourceError) as caught:
        _compose_text(tmp_path, text)
    (problem,) = caught.value.problems
    assert expected in problem.message
    assert problem.location.file == (tmp_path / "report.yaml").resolve()
    assert problem.location.line is not None and problem.location.line >= 20
    assert problem.location.field.endswith("blocks[1].text")
