"""The template sandbox: which Jinja a report's text may use, in bounded time and memory.

Report text is untrusted. Besides Jinja's immutable sandbox (no `__class__`, no globals),
text may only print expressions and branch with `{% if %}`: no loops, assignments, macros
or includes; calls only to `waarde`; filters only from a list that cannot grow a string
without bound. Arithmetic that could build huge values is checked before it runs, and the
output stops at a fixed size, so no text can make a build hang or run out of memory.
"""

from __future__ import annotations

import datetime as dt
import decimal
import functools
import time
from collections.abc import Callable, Mapping, Sequence
from decimal import Decimal
from typing import Any

from jinja2 import Template, Undefined, nodes
from jinja2.exceptions import SecurityError
from jinja2.runtime import Context
from jinja2.sandbox import ImmutableSandboxedEnvironment

from standgen.compose.labelled import Labelled

MAX_OUTPUT = 1_000_000  # characters of rendered text, as for any string in the sources
MAX_VALUE = 100_000  # characters of one intermediate value, counted through nested lists
MAX_INT_BITS = 20_000  # bits of an integer a template computes with (about 6,000 digits)
MAX_POWER_BITS = MAX_INT_BITS
MAX_SECONDS = 2.0  # rendering time of one text
PLAIN_TYPES = (str, int, float, Decimal, bool, type(None), dt.date)
CALLABLE_NAMES = frozenset({"waarde"})
SAFE_FILTERS = frozenset({"abs", "capitalize", "count", "d", "default", "first", "float",
                          "int", "last", "length", "lower", "max", "min", "round", "string",
                          "sum", "title", "trim", "upper"})
ALLOWED_NODES: tuple[type[nodes.Node], ...] = (
    nodes.Template, nodes.Output, nodes.TemplateData, nodes.If, nodes.Const, nodes.Name,
    nodes.Getattr, nodes.Getitem, nodes.Call, nodes.Filter, nodes.Test, nodes.Keyword,
    nodes.CondExpr, nodes.And, nodes.Or, nodes.Not, nodes.Neg, nodes.Pos, nodes.Add,
    nodes.Sub, nodes.Mul, nodes.Div, nodes.FloorDiv, nodes.Mod, nodes.Pow, nodes.Compare,
    nodes.Operand, nodes.List, nodes.Tuple,
)


class ReportSandbox(ImmutableSandboxedEnvironment):
    """Jinja's immutable sandbox with size checks on the operators that can build values."""

    intercepted_binops = frozenset({"+", "-", "*", "/", "//", "**", "%"})

    def __init__(self, **options: Any) -> None:
        super().__init__(**options)
        self._checked: dict[str, Template] = {}
        self.deadline: float | None = None
        self.finalize = self._printable

    def check_time(self) -> None:
        """Refuse to go on once this render has run longer than MAX_SECONDS."""
        if self.deadline is not None and time.monotonic() > self.deadline:
            raise SecurityError(f"the text took longer than {MAX_SECONDS:g} s to render; "
                                "simplify its expressions")

    def is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
        """Only plain values: a template sees numbers and text, never the objects behind
        them (a model, its source file, a method). A labelled number (`waarde(...).getal`)
        is a plain value that carries its rubricering."""
        return (isinstance(value, (*PLAIN_TYPES, Labelled))
                and super().is_safe_attribute(obj, attr, value))

    def _printable(self, value: Any) -> Any:
        """What `{{ ... }}` may print: plain values and formatted text, of bounded size."""
        self.check_time()
        check_plain(value, "print")
        return value

    def checked_template(self, source: str) -> Template:
        """`source` compiled once after its structure is checked: a report repeats the same
        column labels and phrases hundreds of times."""
        template = self._checked.get(source)
        if template is None:
            check_structure(self, source)
            template = self._checked[source] = self.from_string(source)
        return template

    def call_binop(self, context: Context, operator: str, left: Any, right: Any) -> Any:
        """Refuse an operation whose result would be too large to print, then do it."""
        self.check_time()
        check_plain(left, operator)
        check_plain(right, operator)
        if operator == "**":
            _check_power(left, right)
        elif operator == "%" and isinstance(left, str):
            raise SecurityError("string formatting with % is not available; use the filters")
        elif operator in ("+", "*"):
            _check_size(operator, left, right)
        _check_bits(operator, left, right)
        return super().call_binop(context, operator, left, right)


def weight(value: Any, limit: int = MAX_VALUE) -> int:
    """The size of a value: characters of text, one per number, summed through nested
    lists and mappings (a list repeating one long text counts it each time); counting
    stops just past `limit`."""
    if isinstance(value, str | bytes):
        return len(value)
    if isinstance(value, Mapping):
        value = [*value.keys(), *value.values()]
    if isinstance(value, Sequence):
        total = len(value)
        for item in value:
            if total > limit:
                break
            if isinstance(item, str | bytes | Sequence | Mapping):
                total += weight(item, limit - total)
        return total
    return 1


def check_plain(value: Any, use: str) -> None:
    """Refuse a value a template may not print or compute with: anything but plain values,
    formatted text and lists or mappings of them, or a value past MAX_VALUE in size."""
    _check_kind(value, use, 0)
    if isinstance(value, str | Sequence | Mapping) and weight(value) > MAX_VALUE:
        raise SecurityError(f"a value of more than {MAX_VALUE:,} characters or items; "
                            "shorten the text")
    if isinstance(value, int) and value.bit_length() > MAX_INT_BITS:
        raise SecurityError(f"a number of more than {MAX_INT_BITS:,} bits; no report "
                            "prints such a number")


