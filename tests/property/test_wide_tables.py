"""Generated tables of any width: the chosen layout never gives a figure less room than its
text, and a split keeps every column exactly once, behind the label column."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from standgen.compose import tree as t
from standgen.compose.table_layout import place_table
from standgen.compose.widths import TEXT_BLOCK_CHARS, column_widths

LANDSCAPE_RATIO = 1.52  # an A4 landscape text block against a portrait one


def _table(figures: list[str], label: str, rows: int) -> t.Table:
    header = (t.TableRow((t.Cell((t.Text(label),)),
                          *(t.Cell((t.Text(f"K{i}"),), "right")
                            for i in range(len(figures))))),)
    body = tuple(t.TableRow((t.Cell((t.Text(f"Rij {r}"),)),
                             *(t.Cell((t.Text(f),), "right") for f in figures)))
                 for r in range(rows))
    return t.Table("Gegenereerd", header, body, column_widths(header, body), number=1)


figure = st.from_regex(r"[1-9][0-9]{0,2}(\.[0-9]{3}){0,3}(,[0-9])?", fullmatch=True)


@settings(max_examples=40, deadline=None)
@given(st.lists(figure, min_size=1, max_size=90),
       st.text(alphabet="abcdefghij ", min_size=1, max_size=40), st.integers(1, 4))
def test_every_figure_keeps_room_for_its_text(figures: list[str], label: str,
                                              rows: int) -> None:
    placed = place_table(_table(figures, label, rows))
    seen: list[str] = []
    for part in placed.tables:
        layout = part.layout
        budget = TEXT_BLOCK_CHARS / layout.font_scale
        if layout.mode == "landscape":
            budget *= LANDSCAPE_RATIO
        assert abs(sum(part.column_widths) - 1) < 0.01
        cells = part.body_rows[0].cells
        assert len(cells) == len(part.column_widths)
        for cell, share in zip(cells[1:], part.column_widths[1:], strict=True):
            text = cell.inlines[0].text  # type: ignore[union-attr]
            assert share * budget >= len(text), (layout, text, share)
            seen.append(text)
    assert seen == figures
