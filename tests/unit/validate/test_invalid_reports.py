"""Reports that load but break a rule: each problem is located and sets the exit status."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.unit.load.support import BLOCKS_LINE, REPORT, TOPIC_PATH, chapter, run_validate, write

TABLE = TOPIC_PATH + ".blocks[0].table"
L = BLOCKS_LINE
SUM_TABLE = """\
- table:
    id: t
    title: Tabel
    columns: [2024, 2025]
    rows:
      - {{id: a, label: A, values: [1, 2]}}
      - {{id: b, label: B, values: [3, 4]}}
      - {{id: totaal, label: Totaal, role: total, derived: {{sum: above}}, values: [4, {total}]}}
"""
PCT_TABLE = """\
- table:
    id: t
    title: Tabel
    columns: [2025]
    rows:
      - {{id: real, label: Realisatie, values: [3941]}}
      - {{id: plan, label: Plan, values: [5276]}}
      - {{id: pct, label: "%", unit: percent, derived: {{percent_of: [real, plan]}},
         values: [{pct}]}}
"""
CHART = """\
- table:
    id: t
    title: Tabel
    columns: [2024, 2025]
    rows:
      - {{id: a, label: A, values: [1, 2]}}
- figure:
    id: f
    title: Figuur
    chart: {{type: line, table: {table}, rows: [{row}]}}
"""
ROUND_CHART = """\
- table:
    id: t
    title: Tabel
    columns: [2024, 2025]
    rows:
      - {{id: a, label: A, values: [1, 2]}}
      - {{id: b, label: B, values: [3, 4]}}
      - {{id: tot, label: Totaal, role: total, derived: {{sum: above}}, values: [4, 6]}}
- figure:
    id: f
    title: Figuur
    chart: {{type: {kind}, table: t{rows}}}
"""
OWN_ROUND = """\
- figure:
    id: f
    title: Figuur
    chart:
      type: donut
      categories: ["2024", "2025"]
      series:
        - {label: A, values: [1, 2]}
        - {label: B, values: [3, 4]}
"""
TWO_SECTIONS = """\
number: 1
title: Hoofdstuk
sections:
  - number: "1.1"
    title: Een
  - number: "{second}"
    title: Twee
"""
TWO_TOPICS = """\
number: 1
title: Hoofdstuk
sections:
  - number: "1.1"
    title: Een
    topics:
      - id: dubbel
        blocks: [{{text: Een.}}]
      - id: {second}
        blocks: [{{text: Twee.}}]
