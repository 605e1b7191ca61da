"""Pydantic error types in an author's words: what was expected for which key, and what
was found. No pydantic phrasing ("Input should be …") ever reaches a report author."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

Describe = Callable[[dict[str, Any]], str]

_EXPECTED: dict[str, str] = {
    "int": "a whole number (e.g. 2025)",
    "float": "a number (e.g. 12,5 written as 12.5)",
    "decimal": "a number (e.g. 12.5, with a point for decimals)",
    "bool": "yes or no (true or false)",
    "date": "a date written as YYYY-MM-DD (e.g. 2026-05-20)",
    "datetime": "a date and time written as YYYY-MM-DD HH:MM",
    "time": "a time written as HH:MM",
    "string": "text",
    "list": "a list (lines starting with '- ', or [a, b])",
    "tuple": "a list (lines starting with '- ', or [a, b])",
    "set": "a list of distinct values",
    "dict": "a mapping (key: value lines)",
    "model": "a mapping (key: value lines)",
    "model_attributes": "a mapping (key: value lines)",
    "dataclass": "a mapping (key: value lines)",
    "none": "nothing here (leave the key out)",
    "url": "a web address starting with https://",
    "uuid": "an identifier",
    "enum": "one of the allowed values",
}

_PREFIX = re.compile(r"^(int|float|decimal|bool|date|datetime|time|string|list|tuple|set|"
                     r"dict|model|model_attributes|dataclass|none|url|uuid|enum)"
                     r"(_type|_parsing|_from_.+|_required|_.+)?$")
_PYDANTIC_WORDS = re.compile(r"\bInput should be\b", re.IGNORECASE)


def _choices(ctx: dict[str, Any]) -> str:
    expected = str(ctx.get("expected", ""))
    return expected.replace(" or ", ", ") if expected else ""


def _length(ctx: dict[str, Any], key: str, word: str) -> str:
    count = ctx.get(key)
    noun = "item" if ctx.get("field_type", "List") != "String" else "character"
    return f"{word} {count} {noun}{'s' if count != 1 else ''}"


def _bound(kind: str, ctx: dict[str, Any]) -> str:
    words = {"greater_than": ("more than", "gt"), "greater_than_equal": ("at least", "ge"),
             "less_than": ("less than", "lt"), "less_than_equal": ("at most", "le")}
    word, key = words[kind]
    return f"a number {word} {ctx.get(key)}"


def expected_for(kind: str, ctx: dict[str, Any]) -> str | None:
    """What the author should have written for an error of type `kind`, or None when the
    type is not one of the common ones."""
    if kind in ("literal_error", "enum"):
        return f"one of: {_choices(ctx)}"
    if kind in ("greater_than", "greater_than_equal", "less_than", "less_than_equal"):
        return _bound(kind, ctx)
    if kind in ("too_short", "string_too_short"):
        if ctx.get("min_length") == 1:
            return "text that is not empty" if kind == "string_too_short" else (
                "at least one item")
        return _length({**ctx, "field_type": "String" if kind.startswith("string")
                        else ctx.get("field_type", "List")}, "min_length", "at least")
    if kind in ("too_long", "string_too_long"):
        return _length({**ctx, "field_type": "String" if kind.startswith("string")
                        else ctx.get("field_type", "List")}, "max_length", "at most")
    if kind == "model_type" and ctx.get("class_name") == "Cell":
        return "a number, a text, or a mapping such as {value: 12, marker: '*'}"
    if kind == "string_pattern_mismatch":
        return f"text of the form {ctx.get('pattern')!r}"
    if kind == "multiple_of":
        return f"a multiple of {ctx.get('multiple_of')}"
    if kind == "int_from_float":
        return "a whole number without decimals (e.g. 2025)"
    if kind.startswith("decimal_max") or kind == "decimal_whole_digits":
        return "a number with fewer digits"
    match = _PREFIX.match(kind)
    if match is not None:
        return _EXPECTED[match.group(1)]
    return None


def cleaned(message: str) -> str:
    """A message of our own validators, or pydantic's as a last resort, without pydantic's
    prefixes and phrasing."""
    for prefix in ("Value error, ", "Assertion failed, "):
        if message.startswith(prefix):
            message = message[len(prefix):]
    return _PYDANTIC_WORDS.sub("expected", message)
