"""Spreadsheet (XLSX) data files: a sheet's cells as written, every doubtful cell refused.

A numeric cell is a number (no number style applies), read with the 15 significant digits a
spreadsheet shows. Dates, TRUE/FALSE, error values, numbers shown as percentages, formulas
without a stored result and merged ranges are refused with the sheet and the cell (A1).
"""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from decimal import Decimal
from pathlib import Path
from typing import Any

from standgen.errors import Location, SourceError, source_error
from standgen.load.numbers import FigureError, check_magnitude

MAX_ROWS = 10_000
MAX_COLUMNS = 200
MAX_XLSX_UNPACKED = 50 * 1024 * 1024
EXCEL_DIGITS = 15
_ERROR_VALUES = frozenset({"#N/A", "#NUM!", "#VALUE!", "#DIV/0!", "#REF!", "#NAME?",
                           "#NULL!"})


def xlsx_rows(path: Path, sheet: str | None, at: Location
               ) -> tuple[list[tuple[int, list[Any]]], str]:
    """A sheet's rows as (row number, cells as written); numbers as Decimal."""
    if not path.is_file():
        raise source_error(at.file, at.line, at.field, f"data file not found: {path}")
    merged = _check_zip(path)
    title, cells = _xlsx_sheet(path, sheet, at)
    if merged:
        _refuse_merged(path, title)
    values: list[tuple[int, list[Any]]] = []
    unevaluated = False
    for number, row in enumerate(cells, start=1):
        out: list[Any] = []
        for index, (value, kind) in enumerate(row):
            where = Location(path, number, f"sheet {title}, cell {letters(index)}{number}")
            out.append(_xlsx_value(value, kind, where))
            unevaluated = unevaluated or (kind == "f" and value is None)
        values.append((number, out))
    if unevaluated or any(v is None for _, row in values for v in row):
        _refuse_unevaluated(path, title, values)
    return values, title


def _xlsx_sheet(path: Path, sheet: str | None, at: Location
                ) -> tuple[str, list[list[tuple[Any, str]]]]:
    """The title of the sheet read and its cells as (stored result, data type)."""
    from openpyxl import load_workbook

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many types for broken files
        raise source_error(path, None, "", f"cannot read spreadsheet: {exc}") from None
    out: list[list[tuple[Any, str]]] = []
    try:
        if sheet is not None and sheet not in book.sheetnames:
            raise source_error(at.file, at.line, "sheet", f"sheet {sheet!r} not found; the "
                               f"workbook has {', '.join(book.sheetnames)}")
        if sheet is None and len(book.sheetnames) > 1:
            raise source_error(at.file, at.line, at.field or "data", f"{path.name} has "
                               f"{len(book.sheetnames)} sheets ({', '.join(book.sheetnames)})"
                               "; say which one holds this table: write 'sheet: NAME' "
                               "next to 'data:'", code="sheet")
        ws = book[sheet] if sheet is not None else book.worksheets[0]
        for row in ws.iter_rows():
            out.append([(getattr(c, "value", None), _kind(c)) for c in row[: MAX_COLUMNS + 2]])
            if len(out) > MAX_ROWS + 1:
                break
        return str(ws.title), out
    except SourceError:
        raise
    except Exception as exc:  # a sheet that is damaged past its first bytes
        raise source_error(path, len(out) + 1, "", f"cannot read spreadsheet: {exc}"
                           ) from None
    finally:
        book.close()


def _kind(cell: Any) -> str:
    """A cell's data type; "%" for a number shown as a percentage."""
    kind = str(getattr(cell, "data_type", "n"))
    if kind == "n" and "%" in str(getattr(cell, "number_format", "") or ""):
        return "%"
    return kind


