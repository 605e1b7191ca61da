"""Table alignment follows content: figures right, text left, each header over its column,
status words on their column's side; author text gets no-break spaces."""

from __future__ import annotations

from pathlib import Path

from standgen.compose import compose_document
from standgen.compose import tree as t
from tests.reports import load_text, one_topic


def _table(tmp_path: Path, blocks: str) -> t.Table:
    document = compose_document(load_text(tmp_path, one_topic(blocks)))
    (table,) = [b for s in document.sections for b in s.blocks if isinstance(b, t.Table)]
    return table


def test_columns_align_by_what_they_hold(tmp_path: Path) -> None:
    table = _table(tmp_path, """\
        - table:
            id: t
            title: Redenen en aantallen
            columns: [Reden, Aantal, Later]
            notes:
              - {text: "Berekend zonder de uitgave van €2,5 miljard", marker: "*"}
            rows:
              - {id: a, label: "1", values: [{text: Werkdruk (41%)}, 12, n.t.b.]}
              - {id: b, label: "2", values: [{text: Salaris}, n.v.t., n.t.b.]}
              - {id: c, label: "3", values: [{text: Reistijd}, 7, n.t.b.]}
        """)
    header = [c.align for c in table.header_rows[0].cells]
    assert header == ["left", "left", "right", "right"]
    for row in table.body_rows:
        assert [c.align for c in row.cells[1:]] == ["left", "right", "right"]
    note = "".join(i.text for i in table.notes[0].inlines if isinstance(i, t.Text))
    assert "€\u00a02,5\u00a0miljard" in note
