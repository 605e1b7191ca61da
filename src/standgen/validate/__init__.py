"""Validate stage: checks beyond types (numbering, ids, totals, footnotes, units).

`validate_report` is imported on first use: compose uses `standgen.validate.derive` for
derived values, and a parallel build validates only after the public edition is composed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from standgen.validate.checks import validate_report

__all__ = ["validate_report"]


def __getattr__(name: str) -> Any:
    if name != "validate_report":
        raise AttributeError(f"module 'standgen.validate' has no attribute {name!r}")
    from standgen.validate.checks import validate_report

    return validate_report
