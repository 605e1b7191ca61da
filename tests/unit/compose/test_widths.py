"""Column widths: figures never wrap, spans are placed right, the label column gives way."""

from __future__ import annotations

from standgen.compose import tree as t
from standgen.compose.widths import column_widths
from standgen.theme.metrics import NORMAL_PADDING_PT, TEXT_BLOCK_PT, default_metrics

PADDING = 2 * NORMAL_PADDING_PT  # what the writers put beside a cell's text


def _row(*texts: str, align: t.Align = "right") -> t.TableRow:
    cells = [t.Cell((t.Text(texts[0]),))]
    cells += [t.Cell((t.Text(x),), align) for x in texts[1:]]
    return t.TableRow(tuple(cells))


def test_widths_sum_to_one_and_follow_the_texts() -> None:
    widths = column_widths((_row("", "2024", "2025"),), (_row("Realisatie", "4.326", "5.138"),))
    assert abs(sum(widths) - 1) < 0.001
    assert widths[1] == widths[2]


def test_a_long_label_gives_way_before_any_figure_does() -> None:
    label = "Kwantitatieve personele gereedheid beroepsmilitairen en nog veel meer woorden"
    body = (_row(label, *["105,2%"] * 8),)
    widths = column_widths((_row("", *[str(y) for y in range(2018, 2026)]),), body)
    metrics = default_metrics()
    room = [w * TEXT_BLOCK_PT - PADDING for w in widths[1:]]
    assert all(points >= metrics.width("105,2%") for points in room)
    assert widths[0] * TEXT_BLOCK_PT < metrics.width(label)


def test_a_row_spanning_stub_does_not_shift_the_second_header_row() -> None:
    top = t.TableRow((t.Cell((t.Text("Vliegbasis"),), rowspan=2),
                      t.Cell((t.Text("2024"),), "center", colspan=2)))
    bottom = t.TableRow((t.Cell((t.Text("Melders"),), "right"),
                         t.Cell((t.Text("Aantal meldingen"),), "right")))
    widths = column_widths((top, bottom), (_row("Volkel", "396", "3.035"),))
    assert widths[2] > widths[1]
    assert widths[2] * TEXT_BLOCK_PT - PADDING >= default_metrics().width("meldingen", True)
