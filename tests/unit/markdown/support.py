"""A small report whose text blocks hold every Markdown construct that standgen renders,
built once into DOCX, PDF and Markdown for the conformance tests."""

from __future__ import annotations

import zipfile
from dataclasses import dataclass
from pathlib import Path

from lxml import etree
from pypdf import PdfReader

from standgen.cli import main
from tests.unit.load.support import REPORT, chapter, write

NS = {"w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main"}

FOOTNOTES = """\
footnotes:
  - {id: bron, text: "Bron: *voorbeeld*."}
"""

# One text block per construct; each holds words found nowhere else.
CONSTRUCTS: dict[str, str] = {
    "inline": ("Gewone tekst met *cursief*, **vet**, `code`, 7^e^, CO~2~, "
               "[een link](https://www.defensie.nl), <https://www.rijksoverheid.nl>, "
               "A &amp; B &eacute;n een noot.[^bron]\nZachte regelval."),
    "reference": ("Zie [de verwijzing][r] en <info@defensie.nl>.\n\n"
                  "[r]: https://www.defensie.nl/verwijzing"),
    "literal": "Vertraagd** en 5 < 6 en 3 * 4 en a_b_c en \\&amp; letterlijk.",
    "hardbreak": "Regel alfa\\\nregel beta  \nregel gamma<br>regel delta",
    "quote": "> Een *citaat* over **paraatheid**\n> in twee regels.",
    "lists": ("- Eerste punt met *nadruk*\n"
              "  1. Genummerd een\n"
              "  2. Genummerd twee\n"
              "     - Diep punt **vet**\n"
              "- Tweede punt"),
    "ordered": "3. Derde stap\n4. Vierde stap",
    "deepest": "\n".join("  " * i + f"- Niveau{i} *schuin*" for i in range(9)),
    "table": ("| Onderdeel | Aantal |\n"
              "|---|---:|\n"
              "| *Marinetal* | 1.200 |\n"
              "| Landmachttal | 3.400 |"),
    "rule": "Voor de lijn.\n\n---\n\nNa de lijn.",
    "comments": ("Zichtbaar <!-- GEHEIMCOMMENTAAR --> woord.\n\n<!-- BLOKCOMMENTAAR\n"
                 "over twee regels -->\n\nVerder zichtbaar."),
}


def text_blocks(texts: dict[str, str]) -> str:
    """YAML list items: one `text:` block (a block scalar) per entry."""
    out = []
    for text in texts.values():
        body = "\n".join(f"    {line}" if line else "" for line in text.split("\n"))
        out.append(f"- text: |\n{body}\n")
    return "".join(out)


def make_report(folder: Path, texts: dict[str, str]) -> Path:
    """A report whose only topic holds the given text blocks; returns report.yaml."""
    return write(folder, {"report.yaml": REPORT + FOOTNOTES,
                          "h1.yaml": chapter(text_blocks(texts))})


@dataclass(frozen=True)
class Built:
    """The three artifacts of one build."""

    docx: Path
    pdf: Path
    md: Path

    def document_xml(self) -> etree._Element:
        with zipfile.ZipFile(self.docx) as package:
            return etree.fromstring(package.read("word/document.xml"))

    def numbering_xml(self) -> etree._Element:
        with zipfile.ZipFile(self.docx) as package:
            return etree.fromstring(package.read("word/numbering.xml"))

    def all_docx_text(self) -> str:
        with zipfile.ZipFile(self.docx) as package:
            return "".join(package.read(n).decode("utf-8", "replace")
                           for n in package.namelist() if n.endswith(".xml"))

    def pdf_text(self) -> str:
        return "\n".join(page.extract_text() or "" for page in PdfReader(self.pdf).pages)

    def markdown(self) -> str:
        return self.md.read_text(encoding="utf-8")


def build(folder: Path, texts: dict[str, str]) -> Built:
    """Build DOCX, PDF and Markdown of a report holding `texts` (fails if the build does)."""
    report = make_report(folder / "src", texts)
    out = folder / "out"
    code = main(["build", str(report), "--out", str(out), "--format", "docx",
                 "--format", "pdf", "--format", "md", "--jobs", "1"])
    assert code == 0
    files = {p.suffix: p for p in out.iterdir()}
    return Built(files[".docx"], files[".pdf"], files[".md"])
