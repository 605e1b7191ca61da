"""One traversal over every field of every model node, keeping what an edition may hold.

The walk follows the model's own fields (see `edition.fields`), so no content can be
forgotten: a node's level is its own rubricering or the one it inherits, and a node above
the edition's level is removed wherever it stands. From a list or dict it is dropped, an
optional field becomes None, and a node in a required field takes its nearest removable
ancestor with it. A table cell above the level becomes a withheld cell, keeping the grid.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from typing import Any

from standgen.edition.fields import FieldInfo, classified_fields
from standgen.edition.levels import Levels
from standgen.edition.tables import settle_table
from standgen.errors import source_error
from standgen.model.base import Classified, Node
from standgen.model.report import BijlageVerwijzing, Report, Topic
from standgen.model.tables import IndicatorTable
from standgen.model.values import Cell, Status

_GONE: Any = object()


@cache
def withheld_cell() -> Cell:
    """The cell printed where a value above the edition's level stood."""
    return Cell(status=Status.WITHHELD)


class Walker:
    """Selects one edition's content from a report.

    `keep_secret` keeps content above the public level; `drop` names node types removed
    wherever they stand (pointers to the bijlage, say); `point` appends the standard
    pointer to the bijlage to a topic that lost content.
    """

    def __init__(self, levels: Levels, root: Report, keep_secret: bool,
                 drop: tuple[type[Classified], ...] = (), point: bool = False) -> None:
        self.levels = levels
        self.root = root
        self.keep_secret = keep_secret
        self.drop = drop
        self.point = point
        self.removed = 0
        self.used: set[str] = set()
        self.titles: list[str | None] = []
        self.known = frozenset(levels.ids)
        self.secret_ids = frozenset(i for i in levels.ids if not self.levels.by_id[i].is_public)

    def level_of(self, node: Classified, inherited: str) -> str:
        """The node's effective level; an unknown rubricering is a located error."""
        own = node.rubricering
        if own is None:
            return inherited
        if own not in self.known:
            at = node.loc("rubricering", _path_to(self.root, node))
            raise source_error(at.file, at.line, at.field, f"unknown rubricering {own!r}; use "
                               f"one of {', '.join(self.levels.ids)}")
        return own

    def secret(self, level_id: str) -> bool:
        return level_id in self.secret_ids

    def node(self, node: Node, inherited: str) -> Node | None:
        """The node as the edition holds it, or None when it is removed."""
        level = inherited
        if isinstance(node, Classified):
            level = self.level_of(node, inherited)
            if (self.drop and isinstance(node, self.drop)) or (
                    not self.keep_secret and level in self.secret_ids):
                return self._remove(node, level)
            self.used.add(level)
        fields = classified_fields(type(node))
        if not fields:
            return node
        before = self.removed
        self.titles.append(node.title if "title" in type(node).model_fields  # type: ignore[attr-defined]
                           else None)
        update = self._fields(node, fields, level)
        self.titles.pop()
        if update is None:
            return None
        out = node.model_copy(update=update) if update else node
        if self.point and isinstance(out, Topic) and self.removed > before:
            out = _with_pointer(out, out.title or next(
                (t for t in reversed(self.titles) if isinstance(t, str) and t), out.id))
        if isinstance(node, IndicatorTable) and isinstance(out, IndicatorTable):
            out = settle_table(node, out)
        return out

    def _remove(self, node: Classified, level: str) -> Node | None:
        """What stands where a node was removed: nothing, or a withheld cell."""
        self.check_inside(node, level)
        if isinstance(node, self.drop):
            return None
        self.removed += 1
        return withheld_cell() if isinstance(node, Cell) else None

    def _fields(self, node: Node, fields: tuple[FieldInfo, ...], level: str
                ) -> dict[str, Any] | None:
        """The changed fields of a node; None when a required field lost its node."""
        update: dict[str, Any] = {}
        lost = False
        for field in fields:
            value = getattr(node, field.name)
            new = self.value(value, level)
            if new is _GONE:
                if not field.optional:
                    lost = True  # the other fields are still walked, to check their levels
                    continue
                new = None
            if new is not value:
                update[field.name] = new
        return None if lost else update

    def value(self, value: Any, level: str) -> Any:
        """A field value with its nodes selected; _GONE when it was one removed node."""
        if isinstance(value, Node):
            selected = self.node(value, level)
            return _GONE if selected is None else selected
        if isinstance(value, list | tuple):
            kept: list[Any] = []
            changed = False
            for item in value:
                new = self.value(item, level)
                if new is not item:
                    changed = True
                    if new is _GONE:
                        continue
                kept.append(new)
            if not changed:
                return value
            return kept if isinstance(value, list) else tuple(kept)
        if isinstance(value, dict):
            pairs: dict[Any, Any] = {}
            changed = False
            for key, item in value.items():
                new = self.value(item, level)
                if new is not item:
                    changed = True
                    if new is _GONE:
                        continue
                pairs[key] = new
            return pairs if changed else value
        return value

    def inside(self, node: Node, level: str, target: type[Classified] = Classified
               ) -> Iterator[tuple[Classified, str]]:
        """Every `target` node below `node` (by default every Classified one), with its
        effective level."""
        for field in classified_fields(type(node), target):
            for child in nodes_in(getattr(node, field.name)):
                child_level = level
                if isinstance(child, Classified):
                    child_level = self.level_of(child, level)
                    if isinstance(child, target):
                        yield child, child_level
                yield from self.inside(child, child_level, target)

    def holds_secret(self, node: Node, level: str) -> bool:
        """True when anything below `node` is above the public level."""
        for field in classified_fields(type(node)):
            for child in nodes_in(getattr(node, field.name)):
                child_level = level
                if isinstance(child, Classified):
                    child_level = self.level_of(child, level)
                    if child_level in self.secret_ids:
                        return True
                if self.holds_secret(child, child_level):
                    return True
        return False

    def check_inside(self, node: Node, level: str) -> None:
        """Check the levels below a removed node: an unknown one is an error anywhere."""
        for _ in self.inside(node, level):
            pass


def nodes_in(value: Any) -> Iterator[Node]:
    """The nodes a field value holds, through lists, tuples and dicts."""
    if isinstance(value, Node):
        yield value
    elif isinstance(value, list | tuple):
        for item in value:
            yield from nodes_in(item)
    elif isinstance(value, dict):
        for item in value.values():
            yield from nodes_in(item)


def _with_pointer(topic: Topic, subject: str) -> Topic:
    """The topic with the standard sentence pointing to the bijlage about `subject` (its
    title, else its section's), unless it has such a sentence."""
    if any(isinstance(b, BijlageVerwijzing) for b in topic.blocks):
        return topic
    pointer = BijlageVerwijzing(onderwerp=_in_sentence(subject))
    return topic.model_copy(update={"blocks": [*topic.blocks, pointer]})


def _in_sentence(title: str) -> str:
    """A title as the subject inside a sentence: its first letter lowered, unless the first
    word is an abbreviation or a name written with more capitals (HWBP, KiM)."""
    first = title.split(" ", 1)[0]
    if any(ch.isupper() for ch in first[1:]):
        return title
    return title[:1].lower() + title[1:]


def _path_to(root: Report, target: Node) -> str:
    """The dotted field path of `target` in the report (only looked up for an error)."""
    from standgen.validate.walk import walk

    for path, node in walk(root):
        if node is target:
            return f"{path}.rubricering" if path else "rubricering"
    return "rubricering"
