"""Column widths for tables, as shares of the text block, from the texts they hold.

Measured in points with the advance widths of the theme's table font (bold where a writer
prints bold), so that the estimate is what the writers need: figures never wrap, header
words never break, and where the natural widths do not fit the text block, the label
column gives way first, then the headers (which wrap between words), never the figures.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from standgen.compose import tree as t
from standgen.compose.richtext import plain
from standgen.theme.metrics import (
    NORMAL_PADDING_PT,
    SLACK_PT,
    TEXT_BLOCK_PT,
    TableMetrics,
    default_metrics,
)

PADDING = 2 * NORMAL_PADDING_PT + SLACK_PT
"""What a column of a normal table takes beyond its text, in points."""
STUB_MIN_EM, STUB_MAX_EM = 6.0, 24.0
VALUE_MAX_EM = 20.0
FLOOR_EM = 1.5
NOTE_MARK_SCALE = 0.6  # a footnote mark is set smaller (superscript)
BOLD_ROLES = ("total", "subtotal", "group")
_BREAKS = re.compile(r"[ \t]+|(?<=[/-])(?=[^\W\d_])")
"""Where a line may break in a cell: at a space (not a no-break space), after a slash or a
hyphen before a letter ("loopbaan-/ontwikkelings-/scholingsmogelijkheden" is no one word;
"2024-2025" is)."""
_SPACES = re.compile(r"[ \t\r]+")


@dataclass
class Need:
    """A column's text at font scale 1, in points: its widest line and the least it can
    take (its longest unbreakable piece)."""

    natural: float = 0.0
    minimum: float = 0.0


def column_widths(header: tuple[t.TableRow, ...], body: tuple[t.TableRow, ...],
                  budget: float = TEXT_BLOCK_PT, padding: float = PADDING,
                  metrics: TableMetrics | None = None, scale: float = 1.0
                  ) -> tuple[float, ...]:
    """Relative widths (summing to 1) for a table's columns, for a text block `budget`
    points wide with `padding` points beside each cell's text, at font scale `scale`."""
    needs = measure(header, body, metrics or default_metrics())
    return shares(needs, budget, padding, metrics or default_metrics(), scale)


def shares(needs: list[Need], budget: float, padding: float, metrics: TableMetrics,
           scale: float = 1.0) -> tuple[float, ...]:
    """Relative widths (summing to 1) for columns of measured `needs`."""
    natural, minimum = natural_and_minimum(needs, padding, metrics, scale)
    widths = _shrink(natural, minimum, budget)
    total = float(sum(widths))
    return tuple(round(w / total, 4) for w in widths)


def natural_and_minimum(needs: list[Need], padding: float, metrics: TableMetrics,
                        scale: float = 1.0) -> tuple[list[float], list[float]]:
    """Each column's natural width and the least it can take (figures unbroken, words
    whole), in points with padding, at font scale `scale`."""
    em = metrics.size * scale
    natural = [min(n.natural * scale, VALUE_MAX_EM * em) + padding for n in needs]
    minimum = [max(min(n.minimum * scale, n.natural * scale, VALUE_MAX_EM * em),
                   FLOOR_EM * em) + padding for n in needs]
    natural = [max(n, m) for n, m in zip(natural, minimum, strict=True)]
    natural[0] = min(max(natural[0], STUB_MIN_EM * em), STUB_MAX_EM * em)
    minimum[0] = min(max(minimum[0], STUB_MIN_EM * em), natural[0])
    return natural, minimum


def measure(header: tuple[t.TableRow, ...], body: tuple[t.TableRow, ...],
            metrics: TableMetrics) -> list[Need]:
    """What each column's text needs at font scale 1 (cells spanning columns aside)."""
    count = max((sum(c.colspan for c in r.cells) for r in (*header, *body)), default=1)
    needs = [Need() for _ in range(count)]
    covered: dict[int, int] = {}
    for row in (*header, *body):
        index = 0
        is_header = row in header
        bold = is_header or row.role in BOLD_ROLES
        for cell in row.cells:
            while covered.get(index, 0) > 0:
                index += 1
            if cell.colspan == 1 and index < count:
                wraps = is_header or index == 0 or cell.align == "left"
                _measure(needs[index], cell, metrics, bold, wraps)
            for spanned in range(index, index + cell.colspan):
                covered[spanned] = cell.rowspan
            index += cell.colspan
        covered = {i: left - 1 for i, left in covered.items() if left > 1}
    return needs


def _measure(need: Need, cell: t.Cell, metrics: TableMetrics, bold: bool,
             wraps: bool) -> None:
    text, marks = _text(cell.inlines)
    bold = bold or any(isinstance(i, t.Text) and i.bold for i in cell.inlines)
    mark = metrics.width(marks, bold, NOTE_MARK_SCALE)
    lines = [_SPACES.sub(" ", line).strip(" ") for line in text.split("\n")]
    natural = max(metrics.width(line, bold) for line in lines) + mark
    need.natural = max(need.natural, natural)
    if wraps:
        words = [w for line in lines for w in _BREAKS.split(line)]
        longest = max((metrics.width(w, bold) for w in words), default=0.0) + mark
        need.minimum = max(need.minimum, longest)
    else:
        need.minimum = max(need.minimum, natural)


def _text(inlines: tuple[t.Inline, ...]) -> tuple[str, str]:
    """A cell's text, and the digits of its footnote marks."""
    marks = "".join(str(i.number) for i in inlines if isinstance(i, t.FootnoteRef))
    return plain(inlines), marks


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
