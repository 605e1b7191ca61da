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

EXHAUSTIVE = 16
"""Up to this many candidate lines every subset is tried (meet in the middle: 2 × 2⁸
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


class SumFinder:
    """Finds, for one target after another, lines of one group (a table's rows or columns
    of one unit) whose sum is the target's printed numbers in every position."""

    def __init__(self, lines: Sequence[Line], positions: Sequence[str]) -> None:
        self.lines = list(lines)
        self.positions = list(positions)
        self.at = {id(line): i for i, line in enumerate(self.lines)}
        self._prefixes: dict[tuple[str, ...], _Prefix] = {}

    def find(self, target: Line) -> tuple[Line, ...] | None:
        """The lines that add up to `target` (two or more, one withheld), or None."""
        places = [p for p in self.positions
                  if p in target.entries and not target.entries[p].hidden]
        if not places:
            return None
        goal = tuple(target.entries[p].value for p in places)
        slack = tuple(target.entries[p].half for p in places)
        if len(self.lines) - 1 > EXHAUSTIVE:
            if id(target) not in self.at:
                return None  # a line outside the group: only short tables are searched
            key = tuple(places)
            if key not in self._prefixes:
                self._prefixes[key] = _Prefix(self.lines, places)
            found = self._prefixes[key].runs(self.at[id(target)], goal, slack)
            return None if found is None else tuple(self.lines[i] for i in found)
        lines = [c for c in self.lines if c is not target and any(
            c.entries.get(p) is not None and (c.entries[p].value or c.entries[p].hidden)
            for p in places)]
        if len(lines) < 2 or not any(_hides(c, places) for c in lines):
            return None
        members = _meet_in_the_middle(goal, slack, lines, places)
        return None if members is None else tuple(lines[i] for i in sorted(members))


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


def _fits(goal: tuple[int, ...], slack: tuple[int, ...], part: _Partial,
          need_hidden: bool = True) -> bool:
    return part.count >= 2 and (part.hidden or not need_hidden) and all(
        abs(g - s) <= t + u for g, s, t, u in zip(goal, part.sums, slack, part.slack,
                                                  strict=True))


def _meet_in_the_middle(goal: tuple[int, ...], slack: tuple[int, ...], lines: list[Line],
                        places: Sequence[str], need_hidden: bool = True
                        ) -> tuple[int, ...] | None:
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
            if _fits(goal, slack, joined, need_hidden):
                return joined.members
    return None


class _Prefix:
    """Prefix sums of the lines' values, slack and withheld counts, for the runs of a long
    table: a window on one position keeps each target's search near constant."""

    def __init__(self, lines: list[Line], places: Sequence[str]) -> None:
        width = len(places)
        self.singles = [_single(line, places, i) for i, line in enumerate(lines)]
        self.sums = [(0,) * width]
        self.slack = [(0,) * width]
        self.hidden = [0]
        for single in self.singles:
            self.sums.append(_add(self.sums[-1], single.sums))
            self.slack.append(_add(self.slack[-1], single.slack))
            self.hidden.append(self.hidden[-1] + int(single.hidden))
        self.pivot = max(range(width), key=lambda j: len({s[j] for s in self.sums}))
        self.order = sorted(range(len(self.sums)), key=lambda k: self.sums[k][self.pivot])
        self.keys = [self.sums[k][self.pivot] for k in self.order]

    def runs(self, at: int, goal: tuple[int, ...], slack: tuple[int, ...]
             ) -> tuple[int, ...] | None:
        """Runs ending just before the target at `at` or starting just after it, or all
        lines but the target: the shapes of subtotals and totals."""
        for low in self._ends(at, goal, slack, -1):
            if at - low >= 2 and self._fits(low, at, goal, slack):
                return tuple(range(low, at))
        for high in self._ends(at + 1, goal, slack, 1):
            if high - at - 1 >= 2 and self._fits(at + 1, high, goal, slack):
                return tuple(range(at + 1, high))
        everything = _Partial(_add(self.sums[-1], _neg(self.singles[at].sums)),
                              _add(self.slack[-1], _neg(self.singles[at].slack)),
                              len(self.singles) - 1,
                              self.hidden[-1] > int(self.singles[at].hidden), ())
        if _fits(goal, slack, everything):
            return tuple(i for i in range(len(self.singles)) if i != at)
        return None

    def _ends(self, fixed: int, goal: tuple[int, ...], slack: tuple[int, ...], sign: int
              ) -> list[int]:
        j = self.pivot
        reach = slack[j] + self.slack[-1][j]
        want = self.sums[fixed][j] + sign * goal[j]
        found = self.order[bisect_left(self.keys, want - reach):
                           bisect_right(self.keys, want + reach)]
        return sorted(k for k in found if (k < fixed if sign < 0 else k > fixed))

    def _fits(self, low: int, high: int, goal: tuple[int, ...], slack: tuple[int, ...]
              ) -> bool:
        if self.hidden[high] == self.hidden[low]:
            return False
        return all(abs(g - (h - lo)) <= t + (sh - sl) for g, h, lo, t, sh, sl in zip(
            goal, self.sums[high], self.sums[low], slack, self.slack[high], self.slack[low],
            strict=True))


def _add(a: tuple[int, ...], b: tuple[int, ...]) -> tuple[int, ...]:
    return tuple(x + y for x, y in zip(a, b, strict=True))


def _neg(a: tuple[int, ...]) -> tuple[int, ...]:
    return tuple(-x for x in a)


def find_withheld(target: Line, lines: Sequence[Line], positions: Sequence[str]
                  ) -> tuple[Line, ...] | None:
    """Printed lines (two or more) that add up to the withheld `target` in every position,
    each printed where the target is withheld: their sum gives the withheld figure away.
    A difference (withheld = x − y) is the other search's: x = withheld + y. Of more than
    `EXHAUSTIVE` candidates only the nearest to the target are tried."""
    places = [p for p in positions if p in target.entries]
    secret = [p for p in places if target.entries[p].hidden]
    if not secret:
        return None
    candidates = [c for c in lines if c is not target
                  and all(p in c.entries and not c.entries[p].hidden for p in secret)
                  and any(c.entries.get(p) is not None and c.entries[p].value
                          for p in places)]
    candidates = sorted(candidates, key=lambda c: abs(c.index - target.index))[:EXHAUSTIVE]
    if len(candidates) < 2:
        return None
    goal = tuple(target.entries[p].value for p in places)
    slack = tuple(target.entries[p].half for p in places)
    members = _meet_in_the_middle(goal, slack, candidates, places, need_hidden=False)
    return None if members is None else tuple(
        sorted((candidates[i] for i in members), key=lambda c: c.index))
