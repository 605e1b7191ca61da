"""Where a field's value stands in the text of a YAML file, found from its line alone.

Used to take a reviewed edit back into the exact characters of a field (review) and to
fingerprint a field's text at build time (compose/provenance.py). Works on the text as
written: offsets count every character, CRLF included.
"""

from __future__ import annotations

import re
from functools import lru_cache


def field_key(field: str) -> str | None:
    """The last key of a dotted field path (`a.blocks[2].text` -> `text`)."""
    return re.sub(r"\[\d+\]$", "", field.rsplit(".", 1)[-1]) or None


def field_span(raw: str, line: int, key: str | None) -> tuple[int, int, str]:
    """Start and end offsets of the value of the field at 1-based `line`, and its style."""
    starts = _line_starts(raw)
    if not 1 <= line < len(starts):
        return 0, 0, "plain"
    start = starts[line - 1]
    first = raw[start:starts[line]]
    match = re.search(rf"(?<![\w-]){re.escape(key)}\s*:", first) if key else None
    match = match or re.search(r":(\s|$)", first)
    value_at = match.end() if match else 0
    value = first[value_at:].lstrip(" ")
    style = {"|": "block", ">": "block", '"': "double", "'": "single"}.get(value[:1], "plain")
    if style == "block":
        value_at = len(first)
    indent = len(first) - len(first.lstrip(" -"))
    end = starts[line]
    for number in range(line, len(starts) - 1):
        following = raw[starts[number]:starts[number + 1]]
        stripped = following.strip()
        if stripped and len(following) - len(following.lstrip(" ")) <= indent:
            break
        end = starts[number + 1]
    return start + value_at, end, style


@lru_cache(maxsize=8)
def _line_starts(raw: str) -> tuple[int, ...]:
    """The offset of each line's start, and the text's length last."""
    starts = [0]
    at = raw.find("\n")
    while at >= 0:
        starts.append(at + 1)
        at = raw.find("\n", at + 1)
    if starts[-1] != len(raw):
        starts.append(len(raw))
    return tuple(starts)
