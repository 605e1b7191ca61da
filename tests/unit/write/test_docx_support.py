"""Shared helpers for the DOCX writer tests: build the sample and read its XML parts."""

from __future__ import annotations

import zipfile
from pathlib import Path

from lxml import etree

from standgen.compose import tree as t
from standgen.write.docx import write_docx
from tests.sample_tree import sample_document

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W,
      "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
      "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships"}
MARKING = t.Marking("Dep. Vertrouwelijk", copy_number="3", extra=("CONCEPT",))


def build(tmp_path: Path, marking: t.Marking | None = None,
          name: str = "sample.docx") -> tuple[t.Document, Path]:
    """Write the sample tree (optionally marked) and return tree and DOCX path."""
    document = sample_document(tmp_path, marking=marking)
    out = tmp_path / name
    write_docx(document, out)
    return document, out


def part(path: Path, name: str) -> etree._Element:
    """The parsed XML of one part of the DOCX package."""
    with zipfile.ZipFile(path) as archive:
        return etree.fromstring(archive.read(name))


def part_names(path: Path) -> list[str]:
    """The member names of the DOCX package."""
    with zipfile.ZipFile(path) as archive:
        return archive.namelist()


def texts(element: etree._Element) -> str:
    """All `w:t` text below `element`, concatenated."""
    return "".join(element.xpath(".//w:t/text()", namespaces=NS))
