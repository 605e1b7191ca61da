"""Marks the PDF writer adds itself, kept together for the glyph check; its words come
from the tree (`Document.words`, filled from the templates)."""

from __future__ import annotations

BULLET = "•"
SUB_BULLET = "–"
LEADER = "."
SEPARATOR = " · "
DIGITS = "0123456789"


def writer_texts() -> tuple[str, ...]:
    """Every fixed string the writer may print, for the glyph check."""
    return (BULLET, SUB_BULLET, LEADER, SEPARATOR, DIGITS)
