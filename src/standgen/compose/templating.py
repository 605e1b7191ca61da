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

from jinja2 import Environment, TemplateError, TemplateSyntaxError, UndefinedError, meta, nodes
from jinja2.exceptions import SecurityError, TemplateAssertionError
from jinja2.sandbox import ImmutableSandboxedEnvironment

from standgen.compose.labelled import Labelled, labelling, plain
from standgen.compose.sandbox import ReportSandbox, make_sandbox, render_bounded
from standgen.compose.text_file import check_marks, check_override, names_of, read_texts
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
from standgen.format.units import NumberWords
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


def _filters(numbers: Callable[[], NumberWords]) -> dict[str, Any]:
    return {
        "getal": lambda v, decimals=None: dutch.number(_number(v), decimals),
        "procent": lambda v, decimals=None: dutch.percent(_number(v), decimals),
        "euro": lambda v, scale="een", decimals=None: dutch.euro(
            _number(v), _scale_word(numbers(), scale), decimals),
        "delta": lambda v, decimals=None: dutch.delta(_number(v), decimals),
        "datum": lambda v: numbers().long_date(v if isinstance(v, dt.date)
                                               else dt.date.fromisoformat(str(v))),
        "rangtelwoord": lambda v: numbers().ordinal(int(_number(v))),
        "hoofdletter": lambda v: str(v)[:1].upper() + str(v)[1:],
    }


def _scale_word(numbers: NumberWords, scale: str) -> str:
    if scale != "een" and scale not in dict(numbers.scales):
        raise ValueError(f"unknown scale {scale!r}; use een, duizend, miljoen or miljard")
    return numbers.scale(scale)


def make_environment(numbers: Callable[[], NumberWords] | None = None
                     ) -> ImmutableSandboxedEnvironment:
    """A sandboxed, strict Jinja environment with the Dutch filters (see compose.sandbox);
    every filter and test checks the levels of the labelled values it is given, and a
    filter given a waarde follows its unit. `numbers` gives the words around numbers and
    dates (the standard templates' by default)."""
    words = numbers or _standard_numbers
    env = make_sandbox(_filters(words))
    env.filters = {name: labelling(unit_aware(name, f, words))
                   for name, f in env.filters.items()}
    env.tests = {name: labelling(cast("Callable[..., Any]", f))
                 for name, f in env.tests.items()}
    return env


def templates_folder(report: Report, given: Path | None) -> Path | None:
    """The templates folder: `given` (the command line's), else the report's
    `settings.templates`, relative to the file that sets it."""
    if given is not None:
        return checked_templates(given)
    if report.settings.templates is None:
        return None
    at = report.settings.loc("templates", "settings.templates")
    base = at.file.parent if at.file is not None else Path.cwd()
    folder = (base / report.settings.templates).resolve()
    if not folder.is_dir():
        raise source_error(at.file, at.line, at.field, f"templates folder {folder} does not "
                           "exist; give a folder relative to this file, or leave it out")
    return folder


def checked_templates(given: Path) -> Path:
    """The command line's templates folder, refused when it is missing or not a folder,
    as `settings.templates` is (standard texts in its place would be a silent guess)."""
    if not given.is_dir():
        what = "is a file, not a folder" if given.exists() else "does not exist"
        raise source_error(given, None, "--templates",
                           f"templates folder {given} {what}; give the folder that holds "
                           "text/nl.yaml, or leave --templates out")
    return given


