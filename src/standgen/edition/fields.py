"""Which fields of a model class can hold classified content, read from its type hints.

Selection walks only these fields. The answer comes from the pydantic model itself
(every field, through lists, tuples, dicts, optionals and unions), so a field or a
`Classified` node type added to the model is walked without a change here. A hint this
module cannot read counts as one that may hold classified content: it fails closed.
"""

from __future__ import annotations

import types
import typing
from dataclasses import dataclass
from functools import cache
from typing import Any

from pydantic import BaseModel

from standgen.model.base import Classified

_PLAIN = (str, int, float, bool, bytes, type(None))


@dataclass(frozen=True)
class FieldInfo:
    """A field that may hold classified content, and whether it may be left empty (None)."""

    name: str
    optional: bool


@cache
def classified_fields(cls: type[BaseModel], target: type[BaseModel] = Classified
                      ) -> tuple[FieldInfo, ...]:
    """The fields of `cls` through which a `target` node (by default any Classified node)
    can be reached, in model order."""
    return tuple(FieldInfo(name, _allows_none(info.annotation))
                 for name, info in cls.model_fields.items()
                 if name != "source" and _may_hold(info.annotation, frozenset({cls}), target))


def _may_hold(annotation: Any, seen: frozenset[type], target: type[BaseModel]) -> bool:
    if annotation in _PLAIN:
        return False
    if isinstance(annotation, type):
        if issubclass(annotation, target):
            return True
        if issubclass(annotation, BaseModel):
            if annotation in seen:
                return False
            return any(_may_hold(info.annotation, seen | {annotation}, target)
                       for name, info in annotation.model_fields.items() if name != "source")
        return not _is_plain_type(annotation)
    origin = typing.get_origin(annotation)
    args = typing.get_args(annotation)
    if origin is typing.Literal:
        return False
    if origin is typing.Annotated:
        return _may_hold(args[0], seen, target)
    if origin is None:
        return True  # Any, a TypeVar, a forward reference: cannot tell, so walk it
    return any(_may_hold(arg, seen, target) for arg in args if arg is not Ellipsis)


def _is_plain_type(annotation: type) -> bool:
    """Scalar types that never hold a node: numbers, text, dates, enums, paths."""
    import datetime as dt
    import enum
    from decimal import Decimal
    from pathlib import PurePath

    return issubclass(annotation, (*_PLAIN, Decimal, dt.date, dt.time, dt.timedelta,
                                   enum.Enum, PurePath))


def _allows_none(annotation: Any) -> bool:
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _allows_none(typing.get_args(annotation)[0])
    if origin in (typing.Union, types.UnionType):
        return type(None) in typing.get_args(annotation)
    return annotation is None or annotation is type(None)
