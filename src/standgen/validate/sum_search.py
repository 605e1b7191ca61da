"""Is a printed row (or column) the sum of other rows (columns), one of them withheld?

Pure arithmetic over scaled integers: a `Line` is a row or a column of one table, reduced to
the numbers a reader of the openbare versie sees (or, for a withheld cell, the confidential
number the source holds). `find_sum` looks for a set of lines whose numbers add up to the
target's in every position, within the rounding of the printed figures, with at least two
lines and a withheld cell among them: then the target minus the printed lines gives the
withheld figure (or the sum of the withheld figures) away.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

EXHAUSTIVE = 24
"""Up to this many candidate lines every subset is tried (meet in the middle: 2 × 2¹²
sums); beyond it only runs of lines next to the target, and all of them together."""


@dataclass(frozen=True)
class Entry:
    """One position of a line: its number scaled to an integer, half a unit of its printed
    precision on the same scale, and whether the openbare versie withholds it."""

    value: int
    half: int
    hidden: bool


@dataclass(frozen=True)
class Line:
    """A row or column: its key, its place in the table, and its entries by position."""

    key: str
    index: int
    entries: dict[str, Entry]


@dataclass(frozen=True)
class _Partial:
    sums: tuple[int, ...]
    slack: tuple[int, ...]
    count: int
    hidden: bool
    members: tuple[int, ...]


def find_sum(target: Line, candidates: Sequence[Line], positions: Sequence[str]
             ) -> tuple[Line, ...] | None:
    """Lines whose sum is the target's printed numbers in every position, or None."""
    places = [p for p in positions if p in target.entries and not target.entries[p].hidden]
    if not places:
        return None
    lines = [c for c in candidates if c is not target and any(
        c.entries.get(p) is not None and (c.entries[p].value or c.entries[p].hidden)
        for p in places)]
    if len(lines) < 2 or not any(_hides(c, places) for c in lines):
        return None
    goal = tuple(target.entries[p].value for p in places)
    slack = tuple(target.entries[p].half for p in places)
    found = (_meet_in_the_middle(goal, slack, lines, places) if len(lines) <= EXHAUSTIVE
             else _runs(goal, slack, lines, places, target.index))
    return None if found is None else tuple(lines[i] for i in sorted(found))


def _hides(line: Line, places: Sequence[str]) -> bool:
    return any(line.entries[p].hidden for p in places if p in line.entries)


def _single(line: Line, places: Sequence[str], index: int) -> _Partial:
    entries = [line.entries.get(p) for p in places]
    return _Partial(tuple(e.value if e else 0 for e in entries),
                    tuple(e.half if e else 0 for e in entries), 1, _hides(line, places),
                    (index,))


def _join(a: _Partial, b: _Partial) -> _Partial:
    return _Partial(tuple(x + y for x, y in zip(a.sums, b.sums, strict=True)),
                    tuple(x + y for x, y in zip(a.slack, b.slack, strict=True)),
                    a.count + b.count, a.hidden or b.hidden, a.members + b.members)


def _subsets(singles: list[_Partial], width: int) -> list[_Partial]:
    out = [_Partial((0,) * width, (0,) * width, 0, False, ())]
    for single in singles:
        out += [_join(p, single) for p in out]
    return out


def _fits(goal: tuple[int, ...], slack: tuple[int, ...], part: _Partial) -> bool:
    return part.count >= 2 and part.hidden and all(
        abs(g - s) <= t + u for g, s, t, u in zip(goal, part.sums, slack, part.slack,
                                                  strict=True))


def _meet_in_the_middle(goal: tuple[int, ...], slack: tuple[int, ...], lines: list[Line],
                        places: Sequence[str]) -> tuple[int, ...] | None:
    singles = [_single(line, places, i) for i, line in enumerate(lines)]
    half = len(singles) // 2
    left, right = _subsets(singles[:half], len(places)), _subsets(singles[half:], len(places))
    pivot = max(range(len(places)), key=lambda j: len({s.sums[j] for s in singles}))
    right.sort(key=lambda p: p.sums[pivot])
    keys = [p.sums[pivot] for p in right]
    widest = max(p.slack[pivot] for p in right)
    for a in left:
        rest = goal[pivot] - a.sums[pivot]
        reach = slack[pivot] + a.slack[pivot] + widest
        for b in right[bisect_left(keys, rest - reach):bisect_right(keys, rest + reach)]:
            joined = _join(a, b)
            if _fits(goal, slack, joined):
                return joined.members
    return None


def _runs(goal: tuple[int, ...], slack: tuple[int, ...], lines: list[Line],
          places: Sequence[str], at: int) -> tuple[int, ...] | None:
    """Runs of lines ending just before the target or starting just after it, and all
    lines together: the shapes of subtotals and totals in a long table."""
    singles = [_single(line, places, i) for i, line in enumerate(lines)]
    before = [i for i, line in enumerate(lines) if line.index < at]
    after = [i for i, line in enumerate(lines) if line.index > at]
    for order in (list(reversed(before)), after):
        total: _Partial | None = None
        for i in order:
            total = singles[i] if total is None else _join(total, singles[i])
            if _fits(goal, slack, total):
                return total.members
    everything = singles[0]
    for single in singles[1:]:
        everything = _join(everything, single)
    return everything.members if _fits(goal, slack, everything) else None
