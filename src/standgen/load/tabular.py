"""Indicator data from CSV or XLSX, as a report team keeps it in spreadsheets.

The first column holds row ids, the header row holds column keys (years such as 2024, or
column ids). Cells are numbers (a decimal comma or point), status words (n.t.b., -) or
text. Every problem names the file, the spreadsheet row and the column.
"""

from __future__ import annotations

import csv
import io
import itertools
import zipfile
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from standgen.errors import Location, SourceError, source_error
from standgen.load.safety import check_text
from standgen.model.values import STATUS_ALIASES

MAX_ROWS = 10_000
MAX_COLUMNS = 200
MAX_XLSX_UNPACKED = 50 * 1024 * 1024
MAX_CSV_BYTES = 20 * 1024 * 1024
SNIFF_CHARS, SNIFF_ROWS = 8192, 10

Grid = dict[str, dict[str, Any]]


def read_grid(path: Path, sheet: str | None, at: Location) -> tuple[Grid, dict[str, int]]:
    """Read a data file into {row id: {column key: value}} and the line of each row id."""
    suffix = path.suffix.lower()
    if suffix == ".csv":
        rows = _csv_rows(path, at)
    elif suffix in (".xlsx", ".xlsm"):
        rows = _xlsx_rows(path, sheet, at)
    else:
        raise source_error(at.file, at.line, at.field,
                           f"data file {path.name} is neither .csv nor .xlsx")
    return _to_grid(rows, path)


def _csv_rows(path: Path, at: Location) -> list[list[str]]:
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
    reader = csv.reader(io.StringIO(text), delimiter=_delimiter(text))
    try:
        return [row for row in reader]
    except csv.Error as exc:
        raise source_error(path, reader.line_num or None, "", f"cannot read CSV: {exc}"
                           ) from None


def _delimiter(text: str) -> str:
    """The delimiter that splits the first rows into one same number of fields, the most
    fields winning: ';' (Dutch spreadsheets), ',' or a tab. Ragged rows: the one that occurs
    most; ',' for a single column."""
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


def _xlsx_rows(path: Path, sheet: str | None, at: Location) -> list[list[Any]]:
    if not path.is_file():
        raise source_error(at.file, at.line, at.field, f"data file not found: {path}")
    _check_zip(path)
    values = _xlsx_sheet(path, sheet, at, data_only=True)
    if any(cell is None for row in values for cell in row):
        _refuse_unevaluated(path, values, _xlsx_sheet(path, sheet, at, data_only=False))
    return values


def _xlsx_sheet(path: Path, sheet: str | None, at: Location, *,
                data_only: bool) -> list[list[Any]]:
    """The cells of one sheet: stored results (`data_only`) or formulas as written."""
    from openpyxl import load_workbook

    try:
        book = load_workbook(path, read_only=True, data_only=data_only)
    except Exception as exc:  # openpyxl raises many types for broken files
        raise source_error(path, None, "", f"cannot read spreadsheet: {exc}") from None
    out: list[list[Any]] = []
    try:
        if sheet is not None and sheet not in book.sheetnames:
            raise source_error(at.file, at.line, "sheet", f"sheet {sheet!r} not found; the "
                               f"workbook has {', '.join(book.sheetnames)}")
        ws = book[sheet] if sheet is not None else book.worksheets[0]
        for row in ws.iter_rows(values_only=True):
            out.append(list(row[: MAX_COLUMNS + 2]))
            if len(out) > MAX_ROWS + 1:
                break
        return out
    except SourceError:
        raise
    except Exception as exc:  # a sheet that is damaged past its first bytes
        raise source_error(path, len(out) + 1, "", f"cannot read spreadsheet: {exc}"
                           ) from None
    finally:
        book.close()


def _refuse_unevaluated(path: Path, values: list[list[Any]],
                        formulas: list[list[Any]]) -> None:
    """A formula whose result was never stored reads as empty: refuse it, do not guess."""
    for number, (row, written) in enumerate(zip(values, formulas, strict=False), start=1):
        for index, (value, formula) in enumerate(zip(row, written, strict=False)):
            if value is None and isinstance(formula, str) and formula.startswith("="):
                raise source_error(path, number, column_name(index),
                                   f"cell holds the formula {formula} without a stored "
                                   "result; open and save the file in a spreadsheet "
                                   "program, or paste values instead of formulas")


