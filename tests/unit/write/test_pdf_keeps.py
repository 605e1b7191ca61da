"""Keep rules of the PDF at every page position: a topic's heading, the sentence ending in
":" and the table it introduces start on one page, however much text comes before them."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from standgen.build import BuildRequest, build
from tests.pagescan import scan
from tests.reports import write_report

SENTENCE = "Defensie werkt aan de gereedheid van de krijgsmacht en rapporteert daarover. "


def _report(folder: Path, sentences: int) -> Path:
    rows = "\n".join(f"                    - {{id: r{i}, label: Regel {i}, values: [{i}, {i + 1}]}}"
                     for i in range(8))
    return write_report(folder, f"""\
chapters:
  - number: 1
    title: Hoofdstuk
    blocks:
      - text: Inleiding van het hoofdstuk.
    sections:
      - number: "1.1"
        title: Sectie
        topics:
          - id: vooraf
            title: Vooraf
            blocks:
              - text: "{SENTENCE * sentences}"
          - id: tabelonderwerp
            title: Het onderwerp met de tabel
            blocks:
              - text: "De cijfers staan hieronder:"
              - table:
                  id: cijfers
                  title: De cijfers
                  columns: [2024, 2025]
                  rows:
{rows}
""")


def _pages(pdf: Path) -> list[str]:
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    return text.split("\f")


@pytest.mark.parametrize("sentences", range(40, 80, 4))
def test_heading_intro_and_table_start_on_one_page(tmp_path: Path, sentences: int) -> None:
    source = _report(tmp_path, sentences)
    result = build(BuildRequest(source, tmp_path / "out", formats=("pdf",)))
    (pdf,) = result.artifacts
    pages = _pages(pdf)
    where = {needle: [i for i, page in enumerate(pages) if needle in page]
             for needle in ("Het onderwerp met de tabel", "De cijfers staan hieronder:",
                            "Regel 0", "Regel 1")}
    assert len({tuple(found) for found in where.values()}) == 1, where
    assert scan(pdf, ["Vooraf", "Het onderwerp met de tabel"]) == []
