"""Report periods of every kind in `period_kinds.KINDS`: read, written, the next one, the
report year each covers and the placeholder date of a new edition.

A text is read by every form of every kind. One kind reading it is a period; none is an
unknown period; more than one (e.g. "2025": a calendar year, or the school year 2025-2026
named by its first year) is refused until the cycle is stated, because the next edition
and its years depend on it. Case and runs of spaces (also no-break spaces) do not matter.
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import re
import unicodedata
from dataclasses import dataclass

from standgen.draft.period_kinds import KIND_NAMES, KINDS, MONTHS, Form, Kind, kind_named
from standgen.errors import StandgenError

FIRST_YEAR, LAST_YEAR = 1900, 2199


class DraftError(StandgenError):
    """A drafting step cannot run with the arguments given (period, output folder)."""


class PeriodError(DraftError):
    """A period text that is unknown, ambiguous, or not of the report's cycle."""


@dataclass(frozen=True)
class Period:
    """One edition's period: its kind, calendar year, edition within the year (0-based)
    and the form it is written in (kept, so the next edition is spelled the same way)."""

    kind: Kind
    year: int
    index: int
    form: Form
    capital: bool = False

    @property
    def name(self) -> str:
        """The period as the report writes it, e.g. "najaar 2026" or "Q2 2026" (with a
        capital first letter if the report's period had one)."""
        text = write(self.form, self.year, self.index)
        return text[:1].upper() + text[1:] if self.capital else text

    @property
    def meaning(self) -> str:
        """The period in its kind's standard spelling, e.g. "schooljaar 2025-2026"."""
        return write(self.kind.forms[0], self.year, self.index)

    @property
    def report_year(self) -> int:
        """The year the edition reports on (voorjaar N: N-1; a school year: its first)."""
        return self.kind.report_year(self.year, self.index)

    @property
    def position(self) -> int:
        """The edition's place in its cycle: one more for each next edition."""
        return self.year * self.kind.per_year + self.index

    def next(self) -> Period:
        """The next edition's period, written in the same form."""
        year, index = divmod(self.position + 1, self.kind.per_year)
        if year > LAST_YEAR:
            raise PeriodError(f"period {self.name!r} has no next period: standgen reads "
                              f"years up to {LAST_YEAR}")
        return Period(self.kind, year, index, self.form, self.capital)

    def __lt__(self, other: Period) -> bool:
        return self.position < other.position

    def __le__(self, other: Period) -> bool:
        return self.position <= other.position


def write(form: Form, year: int, index: int) -> str:
    """The text of edition `index` of `year` in `form`."""
    return (form.pattern.replace("{word}", form.words[index])
            .replace("{year2}", str(year + 1)).replace("{yy}", f"{(year + 1) % 100:02d}")
            .replace("{year}", str(year)))


def normalised(text: str) -> str:
    """`text` with its spaces (also no-break and other Unicode spaces) trimmed and single."""
    return " ".join(text.split())


def readings(text: str, cycle: str | None = None) -> list[Period]:
    """Every period `text` can be, one per kind at most (only `cycle`'s kind if given)."""
    clean = normalised(text)
    kinds = KINDS if cycle is None else (kind_named(cycle),)
    found: list[Period] = []
    for kind in kinds:
        for form in kind.forms:
            period = _read_form(kind, form, clean)
            if period is not None:
                found.append(period)
                break
    return found


def parse_period(text: str, cycle: str | None = None) -> Period:
    """The one period `text` is (of `cycle`'s kind if given); else a PeriodError that
    says what was expected."""
    found = readings(text, cycle)
    if len(found) == 1:
        return found[0]
    if found:
        raise PeriodError(ambiguity(text, found))
    raise PeriodError(unknown(text, cycle))


def ambiguity(text: str, found: list[Period]) -> str:
    """The message for a text more than one kind reads."""
    ways = "; ".join(f"as {p.kind.name} {p.meaning!r}{_next_of(p)}" for p in found)
    names = ", ".join(p.kind.name for p in found)
    plain = [f"{s!r} for {p.kind.name}" for p in found if (s := _plain_next(p)) is not None]
    way_out = f", or give the new period with --to as {' or '.join(plain)}" if plain else ""
    return (f"period {normalised(text)!r} can be read in {len(found)} ways: {ways}. State "
            f"the report's cycle in report.yaml as `settings: {{cycle: ...}}` with one of "
            f"{names}{way_out}")


def _next_of(period: Period) -> str:
    return f" (next: {period.next().name!r})" if period.year < LAST_YEAR else ""


def _plain_next(period: Period) -> str | None:
    """The next period in a spelling of its kind that no other kind reads, if any."""
    if period.year >= LAST_YEAR:
        return None
    after = period.next()
    for form in period.kind.forms:
        text = write(form, after.year, after.index)
        if len(readings(text)) == 1:
            return text
    return None


