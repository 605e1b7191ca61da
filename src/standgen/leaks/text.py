"""What a leak check compares: confidential strings, squashed so line breaks do not matter."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal


@dataclass(frozen=True)
class Candidate:
    """A confidential text or figure and where it came from (for the report of a leak).

    A text is matched by its `parts` (squashed; an artifact may print a footnote mark
    between two parts); a figure by its `keys` (see `figures.key`)."""

    text: str
    origin: str
    kind: Literal["text", "figure"] = "text"
    parts: tuple[str, ...] = ()
    keys: frozenset[str] = field(default_factory=frozenset)


def squash(text: str) -> str:
    """Text without whitespace or soft hyphens, for comparison across line breaks."""
    return re.sub(r"[\s\u00ad]+", "", text).lower()


def spaced(text: str) -> str:
    """Text in lower case with soft hyphens removed and every run of whitespace one
    space, for matching whole words."""
    return re.sub(r"\s+", " ", text.replace("\u00ad", "")).lower()
