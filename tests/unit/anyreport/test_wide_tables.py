"""Wide tables: fitted, landscape or split, never a figure narrower than its text."""

from __future__ import annotations

from standgen.compose import tree as t
from standgen.compose.table_layout import FONT_FLOOR, place_table
from standgen.compose.widths import column_widths
from tests.tablefit import cramped


def _table(columns: int, number: str = "12.345,6", label: str = "Kolom") -> t.Table:
    header = (t.TableRow((t.Cell((t.Text("Soort uitgave"),)),
                          *(t.Cell((t.Text(f"{label} {i}"),), "right")
                            for i in range(columns)))),)
    body = tuple(t.TableRow((t.Cell((t.Text(f"Rij {r}"),)),
                             *(t.Cell((t.Text(number),), "right") for _ in range(columns))))
                 for r in range(3))
    return t.Table("Breed", header, body, column_widths(header, body), number=1,
                   anchor="tabel-breed")


def test_a_narrow_table_stays_as_it_is() -> None:
    placed = place_table(_table(4))
    assert placed.tables[0].layout.mode == "normal" and placed.fallback is None


def test_twelve_columns_fit_portrait_without_breaking_a_figure() -> None:
    placed = place_table(_table(12, "2.794,1", "20"))
    (table,) = placed.tables
    assert table.layout.mode == "fit" and table.layout.font_scale >= FONT_FLOOR
    assert placed.fallback is None
    assert cramped(table) == []


def test_twenty_five_columns_go_landscape_with_a_warning() -> None:
    placed = place_table(_table(25, "1.234", "jan"))
    (table,) = placed.tables
    assert table.layout.mode == "landscape" and placed.fallback == "landscape"
    assert cramped(table) == []


def test_sixty_columns_split_with_the_label_column_in_every_part() -> None:
    source = _table(60)
    placed = place_table(source)
    assert placed.fallback == "split" and len(placed.tables) > 2
    labels = [p.header_rows[0].cells[0].inlines for p in placed.tables]
    assert all(label == source.header_rows[0].cells[0].inlines for label in labels)
    assert sum(len(p.header_rows[0].cells) - 1 for p in placed.tables) == 60
    assert [p.number for p in placed.tables] == [1] + [None] * (len(placed.tables) - 1)
    for part in placed.tables:
        assert all(len(r.cells) == len(part.column_widths) for r in part.body_rows)
        assert cramped(part) == []


def test_the_author_can_force_a_choice() -> None:
    assert place_table(_table(4), "landscape").tables[0].layout.mode == "landscape"
    assert place_table(_table(25), "normal").tables[0].layout.mode == "normal"
    assert place_table(_table(25), "normal").fallback == "forced-normal"
    assert place_table(_table(4), "normal").fallback is None
    forced = place_table(_table(16), "split")
    assert len(forced.tables) >= 2 and forced.fallback is None


def test_split_keeps_a_spanning_header_group_whole() -> None:
    top = t.TableRow((t.Cell((t.Text("Soort"),), rowspan=2),
                      *(t.Cell((t.Text(f"Groep {g}"),), "center", colspan=6)
                        for g in range(8))))
    bottom = t.TableRow(tuple(t.Cell((t.Text(f"k{i}"),), "right") for i in range(48)))
    body = (t.TableRow((t.Cell((t.Text("Rij"),)),
                        *(t.Cell((t.Text("123.456.789"),), "right") for _ in range(48)))),)
    table = t.Table("Groepen", (top, bottom), body, column_widths((top, bottom), body))
    parts = place_table(table).tables
    assert len(parts) > 1
    for part in parts:
        spans = [c.colspan for c in part.header_rows[0].cells[1:]]
        assert spans and all(s == 6 for s in spans)
