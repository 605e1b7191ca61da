"""Data files and YAML values that must be refused, each with its exact place and message."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from openpyxl import Workbook

from tests.unit.load.support import DATA_TABLE, REPORT, chapter

NL = REPORT.replace("rubricering: openbaar\n", "rubricering: openbaar\nnumber_style: nl\n")
PLAIN = REPORT.replace("rubricering: openbaar\n",
                       "rubricering: openbaar\nnumber_style: plain\n")
TABLE = "chapters[0].sections[0].topics[0].blocks[0].table"
B = 10  # the line of the first block in chapter()


@dataclass(frozen=True)
class Case:
    """A report that must be refused at `file`:`line`: `field` with exactly the message
    MESSAGES[name]."""

    name: str
    files: dict[str, str]
    file: str
    line: int | None
    field: str
    setup: Callable[[Path], None] | None = field(default=None, compare=False)


def csv_case(name: str, csv: str, line: int, column: str, *,
             report: str = REPORT, table: str = DATA_TABLE) -> Case:
    files = {"report.yaml": report, "h1.yaml": chapter(table.format(data="data.csv")),
             "data.csv": csv}
    return Case(name, files, "data.csv", line, column)


def xlsx(cells: list[list[object]], merge: str | None = None,
         percent: str | None = None) -> Callable[[Path], None]:
    def make(folder: Path) -> None:
        book = Workbook()
        sheet = book.active
        assert sheet is not None
        sheet.title = "cijfers"
        for row in cells:
            sheet.append(row)
        if merge:
            sheet.merge_cells(merge)
        if percent:
            sheet[percent].number_format = "0.0%"
        book.save(folder / "data.xlsx")
    return make


def xlsx_case(name: str, cells: list[list[object]], line: int, cell: str, *,
              report: str = REPORT, merge: str | None = None,
              percent: str | None = None) -> Case:
    files = {"report.yaml": report, "h1.yaml": chapter(DATA_TABLE.format(data="data.xlsx"))}
    return Case(name, files, "data.xlsx", line, f"sheet cijfers, {cell}",
                xlsx(cells, merge, percent))


def yaml_case(name: str, values: str, *, report: str = REPORT,
              unit: str = "count", columns: str = "[2024, 2025]",
              where: str = ".rows[0].values[0]") -> Case:
    block = f"""\
- table:
    id: t
    title: Tabel
    unit: {unit}
    columns: {columns}
    rows:
      - {{id: a, values: {values}}}
"""
    return Case(name, {"report.yaml": report, "h1.yaml": chapter(block)}, "h1.yaml", B + 6,
                TABLE + where)


MARKED = """\
- table:
    id: t
    title: Tabel
    columns: [2024, 2025]
    data: {data}
    rows:
      - {{id: a, values: {{"2025": {{rubricering: dep-vertrouwelijk}}}}}}
      - {{id: b, rubricering: dep-vertrouwelijk}}
"""

CHART = """\
- figure:
    id: f
    title: Figuur
    chart:
      type: bar
      categories: ["2024", "2025"]
      series:
        - {label: A, values: [1.5, 1e400]}
