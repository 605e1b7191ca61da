"""Indicator data from CSV or XLSX, as a report team keeps it in spreadsheets.

The first column holds row ids, the header row holds column keys (years such as 2024, or
column ids); an optional `rubricering` column marks whole rows. Cells are kept as written
(text, or a number for a spreadsheet's numeric cell); `cell_input` reads one for a row of a
known kind under the declared number style (load/numbers.py). Every problem names the file,
the line (CSV) or the sheet and cell (XLSX), and what to do. See docs/data-files.md.
"""

from __future__ import annotations

import csv
import io
import itertools
import re
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from standgen.errors import Location, source_error
from standgen.load.numbers import FigureError, Style, read_figure
from standgen.load.safety import check_text
from standgen.load.spreadsheet import MAX_COLUMNS, MAX_ROWS, letters, xlsx_rows
from standgen.model.values import STATUS_ALIASES

MAX_CSV_BYTES = 20 * 1024 * 1024
SNIFF_CHARS, SNIFF_ROWS = 8192, 10
MARK_COLUMN = "rubricering"

Grid = dict[str, dict[str, Any]]
_MARK = re.compile(r"^(?P<body>.*?)\s*\{(?P<level>[^{}]*)\}$", re.DOTALL)
_LEVEL = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]*")
_NOT_NUMBERS = frozenset({"nan", "-nan", "inf", "-inf", "+inf", "infinity", "-infinity",
                          "#n/a", "n/a", "#num!", "#value!", "#div/0!", "#ref!", "#name?",
                          "#null!"})


class Missing:
    """A cell position a CSV row does not reach (fewer fields than the header)."""


MISSING = Missing()


@dataclass
class DataFile:
    """A data file's cells as written, keyed by row id and column key, with their places."""

    path: Path
    sheet: str | None
    header: list[str]
    rows: Grid = field(default_factory=dict)
    lines: dict[str, int] = field(default_factory=dict)
    marks: dict[str, str] = field(default_factory=dict)
    mark_column: int | None = None
    header_line: int = 1

    def where(self, row_id: str, key: str | None) -> Location:
        """The location of one cell (or of the row id with key None)."""
        line = self.lines.get(row_id)
        index = 0 if key is None else (self.header.index(key) + 1 if key in self.header
                                       else None)
        return self.place(line, index)

    def place(self, line: int | None, index: int | None) -> Location:
        if index is None:
            return Location(self.path, line, "")
        if self.sheet is not None:
            return Location(self.path, line, f"sheet {self.sheet}, cell "
                            f"{letters(index)}{line if line is not None else ''}")
        return Location(self.path, line, column_name(index))


def read_data_file(path: Path, sheet: str | None, at: Location) -> DataFile:
    """Read a data file: its header, its rows by id, and the row markings."""
    suffix = path.suffix.lower()
    if suffix == ".csv":
        rows, title = _csv_rows(path, at), None
    elif suffix in (".xlsx", ".xlsm"):
        rows, title = xlsx_rows(path, sheet, at)
    else:
        raise source_error(at.file, at.line, at.field,
                           f"data file {path.name} is neither .csv nor .xlsx")
    return _to_data(rows, path, title)


def read_grid(path: Path, sheet: str | None, at: Location) -> tuple[Grid, dict[str, int]]:
    """A data file as {row id: {column key: cell as written}} and the line of each row id."""
    data = read_data_file(path, sheet, at)
    return data.rows, data.lines


def _csv_rows(path: Path, at: Location) -> list[tuple[int, list[Any]]]:
    if not path.is_file():
        raise source_error(at.file, at.line, at.field, f"data file not found: {path}")
    if path.stat().st_size > MAX_CSV_BYTES:
        raise source_error(path, None, "", f"CSV file is {path.stat().st_size:,} bytes; the "
                           f"limit is {MAX_CSV_BYTES:,}")
    data = path.read_bytes()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise source_error(path, line, "", "CSV file is not UTF-8 (Latin-1 or Windows-1252?); "
                           "export it as UTF-8") from None
    start = 1
    declared = re.match(r"sep=(.)\r?\n", text)
    if declared:  # Excel's own line naming the delimiter
        text, start = text[declared.end():], 2
    delimiter = declared.group(1) if declared else _delimiter(text)
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    rows: list[tuple[int, list[Any]]] = []
    try:
        for row in reader:
            rows.append((start, list(row)))
            start = reader.line_num + 1 + (1 if declared else 0)
    except csv.Error as exc:
        line = reader.line_num + (1 if declared else 0)
        raise source_error(path, line or None, "", f"cannot read CSV: {exc}") from None
    return rows


