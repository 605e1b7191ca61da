"""What a leak check compares: confidential strings, squashed so line breaks do not matter."""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Candidate:
    """A confidential string and where it came from (for the report of a leak)."""

    text: str
    origin: str


def squash(text: str) -> str:
    """Text without whitespace or soft hyphens, for comparison across line breaks."""
    return re.sub(r"[\s\u00ad]+", "", text).lower()
