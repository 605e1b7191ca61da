"""The snapshot text format: section markers, line prefixes, escaping and truncation."""

from __future__ import annotations

import hashlib
import re

FORMAT_VERSION = 1
PARAGRAPH_LIMIT = 240
SECTION = "== {} =="
PAGE = "-- page {} --"
TABLE, TABLE_HEAD, TABLE_ROW = "table: ", "  head: ", "  row: "
CELL_SEP = " | "
RESERVED = ("#", "==", "--", "table:", "  head:", "  row:", "header:", "footer:", "\\")


def title_line(kind: str) -> str:
    """The first line of every snapshot: format version and artifact kind."""
    return f"standgen snapshot {FORMAT_VERSION}: {kind}"


def collapse(text: str) -> str:
    """Whitespace runs as single spaces, trimmed."""
    return re.sub(r"\s+", " ", text).strip()


def escape(line: str) -> str:
    """A text line made unambiguous: lines that look like markup get a backslash."""
    return "\\" + line if line.startswith(RESERVED) else line


def unescape(line: str) -> str:
    """The inverse of `escape`."""
    return line[1:] if line.startswith("\\") else line


def truncate(text: str, limit: int = PARAGRAPH_LIMIT) -> str:
    """Long text cut at a word boundary, with its length and a short hash of the whole."""
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0] or text[:limit]
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:8]
    return f"{cut} … [{len(text)} chars #{digest}]"


def heading(level: int, text: str) -> str:
    """A heading line: as many '#' as its level, then the text."""
    return f"{'#' * max(level, 1)} {text}"


def cells(values: list[str]) -> str:
    """Table cells joined with the cell separator."""
    return CELL_SEP.join(collapse(v) for v in values)