def _delimiter(text: str) -> str:
    """The delimiter that splits the first rows into one same number of fields, the most
    fields winning: ';' (Dutch spreadsheets), ',' or a tab. Ragged rows: the one that occurs
    most; ',' for a single column. The delimiter never decides the number style."""
    head = text[:SNIFF_CHARS]
    best, best_width = ",", 1
    for delimiter in (";", ",", "\t"):
        try:
            rows = itertools.islice(csv.reader(io.StringIO(head), delimiter=delimiter),
                                    SNIFF_ROWS)
            widths = {len(row) for row in rows if row}
        except csv.Error:
            continue
        if len(widths) == 1 and (width := widths.pop()) > best_width:
            best, best_width = delimiter, width
    if best_width == 1:
        best = max((";", ",", "\t"), key=lambda d: (head.count(d), d == ","))
    return best


def _to_data(all_rows: list[tuple[int, list[Any]]], path: Path, sheet: str | None
             ) -> DataFile:
    numbered = [(n, row) for n, row in all_rows if any(_filled(c) for c in row)]
    if not numbered:
        raise source_error(path, 1, "", "data file has no rows; the first row must hold "
                           "column keys")
    if len(numbered) > MAX_ROWS + 1:
        raise source_error(path, numbered[MAX_ROWS + 1][0], "", f"more than {MAX_ROWS:,} "
                           "rows; a report table should not need that many")
    head_line, head = numbered[0]
    keys = [cell_key(c) for c in head]
    while keys and not keys[-1]:
        keys.pop()  # trailing empty columns, as spreadsheet exports write them
    if len(keys) < 2 and len(numbered) > 1:
        raise source_error(path, head_line, "", f"the first row ({keys[0] if keys else ''!r}) "
                           "holds no column keys; the first row must be the header: the row "
                           "id column, then a key per column (2024, 2025); remove a title "
                           "row above it")
    data = DataFile(path, sheet, keys[1:], header_line=head_line)
    if len(data.header) > MAX_COLUMNS:
        raise source_error(path, head_line, "", f"more than {MAX_COLUMNS} columns")
    _header_checks(data, head_line)
    for number, row in numbered[1:]:
        _add_row(data, number, row)
    return data


def _header_checks(data: DataFile, line: int) -> None:
    seen: dict[str, int] = {}
    for index, key in enumerate(data.header, start=1):
        if key.lower() == MARK_COLUMN:
            data.mark_column = index
        elif key in seen:
            raise source_error(data.path, line, data.place(line, index).field,
                               f"column key {key!r} appears twice in the header (also "
                               f"{data.place(line, seen[key]).field}); rename one")
        seen.setdefault(key, index)
    if data.mark_column is not None:
        data.header[data.mark_column - 1] = f"\0{MARK_COLUMN}"


def _add_row(data: DataFile, number: int, row: list[Any]) -> None:
    row_id = cell_key(row[0])
    width = len(data.header) + 1
    if not row_id:
        raise source_error(data.path, number, data.place(number, 0).field,
                           "row has no id in its first column")
    if row_id in data.rows:
        raise source_error(data.path, number, data.place(number, 0).field,
                           f"row id {row_id!r} appears twice (first at line "
                           f"{data.lines[row_id]})")
    extra = [i for i in range(width, len(row)) if _filled(row[i])]
    if extra:
        raise source_error(data.path, number, data.place(number, extra[0]).field,
                           f"value {row[extra[0]]!r} beyond the last column of the header; "
                           "add a column key to the header or remove the value")
    data.lines[row_id] = number
    cells: dict[str, Any] = {}
    for index, key in enumerate(data.header, start=1):
        raw = row[index] if index < len(row) else MISSING
        if index == data.mark_column:
            _row_mark(data, row_id, raw, number, index)
        else:
            cells[key] = raw
    data.rows[row_id] = cells


def _row_mark(data: DataFile, row_id: str, raw: Any, line: int, index: int) -> None:
    text = "" if raw is MISSING or raw is None else str(raw).strip()
    if text:
        if not _LEVEL.fullmatch(text):
            raise source_error(data.path, line, data.place(line, index).field,
                               f"{text!r} is not a rubricering level name; write a level "
                               "such as dep-vertrouwelijk, or leave the cell empty")
        data.marks[row_id] = text


