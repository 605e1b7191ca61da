"""Values in report text that carry their rubricering, so text cannot print a secret.

`waarde(...)` hands a template a `Labelled` value. Arithmetic and comparisons on labelled
values give labelled results with the highest level of the operands. Turning a labelled
value into anything plain (printing it, branching on it, passing it to a filter or test,
`int`, `float`) is allowed only when its level is at most the level of the text being
rendered (`text_level`); otherwise it is a `LevelError` that the renderer locates.
A labelled value only ever holds a Decimal, a bool or None, so no operation on it can grow
without bound (the sandbox's size limits stay whole).
"""

from __future__ import annotations

import operator
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from decimal import Decimal
from typing import Any

from standgen.edition.levels import Level
from standgen.format import dutch

MAX_DIGITS = 100
"""Digits of the largest number text prints (a sum or product of table figures)."""

_TEXT_LEVEL: ContextVar[Level | None] = ContextVar("standgen_text_level", default=None)


class LevelError(ValueError):
    """A value above the text's level would reach the text."""


@contextmanager
def text_level(level: Level | None) -> Iterator[None]:
    """Render the text inside at `level` (None: the public level)."""
    token = _TEXT_LEVEL.set(level)
    try:
        yield
    finally:
        _TEXT_LEVEL.reset(token)


def _check(value: Labelled) -> None:
    current = _TEXT_LEVEL.get()
    rank = current.rank if current is not None else 0
    if value._level.rank <= rank:
        return
    text = current.id if current is not None else "public"
    raise LevelError(
        f"{value._origin} is {value._level.id}, but this text is {text}: text may not print, "
        "compare or compute with a value above its own rubricering, since a reader could work "
        f"the value out; give the text rubricering {value._level.id} or leave the value out")


def plain(value: Any) -> Any:
    """The plain value behind a labelled one, after checking it may reach this text."""
    if isinstance(value, Labelled):
        _check(value)
        return value._value
    return value


def _level_of(values: tuple[Any, ...]) -> Labelled | None:
    """The highest-labelled of `values` (None when none is labelled)."""
    found: Labelled | None = None
    for value in values:
        if isinstance(value, list | tuple):
            inner = _level_of(tuple(value))
            value = inner if inner is not None else value
        if isinstance(value, Labelled) and (found is None
                                            or value._level.rank > found._level.rank):
            found = value
    return found


def _wrap(result: Any, like: Labelled | None) -> Any:
    if like is None or result is NotImplemented:
        return result
    if isinstance(result, bool) or result is None or isinstance(result, Decimal):
        return Labelled(result, like._level, like._origin)
    if isinstance(result, int | float):
        return Labelled(Decimal(str(result)), like._level, like._origin)
    return result


def _unwrap_all(value: Any) -> Any:
    if isinstance(value, Labelled):
        _check(value)
        return value._plain_form()
    if isinstance(value, list):
        return [_unwrap_all(v) for v in value]
    if isinstance(value, tuple):
        return tuple(_unwrap_all(v) for v in value)
    return value


def labelling(function: Callable[..., Any]) -> Callable[..., Any]:
    """A filter or test that checks its labelled arguments and labels its numeric result."""

    def call(*args: Any, **kwargs: Any) -> Any:
        like = _level_of(args + tuple(kwargs.values()))
        if like is None:
            return function(*args, **kwargs)
        result = function(*(_unwrap_all(a) for a in args),
                          **{k: _unwrap_all(v) for k, v in kwargs.items()})
        return _wrap(result, like)

    for attribute in ("jinja_pass_arg",):
        if hasattr(function, attribute):
            setattr(call, attribute, getattr(function, attribute))
    return call


def _binary(op: Callable[[Any, Any], Any], reflected: bool = False, none: bool = False,
            compares: bool = False) -> Callable[[Labelled, Any], Any]:
    """An operator method; `none` allows None operands (equality); arithmetic (not
    `compares`) asks each operand for its number through `_operand`."""

    def method(self: Labelled, other: Any) -> Any:
        like = _level_of((self, other))
        left = self._value if compares else self._operand()
        right = other if not isinstance(other, Labelled) else (
            other._value if compares else other._operand())
        if isinstance(right, str) or isinstance(left, str):
            return NotImplemented
        if not none and (left is None or right is None):
            raise _no_number(self if left is None else other)
        try:
            result = op(right, left) if reflected else op(left, right)
        except TypeError:
            return NotImplemented
        return _wrap(result, like)
    return method


def _no_number(value: Any) -> ValueError:
    origin = value._origin if isinstance(value, Labelled) else repr(value)
    return ValueError(f"{origin} has no number to compute with")


class Labelled:
    """A number (or truth value) from the tables with the level it was computed from."""

    __slots__ = ("_level", "_origin", "_value")
    __hash__ = None  # type: ignore[assignment]

    def __init__(self, value: Decimal | bool | None, level: Level, origin: str) -> None:
        self._value = value
        self._level = level
        self._origin = origin

    def __str__(self) -> str:
        """A number the Dutch way (1.234,5): a bare "1234.5" in Dutch text is misread."""
        value = plain(self)
        if isinstance(value, Decimal):
            if value.is_finite() and value.adjusted() > MAX_DIGITS:
                raise ValueError(f"{self._origin}: a number of more than {MAX_DIGITS} digits "
                                 "is no figure a report prints")
            return dutch.number(value)
        return "" if value is None else str(value)

    __html__ = __str__

    def __repr__(self) -> str:
        return str(self)

    def __format__(self, spec: str) -> str:
        return format(plain(self), spec)

    def __bool__(self) -> bool:
        return bool(plain(self))

    def __int__(self) -> int:
        return int(plain(self))

    def __float__(self) -> float:
        return float(plain(self))

    def __neg__(self) -> Any:
        return _wrap(-self._number(), self)

    def __pos__(self) -> Any:
        return _wrap(+self._number(), self)

    def __abs__(self) -> Any:
        return _wrap(abs(self._number()), self)

    def __round__(self, places: int | None = None) -> Any:
        number = self._number()
        return _wrap(round(number, places) if places is not None else round(number), self)

    def _plain_form(self) -> Any:
        """What a filter or test gets once the value may reach the text."""
        return self._value

    def _operand(self) -> Decimal | bool | None:
        """The value as an operand of arithmetic."""
        return self._value

    def _number(self) -> Decimal | bool:
        value = self._operand()
        if value is None:
            raise _no_number(self)
        return value

    __add__, __radd__ = _binary(operator.add), _binary(operator.add, True)
    __sub__, __rsub__ = _binary(operator.sub), _binary(operator.sub, True)
    __mul__, __rmul__ = _binary(operator.mul), _binary(operator.mul, True)
    __truediv__, __rtruediv__ = _binary(operator.truediv), _binary(operator.truediv, True)
    __floordiv__ = _binary(operator.floordiv)
    __rfloordiv__ = _binary(operator.floordiv, True)
    __mod__, __rmod__ = _binary(operator.mod), _binary(operator.mod, True)
    __pow__, __rpow__ = _binary(operator.pow), _binary(operator.pow, True)
    __lt__, __le__ = _binary(operator.lt, compares=True), _binary(operator.le, compares=True)
    __gt__, __ge__ = _binary(operator.gt, compares=True), _binary(operator.ge, compares=True)
    __eq__ = _binary(operator.eq, none=True, compares=True)
    __ne__ = _binary(operator.ne, none=True, compares=True)
