"""A report whose figures arrive through CSV (both number styles) and XLSX builds to the
same bytes as the same report with its figures written inline, markings included."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook

from standgen.cli import main
from tests.unit.load.support import REPORT, chapter, write

NL_CSV = "\ufeffid;2024;2025\r\nvast;1.234,5;2.345\r\ntijdelijk;-12,5;n.t.b.\r\n"
PLAIN_CSV = ('id,2024,2025,rubricering\nvast,"1 234.5",7 {dep-vertrouwelijk},\n'
             "tijdelijk,0.125,-,dep-vertrouwelijk\n")
# the secret 13.75 differs from every public figure: an equal one would be a collision
# the leak check refuses (see docs/guarantees.md)
SHEET = [["id", 2024, 2025], ["vast", 8100, 13.75], ["tijdelijk", None, "n.v.t."]]


def _table(name: str, source: str, rows: tuple[str, str]) -> str:
    return f"""\
- table:
    id: {name}
    title: Tabel {name}
    columns: [2024, 2025]
{source}    rows:
      - {rows[0]}
      - {rows[1]}
"""


FROM_FILES = "".join([
    _table("nl", "    data: nl.csv\n    data_style: nl\n",
           ("{id: vast, label: Vast}", "{id: tijdelijk, label: Tijdelijk}")),
    _table("plain", "    data: plain.csv\n    data_style: plain\n",
           ("{id: vast, label: Vast}", "{id: tijdelijk, label: Tijdelijk}")),
    _table("blad", "    data: cijfers.xlsx\n",
           ('{id: vast, label: Vast, values: {"2025": {rubricering: dep-vertrouwelijk}}}',
            "{id: tijdelijk, label: Tijdelijk}")),
])
INLINE = "".join([
    _table("nl", "", ("{id: vast, label: Vast, values: [1234.5, 2345]}",
                      "{id: tijdelijk, label: Tijdelijk, values: [-12.5, n.t.b.]}")),
    _table("plain", "", (
        "{id: vast, label: Vast, values: [1234.5, {value: 7, rubricering: dep-vertrouwelijk}]}",
        "{id: tijdelijk, label: Tijdelijk, rubricering: dep-vertrouwelijk, "
        "values: [0.125, '-']}")),
    _table("blad", "", (
        "{id: vast, label: Vast, values: [8100, {value: 13.75, rubricering: dep-vertrouwelijk}]}",
        "{id: tijdelijk, label: Tijdelijk, values: [~, n.v.t.]}")),
])


def _sheet(folder: Path) -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    for row in SHEET:
        sheet.append(row)
    book.save(folder / "cijfers.xlsx")


def _build(folder: Path, capsys: pytest.CaptureFixture[str]) -> dict[str, bytes]:
    out = folder / "uit"
    argv = ["build", str(folder / "report.yaml"), "--out", str(out), "--edition", "openbaar",
            "--edition", "vertrouwelijk"]
    assert main(argv) == 0, capsys.readouterr().err
    return {p.name: p.read_bytes() for p in sorted(out.iterdir())}


def test_data_files_build_as_inline_values(tmp_path: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    files = write(tmp_path / "bestanden", {"report.yaml": REPORT, "h1.yaml": chapter(FROM_FILES),
                                           "nl.csv": NL_CSV, "plain.csv": PLAIN_CSV}).parent
    _sheet(files)
    inline = write(tmp_path / "inline", {"report.yaml": REPORT,
                                         "h1.yaml": chapter(INLINE)}).parent
    built, expected = _build(files, capsys), _build(inline, capsys)
    assert sorted(built) == sorted(expected)
    assert {n.rsplit(".", 1)[-1] for n in built} >= {"docx", "pdf"}
    assert len(built) >= 4  # the public edition and at least one confidential one
    for name, content in expected.items():
        assert _printed(name, built[name]) == _printed(name, content), name


def _printed(name: str, content: bytes) -> dict[str, bytes]:
    """What a reader gets: every member but the review provenance (which names the data
    file a figure comes from, so it differs by design)."""
    if not name.endswith(".docx"):
        return {"": content}
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        return {n: archive.read(n) for n in archive.namelist() if n != "docProps/custom.xml"}
