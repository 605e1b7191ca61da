"""Report periods ("voorjaar 2026", "najaar 2026"): the year each covers and its date.

The rule: a voorjaar edition (sent with Verantwoordingsdag in May) reports on the whole
previous year, so voorjaar N has report year N-1; a najaar edition (sent with Prinsjesdag
in September) reports on the first half of its own year, so najaar N has report year N.
Rolling voorjaar N to najaar N therefore adds year N; rolling najaar N to voorjaar N+1
keeps report year N, whose half-year figures are then to be replaced by full-year ones.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from standgen.errors import StandgenError

SEASONS = ("voorjaar", "najaar")


class DraftError(StandgenError):
    """A drafting step cannot run with the arguments given (period, output folder)."""


_PATTERN = re.compile(r"\s*(voorjaar|najaar)\s+(\d{4})\s*", re.IGNORECASE)


@dataclass(frozen=True, order=True)
class Period:
    """One edition's period: its calendar year and season (0 voorjaar, 1 najaar)."""

    year: int
    season: int

    @property
    def name(self) -> str:
        """The period as the report writes it, e.g. "najaar 2026"."""
        return f"{SEASONS[self.season]} {self.year}"

    @property
    def report_year(self) -> int:
        """The year the edition reports on: N-1 for voorjaar N, N for najaar N."""
        return self.year - 1 if self.season == 0 else self.year

    @property
    def publication_date(self) -> dt.date:
        """A placeholder date: Verantwoordingsdag (third Wednesday of May) for voorjaar,
        Prinsjesdag (third Tuesday of September) for najaar."""
        month, weekday = (5, 2) if self.season == 0 else (9, 1)
        first = dt.date(self.year, month, 1)
        offset = (weekday - first.weekday()) % 7
        return first + dt.timedelta(days=offset + 14)


def parse_period(text: str) -> Period:
    """Read "voorjaar 2026" or "najaar 2026" (any case); anything else is a DraftError."""
    match = _PATTERN.fullmatch(text)
    if match is None:
        raise DraftError(f"period {text!r} is not of the form 'voorjaar 2026' or "
                         "'najaar 2026'")
    return Period(int(match.group(2)), SEASONS.index(match.group(1).lower()))
