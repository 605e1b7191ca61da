"""Generated tables with one to three header rows and spans across rows and columns: the
Markdown header cell above every figure names that figure's column with the labels the PDF
header shows for it, so a multi-level header is never read one column off."""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from standgen.compose import tree as t
from standgen.write.markdown import render_markdown
from standgen.write.pdf.fonts import default_fonts, register_fonts
from standgen.write.pdf.styles import make_styles
from standgen.write.pdf.tables import _grid
from tests.unit.write.test_pdf_support import base_document

STYLES = make_styles(register_fonts(default_fonts()))


@st.composite
def headed_tables(draw: st.DrawFn) -> t.Table:
    """A table whose header rows tile the grid with cells of random row and column spans."""
    width = draw(st.integers(2, 6))
    heads = draw(st.integers(1, 3))
    taken: set[tuple[int, int]] = set()
    rows: list[t.TableRow] = []
    for r in range(heads):
        cells: list[t.Cell] = []
        col = 0
        while col < width:
            if (r, col) in taken:
                col += 1
                continue
            free = 1
            while col + free < width and (r, col + free) not in taken:
                free += 1
            colspan = draw(st.integers(1, free))
            rowspan = draw(st.integers(1, heads - r))
            cells.append(t.Cell((t.Text(f"K{r}x{col}"),), "center", colspan, rowspan))
            taken |= {(rr, cc) for rr in range(r, r + rowspan)
                      for cc in range(col, col + colspan)}
            col += colspan
        rows.append(t.TableRow(tuple(cells)))
    body = t.TableRow(tuple(t.Cell((t.Text(f"F{col}"),), "right") for col in range(width)))
    return t.Table("Gegenereerd", tuple(rows), (body,), tuple([1 / width] * width), number=1)


def _pdf_header_labels(table: t.Table) -> tuple[list[str], list[str]]:
    """Per grid column, the PDF header labels covering it top-down, and the body's text."""
    width = len(table.column_widths)
    data, spans = _grid(table, width, STYLES)
    extent: dict[tuple[int, int], tuple[int, int]] = {
        (c0, r0): (c1, r1) for _, (c0, r0), (c1, r1) in spans}
    heads = len(table.header_rows)
    labels: list[list[str]] = [[] for _ in range(width)]
    for r in range(heads):
        for c in range(width):
            cell: Any = data[r][c]
            if not hasattr(cell, "getPlainText"):
                continue
            text = cell.getPlainText().replace("\u00ad", "")
            c1, _ = extent.get((c, r), (c, r))
            for covered in range(c, c1 + 1):
                labels[covered].append(text)
    body = [data[heads][c].getPlainText().replace("\u00ad", "") for c in range(width)]
    return [" ".join(parts) for parts in labels], body


def _markdown_table(table: t.Table) -> tuple[list[str], list[str]]:
    document = base_document((t.DocSection("Tabellen", (table,)),), toc=False)
    lines = [line for line in render_markdown(document).splitlines() if line.startswith("|")]

    def split(line: str) -> list[str]:
        return [cell.strip() for cell in line.strip("|").split(" | ")]

    return split(lines[0]), split(lines[2])


@settings(max_examples=60, deadline=None)
@given(headed_tables())
def test_markdown_header_names_each_figures_column_as_the_pdf_does(table: t.Table) -> None:
    pdf_labels, pdf_body = _pdf_header_labels(table)
    header, body = _markdown_table(table)
    width = len(table.column_widths)
    assert pdf_body == [f"F{col}" for col in range(width)]
    assert body == pdf_body
    assert len(header) == width
    assert header == pdf_labels
    for col, labels in enumerate(header):
        starts = [int(label.split("x")[1]) for label in labels.split()]
        assert starts and all(start <= col for start in starts), (col, header)


def test_the_attack_table_reads_realisatie_2023_above_3400() -> None:
    top = t.TableRow((t.Cell((t.Text(""),), rowspan=2),
                      t.Cell((t.Text("Realisatie"),), "center", colspan=2),
                      t.Cell((t.Text("2025"),), "center")))
    bottom = t.TableRow(tuple(t.Cell((t.Text(x),), "right") for x in ("2023", "2024", "Plan")))
    body = t.TableRow(tuple(t.Cell((t.Text(x),), "right")
                            for x in ("Realisatie instroom", "3.400", "3.900", "4.500")))
    table = t.Table("Instroom", (top, bottom), (body,), (0.4, 0.2, 0.2, 0.2), number=1)
    header, row = _markdown_table(table)
    assert header == ["", "Realisatie 2023", "Realisatie 2024", "2025 Plan"]
    assert row == ["Realisatie instroom", "3.400", "3.900", "4.500"]
