"""Unusable sources: each is refused with exit status 2 and a precise location."""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from openpyxl import Workbook

from tests.unit.load.support import (
    BLOCKS_LINE,
    DATA_TABLE,
    REPORT,
    TOPIC_PATH,
    chapter,
    run_validate,
    write,
)

TABLE = TOPIC_PATH + ".blocks[0].table"


@dataclass(frozen=True)
class Case:
    """An unusable input and where its problem must be reported."""

    name: str
    files: dict[str, str | bytes]
    file: str
    line: int | None
    field: str
    message: str
    setup: Callable[[Path], None] | None = None
    main: str = "report.yaml"
    extra: dict[str, str] = field(default_factory=dict)


def _report(**changes: str) -> str:
    lines = REPORT.splitlines()
    for index, text in enumerate(lines):
        key = text.split(":")[0]
        if key in changes:
            lines[index] = f"{key}: {changes[key]}"
    return "\n".join(lines) + "\n"


def _xlsx(cells: list[list[object]]) -> Callable[[Path], None]:
    def make(folder: Path) -> None:
        book = Workbook()
        sheet = book.active
        assert sheet is not None
        for row in cells:
            sheet.append(row)
        book.save(folder / "data.xlsx")
    return make


def _two_sheets(folder: Path) -> None:
    """A workbook whose first sheet is last year's: reading it unasked would be a guess."""
    book = Workbook()
    old = book.active
    assert old is not None
    old.title = "oud"
    for row in (["id", 2024, 2025], ["a", 1, 2], ["b", 3, 4]):
        old.append(row)
    new = book.create_sheet("actueel")
    for row in (["id", 2024, 2025], ["a", 5, 6], ["b", 7, 8]):
        new.append(row)
    book.save(folder / "data.xlsx")


def _symlink(folder: Path) -> None:
    outside = folder.parent / f"{folder.name}-outside.yaml"
    outside.write_text("number: 1\ntitle: Buiten\n", encoding="utf-8")
    os.symlink(outside, folder / "link.yaml")


def _directory(folder: Path) -> None:
    (folder / "map.yaml").mkdir()


def _folder(folder: Path) -> None:
    (folder / "map").mkdir()


OK_CHAPTER = chapter("- toelichting: Tekst.\n")
WITH_H1 = {"report.yaml": REPORT}

