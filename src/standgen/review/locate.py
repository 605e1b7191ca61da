"""Where a reviewed paragraph comes from: the source file, line and kind of content."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from standgen.errors import Location, StandgenError
from standgen.load.tabular import DataFile, read_data_file
from standgen.review.docxread import Para

NO_SOURCE = "(made by standgen)"
TEMPLATES = "text/nl.yaml"


@dataclass(frozen=True)
class Where:
    """A source place: `file` as recorded (relative to the report's folder), its line, what
    it is, and its kind: prose (may be applied), template, label (a table's caption, header,
    row label or note), data, chart, or none."""

    file: str
    line: int | None
    what: str
    kind: str
    record: dict[str, Any] | None = None


class Locator:
    """Maps paragraphs to source places using the DOCX's provenance record."""

    def __init__(self, record: dict[str, Any], root: Path) -> None:
        self.origins: dict[str, dict[str, Any]] = record.get("origins", {})
        self.root = root
        self._data: dict[tuple[str, str | None], DataFile | None] = {}

    def where(self, para: Para | None) -> Where:
        """The source place of `para` (a place without a source when it has no origin)."""
        origin = self.origins.get(para.origin or "") if para is not None else None
        if para is not None and para.part in ("footnotes", "endnotes") and origin is None:
            return Where(NO_SOURCE, None, "footnote text: change the footnote in the source "
                         "(its id is in the paragraph that refers to it)", "none")
        if para is not None and para.part in ("header", "footer"):
            return Where(NO_SOURCE, None, f"page {para.part} (running header, marking, page "
                         "number): made from the report's title and settings", "none")
        if para is None or origin is None:
            return Where(NO_SOURCE, None, "text standgen writes itself (cover, contents, "
                         "numbering, signatures, notes)", "none")
        kind = str(origin.get("kind", "none"))
        file = str(origin.get("file") or NO_SOURCE)
        line = origin.get("line")
        if kind == "data":
            return self._table(origin, para, file, line)
        if kind == "template":
            key = f"{origin.get('template')}.{origin.get('key')}"
            if file == NO_SOURCE:
                file, line = TEMPLATES, None
            return Where(file, line, f"template phrase {key} in {TEMPLATES} (standgen's own, "
                         "or the --templates folder's)", "template", origin)
        if kind == "chart":
            return Where(file, line, f"chart drawn from table {origin.get('table')}",
                         "chart", origin)
        return Where(file, line, f"prose, field {origin.get('field', '')}", "prose", origin)

    def _table(self, origin: dict[str, Any], para: Para, file: str, line: int | None) -> Where:
        table = origin.get("table")
        if para.table_cell is None:
            return Where(file, line, f"caption or note of table {table}", "label", origin)
        row_at, column_at = para.table_cell
        body = row_at - int(origin.get("header_rows", 0))
        rows, columns = origin.get("rows", []), origin.get("columns", [])
        if body < 0:
            return Where(file, line, f"column header of table {table}", "label", origin)
        if body >= len(rows) or column_at > len(columns):
            return Where(file, line, f"table {table} (a row or column added in review)",
                         "data", origin)
        row = rows[body]
        row_line = row.get("line") or line
        if column_at == 0:
            return Where(file, row_line, f"row label of row {row['id']} in table {table}",
                         "label", origin)
        column = columns[column_at - 1]
        cell = f"row {row['id']}, column {column['key']} of table {table}"
        if row.get("derived") or column.get("derived"):
            return Where(file, row_line, f"figure computed by standgen ({cell}); change the "
                         "figures it is computed from", "data", origin)
        place = self._data_cell(origin, row["id"], column["key"])
        if place is not None:
            data_file, data_line, field = place
            return Where(data_file, data_line, f"figure from data file, {field} ({cell})",
                         "data", origin)
        return Where(file, row_line, f"figure from a YAML value ({cell})", "data", origin)

    def _data_cell(self, origin: dict[str, Any], row: str, key: str
                   ) -> tuple[str, int | None, str] | None:
        data = origin.get("data")
        if not data:
            return None
        sheet = origin.get("sheet")
        cache_key = (str(data), sheet)
        if cache_key not in self._data:
            try:
                self._data[cache_key] = read_data_file(self.root / str(data), sheet,
                                                       Location(self.root / str(data)))
            except StandgenError:
                self._data[cache_key] = None
        found = self._data[cache_key]
        if found is None or row not in found.rows:
            return None
        at = found.where(row, key)
        return str(data), at.line, at.field or "cell"
