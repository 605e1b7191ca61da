"""Load a report: YAML sources with includes, data files, then the typed model.

Pydantic's errors are mapped back to the file and line where the offending key stands,
so that every message tells an author exactly where to look.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pydantic import ValidationError

from standgen.errors import SourceError, source_error
from standgen.load.limits import check_limits
from standgen.load.table_cells import fill_tables, report_style
from standgen.load.validation_errors import problems_from
from standgen.load.yaml_source import load_yaml_tree
from standgen.model.base import SOURCE_KEY
from standgen.model.report import Report

MAX_TITLE = 150
MAX_PERIOD = 60


def load_report(path: str | Path) -> Report:
    """Read a report from its main YAML file; raises SourceError with every problem."""
    return load_report_and_files(path)[0]


def load_report_and_files(path: str | Path) -> tuple[Report, list[Path]]:
    """The report and every file its load read (YAML and data files), for caching."""
    main = Path(path)
    if main.is_dir():
        candidate = main / "report.yaml"
        if not candidate.is_file():
            raise source_error(main, None, "", "this is a directory without report.yaml; "
                               "give the report's main YAML file")
        main = candidate
    data, files = load_yaml_tree(main)
    if not isinstance(data, dict):
        raise source_error(main.resolve(), 1, "", "the report file must be a mapping with "
                           "keys such as title, period and chapters")
    _refuse_chapter_file(data, main)
    root = main.resolve().parent
    data_files: list[Path] = []
    fill_tables(data, root, data_files, report_style(data, main.resolve()))
    _unmark_value_maps(data)
    try:
        report = Report.model_validate(data)
    except ValidationError as exc:
        raise SourceError(problems_from(exc, data, main.resolve(), files)) from None
    _check_name_lengths(report)
    check_limits(report)
    return report, [*files, *data_files]


def _refuse_chapter_file(data: dict[str, Any], main: Path) -> None:
    """A chapter file given where the report is expected: say so, rather than list every
    report key it lacks."""
    if "chapters" in data or "period" in data:
        return
    report = main.resolve().parent / "report.yaml"
    give = (f"give the folder or {report}" if report.is_file()
            else "give the report's folder or its report.yaml")
    if {"number", "sections"} & data.keys():
        raise source_error(main.resolve(), 1, "", "this is a chapter file (it has `number` "
                           f"or `sections`, no `chapters`); {give}, which lists it under "
                           f"`chapters:` as `- include: {main.name}`", "chapter-file")
    if "blocks" in data:
        raise source_error(main.resolve(), 1, "", "this is a part or topic file (it has "
                           f"`blocks`, no `chapters` or `period`); {give}, which includes "
                           f"it as `{{include: {main.name}}}`", "chapter-file")


def _check_name_lengths(report: Report) -> None:
    """Title and period name the output files; refuse lengths no file system can hold."""
    for key, limit in (("title", MAX_TITLE), ("period", MAX_PERIOD)):
        value = str(getattr(report, key))
        if len(value) > limit:
            at = report.loc(key, key)
            raise source_error(at.file, at.line, at.field,
                               f"{key} of {len(value):,} characters; the limit is {limit} "
                               "(it names the output files); shorten it")


def _unmark_value_maps(node: Any) -> None:
    """Row values given as a mapping are plain data keyed by column: drop their source mark."""
    if isinstance(node, list):
        for item in node:
            _unmark_value_maps(item)
    elif isinstance(node, dict):
        values = node.get("values")
        if isinstance(values, dict) and "rows" not in node:
            values.pop(SOURCE_KEY, None)
        for key, value in node.items():
            if key != SOURCE_KEY:
                _unmark_value_maps(value)
