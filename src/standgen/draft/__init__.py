"""Drafting workflow: roll a report forward to the next edition, list structural changes."""

from standgen.draft.periods import DraftError, Period, parse_period
from standgen.draft.rollforward import RollForwardResult, roll_forward

__all__ = ["DraftError", "Period", "RollForwardResult", "parse_period", "roll_forward"]
