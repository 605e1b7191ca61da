"""Pydantic validation errors as located problems: file, line, field path and a hint.

Pydantic reports paths in the model's terms (with union tags such as `list[Cell]`);
we walk the loaded data along that path to find the file and line where the offending
key stands, and rewrite the message so that it says what to do.
"""

from __future__ import annotations

import bisect
import difflib
import re
import typing
from decimal import Decimal
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from standgen.errors import Location, Problem
from standgen.load.author_messages import cleaned, expected_for
from standgen.model.base import SOURCE_KEY, SourceRef
from standgen.model.report import BLOCK_KINDS

MAX_ERRORS = 1_000  # validation errors located and explained; the rest are counted
_TAGS = {*BLOCK_KINDS, "str", "int", "bool", "float", "decimal", "none"}


def problems_from(exc: ValidationError, data: Any, main: Path,
                  files: list[Path] | None = None) -> list[Problem]:
    """One problem per distinct pydantic error, dropping union branches that do not apply,
    in source order (files in the order they were read, then lines)."""
    located: list[Problem] = []
    seen: set[tuple[str, str]] = set()
    errors = exc.errors(include_url=False)
    for error in errors[:MAX_ERRORS]:
        location = locate(data, error["loc"], main)
        message = explain(error, _last_key(location.field))
        if (str(location), message) not in seen:
            seen.add((str(location), message))
            located.append(Problem(location, message, code=error["type"]))
    fields = sorted({p.location.field for p in located if p.location.field})
    kept = [p for p in located if not _has_deeper(p.location.field, fields)]
    if len(errors) > MAX_ERRORS:
        kept.append(Problem(Location(main, None, ""), f"{len(errors) - MAX_ERRORS:,} more "
                            "problems not shown; fix the ones above first", code="more"))
    rank: dict[Path | None, int] = {path: index for index, path in enumerate(files or [main])}
    return sorted(kept, key=lambda p: (rank.get(p.location.file, len(rank)),
                                       p.location.line or 0))


def _has_deeper(field: str, fields: list[str]) -> bool:
    """True when another problem lies below this field (`fields` sorted): then this one is
    a union branch's echo. Found by bisection: pairwise took minutes for 100,000 keys."""
    if not field:
        return False
    for below in (f"{field}.", f"{field}["):
        index = bisect.bisect_left(fields, below)
        if index < len(fields) and fields[index].startswith(below):
            return True
    return False


def _is_tag(item: Any) -> bool:
    return isinstance(item, str) and (item in _TAGS or "[" in item
                                      or item.startswith(("function-", "literal")))


def locate(data: Any, loc: tuple[Any, ...], main: Path) -> Location:
    """Walk the loaded data along a pydantic error path to the deepest known line."""
    node: Any = data
    file: Path | None = main
    line: int | None = None
    parts: list[str] = []
    for item in loc:
        if isinstance(node, dict) and isinstance(item, str) and item in node:
            source = node.get(SOURCE_KEY)
            if isinstance(source, SourceRef):
                file, line = source.file, source.key_lines.get(item, source.line)
            parts.append(item)
            node = node[item]
        elif isinstance(node, list) and isinstance(item, int) and 0 <= item < len(node):
            parts.append(f"[{item}]")
            node = node[item]
        elif _is_tag(item):
            continue
        else:
            if isinstance(node, dict) and isinstance(node.get(SOURCE_KEY), SourceRef):
                file, line = node[SOURCE_KEY].file, node[SOURCE_KEY].line
            parts.append(f"[{item}]" if isinstance(item, int) else str(item))
            node = None
    if isinstance(node, dict) and isinstance(node.get(SOURCE_KEY), SourceRef):
        file, line = node[SOURCE_KEY].file, node[SOURCE_KEY].line
    return Location(file, line, _join(parts))


def _join(parts: list[str]) -> str:
    out = ""
    for part in parts:
        out += part if part.startswith("[") or not out else f".{part}"
    return out