def _filled(value: Any) -> bool:
    return value is not None and value is not MISSING and str(value).strip() != ""


def cell_input(raw: Any, numeric: bool, style: Style, at: Location) -> Any:
    """A data-file cell as model input for a row of numbers (`numeric`) or of text: a
    Decimal, a status word, text, None for an empty cell, or a mapping with `rubricering`
    for a cell marked `{level}`; raises a located SourceError with the fix."""
    if raw is MISSING:
        raise source_error(at.file, at.line, at.field,
                           "row ends before this column; write an empty field for each "
                           "missing value (for example 12;;14), so that an empty cell is "
                           "meant, not lost")
    if raw is None:
        return None
    if isinstance(raw, Decimal):
        return raw if numeric else format(raw, "f")
    text = str(raw).strip()
    level = None
    marked = _MARK.match(text)
    if marked:
        text, level = marked.group("body").strip(), marked.group("level").strip()
        if not _LEVEL.fullmatch(level):
            raise source_error(at.file, at.line, at.field,
                               f"{{{level}}} is not a rubricering level name; a cell is "
                               "marked by writing a level after it, as 1234 "
                               "{dep-vertrouwelijk}")
    if text:
        check_text(text, at)
    value = _cell_value(text, numeric, style, at)
    if level is None:
        return value
    if value is None:
        raise source_error(at.file, at.line, at.field, f"the cell holds only a marking "
                           f"{{{level}}}; write the value before it, or a status word")
    out: dict[str, Any] = {"rubricering": level}
    if isinstance(value, Decimal):
        out["value"] = value
    elif value.strip().lower() in STATUS_ALIASES:
        out["status"] = STATUS_ALIASES[value.strip().lower()].value
    else:
        out["text"] = value
    return out


def _cell_value(text: str, numeric: bool, style: Style, at: Location) -> Any:
    if not text:
        return None
    if text.startswith("="):
        raise source_error(at.file, at.line, at.field,
                           f"cell holds {text!r}, a formula; export values, not formulas")
    if text.lower() in STATUS_ALIASES:
        return text
    if not numeric:
        return text
    if text.lower() in _NOT_NUMBERS:
        raise source_error(at.file, at.line, at.field,
                           f"cell holds {text!r}, which is not a number; write the figure, a "
                           "status word (n.t.b., n.v.t., -) or leave the cell empty")
    try:
        value = read_figure(text, style)
    except FigureError as exc:
        raise source_error(at.file, at.line, at.field, str(exc)) from None
    if value is None:
        raise source_error(at.file, at.line, at.field,
                           f"cell holds {text!r}, which is not a number, in a row of "
                           f"numbers; {near_status(text)}write a figure, a status word "
                           "(n.t.b., n.v.t., -, te leveren) or leave the cell empty; if the "
                           "row holds text, give it `unit: text`")
    return value


def near_status(text: str) -> str:
    """"did you mean n.t.b.? " for a status word written without its points or spaces."""
    bare = re.sub(r"[.\s]", "", text.lower())
    for word in STATUS_ALIASES:
        if bare and re.sub(r"[.\s]", "", word) == bare:
            return f"did you mean the status word {word}? "
    return ""


def cell_key(value: Any) -> str:
    """A spreadsheet cell as a row id or column key: 2024.0 reads as "2024"."""
    if value is None or value is MISSING:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, Decimal) and value == value.to_integral_value():
        return str(int(value))
    return str(value).strip()


def column_name(index: int) -> str:
    """A spreadsheet column as its letters, for messages: 0 -> "column A", 1 -> "column B"."""
    return f"column {letters(index)}"


__all__ = ["MAX_COLUMNS", "MAX_ROWS", "DataFile", "cell_input", "cell_key", "column_name",
           "letters", "looks_like_mistyped_number", "near_status", "read_data_file",
           "read_grid"]


def looks_like_mistyped_number(text: str) -> bool:
    """True for a single token that is mostly digits but has a stray letter: 12O3, 4,5x."""
    token = text.strip()
    if not token or any(ch.isspace() for ch in token):
        return False
    digits = sum(ch.isdigit() for ch in token)
    letters_ = sum(ch.isalpha() for ch in token)
    return digits > 0 and 0 < letters_ <= digits
