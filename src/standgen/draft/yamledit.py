"""Roll-forward edits on round-trip YAML: review marks on text, new year columns and cells."""

from __future__ import annotations

import copy
import re
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from standgen.draft.plan import Action, TablePlan
from standgen.draft.yamlio import comment_before_item, comment_before_key, maps_in
from standgen.model.tables import Column, IndicatorTable
from standgen.model.values import Status

TEXT_KINDS = frozenset({"doelstelling", "toelichting", "groeiparagraaf", "text"})
BLOCK_LISTS = ("blocks", "leeswijzer")
TITLE_KEYS = ("title", "subtitle", "tagline", "bijlage_title")
MISSING = Status.MISSING.value


def mark_text_blocks(root: Any, note: str, gap: int) -> int:
    """Put `# note` above every narrative block (and change list); returns the count."""
    count = 0
    for mapping in maps_in(root):
        for key in BLOCK_LISTS:
            blocks = mapping.get(key)
            if not isinstance(blocks, CommentedSeq):
                continue
            for index, block in enumerate(blocks):
                if _is_text_block(block):
                    comment_before_item(blocks, index, note, gap)
                    count += 1
        if isinstance(mapping.get("changes"), CommentedSeq):
            comment_before_key(mapping, "changes", note)
    return count


def mark_period_titles(root: Any, periods: tuple[str, ...], note: str) -> int:
    """Put `# note` above every title that names one of the previous edition's `periods`
    ("Samenvatting ... voorjaar 2026", "Gestarte woningen, 2021-2025"); returns the count.
    Titles are not rewritten: a year in a title may be about something else."""
    pattern = re.compile("|".join(rf"(?<![0-9A-Za-z]){re.escape(p)}(?![0-9A-Za-z])"
                                  for p in periods if p), re.IGNORECASE)
    count = 0
    for mapping in maps_in(root):
        for key in TITLE_KEYS:
            value = mapping.get(key)
            if isinstance(value, str) and pattern.search(" ".join(value.split())):
                comment_before_key(mapping, key, note)
                count += 1
    return count


def _is_text_block(block: Any) -> bool:
    return isinstance(block, CommentedMap) and len(block) == 1 and next(iter(block)) in TEXT_KINDS


def table_nodes(root: Any) -> dict[str, CommentedMap]:
    """Every indicator table mapping in a YAML tree, by table id."""
    return {str(m["id"]): m for m in maps_in(root)
            if "id" in m and "columns" in m and "rows" in m}


def edit_table(node: CommentedMap, table: IndicatorTable, plan: TablePlan,
               file_rows: set[str]) -> None:
    """Apply `plan` to a table's YAML; rows in `file_rows` take their values from a data file."""
    columns = node["columns"]
    for update in plan.derived:
        column = columns[update.index]
        for name, refs in update.derivation.items():
            column["derived"][name] = _like(column["derived"][name], refs)
        if update.label is not None and "label" in column:
            column["label"] = update.label
    if plan.insert_at is not None:
        for offset, new in enumerate(plan.new_columns):
            columns.insert(plan.insert_at + offset,
                           _column_node(columns[new.source_index], new.column))
    old_keys, new_keys = table.column_keys, plan.column_keys(table)
    for index, row_node in enumerate(node["rows"]):
        if isinstance(row_node, CommentedMap) and table.rows[index].key not in file_rows:
            _edit_row(row_node, plan, index, old_keys, new_keys)


def _like(old: Any, refs: list[str]) -> Any:
    """`refs` in the node type of `old`, keeping a flow sequence flow."""
    new = CommentedSeq(refs)
    if isinstance(old, CommentedSeq) and old.fa.flow_style():
        new.fa.set_flow_style()
    return new


def _column_node(source: Any, column: Column) -> Any:
    if not isinstance(source, CommentedMap):
        return column.year
    node = copy.deepcopy(source)
    node["year"] = column.year
    for name in ("id", "label", "group"):
        value = getattr(column, name)
        if value is not None and (name in node or name == "id"):
            node[name] = value
    return node


def _edit_row(row: CommentedMap, plan: TablePlan, index: int, old_keys: list[str],
              new_keys: list[str]) -> None:
    values = row.get("values")
    actions = plan.cells.get(index, {})
    if isinstance(values, list):
        _edit_list(values, plan, actions, old_keys, new_keys)
    elif isinstance(values, dict):
        _edit_mapping(values, plan, actions)
    elif any(a == "missing" for a in actions.values()):
        fresh = CommentedMap((_typed(k), MISSING) for k, a in actions.items() if a == "missing")
        fresh.fa.set_flow_style()
        row["values"] = fresh


def _edit_list(values: list[Any], plan: TablePlan, actions: dict[str, Action],
               old_keys: list[str], new_keys: list[str]) -> None:
    old = list(values)
    if plan.insert_at is not None and len(values) > plan.insert_at:
        for _ in plan.new_columns:
            values.insert(plan.insert_at, None)
    for key, action in actions.items():
        if action == "missing":
            cell: Any = MISSING
        else:
            source = old_keys.index(plan.sources[key])
            cell = copy.deepcopy(old[source]) if source < len(old) else None
        if cell is not None:
            position = new_keys.index(key)
            values.extend([None] * (position + 1 - len(values)))
            values[position] = cell
    for key in plan.cleared:
        position = new_keys.index(key)
        if position < len(values):
            values[position] = None


def _edit_mapping(values: dict[Any, Any], plan: TablePlan, actions: dict[str, Action]) -> None:
    for key, action in actions.items():
        if action == "missing":
            values[_typed(key)] = MISSING
        else:
            source = _get(values, plan.sources[key])
            if source is not None:
                values[_typed(key)] = copy.deepcopy(source)
    for key in plan.cleared:
        for variant in (key, _typed(key)):
            values.pop(variant, None)


def _typed(key: str) -> str | int:
    """A column key as YAML writes it: a bare year is an integer key."""
    return int(key) if key.isdigit() else key


def _get(values: dict[Any, Any], key: str) -> Any:
    return values.get(key, values.get(_typed(key)))
