"""Find a paragraph's words in the exact source text of one YAML field.

A field's text is read as Word shows it: line breaks and indentation become one space,
a footnote reference `[^id]` becomes one mark, emphasis stars vanish; every character
keeps its offset in the file, so an edit replaces exactly the span it concerns.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from standgen.load.yaml_span import field_key, field_span
from standgen.review.docxread import NOTE

__all__ = ["Flat", "Found", "field_key", "field_span", "find", "flatten"]

_FOOTNOTE = re.compile(r"\[\^[^\]\s]+\]")
CONTEXTS = (80, 40, 24, 12, 6, 3, 0)
MIN_CONTEXT = 6


@dataclass(frozen=True)
class Flat:
    """A field's text as printed, with the file offset of every character."""

    text: str
    offsets: tuple[int, ...]
    style: str
    """How the value is written in YAML: block, double, single or plain."""


def flatten(raw: str, start: int, end: int, style: str) -> Flat:
    """The printed text of raw[start:end] with the file offset of each character."""
    chars: list[str] = []
    offsets: list[int] = []
    index = start
    while index < end:
        char = raw[index]
        if char == "\n":
            after = index + 1
            while after < end and raw[after] in " \t\r":
                after += 1
            chars.append(" ")
            offsets.append(index)
            index = after
            continue
        note = _FOOTNOTE.match(raw, index, end)
        if note:
            chars.append(NOTE)
            offsets.append(index)
            index = note.end()
            continue
        if char in "*\r":
            index += 1
            continue
        chars.append(" " if char == "\u00a0" else char)
        offsets.append(index)
        index += 1
    offsets.append(end)
    return Flat("".join(chars), tuple(offsets), style)


@dataclass(frozen=True)
class Found:
    """Where the deleted text (or the insertion point) stands in the file."""

    start: int
    end: int


def find(flat: Flat, before: str, deleted: str, after: str) -> Found | str:
    """The unique file span of `deleted` between `before` and `after`, or why not."""
    for tried, size in enumerate(CONTEXTS):
        head = before[-size:] if size else ""
        tail = after[:size] if size else ""
        if len(head) + len(tail) + len(deleted) < MIN_CONTEXT:
            if tried:
                break
            return ("too little text around the edit to find its place for certain; make "
                    "the edit in the source")
        needle = head + deleted + tail
        hits = [m.start() for m in re.finditer(re.escape(needle), flat.text)]
        if len(hits) > 1:
            return "the words around the edit occur more than once in the source field"
        if hits:
            first = hits[0] + len(head)
            last = first + len(deleted)
            return Found(flat.offsets[first], _end_offset(flat, first, last))
    return ("the text around the edit is not in the source as built (changed since the "
            "build, or it comes from a template expression or markup)")


def _end_offset(flat: Flat, first: int, last: int) -> int:
    if last == first:
        return flat.offsets[first]
    if flat.text[last - 1] in (" ", NOTE):
        return flat.offsets[last]
    return flat.offsets[last - 1] + 1