"""

CASES: list[Case] = [
    csv_case("undeclared 1.234 in a semicolon CSV", "id;2024;2025\na;1.234;2\nb;3;4\n",
             2, "column B"),
    csv_case("English notation under nl", "id;2024;2025\na;12,345.67;2\nb;3;4\n", 2,
             "column B", report=NL),
    csv_case("decimal point under nl", "id;2024;2025\na;21.5;2\nb;3;4\n", 2, "column B",
             report=NL),
    csv_case("decimal comma under plain", "id;2024;2025\na;1,5;2\nb;3;4\n", 2, "column B",
             report=PLAIN),
    csv_case("decimal comma under the default", "id;2024;2025\na;3;1,5\nb;3;4\n", 2,
             "column C"),
    csv_case("brackets for a negative number", "id;2024;2025\na;(1.234);2\nb;3;4\n", 2,
             "column B", report=NL),
    csv_case("currency sign", "id;2024;2025\na;€ 1.234;2\nb;3;4\n", 2, "column B",
             report=NL),
    csv_case("percent sign", "id;2024;2025\na;10,4%;2\nb;3;4\n", 2, "column B",
             report=NL),
    csv_case("NaN", "id,2024,2025\na,1,2\nb,NaN,4\n", 3, "column B"),
    csv_case("infinity", "id,2024,2025\na,1,-inf\nb,3,4\n", 2, "column C"),
    csv_case("scientific notation", "id,2024,2025\na,1e400,2\nb,3,4\n", 2, "column B"),
    csv_case("too many digits", "id,2024,2025\na,1000000000000000000000,2\nb,3,4\n", 2,
             "column B"),
    csv_case("too many decimals", "id,2024,2025\na,0.00000000001,2\nb,3,4\n", 2,
             "column B"),
    csv_case("no digit before the decimal sign", "id;2024;2025\na;.5;2\nb;3;4\n", 2,
             "column B"),
    csv_case("apostrophes between thousands", "id;2024;2025\na;1'234;2\nb;3;4\n", 2,
             "column B"),
    csv_case("Arabic-Indic digits", "id;2024;2025\na;\u0661\u0662;2\nb;3;4\n", 2,
             "column B"),
    csv_case("a minus sign at the end", "id;2024;2025\na;1.234,56-;2\nb;3;4\n", 2, "column B",
             report=NL),
    csv_case("after Excel's sep= line, lines count from the file's start",
             "sep=;\r\nid;2024;2025\r\na;1,5;2\r\nb;3;4x\r\n", 4, "column C", report=NL),
    csv_case("a title row above the header", "Instroom 2025;;\nid;2024;2025\na;1;2\nb;3;4\n",
             1, ""),
    csv_case("a row ends early", "id;2024;2025\na;1\nb;3;4\n", 2, "column C"),
    csv_case("a value beyond the header", "id;2024;2025\na;1;2;3\nb;3;4\n", 2, "column D"),
    csv_case("a column key twice", "id;2024;2024\na;1;2\nb;3;4\n", 1, "column C"),
    csv_case("a letter in a number", "id;2024;2025\na;1;2\nb;3;1O4\n", 3, "column C"),
    csv_case("a status word without its points", "id;2024;2025\na;1;ntb.\nb;3;4\n", 2,
             "column C"),
    csv_case("a cell marking that is no level name", "id;2024;2025\na;1 {geheim!};2\nb;3;4\n",
             2, "column B"),
    csv_case("a marking without a value", "id;2024;2025\na;{dep-vertrouwelijk};2\nb;3;4\n",
             2, "column B"),
    csv_case("a row marking that is no level name",
             "id;2024;2025;rubricering\na;1;2;zeer geheim\nb;3;4;\n", 2, "column D"),
    xlsx_case("a date in a number cell", [["id", 2024, 2025], ["a", dt.datetime(2025, 5, 1), 2],
                                          ["b", 3, 4]], 2, "cell B2"),
    xlsx_case("TRUE in a number cell", [["id", 2024, 2025], ["a", 1, 2], ["b", 3, True]], 3,
              "cell C3"),
    xlsx_case("an error value", [["id", 2024, 2025], ["a", 1, "#N/A"], ["b", 3, 4]], 2,
              "cell C2"),
    xlsx_case("a division by zero", [["id", 2024, 2025], ["a", 1, 2], ["b", "#DIV/0!", 4]], 3,
              "cell B3"),
    xlsx_case("a formula without a stored result", [["id", 2024, 2025], ["a", 1, 2],
                                                    ["b", "=B2*2", 4]], 3, "cell B3"),
    xlsx_case("a number shown as a percentage", [["id", 2024, 2025], ["a", 0.795, 2],
                                                 ["b", 3, 4]], 2, "cell B2",
              percent="B2"),
    xlsx_case("merged cells", [["id", 2024, 2025], ["a", 5, None], ["b", 3, 4]], 2,
              "cells B2 to C2", merge="B2:C2"),
    xlsx_case("a text figure without a declared style", [["id", 2024, 2025], ["a", "4.650", 2],
                                                         ["b", 3, 4]], 2, "cell B2"),
    xlsx_case("a number beyond any report", [["id", 2024, 2025], ["a", 1e300, 2], ["b", 3, 4]],
              2, "cell B2"),
    yaml_case("a quoted figure in a euro row", '["1.150", 3]', unit="euro"),
    yaml_case("a quoted figure under nl", '["1.150", 3]', unit="euro", report=NL),
    yaml_case("a percent string", '["10,4%", 3]', unit="percent"),
    yaml_case("stray text", '[Vertraagd, 3]'),
    yaml_case("a boolean", '[3, true]', where=".rows[0].values[1]"),
    yaml_case("a quoted value in a mapping", '{"2024": {value: "1.150"}, "2025": 3}',
              where=".rows[0].values.2024"),
    yaml_case("1.150 under nl", '[1.150, 3]', report=NL),
    yaml_case("1e400", '[1e400, 3]'),
    yaml_case("a number of 33 digits", '[100000000000000000000000000000000, 3]'),
    yaml_case("32 decimals", '[0.00000000000000000000000000000001, 3]'),
    yaml_case("a quoted total in a fraction", '[{value: 5, of: "8"}, 3]',
              where=".rows[0].values[0].of"),
    Case("a chart number beyond any report", {"report.yaml": REPORT, "h1.yaml": chapter(CHART)},
         "h1.yaml", B + 7, "chapters[0].sections[0].topics[0].blocks[0].figure.chart.series[0]"
         ".values[1]"),
    yaml_case("an integer of 5000 digits", f"[{'9' * 5000}, 3]"),
    yaml_case("a hexadecimal of 5000 digits", f"[0x{'f' * 5000}, 3]"),
    yaml_case("too few values", '[1, 2]', columns="[2024, 2025, 2026]",
              where=".rows[0].values"),
    Case("too few values in a row of a data table that is not in the file",
         {"report.yaml": REPORT, "data.csv": "id;2024;2025\na;1;2\n",
          "h1.yaml": chapter(DATA_TABLE.format(data="data.csv").replace(
              "{id: b, label: B}", "{id: b, label: B, values: [3]}"))},
         "h1.yaml", B + 7, TABLE + ".rows[1].values"),
    Case("a report number style that does not exist",
         {"report.yaml": REPORT.replace("rubricering: openbaar\n",
                                        "rubricering: openbaar\nnumber_style: dutch\n"),
          "h1.yaml": chapter(DATA_TABLE.format(data="data.csv")),
          "data.csv": "id;2024;2025\na;1;2\nb;3;4\n"}, "report.yaml", 7, "number_style"),
    Case("a cell marked twice, differently",
         {"report.yaml": REPORT, "h1.yaml": chapter(MARKED.format(data="data.csv")),
          "data.csv": "id;2024;2025\na;1;2 {stg-geheim}\nb;3;4\n"},
         "h1.yaml", B + 6, TABLE + ".rows[0].values.2025"),
    Case("a row marked twice, differently",
         {"report.yaml": REPORT, "h1.yaml": chapter(MARKED.format(data="data.csv")),
          "data.csv": "id;2024;2025;rubricering\na;1;2;\nb;3;4;stg-geheim\n"},
         "h1.yaml", B + 7, TABLE + ".rows[1].rubricering"),
    Case("a figure in YAML and another in the data file",
         {"report.yaml": REPORT, "h1.yaml": chapter(DATA_TABLE.format(data="data.xlsx").replace(
             "{id: a, label: A}", "{id: a, label: A, values: [1, 5]}")),},
         "h1.yaml", B + 6, TABLE + ".rows[0].values.2025",
         xlsx([["id", 2024, 2025], ["a", 1, 2], ["b", 3, 4]])),
]











MESSAGES: dict[str, str] = {
    "undeclared 1.234 in a semicolon CSV": (
        "'1.234' could mean two things: 1234 under number style nl and 1.234 under plain; no "
        "style is declared, so declare it: `number_style: nl` (or plain) in the report, or "
        "`data_style:` on the table"
    ),
    "English notation under nl": (
        "'12,345.67' is English notation (12345.67 with a thousands comma), which is not "
        "read; write 12345,67 under number style nl"
    ),
    "decimal point under nl": (
        "'21.5' is not a figure under number style nl; under plain it reads as 21.5; write "
        "21,5, or declare `data_style: plain` on the table (or `number_style: plain` in the "
        "report)"
    ),
    "decimal comma under plain": (
        "'1,5' is not a figure under number style plain; under nl it reads as 1.5; write 1.5,"
        " or declare `data_style: nl` on the table (or `number_style: nl` in the report)"
    ),
    "decimal comma under the default": (
        "'1,5' is not a figure under the default number style plain (none declared); under nl"
        " it reads as 1.5; write 1.5, or declare `data_style: nl` on the table (or "
        "`number_style: nl` in the report)"
    ),
    "brackets for a negative number": (
        "'(1.234)' writes a negative number in brackets; write -1234"
    ),
    "currency sign": (
        "'€ 1.234' has a currency sign; write the amount alone (1234): a euro unit prints the"
        " sign"
    ),
    "percent sign": (
        "'10,4%' has a percent sign; write the number alone (10,4): a percent unit prints the"
        " sign"
    ),
    "NaN": (
        "cell holds 'NaN', which is not a number; write the figure, a status word (n.t.b., "
        "n.v.t., -) or leave the cell empty"
    ),
    "infinity": (
        "cell holds '-inf', which is not a number; write the figure, a status word (n.t.b., "
        "n.v.t., -) or leave the cell empty"
    ),
    "scientific notation": (
        "'1e400' is in scientific notation, which loses digits; write the full number"
    ),
    "too many digits": (
        "'1000000000000000000000' has more than 15 digits before the decimal sign; no report "
        "figure is that large (use the unit's scale, such as miljoen or miljard)"
    ),
    "too many decimals": (
        "'0.00000000001' has more than 10 decimals; round it"
    ),
    "no digit before the decimal sign": (
        "'.5' has no digit before its decimal sign; write a 0 before it (0.5 in plain, 0,5 in"
        " nl)"
    ),
    "apostrophes between thousands": (
        "\"1'234\" is not a figure under the default number style plain (none declared): the "
        "point is the decimal sign and there is no thousands separator but a space (1234.5); "
        "thousands come in groups of three digits"
    ),
    "Arabic-Indic digits": (
        "cell holds '١٢', which is not a number, in a row of numbers; write a figure, a "
        "status word (n.t.b., n.v.t., -, te leveren) or leave the cell empty; if the row "
        "holds text, give it `unit: text`"
    ),
    "a minus sign at the end": (
        "'1.234,56-' has its minus sign at the end (an accounting export); write -1234,56"
    ),
    "after Excel's sep= line, lines count from the file's start": (
        "cell holds '4x', which is not a number, in a row of numbers; write a figure, a "
        "status word (n.t.b., n.v.t., -, te leveren) or leave the cell empty; if the row "
        "holds text, give it `unit: text`"
    ),
    "a title row above the header": (
        "the first row ('Instroom 2025') holds no column keys; the first row must be the "
        "header: the row id column, then a key per column (2024, 2025); remove a title row "
        "above it"
    ),
    "a row ends early": (
        "row ends before this column; write an empty field for each missing value (for "
        "example 12;;14), so that an empty cell is meant, not lost"
    ),
    "a value beyond the header": (
        "value '3' beyond the last column of the header; add a column key to the header or "
        "remove the value"
    ),
    "a column key twice": (
        "column key '2024' appears twice in the header (also column B); rename one"
    ),
    "a letter in a number": (
        "cell holds '1O4', which is not a number, in a row of numbers; write a figure, a "
        "status word (n.t.b., n.v.t., -, te leveren) or leave the cell empty; if the row "
        "holds text, give it `unit: text`"
    ),
    "a status word without its points": (
        "cell holds 'ntb.', which is not a number, in a row of numbers; did you mean the "
        "status word n.t.b.? write a figure, a status word (n.t.b., n.v.t., -, te leveren) or"
        " leave the cell empty; if the row holds text, give it `unit: text`"
    ),
    "a cell marking that is no level name": (
        "{geheim!} is not a rubricering level name; a cell is marked by writing a level after"
        " it, as 1234 {dep-vertrouwelijk}"
    ),
    "a marking without a value": (
        "the cell holds only a marking {dep-vertrouwelijk}; write the value before it, or a "
        "status word"
    ),
    "a row marking that is no level name": (
        "'zeer geheim' is not a rubricering level name; write a level such as dep-"
        "vertrouwelijk, or leave the cell empty"
    ),
    "a date in a number cell": (
        "cell holds a date or time (2025-05-01 00:00:00); a figure must be a number cell: "
        "format the cell as a number (or as text for a date written out)"
    ),
    "TRUE in a number cell": (
        "cell holds TRUE, a TRUE/FALSE value; write a number, a status word or text"
    ),
    "an error value": (
        "cell holds the spreadsheet error #N/A; fix the formula or write the value"
    ),
    "a division by zero": (
        "cell holds the spreadsheet error #DIV/0!; fix the formula or write the value"
    ),
    "a formula without a stored result": (
        "cell holds the formula =B2*2 without a stored result; open and save the file in a "
        "spreadsheet program, or paste values instead of formulas"
    ),
    "a number shown as a percentage": (
        "cell is formatted as a percentage: it holds 0.795 and shows 79.5%; standgen takes "
        "percentages in percent points and does not convert: write 79.5 in a cell formatted "
        "as a number"
    ),
    "merged cells": (
        "merged cells: all but the first cell of a merged range read as empty; unmerge them "
        "and write the value in each cell"
    ),
    "a text figure without a declared style": (
        "'4.650' could mean two things: 4650 under number style nl and 4.650 under plain; no "
        "style is declared, so declare it: `number_style: nl` (or plain) in the report, or "
        "`data_style:` on the table"
    ),
    "a number beyond any report": (
        "1E+300 has more than 15 digits before the decimal sign; no report figure is that "
        "large (use the unit's scale, such as miljoen or miljard)"
    ),
    "a quoted figure in a euro row": (
        "'1.150' is text in a row of numbers and could mean two things; write it as a YAML "
        "number without quotes (a decimal point, no thousands separator): 1150 (if you mean "
        "1.150) or 1.150 (if you mean 1,150)"
    ),
    "a quoted figure under nl": (
        "'1.150' is text in a row of numbers and could mean two things; write it as a YAML "
        "number without quotes (a decimal point, no thousands separator): 1150 (if you mean "
        "1.150) or 1.150 (if you mean 1,150)"
    ),
    "a percent string": (
        "'10,4%' is text in a row of numbers; write it as a YAML number without quotes and "
        "without the sign (the unit prints it): 10.4"
    ),
    "stray text": (
        "'Vertraagd' is text in a row of numbers; write a figure, a status word (n.t.b., "
        "n.v.t., -, te leveren), ~ for an empty cell, or {text: ...} to print text; if the "
        "row holds text, give it `unit: text`"
    ),
    "a boolean": (
        "true in a row of numbers; write a figure, a status word (n.t.b., n.v.t., -, te "
        "leveren) or ~ for an empty cell"
    ),
    "a quoted value in a mapping": (
        "'1.150' is text in a row of numbers and could mean two things; write it as a YAML "
        "number without quotes (a decimal point, no thousands separator): 1150 (if you mean "
        "1.150) or 1.150 (if you mean 1,150)"
    ),
    "1.150 under nl": (
        "1.150 could mean two things: YAML reads it as 1.150 (a decimal point) but the "
        "report's number style nl reads it as 1150; write 1150 for 1.150, or 1.15 for 1,15 "
        "(YAML numbers take a decimal point and no thousands separator)"
    ),
    "1e400": (
        "1E+400 has more than 15 digits before the decimal sign; no report figure is that "
        "large (use the unit's scale, such as miljoen or miljard)"
    ),
    "a number of 33 digits": (
        "100000000000000000000000000000000 has more than 15 digits before the decimal sign; "
        "no report figure is that large (use the unit's scale, such as miljoen or miljard)"
    ),
    "32 decimals": (
        "1E-32 has more than 10 decimals; round it"
    ),
    "a quoted total in a fraction": (
        "'8' is text in a row of numbers; write it as a YAML number without quotes: 8"
    ),
    "a chart number beyond any report": (
        "1E+400 has more than 15 digits before the decimal sign; no report figure is that "
        "large (use the unit's scale, such as miljoen or miljard)"
    ),
    "an integer of 5000 digits": (
        "99999999999999999999… (5,000 characters) has more than 15 digits before the decimal "
        "sign; no report figure is that large (use the unit's scale, such as miljoen or "
        "miljard)"
    ),
    "a hexadecimal of 5000 digits": (
        "39802768403379665923… (6,021 characters) has more than 15 digits before the decimal "
        "sign; no report figure is that large (use the unit's scale, such as miljoen or "
        "miljard)"
    ),
    "too few values": (
        "row 'a' has 2 value(s) for 3 columns (no value for 2026); write ~ for each cell that"
        " is empty on purpose, for example [12, ~, 14]"
    ),
    "too few values in a row of a data table that is not in the file": (
        "row 'b' has 1 value(s) for 2 columns (no value for 2025); write ~ for each cell that"
        " is empty on purpose, for example [12, ~, 14]"
    ),
    "a report number style that does not exist": (
        "unknown number style 'dutch'; write nl (1.234,5) or plain (1234.5)"
    ),
    "a cell marked twice, differently": (
        "column 2025: the YAML says rubricering dep-vertrouwelijk but data.csv (column C, "
        "line 2) says rubricering stg-geheim; make them agree or write it in one place only"
    ),
    "a row marked twice, differently": (
        "row 'b': the YAML says rubricering dep-vertrouwelijk but data.csv (column D, line 3)"
        " says rubricering stg-geheim; make them agree or write it in one place only"
    ),
    "a figure in YAML and another in the data file": (
        "the YAML gives 5 for column 2025 and data.xlsx (sheet cijfers, cell C2, line 2) "
        "gives 2; the data file holds the figures: remove the YAML value, or keep only its "
        "marking as {rubricering: ...}"
    ),
}
