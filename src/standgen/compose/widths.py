"""Column widths for tables, as shares of the text block, from the texts they hold.

A layout-neutral estimate in characters: figures never wrap, header words never break,
and where the natural widths do not fit the text block, the label column gives way first,
then the headers (which wrap between words), never the figures.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from standgen.compose import richtext
from standgen.compose import tree as t

TEXT_BLOCK_CHARS = 92
PADDING = 3
STUB_MIN, STUB_MAX = 12, 48
VALUE_MAX = 40
_BREAKS = re.compile(r"\s+|(?<=[/-])(?=[^\W\d_])")
"""Where a line may break in a cell: at a space, after a slash or a hyphen before a letter
("loopbaan-/ontwikkelings-/scholingsmogelijkheden" is no one word; "2024-2025" is)."""
FLOOR = 6


@dataclass
class _Need:
    natural: int = 0
    minimum: int = 0


def column_widths(header: tuple[t.TableRow, ...], body: tuple[t.TableRow, ...],
                  budget: float = TEXT_BLOCK_CHARS, padding: float = PADDING
                  ) -> tuple[float, ...]:
    """Relative widths (summing to 1) for a table's columns, for a text block `budget`
    characters wide with `padding` characters around each cell's text."""
    natural, minimum = natural_and_minimum(header, body, padding)
    widths = _shrink(natural, minimum, budget)
    total = float(sum(widths))
    return tuple(round(w / total, 4) for w in widths)


def natural_and_minimum(header: tuple[t.TableRow, ...], body: tuple[t.TableRow, ...],
                        padding: float = PADDING) -> tuple[list[float], list[float]]:
    """Each column's natural width and the least it can take (figures unbroken, words
    whole), in characters with padding."""
    needs = _needs(header, body)
    natural = [min(n.natural, VALUE_MAX) + padding for n in needs]
    minimum = [max(min(n.minimum, n.natural, VALUE_MAX) + padding, FLOOR) for n in needs]
    natural = [max(n, m) for n, m in zip(natural, minimum, strict=True)]
    natural[0] = min(max(natural[0], STUB_MIN), STUB_MAX)
    minimum[0] = min(max(minimum[0], STUB_MIN), natural[0])
    return natural, minimum


def _needs(header: tuple[t.TableRow, ...], body: tuple[t.TableRow, ...]) -> list[_Need]:
    count = max((sum(c.colspan for c in r.cells) for r in (*header, *body)), default=1)
    needs = [_Need() for _ in range(count)]
    covered: dict[int, int] = {}
    for row in (*header, *body):
        index = 0
        for cell in row.cells:
            while covered.get(index, 0) > 0:
                index += 1
            if cell.colspan == 1 and index < count:
                _measure(needs[index], cell, is_header=row in header, is_stub=index == 0)
            for spanned in range(index, index + cell.colspan):
                covered[spanned] = cell.rowspan
            index += cell.colspan
        covered = {i: left - 1 for i, left in covered.items() if left > 1}
    return needs


def _measure(need: _Need, cell: t.Cell, is_header: bool, is_stub: bool) -> None:
    text = " ".join(richtext.plain(cell.inlines).split())
    longest_word = max((len(w) for w in _BREAKS.split(text)), default=0)
    need.natural = max(need.natural, len(text))
    wraps = is_header or is_stub or cell.align == "left"
    need.minimum = max(need.minimum, longest_word if wraps else len(text))


def _shrink(natural: list[float], minimum: list[float], budget: float) -> list[float]:
    """Take width away where it can go: from the label column first, then from the other
    columns in proportion to what each can spare."""
    widths: list[float] = [float(w) for w in natural]
    excess = sum(widths) - budget
    if excess <= 0:
        return widths
    give = min(excess, widths[0] - minimum[0])
    widths[0] -= give
    excess -= give
    slack = [widths[i] - minimum[i] for i in range(1, len(widths))]
    spare = sum(slack)
    if excess > 0 and spare > 0:
        share = min(1.0, excess / spare)
        for i, room in enumerate(slack, start=1):
            widths[i] -= room * share
    return widths