def _check_zip(path: Path) -> None:
    """Refuse spreadsheets that unpack to far more than any report table needs."""
    try:
        with zipfile.ZipFile(path) as zf:
            total = sum(info.file_size for info in zf.infolist())
    except zipfile.BadZipFile:
        raise source_error(path, None, "", "not a valid XLSX file (not a zip archive)"
                           ) from None
    if total > MAX_XLSX_UNPACKED:
        raise source_error(path, None, "", f"spreadsheet unpacks to {total:,} bytes; the "
                           f"limit is {MAX_XLSX_UNPACKED:,} (is it a zip bomb?)")


def _to_grid(all_rows: list[list[Any]], path: Path) -> tuple[Grid, dict[str, int]]:
    numbered = [(number, row) for number, row in enumerate(all_rows, start=1)
                if any(c not in (None, "") for c in row)]
    if not numbered:
        raise source_error(path, 1, "", "data file has no rows; the first row must hold "
                           "column keys")
    if len(numbered) > MAX_ROWS + 1:
        raise source_error(path, numbered[MAX_ROWS + 1][0], "", f"more than {MAX_ROWS:,} "
                           "rows; a report table should not need that many")
    header = [cell_key(c) for c in numbered[0][1][1:]]
    if len(header) > MAX_COLUMNS:
        raise source_error(path, 1, "", f"more than {MAX_COLUMNS} columns")
    grid: Grid = {}
    lines: dict[str, int] = {}
    for number, row in numbered[1:]:
        row_id = cell_key(row[0])
        if not row_id:
            raise source_error(path, number, "A", "row has no id in its first column")
        if row_id in grid:
            raise source_error(path, number, "A", f"row id {row_id!r} appears twice")
        grid[row_id] = {}
        lines[row_id] = number
        for index, key in enumerate(header):
            raw = row[index + 1] if index + 1 < len(row) else None
            grid[row_id][key] = parse_cell(raw, Location(path, number, column_name(index + 1)))
    return grid, lines


def check_numbers(path: Path, grid: Grid, lines: dict[str, int], row_id: str,
                  keys: list[str]) -> None:
    """Refuse text that looks like a mistyped number in a row that holds numbers."""
    header = list(grid[row_id])
    for key in keys:
        value = grid[row_id].get(key)
        if isinstance(value, str) and looks_like_mistyped_number(value):
            column = column_name(header.index(key) + 1) if key in header else key
            raise source_error(path, lines[row_id], column,
                               f"cell {value!r} (row {row_id!r}, column {key}) is not a "
                               "number; write digits only (decimal comma or point), or a "
                               "status word such as n.t.b.")


def cell_key(value: Any) -> str:
    """A spreadsheet cell as a row id or column key: 2024.0 reads as "2024"."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def column_name(index: int) -> str:
    """A spreadsheet column as its letters, for messages: 0 -> "column A", 1 -> "column B"."""
    name = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        name = chr(65 + rem) + name
    return f"column {name}"


def parse_cell(raw: Any, at: Location) -> Any:
    """A spreadsheet cell as model input: Decimal, a status word, text or None."""
    if raw is None:
        return None
    if isinstance(raw, bool):
        raise source_error(at.file, at.line, at.field, "a TRUE/FALSE cell is not a value")
    if isinstance(raw, int | float):
        return Decimal(str(raw))
    text = str(raw).strip()
    if not text:
        return None
    check_text(text, at)
    if text.lower() in STATUS_ALIASES:
        return text
    return _parse_number(text, at)


def looks_like_mistyped_number(text: str) -> bool:
    """True for a single token that is mostly digits but has a stray letter: 12O3, 4,5x."""
    token = text.strip()
    if not token or any(ch.isspace() for ch in token):
        return False
    digits = sum(ch.isdigit() for ch in token)
    letters = sum(ch.isalpha() for ch in token)
    return digits > 0 and 0 < letters <= digits


def _parse_number(text: str, at: Location) -> Any:
    """Numbers as written in Dutch (1.234,5) or plain (1234.5); otherwise text."""
    body = text.replace("\u00a0", "").replace(" ", "")
    if body.startswith("=") or body.startswith("#"):
        raise source_error(at.file, at.line, at.field,
                           f"cell holds {text!r}, a formula or spreadsheet error; export "
                           "values, not formulas")
    candidates = [body]
    if "," in body:
        candidates = [body.replace(".", "").replace(",", ".")]
    for candidate in candidates:
        try:
            return Decimal(candidate)
        except InvalidOperation:
            continue
    return text