def explain(error: Any, name: str | None = None) -> str:
    """A message that says what is wrong and what to do about it, in the author's terms:
    what was expected for key `name` (by default the key the error path ends at), and
    what was found."""
    kind = error["type"]
    value = error.get("input")
    ctx = error.get("ctx") or {}
    key = field_name(error["loc"]) if name is None else name
    if kind == "extra_forbidden":
        return _unknown_key(error["loc"])
    if kind == "missing":
        return f"required key `{key}` is missing; add it" if key else (
            "a required key is missing; add it")
    if kind == "union_tag_invalid":
        expected = ", ".join(BLOCK_KINDS)
        return (f"unknown block kind {ctx.get('tag')!r}; a block is a "
                f"one-key mapping whose key is one of: {expected}")
    if kind == "union_tag_not_found":
        return ("a block is a mapping with one key naming its kind (toelichting:, table:, "
                f"…); put other keys such as rubricering inside it (got {_short(value)})")
    if kind == "string_type" and isinstance(value, int | Decimal) and not isinstance(value, bool):
        return (f"text expected for `{key}`, got the number {value}; write it in quotes "
                f"(\"{value}\") so that YAML keeps it as text")
    wanted = expected_for(kind, ctx)
    if wanted is not None:
        where = f" for `{key}`" if key else ""
        return f"expected {wanted}{where}, got {_short(value)}{_nearest(kind, ctx, value)}"
    return f"{cleaned(str(error['msg']))} (got {_short(value)})"


def _nearest(kind: str, ctx: dict[str, Any], value: Any) -> str:
    """For a value outside a list of choices: the closest choice, as a suggestion."""
    if kind not in ("literal_error", "enum") or not isinstance(value, str):
        return ""
    choices = re.findall(r"'([^']*)'", str(ctx.get("expected", "")))
    close = difflib.get_close_matches(value.lower(), choices, n=1, cutoff=0.6)
    return f"; did you mean {close[0]!r}?" if close else ""


def _last_key(path: str) -> str:
    """The last key of a dotted field path ("a.b[2].c" -> "c"; "a[2]" -> "a")."""
    return path.rsplit(".", 1)[-1].split("[", 1)[0]


def field_name(loc: tuple[Any, ...]) -> str:
    """The key an error path ends at (list indexes and union tags left out)."""
    for item in reversed(loc):
        if isinstance(item, str) and not _is_tag(item):
            return item
    return ""


def _short(value: Any) -> str:
    if isinstance(value, dict):
        keys = [str(k) for k in value if k != SOURCE_KEY]
        return "a mapping with keys " + ", ".join(keys[:6]) if keys else "an empty mapping"
    if isinstance(value, list):
        return f"a list of {len(value)} item(s)"
    if value is None:
        return "nothing (an empty value)"
    if isinstance(value, bool):
        return "yes" if value else "no"
    text = str(value) if isinstance(value, Decimal) else repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _unknown_key(loc: tuple[Any, ...]) -> str:
    """The message for an unknown key, with the closest allowed key and the allowed ones."""
    key = str(loc[-1]) if loc else ""
    allowed = sorted(allowed_keys(loc[:-1]))
    if not allowed:
        return "unknown key; check its spelling (see `standgen schema` for the allowed keys)"
    close = difflib.get_close_matches(key, allowed, n=1)
    hint = f"did you mean {close[0]!r}? " if close else ""
    return f"unknown key {key!r}; {hint}allowed here: {', '.join(allowed)}"


def allowed_keys(loc: tuple[Any, ...]) -> set[str]:
    """The keys the model allows at a pydantic error path (empty when it cannot tell)."""
    from standgen.model.report import Report

    candidates: list[type[BaseModel]] = [Report]
    for item in loc:
        if not isinstance(item, str) or not candidates:
            continue
        if item in BLOCK_KINDS:
            tagged = [m for m in candidates if item in _kinds(m)]
            candidates = tagged or candidates
        below = [sub for m in candidates if item in m.model_fields
                 for sub in _models_in(m.model_fields[item].annotation)]
        if below or any(item in m.model_fields for m in candidates):
            candidates = below
    return {name for m in candidates for name in m.model_fields if name not in ("source", "kind")}


def _kinds(model: type[BaseModel]) -> tuple[Any, ...]:
    field = model.model_fields.get("kind")
    return typing.get_args(field.annotation) if field is not None else ()


def _models_in(annotation: Any) -> list[type[BaseModel]]:
    """Every model class inside a type annotation (lists, unions, Annotated, dicts)."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    return [m for arg in typing.get_args(annotation) for m in _models_in(arg)]
