"""Template syntax only where text is rendered: in every other printed field (titles,
labels, captions, alt texts) `{{ … }}` would print as written, or print a figure without
the level check that rendered text gets, so it is refused where it stands."""

from __future__ import annotations

from collections.abc import Iterator

from standgen.errors import Problem
from standgen.model.base import Node
from standgen.model.report import Report
from standgen.validate.problems import error
from standgen.validate.walk import walk

MARKS = ("{{", "{%", "{#")

RENDERED: frozenset[tuple[str, str]] = frozenset({
    ("TextBlock", "text"), ("HeadingBlock", "text"), ("ListBlock", "items"),
    ("TableNote", "text"), ("Footnote", "text"), ("ChangeList", "changes"),
    ("BijlageVerwijzing", "onderwerp"), ("Term", "meaning"),
    ("Cell", "text"), ("IndicatorTable", "source_note"), ("FigureBlock", "source_note"),
    ("FigureBlock", "placeholder"), ("FigureBlock", "alt"), ("FigureBlock", "note"),
})
"""The fields composed through the one rendering path (with the text's level check). A
row label is not one: a chart's key and data table print it as written."""

NOT_TEXT: frozenset[str] = frozenset({"DeclaredPublic"})
"""Nodes whose strings configure the leak check and are never printed."""


def check_templates(report: Report) -> list[Problem]:
    """An error for each field outside RENDERED that holds template syntax."""
    problems: list[Problem] = []
    for path, node in walk(report):
        kind = type(node).__name__
        if kind in NOT_TEXT:
            continue
        for name, text in _strings(node):
            if (kind, name) in RENDERED or not any(mark in text for mark in MARKS):
                continue
            problems.append(error(
                node, name, path,
                f"{name!r} holds template syntax ({{{{ … }}}} or {{% … %}}), but this "
                f"field ({kind}.{name}) is printed as written; write the text out, or put "
                "the value in the text below it (a toelichting or text block)",
                "template-not-allowed"))
    return problems


def _strings(node: Node) -> Iterator[tuple[str, str]]:
    """Every string directly held by `node`: plain, in a list or tuple, or a dict value."""
    for name in type(node).model_fields:
        value = getattr(node, name)
        items = (value.values() if isinstance(value, dict)
                 else value if isinstance(value, list | tuple) else (value,))
        for item in items:
            if isinstance(item, str):
                yield name, item
