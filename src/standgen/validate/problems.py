"""Small helpers to create validation problems at a node's field."""

from __future__ import annotations

from standgen.errors import Problem, Severity
from standgen.model.base import Node
from standgen.validate.walk import child_path


def error(node: Node, key: str, path: str, message: str, code: str) -> Problem:
    """An error at field `key` of `node`, reported under `path` (the node's own path)."""
    return Problem(node.loc(key, child_path(path, key)), message, Severity.ERROR, code)


def warning(node: Node, key: str, path: str, message: str, code: str) -> Problem:
    """A warning at field `key` of `node`, reported under `path` (the node's own path)."""
    return Problem(node.loc(key, child_path(path, key)), message, Severity.WARNING, code)
