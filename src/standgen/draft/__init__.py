"""Drafting workflow: roll a report forward to the next edition, list structural changes."""

from standgen.draft.changes import Change, changes_between
from standgen.draft.periods import DraftError, Period, parse_period
from standgen.draft.rollforward import RollForwardResult, roll_forward

__all__ = ["Change", "DraftError", "Period", "RollForwardResult", "changes_between",
           "parse_period", "roll_forward"]
