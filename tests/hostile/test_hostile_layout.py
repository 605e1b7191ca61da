"""Unbounded text through the writers: a paragraph of 40,000 words and a status cell of
8,000 characters are laid out (the cell split over pages under a repeated header row) in
bounded time and memory, in PDF and DOCX."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from pypdf import PdfReader

from tests.hostile.guard import run_cli
from tests.reports import one_topic, write_report

CELL = ("Status lang verhaal " * 400).strip()
BLOCKS = f"""\
- toelichting: '{"woord " * 40_000}'
- table:
    id: t
    title: Status
    unit: text
    columns: [2024, 2025]
    rows:
      - {{id: a, label: A, values: [kort, "{CELL}"]}}
      - {{id: b, label: B, values: [x, y]}}
"""


def test_long_text_is_laid_out_in_bounded_time(tmp_path: Path) -> None:
    (tmp_path / "project").mkdir()
    main = write_report(tmp_path / "project", one_topic(BLOCKS))
    out = tmp_path / "out"
    run = run_cli(["build", str(main), "--out", str(out)])
    run.assert_bounded()
    assert run.code == 0, run.output
    pdf, docx = sorted(out.glob("*.pdf")), sorted(out.glob("*.docx"))
    pages = [page.extract_text() for page in PdfReader(pdf[0]).pages]
    words = sum(page.count("woord") for page in pages)
    assert words == 40_000
    with_cell = [n for n, page in enumerate(pages) if "Status lang verhaal" in page]
    assert len(with_cell) >= 2  # the cell continues on a following page
    for number in with_cell:
        assert re.search(r"2024\s+2025", pages[number]), number  # under its header row
    xml = zipfile.ZipFile(docx[0]).read("word/document.xml").decode("utf-8")
    rows = re.findall(r"<w:tr>.*?</w:tr>", xml, flags=re.DOTALL)
    long_rows = [row for row in rows if "Status lang verhaal" in row]
    assert len(long_rows) == 1 and "<w:cantSplit/>" not in long_rows[0]
    assert all("<w:cantSplit/>" in row for row in rows if row not in long_rows)
