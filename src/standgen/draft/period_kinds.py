"""The period grammar as data: every kind of reporting cycle standgen can roll forward.

A kind is one entry of `KINDS`: how many editions a year it has, how its periods are
written (forms), which report year each period covers, and how the placeholder date of a
new edition is found. A form is a pattern with `{word}` (the edition within the year, one
word per edition), `{year}`, and `{year2}` or `{yy}` (the year after `{year}`, in four or
two digits: "2025-2026", "2025/26"). Adding a kind or a
spelling is adding an entry; the parser, writer and roll-forward read only this table.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

ORDINALS = ("eerste", "tweede", "derde", "vierde")
NUMBERED = ("1e", "2e", "3e", "4e")
MONTHS = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
          "september", "oktober", "november", "december")


@dataclass(frozen=True)
class Form:
    """One way of writing a kind's periods: a pattern and the word for each edition."""

    pattern: str
    words: tuple[str, ...] = ("",)


@dataclass(frozen=True)
class FixedDay:
    """A publication day fixed by the calendar: the `nth` `weekday` (0 Monday) of `month`,
    named `name` in the review note ("Verantwoordingsdag")."""

    month: int
    weekday: int
    nth: int
    name: str


@dataclass(frozen=True)
class Kind:
    """A reporting cycle: its name (the value of `settings.cycle`), its forms (the first
    is the standard spelling), editions per year, the report year of edition `index` of
    `year` (a school year reports on the year it starts in), and per edition a fixed
    publication day (None: the previous edition's date, moved on by the time between the
    two periods)."""

    name: str
    per_year: int
    forms: tuple[Form, ...]
    report_year: Callable[[int, int], int]
    fixed_days: tuple[FixedDay, ...] | None = None
    example: str = ""


def _same_year(year: int, index: int) -> int:
    return year


def _seasons(year: int, index: int) -> int:
    """voorjaar N reports on the whole year N-1, najaar N on the first half of year N."""
    return year - 1 if index == 0 else year


KINDS: tuple[Kind, ...] = (
    Kind("voorjaar-najaar", 2, (Form("{word} {year}", ("voorjaar", "najaar")),), _seasons,
         (FixedDay(5, 2, 3, "Verantwoordingsdag"), FixedDay(9, 1, 3, "Prinsjesdag")),
         example="voorjaar 2026"),
    Kind("jaar", 1, (Form("{year}"), Form("kalenderjaar {year}")), _same_year,
         example="2025"),
    Kind("halfjaar", 2, (
        Form("{word} helft {year}", ORDINALS[:2]),
        Form("{word} halfjaar {year}", ORDINALS[:2]),
        Form("{word} halfjaar {year}", NUMBERED[:2]),
        Form("{word} voortgangsrapportage {year}", NUMBERED[:2]),
        Form("H{word} {year}", ("1", "2")),
        Form("{year}-H{word}", ("1", "2")),
    ), _same_year, example="eerste helft 2025"),
    Kind("kwartaal", 4, (
        Form("Q{word} {year}", ("1", "2", "3", "4")),
        Form("Q{word}-{year}", ("1", "2", "3", "4")),
        Form("{year}-Q{word}", ("1", "2", "3", "4")),
        Form("{year} Q{word}", ("1", "2", "3", "4")),
        Form("{word} kwartaal {year}", ORDINALS),
        Form("{word} kwartaal {year}", NUMBERED),
        Form("{word} voortgangsrapportage {year}", NUMBERED),
    ), _same_year, example="Q1 2026"),
    Kind("viermaand", 3, (
        Form("{word} viermaandsrapportage {year}", NUMBERED[:3]),
        Form("{word} voortgangsrapportage {year}", NUMBERED[:3]),
        Form("T{word} {year}", ("1", "2", "3")),
    ), _same_year, example="1e viermaandsrapportage 2026"),
    Kind("maand", 12, (
        Form("{word} {year}", MONTHS),
        Form("{year}-{word}", tuple(f"{m:02d}" for m in range(1, 13))),
    ), _same_year, example="maart 2026"),
    Kind("schooljaar", 1, (
        *(Form(f"{name}{{year}}{dash}{{{second}}}")
          for second in ("year2", "yy")
          for name in ("", "schooljaar ", "studiejaar ", "collegejaar ")
          for dash in ("-", "/", "\u2013")),
        Form("{year}"),
    ), _same_year, example="schooljaar 2025-2026"),
)

KIND_NAMES: tuple[str, ...] = tuple(k.name for k in KINDS)


def kind_named(name: str) -> Kind:
    """The kind called `name` (a value of `settings.cycle`)."""
    return next(k for k in KINDS if k.name == name)
