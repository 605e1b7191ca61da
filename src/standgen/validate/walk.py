"""Walk a report's model tree, yielding every node with its dotted field path (the walk
itself is `model.walk`; validation shares one walk over its checks)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from standgen.errors import Location
from standgen.model.base import Node
from standgen.model.walk import Anchor as Anchor
from standgen.model.walk import child_path as child_path
from standgen.model.walk import walk_tree as _walk

Walked = tuple[tuple[str, Node, Anchor], ...]
_SHARED: ContextVar[tuple[Node, Walked] | None] = ContextVar("shared_walk", default=None)


@contextmanager
def shared_walk(root: Node) -> Iterator[None]:
    """Within this block, walks of `root` reuse one walk: validation walks the report for
    each of its checks, and a model is frozen, so every walk yields the same nodes."""
    token = _SHARED.set((root, tuple(_walk(root, "", None))))
    try:
        yield
    finally:
        _SHARED.reset(token)


def walk(node: Node, path: str = "") -> Iterator[tuple[str, Node]]:
    """Every node below (and including) `node`, depth first, in field order."""
    for sub, child, _anchor in walk_anchored(node, path):
        yield sub, child


def walk_anchored(node: Node, path: str = "",
                  anchor: Anchor = None) -> Iterator[tuple[str, Node, Anchor]]:
    """Like `walk`, with each node's anchor: the nearest ancestor read from a source
    mapping and the key under which the node stands, for nodes written as shorthands."""
    shared = _SHARED.get()
    if shared is not None and shared[0] is node and path == "" and anchor is None:
        return iter(shared[1])
    return _walk(node, path, anchor)


def place(node: Node, key: str, path: str, anchor: Anchor = None) -> Location:
    """Where field `key` of `node` stands; a shorthand node falls back to its anchor's key."""
    if node.source is None and anchor is not None:
        return anchor[0].loc(anchor[1], path)
    return node.loc(key, path)


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
