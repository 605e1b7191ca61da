"""The template sandbox: which Jinja a report's text may use, in bounded time and memory.

Report text is untrusted. Besides Jinja's immutable sandbox (no `__class__`, no globals),
text may only print expressions and branch with `{% if %}`: no loops, assignments, macros
or includes; calls only to `waarde`; filters only from a list that cannot grow a string
without bound. Arithmetic that could build huge values is checked before it runs, and the
output stops at a fixed size, so no text can make a build hang or run out of memory.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import Any

from jinja2 import Template, nodes
from jinja2.exceptions import SecurityError
from jinja2.runtime import Context
from jinja2.sandbox import ImmutableSandboxedEnvironment

MAX_OUTPUT = 1_000_000  # characters of rendered text, as for any string in the sources
MAX_VALUE = 100_000  # characters (or items) of one intermediate string or list
MAX_POWER_BITS = 100_000
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

    intercepted_binops = frozenset({"+", "*", "**", "%"})

    def __init__(self, **options: Any) -> None:
        super().__init__(**options)
        self._checked: dict[str, Template] = {}

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
        if operator == "**":
            _check_power(left, right)
        elif operator == "%" and isinstance(left, str):
            raise SecurityError("string formatting with % is not available; use the filters")
        elif operator in ("+", "*"):
            _check_size(operator, left, right)
        return super().call_binop(context, operator, left, right)


def _length(value: Any) -> int | None:
    return len(value) if isinstance(value, str | bytes | Sequence) else None


def _check_size(operator: str, left: Any, right: Any) -> None:
    sizes = (_length(left), _length(right))
    if operator == "+" and None not in sizes:
        size = sum(s or 0 for s in sizes)
    elif operator == "*" and sizes.count(None) == 1:
        times = right if sizes[0] is not None else left
        size = (sizes[0] or sizes[1] or 0) * (int(times) if isinstance(times, int) else 0)
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
    env.filters = {name: f for name, f in env.filters.items() if name in SAFE_FILTERS}
    env.filters.update(filters)
    env.globals.clear()
    return env


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
    for piece in env.checked_template(source).generate(**context):
        size += len(piece)
        if size > MAX_OUTPUT:
            raise SecurityError(f"the text would be longer than {MAX_OUTPUT:,} characters")
        pieces.append(piece)
    return "".join(pieces)