def _check_kind(value: Any, use: str, depth: int) -> None:
    if isinstance(value, (*PLAIN_TYPES, Undefined)) or hasattr(type(value), "__html__"):
        return  # __html__: formatted text, such as a value from waarde(...); an undefined
        # name raises its own error when used
    if depth < 3 and isinstance(value, list | tuple):
        for item in value[:MAX_VALUE]:
            _check_kind(item, use, depth + 1)
        return
    if depth < 3 and isinstance(value, dict):
        for item in [*value.keys(), *value.values()][:MAX_VALUE]:
            _check_kind(item, use, depth + 1)
        return
    what = "print" if use == "print" else f"use with {use}"
    raise SecurityError(f"a {type(value).__name__} object is not a value a template can "
                        f"{what}; templates see numbers and text only")


def _check_bits(operator: str, left: Any, right: Any) -> None:
    if operator == "*" and isinstance(left, int) and isinstance(right, int) and (
            left.bit_length() + right.bit_length() > MAX_INT_BITS):
        raise SecurityError("the product would be a number too large to print")


def _check_size(operator: str, left: Any, right: Any) -> None:
    sized = (str, bytes, Sequence, Mapping)
    if operator == "+" and isinstance(left, sized) and isinstance(right, sized):
        size = weight(left) + weight(right)
    elif operator == "*" and isinstance(left, sized) != isinstance(right, sized):
        part, times = (left, right) if isinstance(left, sized) else (right, left)
        size = weight(part) * (int(times) if isinstance(times, int) else 0)
    else:
        return
    if size > MAX_VALUE:
        raise SecurityError(f"the result would hold {size:,} characters or items; the limit "
                            f"is {MAX_VALUE:,}")


def _check_power(base: Any, exponent: Any) -> None:
    size = abs(float(exponent)) if isinstance(exponent, int | float | Decimal) else None
    if size is None or size > 1000:
        raise SecurityError(f"exponent {exponent!r} is too large; the limit is 1000")
    if isinstance(base, int) and base.bit_length() * size > MAX_POWER_BITS:
        raise SecurityError("the power would be a number too large to print")


def make_sandbox(filters: Mapping[str, Any]) -> ReportSandbox:
    """A strict sandbox with only the safe built-in filters plus `filters`, and no globals."""
    from jinja2 import StrictUndefined

    env = ReportSandbox(undefined=StrictUndefined, autoescape=False,
                        keep_trailing_newline=True)
    chosen = {name: f for name, f in env.filters.items() if name in SAFE_FILTERS}
    chosen["sum"] = _sum_numbers
    chosen.update(filters)
    env.filters = {name: _guarded_filter(env, f) for name, f in chosen.items()}
    env.globals.clear()
    return env


def _sum_numbers(values: Any, start: Any = 0) -> Any:
    """The `sum` filter for numbers only (summing lists or texts takes quadratic time)."""
    items = list(values)
    if not all(isinstance(v, int | float | Decimal) for v in [*items, start]):
        raise SecurityError("the sum filter adds numbers only")
    return sum(items, start)


def _guarded_filter(env: ReportSandbox, function: Callable[..., Any]) -> Callable[..., Any]:
    """`function` with its input checked (plain values, bounded size) and the render's time
    limit applied; Jinja's pass_context/pass_environment marks are kept."""
    passes = getattr(function, "jinja_pass_arg", None)
    skip = 1 if passes is not None else 0

    @functools.wraps(function)
    def guarded(*args: Any, **kwargs: Any) -> Any:
        env.check_time()
        for value in (*args[skip:], *kwargs.values()):
            check_plain(value, "a filter")
        try:
            return function(*args, **kwargs)
        except decimal.InvalidOperation:
            shown = repr(args[skip] if len(args) > skip else None)
            shown = shown if len(shown) <= 40 else shown[:37] + "..."
            raise ValueError(f"the filter needs a number, not {shown}") from None

    return guarded


def check_structure(env: ReportSandbox, source: str) -> None:
    """Refuse template constructs report text may not use (raises SecurityError)."""
    for node in env.parse(source).find_all(nodes.Node):
        if not isinstance(node, ALLOWED_NODES):
            raise SecurityError(f"{_describe(node)} is not allowed in report text; print "
                                "values with {{ ... }} and branch with {% if %}")
        if isinstance(node, nodes.Call) and not (isinstance(node.node, nodes.Name)
                                                 and node.node.name in CALLABLE_NAMES):
            raise SecurityError("only waarde(...) may be called in report text")


def _describe(node: nodes.Node) -> str:
    names = {"For": "a {% for %} loop", "Assign": "{% set %}", "AssignBlock": "{% set %}",
             "Macro": "a {% macro %}", "Include": "{% include %}", "Import": "{% import %}",
             "FromImport": "{% from ... import %}", "Extends": "{% extends %}",
             "Concat": "the ~ operator", "Slice": "slicing"}
    kind = type(node).__name__
    return names.get(kind, f"the template construct {kind}")


def render_bounded(env: ReportSandbox, source: str, context: Mapping[str, Any]) -> str:
    """Render `source`, stopping with SecurityError once the output passes MAX_OUTPUT."""
    pieces: list[str] = []
    size = 0
    template = env.checked_template(source)
    env.deadline = time.monotonic() + MAX_SECONDS
    try:
        for piece in template.generate(**context):
            size += len(piece)
            if size > MAX_OUTPUT:
                raise SecurityError(f"the text would be longer than {MAX_OUTPUT:,} "
                                    "characters")
            pieces.append(piece)
            env.check_time()
    finally:
        env.deadline = None
    return "".join(pieces)
