"""Jinja templates: the standard labels and phrases, and narrative text over indicator data.

Everything runs in Jinja's immutable sandbox with strict undefined, so a typo in a name is
an error with a location, and `{{ ''.__class__ }}`-style escapes are refused. Narrative text
reaches indicator values through `waarde(table, row, column)`, so text and tables cannot
disagree; Dutch filters (getal, procent, euro, delta, datum, rangtelwoord) format them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from decimal import Decimal
from pathlib import Path
from typing import Any, cast

from jinja2 import TemplateError, TemplateSyntaxError, UndefinedError
from jinja2.exceptions import SecurityError
from jinja2.sandbox import ImmutableSandboxedEnvironment

from standgen.compose.labelled import Labelled, labelling, plain
from standgen.compose.sandbox import ReportSandbox, make_sandbox, render_bounded
from standgen.compose.unitfilters import (
    PrintedValue,
    doubled_unit,
    note_printed,
    printed_values,
    unit_aware,
)
from standgen.edition.levels import Level, load_levels
from standgen.edition.value_levels import FigureLevel
from standgen.errors import Location, source_error
from standgen.format import dutch
from standgen.format.units import format_amount
from standgen.load.yaml_nodes import YamlSyntaxError, read_plain_file
from standgen.model.report import Report
from standgen.model.tables import IndicatorTable
from standgen.model.values import Unit
from standgen.resources import template_path


class IndicatorValue(Labelled):
    """A value from an indicator table, printed in its unit; `.getal` is the number. It
    carries the level it was computed from (see `standgen.compose.labelled`)."""

    __slots__ = ("_printed", "_unit")

    def __init__(self, number: Decimal | None, unit: Unit, printed: str, level: Level,
                 origin: str) -> None:
        super().__init__(number, level, origin)
        self._unit = unit
        self._printed = printed

    def __str__(self) -> str:
        plain(self)
        note_printed(self._printed, self._unit, self._origin)
        return self._printed

    __html__ = __str__

    @property
    def getal(self) -> Labelled:
        return Labelled(self._value, self._level, self._origin)

    @property
    def unit(self) -> Unit:
        return self._unit

    def _operand(self) -> Decimal | bool | None:
        """The number to compute with, refused when the waarde prints more than the number
        (a unit, scale or qualifier), which the result would silently lose."""
        value = self._value
        if isinstance(value, Decimal) and self._printed != dutch.number(value,
                                                                        self._unit.decimals):
            shown = self._printed.replace("\u00a0", " ")
            raise ValueError(f"{self._origin} prints as \"{shown}\"; arithmetic with "
                             "it would print without its unit, scale or qualifier; compute with "
                             f"{self._origin}.getal and format the result with a filter "
                             "(getal, procent, euro)")
        return value

    def _plain_form(self) -> Any:
        return PrintedValue(self._value if not isinstance(self._value, bool) else None,
                            self._unit, self._printed, self._origin)


def _number(value: Any) -> Decimal:
    value = plain(value)
    if isinstance(value, PrintedValue):
        if value.getal is None:
            raise ValueError(f"value {value} has no number")
        return value.getal
    return Decimal(str(value))


def _filters() -> dict[str, Any]:
    return {
        "getal": lambda v, decimals=None: dutch.number(_number(v), decimals),
        "procent": lambda v, decimals=None: dutch.percent(_number(v), decimals),
        "euro": lambda v, scale="een", decimals=None: dutch.euro(_number(v), scale, decimals),
        "delta": lambda v, decimals=None: dutch.delta(_number(v), decimals),
        "datum": lambda v: dutch.long_date(v if isinstance(v, dt.date)
                                           else dt.date.fromisoformat(str(v))),
        "rangtelwoord": lambda v: dutch.ordinal(int(_number(v))),
        "hoofdletter": lambda v: str(v)[:1].upper() + str(v)[1:],
    }


def make_environment() -> ImmutableSandboxedEnvironment:
    """A sandboxed, strict Jinja environment with the Dutch filters (see compose.sandbox);
    every filter and test checks the levels of the labelled values it is given."""
    env = make_sandbox(_filters())
    env.filters = {name: labelling(unit_aware(name, f)) for name, f in env.filters.items()}
    env.tests = {name: labelling(cast("Callable[..., Any]", f))
                 for name, f in env.tests.items()}
    return env


def templates_folder(report: Report, given: Path | None) -> Path | None:
    """The templates folder: `given` (the command line's), else the report's
    `settings.templates`, relative to the file that sets it."""
    if given is not None or report.settings.templates is None:
        return given
    at = report.settings.loc("templates", "settings.templates")
    base = at.file.parent if at.file is not None else Path.cwd()
    folder = (base / report.settings.templates).resolve()
    if not folder.is_dir():
        raise source_error(at.file, at.line, at.field, f"templates folder {folder} does not "
                           "exist; give a folder relative to this file, or leave it out")
    return folder


class TextTemplates:
    """The labels and phrases from `text/nl.yaml`, with a project's overrides on top."""

    def __init__(self, override_dir: Path | None = None) -> None:
        self.path = template_path("text/nl.yaml")
        self.data: dict[str, dict[str, str]] = _read_yaml(self.path)
        if override_dir is not None and (override_dir / "text" / "nl.yaml").is_file():
            self.path = override_dir / "text" / "nl.yaml"
            for group, entries in _read_yaml(self.path).items():
                self.data.setdefault(group, {}).update(entries)
        self.env = make_environment()

    def render(self, group: str, key: str, **context: Any) -> str:
        """Render one label or phrase; a missing key or name is an error naming it."""
        source = self.data.get(group, {}).get(key)
        if source is None:
            raise source_error(self.path, None, f"{group}.{key}",
                               "this template text is missing; add it to the templates")
        return render_text(self.env, source, context, Location(self.path, None,
                                                              f"{group}.{key}"))


def _read_yaml(path: Path) -> dict[str, dict[str, str]]:
    try:
        data = read_plain_file(path)
    except YamlSyntaxError as exc:
        raise source_error(path, exc.line, "", exc.message, code="yaml") from None
    if not isinstance(data, dict) or not all(isinstance(v, dict) for v in data.values()):
        raise source_error(path, 1, "", "template texts are a mapping of groups (labels, "
                           "phrases, ...) each mapping names to texts", code="yaml")
    return {str(k): {str(kk): str(vv) for kk, vv in v.items()} for k, v in data.items()}


def render_text(env: ImmutableSandboxedEnvironment, source: str, context: Mapping[str, Any],
                at: Location) -> str:
    """Render `source` if it holds Jinja syntax; errors carry `at`, shifted to the line."""
    if "{{" not in source and "{%" not in source and "{#" not in source:
        return source
    try:
        with printed_values() as printed:
            if isinstance(env, ReportSandbox):
                text = render_bounded(env, source, context)
            else:
                text = env.from_string(source).render(**context)
        problem = doubled_unit(text, printed)
        if problem is not None:
            raise _located(at, None, problem)
        return text
    except TemplateSyntaxError as exc:
        raise _located(at, exc.lineno, f"template syntax error: {exc.message}") from None
    except SecurityError as exc:
        raise _located(at, None, f"template refused by the sandbox: {exc}") from None
    except UndefinedError as exc:
        raise _located(at, None, f"unknown name in template: {exc.message}; check the "
                       "spelling, or use waarde('table-id', 'row-id', column)") from None
    except (TemplateError, ValueError, LookupError, TypeError, ArithmeticError) as exc:
        raise _located(at, None, f"template error: {exc}") from None
    except (RecursionError, MemoryError):
        raise _located(at, None, "template error: the expression is nested too deeply or "
                       "too large; simplify it") from None


def _located(at: Location, line_in_text: int | None, message: str) -> Exception:
    line = at.line
    if line is not None and line_in_text is not None:
        line += line_in_text - 1  # the text's first line stands on its key's line
    return source_error(at.file, line, at.field, message, code="template")


LevelOf = Callable[[str, str, str], FigureLevel | None]


class IndicatorLookup:
    """`waarde(table, row, column)` for narrative text: the printed value of one cell,
    labelled with the level of the figure and of everything it was computed from."""

    def __init__(self, tables: Mapping[str, IndicatorTable],
                 cell_text: Any, cell_number: Any, level_of: LevelOf | None = None,
                 public: Level | None = None) -> None:
        self.tables = tables
        self.cell_text = cell_text
        self.cell_number = cell_number
        self.level_of = level_of
        self.public = public or load_levels().public

    def __call__(self, table_id: str, row_id: str, column: Any) -> IndicatorValue:
        table = self.tables.get(table_id)
        if table is None:
            raise LookupError(f"unknown indicator table {table_id!r}")
        row = next((r for r in table.rows if r.key == row_id), None)
        if row is None:
            raise LookupError(f"table {table_id!r} has no row {row_id!r}")
        key = str(column)
        if key not in table.column_keys:
            raise LookupError(f"table {table_id!r} has no column {key!r}; its columns are "
                              f"{', '.join(table.column_keys)}")
        number, unit = self.cell_number(table, row, key)
        origin = f"waarde({table_id!r}, {row_id!r}, {key!r})"
        found = self.level_of(table_id, row_id, key) if self.level_of else None
        level = found.level if found is not None else self.public
        if found is not None and found.because_of is not None:
            origin += f" (computed from row {found.because_of[0]!r}, column " \
                      f"{found.because_of[1]!r})"
        return IndicatorValue(number, unit, self.cell_text(table, row, key), level, origin)


def amount_text(value: Decimal, unit: Unit) -> str:
    """Exposed for templates that format raw numbers in a unit."""
    return format_amount(value, unit)
