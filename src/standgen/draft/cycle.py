"""Which cycle a report follows, and so its period and the next edition's period.

The cycle comes from `settings.cycle` when the report states it, else from the periods
themselves: the report's own period and, if given, the new period (`--to`) must both be
read by exactly one common kind. Anything else is refused where it was written.
"""

from __future__ import annotations

from standgen.draft.periods import (
    DraftError,
    Period,
    PeriodError,
    ambiguity,
    parse_period,
    readings,
    unknown,
)
from standgen.errors import Location, SourceError, source_error
from standgen.model.report import Report


def periods_of(report: Report, wanted: str | None) -> tuple[Period, Period]:
    """The report's period and the next edition's (`wanted`, else the one after)."""
    cycle = report.settings.cycle
    at = report.loc("period", "period")
    if cycle is not None:
        previous = _located(at, report.period, cycle)
        new = previous.next() if wanted is None else _given(wanted, cycle)
    else:
        previous, new = _inferred(report.period, wanted, at)
    _check_report_year(report, previous)
    if new <= previous:
        raise DraftError(f"period {new.name!r} does not come after the report's own period "
                         f"{previous.name!r}")
    return previous, new


def _inferred(text: str, wanted: str | None, at: Location) -> tuple[Period, Period]:
    """Both periods read without a stated cycle: one kind must read both."""
    found = readings(text)
    if not found:
        raise _error(at, unknown(text, None))
    if wanted is None:
        if len(found) > 1:
            raise _error(at, ambiguity(text, found))
        return found[0], found[0].next()
    targets = readings(wanted)
    if not targets:
        raise DraftError(f"--to: {unknown(wanted, None)}")
    common = {p.kind.name for p in found} & {p.kind.name for p in targets}
    if len(common) == 1:
        (kind,) = common
        return (next(p for p in found if p.kind.name == kind),
                next(p for p in targets if p.kind.name == kind))
    if len(common) > 1:
        raise _error(at, ambiguity(text, [p for p in found if p.kind.name in common]))
    raise _error(at, f"the new period {wanted!r} ({_kinds(targets)}) is not of the same "
                 f"cycle as the report's period {text!r} ({_kinds(found)}); give a new "
                 "period of the report's cycle, or start the new cycle's first edition "
                 "by hand")


def _kinds(found: list[Period]) -> str:
    return " or ".join(p.kind.name for p in found)


def _located(at: Location, text: str, cycle: str) -> Period:
    try:
        return parse_period(text, cycle)
    except PeriodError as exc:
        raise _error(at, str(exc)) from None


def _given(wanted: str, cycle: str) -> Period:
    try:
        return parse_period(wanted, cycle)
    except PeriodError as exc:
        raise DraftError(f"--to: {exc}") from None


def _check_report_year(report: Report, previous: Period) -> None:
    """The report's `report_year` must be the one its period covers: the new edition's
    year columns are moved on from it."""
    if report.report_year != previous.report_year:
        at = report.loc("report_year", "report_year")
        raise source_error(at.file, at.line, at.field,
                           f"report_year {report.report_year} is not the year the period "
                           f"{previous.name!r} covers as a {previous.kind.name} "
                           f"({previous.report_year}); correct report_year or the period, or "
                           "state another cycle with settings.cycle")


def _error(at: Location, message: str) -> SourceError:
    return source_error(at.file, at.line, at.field, message)
