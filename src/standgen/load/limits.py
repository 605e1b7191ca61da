"""Limits on what a loaded report may hold that its types cannot say: headings short
enough to lay out, ids without invisible characters, a title that can name a file.

Each refusal names the file, line and field where the text stands."""

from __future__ import annotations

import re
import unicodedata

from standgen.errors import Location, source_error
from standgen.model.base import Node
from standgen.model.report import (
    Chapter,
    FigureBlock,
    Footnote,
    HeadingBlock,
    Part,
    Report,
    Section,
    Topic,
)
from standgen.model.tables import Column, IndicatorTable, Row
from standgen.model.values import Cell
from standgen.model.walk import Anchor, walk_tree

MAX_HEADING = 1_000  # characters of a chapter, section, topic or sub-heading title
MAX_CELL_TEXT = 50_000  # characters of one table cell (about ten pages in a narrow column)
MAX_TABLE_ROWS = 2_000  # rows of one table (checking and laying out more took minutes)
MAX_CAPTION = 1_000  # characters of a table or figure title (its caption)
MAX_FOOTNOTE = 20_000  # characters of a footnote (a few pages of notes)
_FILE_NAME_LETTER = re.compile("[a-z0-9ëïéèêáàöüç]")  # what build.slug keeps of a title
_INVISIBLE = frozenset({"Cf", "Cc", "Co", "Cn", "Zl", "Zp"})


def check_limits(report: Report) -> None:
    """Refuse headings too long to lay out, ids with invisible or control characters, and a
    title that leaves nothing to name the output files with."""
    if not _FILE_NAME_LETTER.search(report.title.lower()):
        at = report.loc("title", "title")
        raise source_error(at.file, at.line, at.field,
                           f"title {report.title!r} has no letter a-z or digit; it names the "
                           "output files, so give it at least one")
    for path, node, anchor in walk_tree(report):
        _check_heading(node, path)
        _check_cell(node, path, anchor)
        _check_length(node, path)
        _check_rows(node, path)
        node_id = getattr(node, "id", None)
        if isinstance(node_id, str):
            _check_id(node, node_id, path)


def _check_rows(node: Node, path: str) -> None:
    if isinstance(node, IndicatorTable) and len(node.rows) > MAX_TABLE_ROWS:
        at = node.loc("rows", f"{path}.rows".lstrip("."))
        raise source_error(at.file, at.line, at.field,
                           f"table of {len(node.rows):,} rows; the limit is "
                           f"{MAX_TABLE_ROWS:,}; split it into several tables or publish "
                           "the data as an attachment")


def _check_length(node: Node, path: str) -> None:
    if isinstance(node, IndicatorTable | FigureBlock):
        key, limit, what = "title", MAX_CAPTION, "caption"
    elif isinstance(node, Footnote):
        key, limit, what = "text", MAX_FOOTNOTE, "footnote"
    else:
        return
    text = getattr(node, key) or ""
    if len(text) > limit:
        at = node.loc(key, f"{path}.{key}".lstrip("."))
        raise source_error(at.file, at.line, at.field,
                           f"{what} of {len(text):,} characters; the limit is {limit:,}; "
                           "shorten it and move the rest into the text")


def _check_cell(node: Node, path: str, anchor: Anchor) -> None:
    key = "text" if isinstance(node, Cell) else "label"
    if not isinstance(node, Cell | Row | Column):
        return
    text = getattr(node, key) or ""
    if len(text) > MAX_CELL_TEXT:
        field = f"{path}.{key}"
        source = anchor[0].source if anchor is not None else None
        at = node.loc(key, field) if node.source is not None else Location(
            source.file if source else None, source.line if source else None, field)
        raise source_error(at.file, at.line, at.field,
                           f"table cell of {len(text):,} characters; the limit is "
                           f"{MAX_CELL_TEXT:,}; move the text into a paragraph or a note")


def _check_heading(node: Node, path: str) -> None:
    key = "text" if isinstance(node, HeadingBlock) else "title"
    if not isinstance(node, Chapter | Section | Topic | Part | HeadingBlock):
        return
    text = getattr(node, key) or ""
    if len(text) > MAX_HEADING:
        at = node.loc(key, f"{path}.{key}".lstrip("."))
        raise source_error(at.file, at.line, at.field,
                           f"heading of {len(text):,} characters; the limit is {MAX_HEADING} "
                           "(a heading must fit on a page); shorten it and move the rest "
                           "into the text")


def _check_id(node: Node, node_id: str, path: str) -> None:
    for char in node_id:
        if (char.isspace() and char != " ") or unicodedata.category(char) in _INVISIBLE:
            at = node.loc("id", f"{path}.id".lstrip("."))
            raise source_error(at.file, at.line, at.field,
                               f"id {node_id!r} holds the invisible character "
                               f"U+{ord(char):04X} ({unicodedata.name(char, 'unnamed')}); "
                               "ids must differ in visible characters, remove it")