def unknown(text: str, cycle: str | None) -> str:
    """The message for a text no kind (or not `cycle`'s kind) reads."""
    if cycle is not None:
        kind = kind_named(cycle)
        others = " or ".join(p.kind.name for p in readings(text))
        hint = f" (it reads as a {others})" if others else _near_miss(normalised(text))
        return (f"period {normalised(text)!r} is not a period of the cycle {cycle!r} "
                f"(settings.cycle){hint}; write it like {kind.example!r}, or change "
                "settings.cycle")
    hint = _near_miss(normalised(text))
    examples = ", ".join(repr(k.example) for k in KINDS)
    return (f"period {normalised(text)!r} is not a period standgen knows{hint}; write it "
            f"like one of {examples} (cycles: {', '.join(KIND_NAMES)})")


def _near_miss(clean: str) -> str:
    """Why a text that looks like a period still is not one, or nothing."""
    hidden = [c for c in clean if unicodedata.category(c) in ("Cf", "Cc", "Co", "Cn")]
    if hidden:
        return (f" (it holds an invisible character U+{ord(hidden[0]):04X}; retype the "
                "period)")
    if any(c.isdigit() and not "0" <= c <= "9" for c in clean):
        return " (write the year in the digits 0 to 9)"
    editions = [f"{kind.name}: {', '.join(form.words)}" for kind in KINDS
                for form in kind.forms if _has_words(form)
                and _regex(form, loose=True).fullmatch(clean)]
    if editions:
        return f" (no cycle has that edition; {'; '.join(editions)})"
    years = [int(y) for y in re.findall(r"\d{3,}", clean)]
    if any(len(str(y)) != 4 or not FIRST_YEAR <= y <= LAST_YEAR for y in years):
        return f" (a year is written with four digits, {FIRST_YEAR} to {LAST_YEAR})"
    if re.fullmatch(r"\D*\d{4} ?[-/\u2013] ?(\d{4}|\d\d)", clean):
        first, second = (int(y) for y in re.findall(r"\d+", clean))
        if clean[-3] in "-/" and 1 <= second <= 12 and second != (first + 1) % 100:
            return (f" (for a month write its name, as in "
                    f"'{MONTHS[second - 1]} {first}'; a school year is written 2025-2026)")
        if second not in (first + 1, (first + 1) % 100):
            return " (the two years of a school year follow each other, as in 2025-2026)"
        if " " in clean[-8:]:
            return " (write the two years without spaces around the dash, as in 2025-2026)"
    return ""


def _has_words(form: Form) -> bool:
    """The form names its editions next to a fixed word ("Q1", "1e kwartaal")."""
    fixed = re.sub(r"\{\w+\}", "", form.pattern)
    return "{word}" in form.pattern and any(c.isalpha() for c in fixed)


def _read_form(kind: Kind, form: Form, clean: str) -> Period | None:
    match = _regex(form).fullmatch(clean)
    if match is None:
        return None
    year = int(match.group("year"))
    if not FIRST_YEAR <= year <= LAST_YEAR:
        return None
    if "year2" in match.groupdict() and int(match.group("year2")) != year + 1:
        return None
    if "yy" in match.groupdict() and int(match.group("yy")) != (year + 1) % 100:
        return None
    index = 0
    if "word" in match.groupdict():
        words = [w.lower() for w in form.words]
        index = words.index(match.group("word").lower())
    written = write(form, year, index)
    capital = clean[:1].isupper() and not written[:1].isupper()
    return Period(kind, year, index, form, capital)


@functools.cache
def _regex(form: Form, loose: bool = False) -> re.Pattern[str]:
    """The pattern of `form` as a case-blind regular expression over normalised text;
    `loose` lets the edition word be any word (to say why a text almost matched)."""
    parts = re.split(r"(\{word\}|\{year2\}|\{year\}|\{yy\})", form.pattern)
    out: list[str] = []
    for part in parts:
        if part == "{word}":
            words = sorted(form.words, key=len, reverse=True)
            choice = r"\w+" if loose else "|".join(re.escape(w) for w in words)
            out.append(f"(?P<word>{choice})")
        elif part in ("{year}", "{year2}", "{yy}"):
            digits = 2 if part == "{yy}" else 4
            out.append(rf"(?P<{part[1:-1]}>[0-9]{{{digits}}})")
        else:
            out.append(re.escape(part))
    return re.compile("".join(out), re.IGNORECASE)


def placeholder_date(new: Period, previous: Period, previous_date: dt.date
                     ) -> tuple[dt.date, str]:
    """The assumed publication date of the new edition and why: the kind's fixed day
    (Verantwoordingsdag, Prinsjesdag), else the previous edition's date moved on by the
    time between the two periods."""
    if new.kind.fixed_days is not None:
        day = new.kind.fixed_days[new.index]
        first = dt.date(new.year, day.month, 1)
        offset = (day.weekday - first.weekday()) % 7
        return first + dt.timedelta(days=offset + 7 * (day.nth - 1)), day.name
    months = (new.position - previous.position) * 12 // new.kind.per_year
    later = "één maand" if months == 1 else f"{months} maanden"
    return add_months(previous_date, months), f"de datum van de vorige editie, {later} later"


def add_months(day: dt.date, months: int) -> dt.date:
    """`day` `months` later, on the month's last day where it is shorter."""
    year, month = divmod(day.month - 1 + months, 12)
    year += day.year
    last = calendar.monthrange(year, month + 1)[1]
    return dt.date(year, month + 1, min(day.day, last))