CASES = [
    Case("wrong type at the top", {"report.yaml": _report(report_year="twintig"),
                                   "h1.yaml": OK_CHAPTER},
         "report.yaml", 3, "report_year", "expected a whole number"),
    Case("wrong type in a chapter", {**WITH_H1, "h1.yaml": OK_CHAPTER.replace(
        "number: 1", "number: een")}, "h1.yaml", 1, "chapters[0].number",
         "expected a whole number"),
    Case("section number as a float", {**WITH_H1, "h1.yaml": OK_CHAPTER.replace(
        'number: "1.1"', "number: 1.1")}, "h1.yaml", 4, "chapters[0].sections[0].number",
         "quotes"),
    Case("unknown key at the top", {"report.yaml": REPORT + "kleur: blauw\n",
                                    "h1.yaml": OK_CHAPTER},
         "report.yaml", 9, "kleur", "unknown key"),
    Case("unknown key in a chapter", {**WITH_H1, "h1.yaml": OK_CHAPTER.replace(
        "title: Hoofdstuk", "titel: Hoofdstuk")}, "h1.yaml", 2, "chapters[0].titel",
         "unknown key 'titel'; did you mean 'title'?"),
    Case("unknown key in a table row", {**WITH_H1, "h1.yaml": chapter("""\
        - table:
            id: t
            title: Tabel
            columns: [2025]
            rows:
              - {id: a, lable: A, values: [1]}
        """)}, "h1.yaml", BLOCKS_LINE + 5, TABLE + ".rows[0].lable", "did you mean 'label'?"),
    Case("unknown key in a cell", {**WITH_H1, "h1.yaml": chapter("""\
        - table:
            id: t
            title: Tabel
            columns: [2025]
            rows:
              - id: a
                values:
                  - {valeu: 3}
        """)}, "h1.yaml", BLOCKS_LINE + 7, TABLE + ".rows[0].values[0].valeu", "unknown key"),
    Case("unknown block kind", {**WITH_H1, "h1.yaml": chapter("- toelichtng: Tekst.\n")},
         "h1.yaml", BLOCKS_LINE, TOPIC_PATH + ".blocks[0]", "block kind"),
    Case("missing required key at the top", {
        "report.yaml": REPORT.replace("period: voorjaar 2026\n", ""), "h1.yaml": OK_CHAPTER},
         "report.yaml", 1, "period", "required key"),
    Case("missing table title", {**WITH_H1, "h1.yaml": chapter("""\
        - table:
            id: t
            columns: [2025]
            rows: []
        """)}, "h1.yaml", BLOCKS_LINE + 1, TABLE + ".title", "required key"),
    Case("bad indentation", {**WITH_H1, "h1.yaml": "number: 1\ntitle: Hoofdstuk\n"
                                                   "sections:\n  - number: '1.1'\n"
                                                   "   title: Fout\n"},
         "h1.yaml", 5, "", "YAML syntax error"),
    Case("unclosed quote", {**WITH_H1, "h1.yaml": 'number: 1\ntitle: "Hoofdstuk\n'
                                                  "sections: []\n"},
         "h1.yaml", 2, "", "YAML syntax error"),
    Case("tab for indentation", {**WITH_H1, "h1.yaml": "number: 1\ntitle: Hoofdstuk\n"
                                                       "sections:\n\t- number: '1.1'\n"},
         "h1.yaml", 4, "", "tab"),
    Case("duplicate key", {**WITH_H1, "h1.yaml": "number: 1\ntitle: A\ntitle: B\n"},
         "h1.yaml", 3, "", "duplicate key"),
    Case("missing include", {"report.yaml": REPORT}, "report.yaml", 8,
         "chapters[0].include", "file not found"),
    Case("include escaping the folder", {"report.yaml": REPORT.replace(
        "h1.yaml", "../h1.yaml")}, "report.yaml", 8, "chapters[0].include",
         "outside the report folder"),
    Case("include with an absolute path", {"report.yaml": REPORT.replace(
        "h1.yaml", "/etc/hostname")}, "report.yaml", 8, "chapters[0].include",
         "outside the report folder"),
    Case("include through a symlink", {"report.yaml": REPORT.replace("h1.yaml", "link.yaml")},
         "report.yaml", 8, "chapters[0].include", "outside the report folder",
         setup=_symlink),
    Case("recursive include", {**WITH_H1, "h1.yaml": chapter("- include: h1.yaml\n")},
         "h1.yaml", BLOCKS_LINE, TOPIC_PATH + ".blocks[0].include", "recursive include"),
    Case("directory instead of a file", {"report.yaml": REPORT.replace("h1.yaml", "map.yaml")},
         "report.yaml", 8, "chapters[0].include", "directory", setup=_directory),
    Case("binary file", {**WITH_H1, "h1.yaml": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"},
         "h1.yaml", None, "", "binary"),
    Case("empty file", {**WITH_H1, "h1.yaml": "\n  \n"}, "h1.yaml", 1, "", "empty"),
    Case("not UTF-8", {**WITH_H1, "h1.yaml": "number: 1\ntitle: Caf\xe9\n".encode("latin-1")},
         "h1.yaml", 2, "", "UTF-8"),
    Case("control character in text", {**WITH_H1, "h1.yaml": chapter(
        '- toelichting: "Tekst met \\x07 bel."\n')},
         "h1.yaml", BLOCKS_LINE, TOPIC_PATH + ".blocks[0].toelichting", "U+0007"),
    Case("YAML alias bomb", {**WITH_H1, "h1.yaml": (
        "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
        "b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
        "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\n"
        "d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\n"
        "e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]\n"
        "f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e, *e]\n"
        "g: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f, *f]\n"
        "h: &h [*g, *g, *g, *g, *g, *g, *g, *g, *g, *g]\n"
        "i: &i [*h, *h, *h, *h, *h, *h, *h, *h, *h, *h]\n")},
         "h1.yaml", 4, "chapters[0].e[0]", "aliases"),
    Case("infinite number", {**WITH_H1, "h1.yaml": chapter("""\
        - table:
            id: t
            title: Tabel
            columns: [2025]
            rows:
              - {id: a, values: [.inf]}
        """)}, "h1.yaml", BLOCKS_LINE + 5, TABLE + ".rows[0].values[0]", "finite number"),
    Case("missing data file", {**WITH_H1, "h1.yaml": chapter(DATA_TABLE.format(
        data="data/ontbreekt.csv"))}, "h1.yaml", BLOCKS_LINE + 4, TABLE + ".data",
         "data file not found"),
    Case("data file without the row id", {
        **WITH_H1, "h1.yaml": chapter(DATA_TABLE.format(data="data.csv")),
        "data.csv": "id;2024;2025\na;1;2\n"},
         "h1.yaml", BLOCKS_LINE + 7, TABLE + ".rows[1]", "row 'b' is not in data.csv"),
    Case("formula in a CSV cell", {
        **WITH_H1, "h1.yaml": chapter(DATA_TABLE.format(data="data.csv")),
        "data.csv": "id;2024;2025\na;1;2\nb;=SUM(B2:C2);4\n"},
         "data.csv", 3, "column B", "formula"),
    Case("letter in a number column of a CSV", {
        **WITH_H1, "h1.yaml": chapter(DATA_TABLE.format(data="data.csv")),
        "data.csv": "id;2024;2025\na;1;2\nb;3;1O4\n"},
         "data.csv", 3, "column C", "not a number"),
    Case("#REF! in a spreadsheet", {
        **WITH_H1, "h1.yaml": chapter(DATA_TABLE.format(data="data.xlsx"))},
         "data.xlsx", 2, "sheet Sheet, cell C2", "spreadsheet error #REF!",
         setup=_xlsx([["id", 2024, 2025], ["a", 1, "#REF!"], ["b", 3, 4]])),
    Case("workbook of two sheets without sheet:", {
        **WITH_H1, "h1.yaml": chapter(DATA_TABLE.format(data="data.xlsx"))},
         "h1.yaml", BLOCKS_LINE + 4, TABLE + ".data",
         "has 2 sheets (oud, actueel); say which one holds this table: write 'sheet: NAME'",
         setup=_two_sheets),
    Case("formula without a value in a spreadsheet", {
        **WITH_H1, "h1.yaml": chapter(DATA_TABLE.format(data="data.xlsx"))},
         "data.xlsx", 3, "sheet Sheet, cell B3", "formula =B2*2 without",
         setup=_xlsx([["id", 2024, 2025], ["a", 1, 2], ["b", "=B2*2", 4]])),
    Case("report path is a folder without report.yaml", {"h1.yaml": OK_CHAPTER},
         "map", None, "", "directory", main="map", setup=_folder),
]


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_unusable_input_is_located(case: Case, tmp_path: Path,
                                   capsys: pytest.CaptureFixture[str]) -> None:
    write(tmp_path, case.files)
    if case.setup is not None:
        case.setup(tmp_path)
    outcome = run_validate(capsys, tmp_path / case.main)
    assert outcome.code == 2, outcome.stderr
    problem = outcome.find(case.file, case.line, case.field)
    assert problem.severity == "error"
    assert case.message.lower() in problem.message.lower(), problem.message
