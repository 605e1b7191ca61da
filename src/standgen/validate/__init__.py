"""Validate stage: checks beyond types (numbering, ids, totals, footnotes, units)."""

from standgen.validate.checks import validate_report

__all__ = ["validate_report"]