"""


@dataclass(frozen=True)
class Case:
    """A report that breaks one rule, where the problem must be reported and how badly."""

    name: str
    files: dict[str, str | bytes]
    code: int
    file: str
    line: int | None
    field: str
    message: str
    severity: str = "error"


def _tiny_png() -> bytes:
    from io import BytesIO

    from PIL import Image

    buffer = BytesIO()
    Image.new("RGB", (4, 4), "white").save(buffer, "PNG")
    return buffer.getvalue()


def _h1(blocks: str) -> dict[str, str | bytes]:
    return {"report.yaml": REPORT, "h1.yaml": chapter(blocks)}


TWO_CHAPTERS = REPORT + "  - include: h2.yaml\n"
CASES = [
    Case("chapter numbers out of sequence",
         {"report.yaml": TWO_CHAPTERS, "h1.yaml": "number: 1\ntitle: Een\n",
          "h2.yaml": "number: 3\ntitle: Drie\n"},
         1, "h2.yaml", 1, "chapters[1].number", "2 is expected"),
    Case("section numbers out of sequence",
         {"report.yaml": REPORT, "h1.yaml": TWO_SECTIONS.format(second="1.3")},
         1, "h1.yaml", 6, "chapters[0].sections[1].number", "'1.2' is expected"),
    Case("section number of another chapter",
         {"report.yaml": REPORT, "h1.yaml": TWO_SECTIONS.format(second="2.2")},
         1, "h1.yaml", 6, "chapters[0].sections[1].number", "'1.2' is expected"),
    Case("duplicate topic id",
         {"report.yaml": REPORT, "h1.yaml": TWO_TOPICS.format(second="dubbel")},
         1, "h1.yaml", 9, "chapters[0].sections[0].topics[1].id", "duplicate topic id"),
    Case("duplicate table id", _h1(SUM_TABLE.format(total=6) + SUM_TABLE.format(total=6)),
         1, "h1.yaml", L + 9, TOPIC_PATH + ".blocks[1].table.id", "duplicate table id"),
    Case("total that does not add up", _h1(SUM_TABLE.format(total=7)),
         0, "h1.yaml", L + 7, TABLE + ".rows[2].values[1]", "published 7 differs from the "
         "computed 6 (sum of a, b)", "warning"),
    Case("percentage that does not match", _h1(PCT_TABLE.format(pct="74.8")),
         0, "h1.yaml", L + 8, TABLE + ".rows[2].values[0]", "published 74,8 differs from "
         "the computed 74,7 (real / plan × 100)", "warning"),
    Case("delta that does not match", _h1("""\
        - table:
            id: t
            title: Tabel
            columns: [2024, 2025, {id: d, role: delta, derived: {delta: ["2024", "2025"]}}]
            rows:
              - {id: a, label: A, values: [3941, 5138, 1296]}
        """), 0, "h1.yaml", L + 5, TABLE + ".rows[0].values[2]", "computed +1.197"
         .replace("+", ""), "warning"),
    Case("unresolved footnote", _h1("- toelichting: Tekst.[^nergens]\n"),
         1, "h1.yaml", L, TOPIC_PATH + ".blocks[0].text", "[^nergens] is not declared"),
    Case("unresolved footnote in a table note", _h1("""\
        - table:
            id: t
            title: Tabel
            columns: [2025]
            rows: [{id: a, values: [1]}]
            notes: ["Bron: onbekend[^bron]"]
        """), 1, "h1.yaml", L + 5, TABLE + ".notes[0].text", "[^bron] is not declared"),
    Case("unresolved footnote in the change list",
         {"report.yaml": REPORT + "front_matter:\n  inleiding:\n    rapportage_in_ontwikkeling:\n"
                                  "      changes:\n        - Nieuw.[^wijziging]\n",
          "h1.yaml": chapter("- toelichting: Tekst.\n")},
         1, "report.yaml", 12, "front_matter.inleiding.rapportage_in_ontwikkeling.changes[0]",
         "[^wijziging] is not declared"),
    Case("unused footnote",
         {"report.yaml": REPORT + "footnotes:\n  - {id: los, text: Niemand verwijst.}\n",
          "h1.yaml": chapter("- toelichting: Tekst.\n")},
         0, "report.yaml", 10, "footnotes[0].id", "never referred to", "warning"),
    Case("duplicate footnote id",
         {"report.yaml": REPORT + "footnotes:\n  - {id: n, text: A.}\n  - {id: n, text: B.}\n",
          "h1.yaml": chapter("- toelichting: Tekst.[^n]\n")},
         1, "report.yaml", 11, "footnotes[1].id", "duplicate footnote id"),
    Case("unknown rubricering on a block",
         _h1("- toelichting: {text: Tekst., rubricering: geheimpje}\n"),
         1, "h1.yaml", L, TOPIC_PATH + ".blocks[0].rubricering", "use one of: openbaar, "
         "dep-vertrouwelijk"),
    Case("unknown rubricering of the report",
         {"report.yaml": REPORT.replace("rubricering: openbaar", "rubricering: publiek"),
          "h1.yaml": chapter("- toelichting: Tekst.\n")},
         1, "report.yaml", 6, "rubricering", "unknown rubricering 'publiek'"),
    Case("chart pointing at a missing table", _h1(CHART.format(table="elders", row="a")),
         1, "h1.yaml", L + 9, TOPIC_PATH + ".blocks[1].chart.table", "'elders', which does "
         "not exist"),
    Case("chart pointing at a missing row", _h1(CHART.format(table="t", row="z")),
         1, "h1.yaml", L + 9, TOPIC_PATH + ".blocks[1].chart.rows", "chart rows 'z' not in "
         "table 't'"),
    Case("pie over a table of two rows", _h1(ROUND_CHART.format(kind="pie", rows="")),
         1, "h1.yaml", L + 11, TOPIC_PATH + ".blocks[1].chart.type",
         "gives it 2 rows (a, b); name the one row with `rows: [ID]`"),
    Case("donut naming two rows", _h1(ROUND_CHART.format(kind="donut", rows=", rows: [a, b]")),
         1, "h1.yaml", L + 11, TOPIC_PATH + ".blocks[1].chart.rows", "a donut chart draws one "
         "row of a table"),
    Case("donut of its own two series", _h1(OWN_ROUND), 1, "h1.yaml", L + 6,
         TOPIC_PATH + ".blocks[0].chart.series", "draws one series and this one has 2"),
    Case("chart series shorter than its categories", _h1("""\
        - figure:
            id: f
            title: Figuur
            chart:
              type: bar
              categories: ["2024", "2025"]
              series:
                - {label: A, values: [1]}
        """), 1, "h1.yaml", L + 7, TOPIC_PATH + ".blocks[0].chart.series[0].values",
         "1 values for 2 categories"),
    Case("year columns not ascending", _h1("""\
        - table:
            id: t
            title: Tabel
            columns: [2023, 2025, 2024]
            rows: []
        """), 1, "h1.yaml", L + 3, TABLE + ".columns[2].year", "year 2024 comes after 2025"),
    Case("duplicate column key", _h1("""\
        - table:
            id: t
            title: Tabel
            columns: [2024, 2024]
            rows: []
        """), 2, "h1.yaml", L + 3, TABLE + ".columns[1].year",
         "column 2 has the key '2024' (from its year), like column 1"),
    Case("duplicate row id", _h1("""\
        - table:
            id: t
            title: Tabel
            columns: [2025]
            rows:
              - {id: a, values: [1]}
              - {id: a, values: [2]}
        """), 2, "h1.yaml", L + 6, TABLE + ".rows[1].id",
         "row 2 has the key 'a' (from its id), like row 1 at line"),
    Case("more values than columns", _h1("""\
        - table:
            id: t
            title: Tabel
            columns: [2024, 2025]
            rows:
              - {id: a, values: [1, 2, 3]}
        """), 1, "h1.yaml", L + 5, TABLE + ".rows[0].values", "3 values for 2 columns"),
    Case("values mapping with an unknown column", _h1("""\
        - table:
            id: t
            title: Tabel
            columns: [2024, 2025]
            rows:
              - id: a
                values: {"2024": 1, "2026": 2}
        """), 1, "h1.yaml", L + 6, TABLE + ".rows[0].values", "unknown column key(s) '2026'"),
    Case("derivation of a missing row", _h1("""\
        - table:
            id: t
            title: Tabel
            columns: [2025]
            rows:
              - {id: a, values: [1]}
              - {id: pct, derived: {percent_of: [a, plan]}}
        """), 1, "h1.yaml", L + 6, TABLE + ".rows[1].derived", "unknown row(s) 'plan'"),
    Case("units mixed in a row", _h1("""\
        - table:
            id: t
            title: Tabel
            columns: [2024, 2025]
            rows:
              - {id: a, values: [7, {value: 7.5, unit: percent}]}
        """), 1, "h1.yaml", L + 5, TABLE + ".rows[0].values", "mixes units"),
    Case("letter in a number written in YAML", _h1("""\
        - table:
            id: t
            title: Tabel
            columns: [2024, 2025]
            rows:
              - {id: a, values: [7, 1O4]}
        """), 2, "h1.yaml", L + 5, TABLE + ".rows[0].values[1]",
        "'1O4' is text in a row of numbers"),
    Case("image that does not exist", _h1("""\
        - figure: {id: f, title: Figuur, image: plaatjes/kaart.png}
        """), 1, "h1.yaml", L, TOPIC_PATH + ".blocks[0].image", "image file not found"),
    Case("image outside the report folder", _h1("""\
        - figure: {id: f, title: Figuur, image: ../kaart.png}
        """), 1, "h1.yaml", L, TOPIC_PATH + ".blocks[0].image", "outside the report folder"),
    Case("image without alt text", {**_h1("""\
        - figure: {id: f, title: Figuur, image: kaart.png}
        """), "kaart.png": _tiny_png()}, 1, "h1.yaml", L, TOPIC_PATH + ".blocks[0].image",
        "has no `alt` text"),
    Case("image that is SVG", {**_h1("""\
        - figure: {id: f, title: Figuur, image: kaart.svg, alt: Een kaart.}
        """), "kaart.svg": '<svg xmlns="http://www.w3.org/2000/svg"/>'}, 1, "h1.yaml", L,
        TOPIC_PATH + ".blocks[0].image", "is SVG"),
    Case("image that is PDF under a PNG name", {**_h1("""\
        - figure: {id: f, title: Figuur, image: kaart.png, alt: Een kaart.}
        """), "kaart.png": b"%PDF-1.7\n%\xe2\xe3\n"}, 1, "h1.yaml", L,
        TOPIC_PATH + ".blocks[0].image", "is PDF"),
]


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_rule_breach_is_located(case: Case, tmp_path: Path,
                                capsys: pytest.CaptureFixture[str]) -> None:
    path = write(tmp_path, case.files)
    outcome = run_validate(capsys, path)
    assert outcome.code == case.code, outcome.stderr
    problem = outcome.find(case.file, case.line, case.field)
    assert problem.severity == case.severity
    assert case.message in problem.message, problem.message


@pytest.mark.parametrize("case", [c for c in CASES if c.severity == "warning"],
                         ids=[c.name for c in CASES if c.severity == "warning"])
def test_warnings_fail_only_when_strict(case: Case, tmp_path: Path,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    path = write(tmp_path, case.files)
    assert run_validate(capsys, path).code == 0
    strict = run_validate(capsys, path, "--strict")
    assert strict.code == 1
    assert strict.find(case.file, case.line, case.field).severity == "warning"


def test_misspelt_status_word_is_refused_with_the_word(tmp_path: Path,
                                      capsys: pytest.CaptureFixture[str]) -> None:
    path = write(tmp_path, _h1("""\
        - table:
            id: t
            title: Tabel
            columns: [2024, 2025]
            rows:
              - {id: a, values: [7, n.t.b]}
        """))
    outcome = run_validate(capsys, path, "--strict")
    assert outcome.code == 2
    (problem,) = outcome.problems
    assert (problem.line, problem.field) == (L + 5, TABLE + ".rows[0].values[1]")
    assert "did you mean the status word n.t.b.?" in problem.message


@pytest.mark.parametrize("rows", [", rows: [b]", ", rows: [tot]"])
def test_a_pie_naming_one_row_is_valid(rows: str, tmp_path: Path,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    path = write(tmp_path, _h1(ROUND_CHART.format(kind="pie", rows=rows)))
    outcome = run_validate(capsys, path)
    assert outcome.code == 0, outcome.stderr
