"""Round-trip YAML for drafting: read and write report sources keeping comments and order."""

from __future__ import annotations

import io
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.util import load_yaml_guess_indent

REVIEW_MARKS = ("# TE HERZIEN (overgenomen uit ", "# TE HERZIEN: aangenomen datum")


@dataclass
class YamlFile:
    """One YAML source read for editing: its data and the writer that keeps its style."""

    path: Path
    data: Any
    yaml: YAML
    dash_gap: int

    def write(self) -> None:
        """Write the data back to `path` in the file's own indentation."""
        buffer = io.StringIO()
        self.yaml.dump(self.data, buffer)
        self.path.write_text(buffer.getvalue(), encoding="utf-8")


def read_yaml(path: Path) -> YamlFile:
    """Read `path` round-trip (dropping earlier review marks), guessing its indentation."""
    text = without_review_marks(path.read_text(encoding="utf-8-sig"))
    _, indent, offset = load_yaml_guess_indent(text)
    sequence = indent if isinstance(indent, int) and indent > 0 else 4
    dash = offset if isinstance(offset, int) and 0 <= offset < sequence else 2
    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.width = 4096
    yaml.indent(mapping=2, sequence=sequence, offset=dash)
    return YamlFile(path, yaml.load(text), yaml, sequence - dash)


def maps_in(node: Any) -> Iterator[CommentedMap]:
    """Every mapping in a round-trip tree, depth first."""
    if isinstance(node, CommentedMap):
        yield node
        for value in node.values():
            yield from maps_in(value)
    elif isinstance(node, CommentedSeq):
        for item in node:
            yield from maps_in(item)


def comment_before_item(seq: CommentedSeq, index: int, text: str, gap: int) -> None:
    """Put `# text` above item `index`."""
    column = max(seq.lc.item(index)[1] - gap, 0) if _has_position(seq, index) else 0
    seq.yaml_set_comment_before_after_key(index, before=text, indent=column)


def comment_before_key(mapping: CommentedMap, key: str, text: str) -> None:
    """Put `# text` above `key` in `mapping`."""
    column = mapping.lc.key(key)[1] if _has_key_position(mapping, key) else 0
    mapping.yaml_set_comment_before_after_key(key, before=text, indent=column)


def without_review_marks(text: str) -> str:
    """YAML text without the review comments an earlier roll-forward put in."""
    lines = text.splitlines(keepends=True)
    return "".join(ln for ln in lines if not ln.lstrip().startswith(REVIEW_MARKS))


def _has_position(seq: CommentedSeq, index: int) -> bool:
    try:
        seq.lc.item(index)
    except (KeyError, TypeError, AttributeError):
        return False
    return True


def _has_key_position(mapping: CommentedMap, key: str) -> bool:
    try:
        mapping.lc.key(key)
    except (KeyError, TypeError, AttributeError):
        return False
    return True
