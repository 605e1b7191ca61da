"""Walk a model tree: every node with its dotted field path and its anchor, for the stages
that check a loaded report (load's limits, validate's checks)."""

from __future__ import annotations

from collections.abc import Iterator

from standgen.model.base import Node

Anchor = tuple[Node, str] | None
"""The nearest ancestor read from a source mapping and the key under which the node
stands: where a node written as a shorthand (without a source of its own) is reported."""


def child_path(path: str, name: str) -> str:
    """The dotted path of field `name` below `path`."""
    return f"{path}.{name}" if path else name


def walk_tree(node: Node, path: str = "", anchor: Anchor = None
              ) -> Iterator[tuple[str, Node, Anchor]]:
    """Every node below (and including) `node`, depth first, in field order."""
    yield path, node, anchor
    for name in type(node).model_fields:
        if name == "source":
            continue
        value = getattr(node, name)
        sub = child_path(path, name)
        below: Anchor = (node, name) if node.source is not None else anchor
        if isinstance(value, Node):
            yield from walk_tree(value, sub, below)
        elif isinstance(value, list | tuple):
            for index, item in enumerate(value):
                if isinstance(item, Node):
                    yield from walk_tree(item, f"{sub}[{index}]", below)
        elif isinstance(value, dict):
            for key, item in value.items():
                if isinstance(item, Node):
                    yield from walk_tree(item, f"{sub}.{key}", below)
