"""`data_table: true` prints a chart's numbers as a table with a header row under it, in
every writer, from the edition's own data: a row the chart withheld is not in it."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pypdf
import pytest

from standgen.build import BuildRequest, build
from tests.reports import one_topic, write_report

BLOCKS = """\
- table:
    id: inzet
    title: Inzet
    columns: [2024, 2025]
    rows:
      - {id: noord, label: Regio Noord, values: [1234, 2345]}
      - {id: zuid, label: Regio Zuid, values: [3456, 4567], rubricering: dep-vertrouwelijk}
      - {id: plaats, label: Plaats, unit: percent, values: [{value: 10, top: true}, null]}
- figure:
    id: fig
    title: Inzet in beeld
    alt: De inzet per regio als lijn.
    chart: {type: line, table: inzet, rows: [noord, zuid], data_table: DATA}
"""


def _texts(tmp_path: Path, data_table: bool) -> dict[str, str]:
    folder = tmp_path / str(data_table)
    folder.mkdir()
    source = write_report(folder, one_topic(BLOCKS.replace("DATA", str(data_table).lower())))
    result = build(BuildRequest(source, folder / "out", formats=("md", "docx", "pdf"),
                                editions=("openbaar", "vertrouwelijk")))
    texts: dict[str, str] = {}
    for path in result.artifacts:
        edition = "vertrouwelijk" if "vertrouwelijk" in path.name else "openbaar"
        if path.suffix == ".md":
            text = path.read_text(encoding="utf-8")
        elif path.suffix == ".docx":
            with zipfile.ZipFile(path) as archive:
                text = archive.read("word/document.xml").decode("utf-8")
        else:
            text = "".join(page.extract_text() or "" for page in pypdf.PdfReader(path).pages)
        texts[f"{edition}{path.suffix}"] = text
    return texts


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """Each artifact's text after the figure's caption: the data table, if any."""
    texts = _texts(tmp_path_factory.mktemp("data-table"), True)
    for key, text in texts.items():  # a top cell prints "Top 10" in every writer
        assert re.search("Top(\u00a0| )10", text), key
    return {key: text[text.rindex("Inzet in beeld"):] for key, text in texts.items()}


@pytest.mark.parametrize("suffix", [".md", ".docx", ".pdf"])
def test_data_table_is_printed_in_every_writer(built: dict[str, str], suffix: str) -> None:
    public, confidential = built["openbaar" + suffix], built["vertrouwelijk" + suffix]
    assert "1.234" in public and "2.345" in public
    assert "4.567" not in public and "Regio Zuid" not in public
    assert "4.567" in confidential and "Regio Zuid" in confidential


def test_data_table_has_a_header_row(built: dict[str, str]) -> None:
    assert "|  | 2024 | 2025 |" in built["openbaar.md"]
    assert "<w:tblHeader/>" in built["openbaar.docx"]
