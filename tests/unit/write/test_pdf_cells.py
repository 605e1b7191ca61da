"""Table cells in the PDF: figures never break (the composer fits a wide table),
long Dutch compounds break at Dutch hyphenation points only."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

from standgen.build import BuildRequest, build
from standgen.format.hyphenate import SHY, hyphenated_word
from tests.pagescan import scan
from tests.reports import one_topic, write_report


def _table(columns: int, value: str, label: str = "Regel") -> str:
    years = ", ".join(str(2025 - columns + i + 1) for i in range(columns))
    values = ", ".join([value] * columns)
    return one_topic(f"""\
        - table:
            id: t
            title: Tabel
            unit: {{kind: euro}}
            columns: [{years}]
            rows:
              - {{id: a, label: "{label}", values: [{values}]}}
              - {{id: b, label: Kort, values: [{", ".join(["1"] * columns)}]}}
        """)


def _pdf(folder: Path, body: str) -> Path:
    result = build(BuildRequest(write_report(folder, body), folder / "out", formats=("pdf",)))
    (pdf,) = result.artifacts
    return pdf


def test_wide_figures_shrink_the_table_instead_of_breaking(tmp_path: Path) -> None:
    pdf = _pdf(tmp_path, _table(6, "123456789.5"))
    assert scan(pdf, []) == []
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert text.count("€\u00a0123.456.789,5") + text.count("€ 123.456.789,5") == 6


def test_figures_too_wide_for_any_type_size_still_build(tmp_path: Path) -> None:
    pdf = _pdf(tmp_path, _table(11, "1123456789.5"))
    assert pdf.stat().st_size > 0


def test_a_long_compound_in_a_narrow_cell_breaks_at_dutch_hyphenation_points(
        tmp_path: Path) -> None:
    word = "gereedstellingsprogrammaonderdelen"
    cell = f"{{text: 'Gebrek aan {word}'}}"
    pdf = _pdf(tmp_path, one_topic(f"""\
        - table:
            id: t
            title: Tabel
            columns: [Eerste, Tweede, Derde, Vierde]
            rows:
              - {{id: a, label: Een, values: [{cell}, {cell}, {cell}, {cell}]}}
        """))
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout
    pieces = list(dict.fromkeys(re.findall(r"([a-z]+)-(?:\s|$)", text)))
    assert pieces, "the compound was not hyphenated"
    marked = hyphenated_word(word)
    allowed = {marked[:i].replace(SHY, "") for i, c in enumerate(marked) if c == SHY}
    assert pieces[0] in allowed
    if len(pieces) > 1:
        assert pieces[0] + pieces[1] in allowed
