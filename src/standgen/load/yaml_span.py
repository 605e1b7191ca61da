"""Where a field's value stands in the text of a YAML file, found from its line alone.

Used to take a reviewed edit back into the exact characters of a field (review) and to
fingerprint a field's text at build time (compose/provenance.py). Works on the text as
written: offsets count every character, CRLF included.
"""

from __future__ import annotations

import re


def field_key(field: str) -> str | None:
    """The last key of a dotted field path (`a.blocks[2].text` -> `text`)."""
    return re.sub(r"\[\d+\]$", "", field.rsplit(".", 1)[-1]) or None


def field_span(raw: str, line: int, key: str | None) -> tuple[int, int, str]:
    """Start and end offsets of the value of the field at 1-based `line`, and its style."""
    lines = raw.split("\n")
    lines = [text + "\n" for text in lines[:-1]] + ([lines[-1]] if lines[-1] else [])
    if not 1 <= line <= len(lines):
        return 0, 0, "plain"
    start = sum(len(x) for x in lines[:line - 1])
    first = lines[line - 1]
    match = re.search(rf"(?<![\w-]){re.escape(key)}\s*:", first) if key else None
    match = match or re.search(r":(\s|$)", first)
    value_at = match.end() if match else 0
    value = first[value_at:].lstrip(" ")
    style = {"|": "block", ">": "block", '"': "double", "'": "single"}.get(value[:1], "plain")
    indent = len(first) - len(first.lstrip(" -"))
    end = start + len(first)
    if style == "block":
        value_at = len(first)
    for following in lines[line:]:
        stripped = following.strip()
        if stripped and len(following) - len(following.lstrip(" ")) <= indent:
            break
        end += len(following)
    return start + value_at, end, style
