"""DOCX tables with header cells spanning rows and columns: every grid column carries the
header labels the PDF shows above it (the DOCX grid read back from gridSpan and vMerge)."""

from __future__ import annotations

import zipfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from lxml import etree

from standgen.compose import tree as t
from standgen.write.docx import write_docx
from tests.property.test_markdown_table_headers import _pdf_header_labels, headed_tables
from tests.unit.write.test_pdf_support import base_document

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _docx_grid(path: Path) -> list[list[str]]:
    """Per table row, the text of each grid column (a continued vertical merge repeats the
    text of the cell above it; a horizontal span repeats its own text)."""
    with zipfile.ZipFile(path) as archive:
        body = etree.fromstring(archive.read("word/document.xml"))
    table = next(tbl for tbl in body.iter(f"{W}tbl")
                 if tbl.find(f"{W}tblPr/{W}tblCaption").get(f"{W}val") == "Gegenereerd")
    grid: list[list[str]] = []
    for tr in table.findall(f"{W}tr"):
        row: list[str] = []
        for tc in tr.findall(f"{W}tc"):
            span_el = tc.find(f"{W}tcPr/{W}gridSpan")
            span = int(span_el.get(f"{W}val")) if span_el is not None else 1
            merge = tc.find(f"{W}tcPr/{W}vMerge")
            text = "".join(tc.itertext()).replace("\u00ad", "").strip()
            if merge is not None and merge.get(f"{W}val") in (None, "continue"):
                text = grid[-1][len(row)]
            row.extend([text] * span)
        grid.append(row)
    return grid


@settings(max_examples=12, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(headed_tables())
def test_docx_header_spans_name_the_columns_the_pdf_names(tmp_path: Path,
                                                          table: t.Table) -> None:
    out = tmp_path / "spans.docx"
    write_docx(base_document((t.DocSection("Tabellen", (table,)),), toc=False), out)
    grid = _docx_grid(out)
    heads = len(table.header_rows)
    width = len(table.column_widths)
    labels, body = _pdf_header_labels(table)
    docx_labels = []
    for col in range(width):
        seen: list[str] = []
        for row in grid[:heads]:
            if not seen or seen[-1] != row[col]:
                seen.append(row[col])
        docx_labels.append(" ".join(seen))
    assert all(len(row) == width for row in grid)
    assert docx_labels == labels
    assert grid[heads] == body
