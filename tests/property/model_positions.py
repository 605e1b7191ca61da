"""Reports generated from the model's own types, with a secret node at a chosen position.

`positions()` walks the pydantic model classes from `Report` down (every field, through
lists, tuples, dicts, optionals, unions and discriminated unions) and lists every place
a `Classified` node can stand. `report_with_secret(position)` is a Hypothesis strategy
for a report whose node at that position is marked secret and holds a canary in every
text below it, inside otherwise public content. A field or Classified type added to the
model is covered without new test code.
"""

from __future__ import annotations

import datetime as dt
import enum
import itertools
import types
import typing
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Literal, get_args, get_origin

import annotated_types
from hypothesis import strategies as st
from pydantic import BaseModel, ValidationError

from standgen.edition.levels import load_levels
from standgen.model.base import Classified
from standgen.model.report import Report

CANARY = "KANARIEPIET"
Kind = Literal["one", "list", "tuple", "dict"]


@dataclass(frozen=True)
class Step:
    """One step down the model: a field, how it holds its value, and the class held."""

    field: str
    kind: Kind
    cls: type[BaseModel]


Position = tuple[Step, ...]


def slots(annotation: Any, kind: Kind = "one") -> list[tuple[Kind, type[BaseModel]]]:
    """Every model class an annotation can hold, with the container that holds it."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [(kind, annotation)]
    origin = typing.get_origin(annotation)
    args = typing.get_args(annotation)
    if origin is typing.Annotated:
        return slots(args[0], kind)
    if origin in (typing.Union, types.UnionType):
        return [s for arg in args for s in slots(arg, kind)]
    if origin in (list, set, frozenset):
        return slots(args[0], "list")
    if origin is tuple:
        return [s for arg in args if arg is not Ellipsis for s in slots(arg, "tuple")]
    if origin is dict:
        return slots(args[1], "dict")
    return []


def positions(root: type[BaseModel] = Report) -> list[Position]:
    """Every path from `root` to a place where a Classified node can stand."""
    found: list[Position] = []

    def visit(cls: type[BaseModel], path: Position) -> None:
        for name, info in cls.model_fields.items():
            if name == "source":
                continue
            for kind, sub in slots(info.annotation):
                step_path = (*path, Step(name, kind, sub))
                if issubclass(sub, Classified):
                    found.append(step_path)
                if sub not in {s.cls for s in path} and sub is not cls:
                    visit(sub, step_path)

    visit(root, ())
    return found


def describe(position: Position) -> str:
    """A readable name for a position, e.g. `chapters[].blocks[]:TableBlock.table`."""
    marks = {"one": "", "list": "[]", "tuple": "()", "dict": "{}"}
    return ".".join(f"{s.field}{marks[s.kind]}:{s.cls.__name__}" for s in position)


class _Names:
    """Unique words for one generated report (ids must not collide by accident)."""

    def __init__(self) -> None:
        self.count = itertools.count(1)

    def word(self, secret: bool) -> str:
        number = next(self.count)
        return f"{CANARY}{number}" if secret else f"woord{number}"


def _bounds(metadata: list[Any]) -> tuple[float | None, float | None, bool]:
    low: float | None = None
    high: float | None = None
    strict = False
    for item in metadata:
        if isinstance(item, annotated_types.Ge):
            low = float(item.ge)  # type: ignore[arg-type]
        elif isinstance(item, annotated_types.Gt):
            low, strict = float(item.gt), True  # type: ignore[arg-type]
        elif isinstance(item, annotated_types.Le):
            high = float(item.le)  # type: ignore[arg-type]
    return low, high, strict


def _number(metadata: list[Any], whole: bool) -> float:
    low, high, strict = _bounds(metadata)
    value = (low + 1 if strict else low) if low is not None else 1.0
    if high is not None:
        value = min(value, high)
    return float(int(value)) if whole else value


@dataclass
class _Maker:
    """Draws values for annotations: public filler or secret (canary) content."""

    draw: st.DrawFn
    names: _Names
    secret_levels: list[str]

    def value(self, annotation: Any, metadata: list[Any], secret: bool) -> Any:
        origin = typing.get_origin(annotation)
        args = typing.get_args(annotation)
        if annotation is str:
            return self.names.word(secret)
        if annotation is bool:
            return self.draw(st.booleans())
        if annotation is int:
            return int(_number(metadata, True))
        if annotation is float:
            return _number(metadata, False)
        if annotation is Decimal:
            return Decimal("12.5")
        if annotation is dt.date:
            return dt.date(2026, 5, 20)
        if isinstance(annotation, type) and issubclass(annotation, enum.Enum):
            return self.draw(st.sampled_from(list(annotation)))
        if isinstance(annotation, type) and issubclass(annotation, BaseModel):
            return self.instance(annotation, secret)
        if origin is Literal:
            return self.draw(st.sampled_from(args))
        if origin is typing.Annotated:
            return self.value(args[0], [*metadata, *args[1:]], secret)
        if origin in (typing.Union, types.UnionType):
            branches = [a for a in args if a is not type(None)]
            return self.value(self.draw(st.sampled_from(branches)), metadata, secret)
        if origin is list:
            return [self.value(args[0], [], secret)]
        if origin is tuple:
            return tuple(self.value(a, [], secret) for a in args if a is not Ellipsis)
        if origin is dict:
            return {self.names.word(secret): self.value(args[1], [], secret)}
        raise TypeError(f"no generator for {annotation!r}; extend tests/property/"
                        "model_positions.py")

    def rubricering(self, secret: bool) -> str | None:
        """Public nodes inherit or say openbaar; below a secret node anything goes (a
        public child of a secret parent must still go with its parent)."""
        public = load_levels().public.id
        if secret:
            return self.draw(st.sampled_from([None, public, *self.secret_levels]))
        return self.draw(st.sampled_from([None, public]))

    def instance(self, cls: type[BaseModel], secret: bool,
                 override: dict[str, Any] | None = None) -> BaseModel:
        """An instance of `cls`: public filler has its required fields and its optional
        texts (unique words, so keys do not collide), secret content every field; where
        the model's own validators refuse a combination, the largest accepted subset."""
        fields = dict(override or {})
        optional: dict[str, Any] = {}
        for name, info in cls.model_fields.items():
            if name == "source" or name in fields:
                continue
            if name == "rubricering":
                level = self.rubricering(secret)
                if level is not None:  # a blank rubricering is refused; leave it out
                    fields[name] = level
            elif info.is_required():
                fields[name] = self.value(info.annotation, list(info.metadata), secret)
            elif secret or info.annotation in (str, str | None):
                optional[name] = self.value(info.annotation, list(info.metadata), secret)
        names = list(optional)
        sizes = range(len(names), -1, -1)
        for choice in self._literal_choices(cls, fields):
            for size in sizes:
                subsets = list(itertools.combinations(names, size))
                # public filler drops its first optional texts first: an image path there
                # would name a file that is not there, and filler has to compose
                for chosen in subsets if secret else reversed(subsets):
                    try:
                        return cls.model_validate({**fields, **choice,
                                                   **{n: optional[n] for n in chosen}})
                    except ValidationError:
                        continue
        raise AssertionError(f"could not make a valid {cls.__name__} from its types")

    @staticmethod
    def _literal_choices(cls: type[BaseModel], fields: dict[str, Any]
                         ) -> Iterator[dict[str, Any]]:
        """The defaults first, then each value of every optional choice field (`kind:`):
        a model may accept a field only together with a choice (an annex's entries)."""
        yield {}
        for name, info in cls.model_fields.items():
            if name in fields or info.is_required():
                continue
            if get_origin(info.annotation) is Literal:
                for value in get_args(info.annotation):
                    yield {name: value}

    def holder(self, step: Step, node: BaseModel) -> Any:
        """The value of `step.field` holding `node`, maybe between public siblings."""
        if step.kind == "one":
            return node
        before = [self.instance(step.cls, False) for _ in range(self.draw(st.integers(0, 1)))]
        after = [self.instance(step.cls, False) for _ in range(self.draw(st.integers(0, 1)))]
        items = [*before, node, *after]
        if step.kind == "dict":
            return {self.names.word(False): item for item in items}
        return tuple(items) if step.kind == "tuple" else items


@st.composite
def report_with_secret(draw: st.DrawFn, position: Position) -> Report:
    """A report whose node at `position` is secret and holds the canary."""
    levels = load_levels()
    secret_levels = [i for i in levels.ids if not levels.by_id[i].is_public]
    maker = _Maker(draw, _Names(), secret_levels)
    *path, last = position
    node = maker.instance(last.cls, True,
                          {"rubricering": draw(st.sampled_from(secret_levels))})
    for parent, step in zip([Report, *(s.cls for s in path)][::-1], position[::-1],
                            strict=True):
        extra: dict[str, Any] = {step.field: maker.holder(step, node)}
        if parent is Report:
            extra["rubricering"] = levels.public.id
        node = maker.instance(parent, False, extra)
    assert isinstance(node, Report)
    return node
