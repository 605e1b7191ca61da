"""Walk a report's model tree, yielding every node with its dotted field path."""

from __future__ import annotations

from collections.abc import Iterator

from standgen.model.base import Node


def child_path(path: str, name: str) -> str:
    """The dotted path of field `name` below `path`."""
    return f"{path}.{name}" if path else name


def walk(node: Node, path: str = "") -> Iterator[tuple[str, Node]]:
    """Every node below (and including) `node`, depth first, in field order."""
    yield path, node
    for name in type(node).model_fields:
        if name == "source":
            continue
        value = getattr(node, name)
        sub = child_path(path, name)
        if isinstance(value, Node):
            yield from walk(value, sub)
        elif isinstance(value, list | tuple):
            for index, item in enumerate(value):
                if isinstance(item, Node):
                    yield from walk(item, f"{sub}[{index}]")
        elif isinstance(value, dict):
            for key, item in value.items():
                if isinstance(item, Node):
                    yield from walk(item, f"{sub}.{key}")


def strings_of(node: Node) -> Iterator[tuple[str, str, str]]:
    """Every string held directly by `node`: (field name, path suffix, text)."""
    for name in type(node).model_fields:
        value = getattr(node, name)
        if isinstance(value, str):
            yield name, name, value
        elif isinstance(value, list):
            for index, item in enumerate(value):
                if isinstance(item, str):
                    yield name, f"{name}[{index}]", item