class TextTemplates:
    """The labels and phrases from `text/nl.yaml`, with a project's overrides on top."""

    def __init__(self, override_dir: Path | None = None) -> None:
        standard = read_texts(template_path("text/nl.yaml"))
        self.path = standard.path
        self.data: dict[str, dict[str, str]] = {g: dict(e) for g, e in standard.texts.items()}
        self.where: dict[tuple[str, str], Location] = {
            place: Location(standard.path, line, ".".join(place))
            for place, line in standard.lines.items()}
        if override_dir is not None and (override_dir / "text" / "nl.yaml").is_file():
            override = read_texts(override_dir / "text" / "nl.yaml")
            check_override(standard, override)
            check_marks(standard, override)
            self.path = override.path
            for group, entries in override.texts.items():
                self.data[group].update(entries)
                self.where.update({(group, key): Location(override.path, override.lines[
                    group, key], f"{group}.{key}") for key in entries})
        self._numbers: NumberWords | None = None
        self.env = make_environment(self.numbers)
        if override_dir is not None:
            for group, entries in self.data.items():
                for key, source in entries.items():
                    if self.where[group, key].file != standard.path:
                        self.check(group, key, source)

    def numbers(self) -> NumberWords:
        """The words around numbers and dates (`getallen`), read once."""
        if self._numbers is None:
            from standgen.compose.numbers import number_words

            self._numbers = number_words(self)
        return self._numbers

    def check(self, group: str, key: str, source: str) -> None:
        """Refuse a text that is no template, or that uses a name it is not given, before
        any report needs it (a text a report never prints would hide its mistake until
        the next report does)."""
        at = self.where[group, key]
        try:
            parsed = self.env.parse(source)
            self.env.compile(parsed)  # an unknown filter or test is found only here
        except TemplateAssertionError as exc:
            raise _located(at, exc.lineno, f"template error: {(exc.message or '').rstrip('.')}; "
                           "use a filter the author guide lists (Template functions and "
                           "filters), or plain {{ name }}") from None
        except TemplateSyntaxError as exc:
            raise _located(at, exc.lineno, f"template syntax error: {exc.message}") from None
        except (TemplateError, ValueError, LookupError, TypeError, RecursionError) as exc:
            raise _located(at, None, f"template error: {exc}; simplify the text to "
                           "plain words and {{ name }}") from None
        unknown_use = _unknown_filter_or_test(self.env, parsed)
        if unknown_use:
            raise _located(at, unknown_use[0], f"template error: {unknown_use[1]}; use a "
                           "filter or test the author guide lists (Template functions and "
                           "filters), or plain {{ name }}")
        given = {*names_of(group, key), *self.env.globals}
        unknown = sorted(meta.find_undeclared_variables(parsed) - given)
        if unknown:
            names = ", ".join(names_of(group, key)) or "no names"
            raise _located(at, None, f"unknown name in template: {unknown[0]!r} is undefined; "
                           f"this text is given {names} (see the author guide)")

    def render(self, group: str, key: str, **context: Any) -> str:
        """Render one label or phrase; a missing key or name is an error naming it."""
        source = self.data.get(group, {}).get(key)
        if source is None:
            raise source_error(self.path, None, f"{group}.{key}",
                               "this template text is missing; add it to the templates")
        return render_text(self.env, source, context, self.where[group, key])

    def split(self, group: str, key: str, names: tuple[str, ...]) -> tuple[str, ...]:
        """A template cut around its names, for code that puts values in later:
        "van {{ begin }} naar {{ eind }}" -> ("van ", " naar ", ""). Each name must stand
        once, in the order given, or it is an error naming the key."""
        return self.cut(group, key, names, ordered=True)[0]

    def cut(self, group: str, key: str, names: tuple[str, ...], ordered: bool = False
            ) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """Like `split`, in any order: the pieces, and the names in the order they stand
        ("{{ maand }} {{ dag }}, {{ jaar }}" -> ("", " ", ", ", ""), (maand, dag, jaar))."""
        marks = tuple(chr(1 + i) for i in range(len(names)))
        text = self.render(group, key, **dict(zip(names, marks, strict=True)))
        order = sorted(range(len(names)), key=lambda i: text.find(marks[i]))
        if any(text.count(mark) != 1 for mark in marks) or (ordered and order != sorted(order)):
            at = self.where[group, key]
            listed = (", then " if ordered else ", ").join("{{ " + n + " }}" for n in names)
            raise source_error(at.file, at.line, at.field, f"use {listed}, each once"
                               + (" and in this order" if ordered else ""))
        pieces, rest = [], text
        for i in order:
            before, rest = rest.split(marks[i])
            pieces.append(before)
        return (*pieces, rest), tuple(names[i] for i in order)


def _unknown_filter_or_test(env: Environment, parsed: nodes.Template
                            ) -> tuple[int, str] | None:
    """The line and name of the first filter or test the environment lacks, also inside
    a branch that Jinja's compiler leaves to be found when it runs."""
    for node in parsed.find_all((nodes.Filter, nodes.Test)):
        table, kind = ((env.filters, "filter") if isinstance(node, nodes.Filter)
                       else (env.tests, "test"))
        if node.name not in table:
            return node.lineno, f"no {kind} named {node.name!r}"
    return None


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


def _standard_numbers() -> NumberWords:
    return TextTemplates().numbers()
