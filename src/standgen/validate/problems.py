"""Small helpers to create validation problems at a node's field."""

from __future__ import annotations

from standgen.errors import Problem, Severity
from standgen.model.base import Node
from standgen.validate.walk import Anchor, child_path, place


def error(node: Node, key: str, path: str, message: str, code: str,
          anchor: Anchor = None) -> Problem:
    """An error at field `key` of `node`, reported under `path` (the node's own path)."""
    return Problem(place(node, key, child_path(path, key), anchor), message, Severity.ERROR,
                   code)


def warning(node: Node, key: str, path: str, message: str, code: str,
            anchor: Anchor = None) -> Problem:
    """A warning at field `key` of `node`, reported under `path` (the node's own path)."""
    return Problem(place(node, key, child_path(path, key), anchor), message,
                   Severity.WARNING, code)
