"""Unusable input: a clear message and exit status 2, never a traceback."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from standgen.snapshot import SnapshotInputError, snapshot_artifact
from standgen.snapshot.cli import main


def test_missing_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "weg.pdf"
    assert main(["diff", str(missing), str(missing)]) == 2
    assert capsys.readouterr().err == f"standgen: {missing}: no such file\n"


@pytest.mark.parametrize("content", [b"gewoon tekst", b"%PDX", b""])
def test_not_a_docx_or_pdf(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "rapport.pdf"
    path.write_bytes(content)
    with pytest.raises(SnapshotInputError, match="not a DOCX or PDF file"):
        snapshot_artifact(path)


def test_zip_without_a_word_document(tmp_path: Path) -> None:
    path = tmp_path / "rapport.docx"
    with zipfile.ZipFile(path, "w") as package:
        package.writestr("inhoud.txt", "geen Word")
    with pytest.raises(SnapshotInputError, match="not a DOCX or PDF file"):
        snapshot_artifact(path)


def test_broken_pdf(tmp_path: Path) -> None:
    path = tmp_path / "kapot.pdf"
    path.write_bytes(b"%PDF-1.4\nkapot\n")
    with pytest.raises(SnapshotInputError, match=r"kapot\.pdf: not a readable PDF"):
        snapshot_artifact(path)


def test_as_a_process_no_traceback(tmp_path: Path) -> None:
    text = tmp_path / "notitie.txt"
    text.write_text("geen rapport", encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "standgen.snapshot.cli", "snapshot", str(text)],
                          capture_output=True, text=True, check=False)
    assert done.returncode == 2
    assert done.stderr == f"standgen: {text}: not a DOCX or PDF file\n"


def test_damaged_docx(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "kapot.docx"
    with zipfile.ZipFile(path, "w") as package:
        package.writestr("[Content_Types].xml", "<x/>")
        package.writestr("word/document.xml", "<geen xml")
    assert main(["snapshot", str(path)]) == 2
    assert capsys.readouterr().err.startswith(f"standgen: {path}: not a readable DOCX (")
