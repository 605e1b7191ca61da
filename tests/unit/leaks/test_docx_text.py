"""docx_text: what the leak check reads from a DOCX, including text Word does not show."""

from __future__ import annotations

import zipfile
from pathlib import Path

from standgen.leaks.extract import docx_text

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
DOCUMENT = f"""<?xml version="1.0" encoding="UTF-8"?>
<w:document xmlns:w="{W}" xmlns:wp="urn:wp">
  <w:body>
    <w:p><w:r><w:t>CANA</w:t></w:r><w:r><w:t>RY-SPLIT</w:t></w:r></w:p>
    <w:p><wp:docPr id="1" descr="alt CANARY-ALT"/><!-- CANARY-COMMENT --></w:p>
    <w:p><w:r><w:t xml:space="preserve">   </w:t></w:r></w:p>
  </w:body>
</w:document>
"""


def _docx(path: Path) -> Path:
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("word/document.xml", DOCUMENT)
        archive.writestr("word/media/CANARY-NAME.png", b"\x89PNG")
    return path


def test_runs_of_a_paragraph_are_read_joined(tmp_path: Path) -> None:
    text = docx_text(_docx(tmp_path / "a.docx")).split("\n")
    assert "CANARY-SPLIT" in text
    assert "CANA" in text and "RY-SPLIT" in text  # each run on its own as well


def test_attribute_values_and_part_names_are_read(tmp_path: Path) -> None:
    text = docx_text(_docx(tmp_path / "a.docx")).split("\n")
    assert "alt CANARY-ALT" in text
    assert "word/media/CANARY-NAME.png" in text


def test_comments_in_the_xml_are_read_too(tmp_path: Path) -> None:
    assert "CANARY-COMMENT" in docx_text(_docx(tmp_path / "a.docx"))
