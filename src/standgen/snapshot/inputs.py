"""Recognise a built artifact (DOCX or PDF) by its content and refuse anything else."""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Literal

from standgen.errors import StandgenError

Kind = Literal["docx", "pdf"]


class SnapshotInputError(StandgenError):
    """The path given is not a readable DOCX or PDF artifact."""


def artifact_kind(path: Path) -> Kind:
    """The kind of artifact at `path`, judged by its bytes; raises SnapshotInputError."""
    if not path.exists():
        raise SnapshotInputError(f"{path}: no such file")
    if not path.is_file():
        raise SnapshotInputError(f"{path}: not a file")
    with path.open("rb") as handle:
        head = handle.read(5)
    if head.startswith(b"%PDF-"):
        return "pdf"
    if head.startswith(b"PK") and _is_docx(path):
        return "docx"
    raise SnapshotInputError(f"{path}: not a DOCX or PDF file")


def _is_docx(path: Path) -> bool:
    try:
        with zipfile.ZipFile(path) as package:
            return "word/document.xml" in package.namelist()
    except zipfile.BadZipFile:
        return False