def _xlsx_value(value: Any, kind: str, at: Location) -> Any:
    """A spreadsheet cell as written: a number cell is a Decimal of at most 15 significant
    digits (what the spreadsheet shows); dates, booleans and error values are refused."""
    if value is None:
        return None
    if isinstance(value, bool):
        raise source_error(at.file, at.line, at.field, f"cell holds {str(value).upper()}, "
                           "a TRUE/FALSE value; write a number, a status word or text")
    if isinstance(value, dt.date | dt.time | dt.timedelta):
        raise source_error(at.file, at.line, at.field,
                           f"cell holds a date or time ({value}); a figure must be a number "
                           "cell: format the cell as a number (or as text for a date "
                           "written out)")
    if kind == "e" or (isinstance(value, str) and value.strip().upper() in _ERROR_VALUES):
        raise source_error(at.file, at.line, at.field,
                           f"cell holds the spreadsheet error {value}; fix the formula or "
                           "write the value")
    if isinstance(value, int | float) and kind == "%":
        shown = format((Decimal(format(value, f".{EXCEL_DIGITS}g")) * 100).normalize(), "f")
        raise source_error(at.file, at.line, at.field,
                           f"cell is formatted as a percentage: it holds {value} and shows "
                           f"{shown}%; standgen takes percentages in percent points and does "
                           f"not convert: write {shown} in a cell formatted as a number")
    if isinstance(value, int | float):
        try:
            return check_magnitude(Decimal(format(value, f".{EXCEL_DIGITS}g")))
        except FigureError as exc:
            raise source_error(at.file, at.line, at.field, str(exc)) from None
    return value


def _refuse_unevaluated(path: Path, title: str,
                        values: list[tuple[int, list[Any]]]) -> None:
    """A formula whose result was never stored reads as empty: refuse it, do not guess."""
    from openpyxl import load_workbook

    try:
        book = load_workbook(path, read_only=True, data_only=False)
        try:
            formulas = [list(r) for r in book[title].iter_rows(values_only=True)]
        finally:
            book.close()
    except Exception:  # unreadable formulas: the stored values were read fine
        return
    for (number, row), written in zip(values, formulas, strict=False):
        for index, (value, formula) in enumerate(zip(row, written, strict=False)):
            if value is None and isinstance(formula, str) and formula.startswith("="):
                raise source_error(path, number, f"sheet {title}, cell {letters(index)}"
                                   f"{number}", f"cell holds the formula {formula} without "
                                   "a stored result; open and save the file in a spreadsheet "
                                   "program, or paste values instead of formulas")


def _refuse_merged(path: Path, title: str) -> None:
    """A merged range leaves all but its first cell empty: refuse it with its range."""
    from openpyxl import load_workbook

    try:
        book = load_workbook(path, read_only=False, data_only=True)
        ranges = [str(r) for r in book[title].merged_cells.ranges]
        book.close()
    except Exception as exc:  # a workbook that loads read-only but not in full
        raise source_error(path, None, f"sheet {title}", f"cannot read spreadsheet: {exc}"
                           ) from None
    if ranges:
        start, _, end = ranges[0].partition(":")
        line = int(re.sub(r"[A-Z]+", "", start) or 0) or None
        raise source_error(path, line, f"sheet {title}, cells {start} to {end}",
                           "merged cells: all but the first cell of a merged range read as "
                           "empty; unmerge them and write the value in each cell")


def _check_zip(path: Path) -> bool:
    """Refuse spreadsheets that unpack to far more than any report table needs; True when
    some sheet has merged cells."""
    try:
        zf = zipfile.ZipFile(path)
    except zipfile.BadZipFile:
        raise source_error(path, None, "", "not a valid XLSX file (not a zip archive)"
                           ) from None
    with zf:
        infos = zf.infolist()
        total = sum(info.file_size for info in infos)
        if total > MAX_XLSX_UNPACKED:
            raise source_error(path, None, "", f"spreadsheet unpacks to {total:,} bytes; "
                               f"the limit is {MAX_XLSX_UNPACKED:,} (is it a zip bomb?)")
        try:
            return any(_has_merged(zf, info) for info in infos
                       if info.filename.startswith("xl/worksheets/"))
        except (zipfile.BadZipFile, OSError, RuntimeError, EOFError, ValueError) as exc:
            raise source_error(path, None, "", f"cannot read spreadsheet: {exc}") from None


def _has_merged(zf: zipfile.ZipFile, info: zipfile.ZipInfo) -> bool:
    """Whether a sheet's XML declares a merged range, read in chunks."""
    tail = b""
    with zf.open(info) as stream:
        while chunk := stream.read(1 << 16):
            if b"<mergeCell " in tail + chunk:
                return True
            tail = chunk[-16:]
    return False


def letters(index: int) -> str:
    """A spreadsheet column's letters: 0 -> "A", 26 -> "AA"."""
    name = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        name = chr(65 + rem) + name
    return name
