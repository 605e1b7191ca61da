"""Load a report: YAML sources with includes, data files, then the typed model.

Pydantic's errors are mapped back to the file and line where the offending key stands,
so that every message tells an author exactly where to look.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pydantic import ValidationError

from standgen.errors import Location, Problem, SourceError, source_error
from standgen.load.safety import resolve_inside
from standgen.load.tabular import check_numbers, read_grid
from standgen.load.yaml_source import load_yaml_tree
from standgen.model.base import SOURCE_KEY, SourceRef
from standgen.model.report import Report


def load_report(path: str | Path) -> Report:
    """Read a report from its main YAML file; raises SourceError with every problem."""
    main = Path(path)
    if main.is_dir():
        candidate = main / "report.yaml"
        if not candidate.is_file():
            raise source_error(main, None, "", "this is a directory without report.yaml; "
                               "give the report's main YAML file")
        main = candidate
    data, _files = load_yaml_tree(main)
    if not isinstance(data, dict):
        raise source_error(main.resolve(), 1, "", "the report file must be a mapping with "
                           "keys such as title, period and chapters")
    root = main.resolve().parent
    _fill_table_data(data, root)
    try:
        return Report.model_validate(data)
    except ValidationError as exc:
        raise SourceError(_problems_from(exc, data, main.resolve())) from None


def _fill_table_data(node: Any, root: Path) -> None:
    """Find tables with `data:` and fill their rows' values from the data file."""
    if isinstance(node, list):
        for item in node:
            _fill_table_data(item, root)
        return
    if not isinstance(node, dict):
        return
    if "data" in node and "rows" in node and "columns" in node:
        _fill_one_table(node, root)
    for key, value in node.items():
        if key != SOURCE_KEY:
            _fill_table_data(value, root)


def _fill_one_table(table: dict[str, Any], root: Path) -> None:
    source: SourceRef = table[SOURCE_KEY]
    at = source.at("data", "data")
    if not isinstance(table["data"], str):
        raise source_error(at.file, at.line, "data", "data takes a file path (.csv, .xlsx)")
    base = source.file.parent if source.file is not None else root
    path = resolve_inside(root, base / table["data"], at)
    grid, lines = read_grid(path, table.get("sheet"), at)
    keys = [_column_key(c) for c in table["columns"]] if isinstance(table["columns"], list) else []
    for row in table["rows"] if isinstance(table["rows"], list) else []:
        if not isinstance(row, dict) or row.get("role") == "group":
            continue
        if row.get("derived") and _row_id(row) not in grid:
            continue
        row_id = _row_id(row)
        if row_id not in grid:
            if "values" in row:
                continue
            line = row[SOURCE_KEY].line if SOURCE_KEY in row else at.line
            raise source_error(at.file, line, "rows", f"row {row_id!r} is not in {path.name};"
                               f" its first column has {', '.join(grid) or 'no ids'}")
        missing = [k for k in keys if k not in grid[row_id]]
        if missing:
            raise source_error(path, 1, "", f"column(s) {', '.join(missing)} missing in the "
                               f"header of {path.name}")
        if _unit_kind(row.get("unit", table.get("unit"))) != "text":
            check_numbers(path, grid, lines, row_id, keys)
        row["values"] = {k: grid[row_id][k] for k in keys}


def _unit_kind(unit: Any) -> str:
    """The kind of a unit as written (a string or a mapping); count when absent."""
    if isinstance(unit, str):
        return unit
    if isinstance(unit, dict):
        return str(unit.get("kind", "count"))
    return "count"


def _row_id(row: dict[str, Any]) -> str:
    return str(row.get("id") or row.get("label") or "")


def _column_key(column: Any) -> str:
    if isinstance(column, int):
        return str(column)
    if isinstance(column, str):
        return column
    if isinstance(column, dict):
        if column.get("id"):
            return str(column["id"])
        if column.get("year") is not None:
            role = column.get("role")
            return f"{role}-{column['year']}" if role else str(column["year"])
        return str(column.get("label") or column.get("role") or "")
    return ""


def _problems_from(exc: ValidationError, data: Any, main: Path) -> list[Problem]:
    problems: list[Problem] = []
    seen: set[tuple[str, str]] = set()
    for error in exc.errors(include_url=False):
        location = locate(data, error["loc"], main)
        message = _explain(error)
        key = (str(location), message)
        if key not in seen:
            seen.add(key)
            problems.append(Problem(location, message, code=error["type"]))
    return problems


def locate(data: Any, loc: tuple[Any, ...], main: Path) -> Location:
    """Walk the loaded data along a pydantic error path to the deepest known line."""
    node = data
    file: Path | None = main
    line: int | None = None
    parts: list[str] = []
    for item in loc:
        if isinstance(node, dict):
            source = node.get(SOURCE_KEY)
            if isinstance(source, SourceRef):
                file, line = source.file, source.line
            if isinstance(item, str) and item in node:
                if isinstance(source, SourceRef):
                    line = source.key_lines.get(item, line)
                parts.append(item)
                node = node[item]
                continue
            if isinstance(item, str) and item in _TAGS:
                continue
            parts.append(str(item))
            node = None
        elif isinstance(node, list) and isinstance(item, int) and 0 <= item < len(node):
            parts.append(f"[{item}]")
            node = node[item]
        else:
            if not (isinstance(item, str) and item in _TAGS):
                parts.append(str(item))
            node = None
    if isinstance(node, dict) and isinstance(node.get(SOURCE_KEY), SourceRef):
        file, line = node[SOURCE_KEY].file, node[SOURCE_KEY].line if line is None else line
    return Location(file, line, _join(parts))


_TAGS = {"doelstelling", "toelichting", "groeiparagraaf", "text", "heading", "list",
         "table", "figure", "bijlage_verwijzing", "function-after", "function-before",
         "function-wrap", "list[Cell]", "dict[str,Cell]", "str", "int", "literal['above','all']",
         "list[str]", "tuple[str,str]"}


def _join(parts: list[str]) -> str:
    out = ""
    for part in parts:
        out += part if part.startswith("[") or not out else f".{part}"
    return out


def _explain(error: Any) -> str:
    kind = error["type"]
    if kind == "extra_forbidden":
        return "unknown key; check its spelling (see `standgen schema` for the allowed keys)"
    if kind == "missing":
        return "required key is missing; add it"
    message = str(error["msg"])
    if message.startswith("Value error, "):
        message = message[len("Value error, "):]
    return f"{message} (got {_short(error.get('input'))})"


def _short(value: Any) -> str:
    if isinstance(value, dict):
        keys = [k for k in value if k != SOURCE_KEY]
        return "a mapping with keys " + ", ".join(keys[:6]) if keys else "an empty mapping"
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."
