"""Generated tables of any width (2-30 columns, figures of up to 12 digits with Dutch
separators, negative amounts, qualifiers, long labels): the chosen layout never gives a
figure less room than it takes in the writers' real font metrics, it is printed at the
largest font step that fits, and a split keeps every column exactly once."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from standgen.compose import tree as t
from standgen.compose.table_layout import (
    FONT_FLOOR,
    SCALE_STEP,
    TIGHT_PADDING,
    least,
    place_table,
    split_table,
)
from standgen.compose.widths import PADDING, column_widths, measure
from standgen.theme.metrics import LANDSCAPE_BLOCK_PT, TEXT_BLOCK_PT, default_metrics
from tests.tablefit import cramped

NBSP = "\u00a0"


def _grouped(digits: str) -> str:
    head = len(digits) % 3 or 3
    return ".".join([digits[:head], *(digits[i:i + 3] for i in range(head, len(digits), 3))])


@st.composite
def figures(draw: st.DrawFn) -> str:
    digits = draw(st.from_regex(r"[1-9][0-9]{0,11}", fullmatch=True))
    text = _grouped(digits) + draw(st.sampled_from(["", ",5", ",25", "%", ",0%"]))
    if draw(st.booleans()):
        text = f"-{text}"
    if draw(st.booleans()):
        text = f"€{NBSP}{text}" + draw(st.sampled_from(["", f"{NBSP}miljoen",
                                                         f"{NBSP}miljard"]))
    qualifier = draw(st.sampled_from(["", "minder dan ", "ruim ", "circa ", "< ", "> "]))
    return qualifier + text


def _table(columns: list[list[str]], label: str, total: bool) -> t.Table:
    header = (t.TableRow((t.Cell((t.Text("Omschrijving"),)),
                          *(t.Cell((t.Text(str(2000 + i)),), "right")
                            for i in range(len(columns))))),)
    rows = len(columns[0])
    body = tuple(t.TableRow((t.Cell((t.Text(f"{label} {r}"),)),
                             *(t.Cell((t.Text(c[r]),), "right") for c in columns)),
                            "total" if total and r == rows - 1 else "data")
                 for r in range(rows))
    return t.Table("Gegenereerd", header, body, column_widths(header, body), number=1)


def _largest(table: t.Table, source: t.Table) -> bool:
    """No larger font step, nor an earlier fallback, would have fitted."""
    metrics = default_metrics()
    needs = measure(source.header_rows, source.body_rows, metrics)
    layout = table.layout
    if layout.mode == "normal":
        return True
    if least(needs, PADDING, metrics) <= TEXT_BLOCK_PT:
        return False
    portrait_floor = least(needs, TIGHT_PADDING, metrics, FONT_FLOOR) <= TEXT_BLOCK_PT
    larger = round(layout.font_scale + SCALE_STEP, 2)
    if layout.mode == "split":
        parts = len(split_table(source, FONT_FLOOR))
        return (least(needs, TIGHT_PADDING, metrics, FONT_FLOOR) > LANDSCAPE_BLOCK_PT
                and len(split_table(source, layout.font_scale)) == parts
                and (larger > 1.0 or len(split_table(source, larger)) > parts))
    budget = TEXT_BLOCK_PT if layout.mode == "fit" else LANDSCAPE_BLOCK_PT
    if layout.mode == "landscape" and portrait_floor:
        return False
    return (least(needs, TIGHT_PADDING, metrics, layout.font_scale) <= budget
            and (larger > 1.0 or least(needs, TIGHT_PADDING, metrics, larger) > budget))


@settings(max_examples=40, deadline=None)
@given(st.integers(2, 30).flatmap(
           lambda n: st.lists(st.lists(figures(), min_size=2, max_size=2), min_size=n - 1,
                              max_size=n - 1)),
       st.text(alphabet="abcdefghij -", min_size=1, max_size=90), st.booleans())
def test_every_figure_keeps_room_at_the_largest_font_that_fits(
        columns: list[list[str]], label: str, total: bool) -> None:
    source = _table(columns, label, total)
    placed = place_table(source)
    seen: list[str] = []
    for part in placed.tables:
        assert abs(sum(part.column_widths) - 1) < 0.01
        assert cramped(part) == [], (part.layout, [c for c in columns])
        assert _largest(part, source), part.layout
        assert part.layout.font_scale >= FONT_FLOOR
        seen += [cell.inlines[0].text for cell in part.body_rows[0].cells[1:]]  # type: ignore[union-attr]
    assert seen == [c[0] for c in columns]
