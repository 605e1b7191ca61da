"""A page scan of a built PDF (ours, or LibreOffice's rendering of our DOCX): the faults a
reader sees on the page, found from poppler's word boxes (`pdftotext -bbox-layout`).

* a heading with nothing but footnotes or the footer below it on its page;
* a line that ends in "€" (the amount on the next line);
* a number broken over two lines ("1.234." | "567", "2," | "5");
* a page with nothing on it but the running header and footer.
"""

from __future__ import annotations

import re
import subprocess
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

from standgen.compose import tree as t

NS = "{http://www.w3.org/1999/xhtml}"
# Body text (9.5-10 pt) and table cells (8.5 pt) have taller word boxes than footnotes,
# table notes and the footer (7.5-8 pt).
CONTENT_HEIGHT = 7.8
# The footer stands in the bottom margin (2,5 cm in both writers), the running header in
# the top one.
FOOTER_ZONE = 68.0
HEADER_ZONE = 66.0
# A number split at its grouping dot, decimal comma or a hyphen, or before either: the
# text after a grouping dot is three digits, after a decimal comma one or two.
_BROKEN = (
    (re.compile(r"\d\.$"), re.compile(r"^\d{3}(?!\d)")),
    (re.compile(r"\d,$"), re.compile(r"^\d{1,2}(?![\d.])")),
    (re.compile(r"\d-$"), re.compile(r"^\d")),
    (re.compile(r"\d$"), re.compile(r"^[.,]\d")),
)


@dataclass(frozen=True)
class Line:
    """One printed line: its words and box."""

    text: str
    top: float
    bottom: float
    left: float

    @property
    def height(self) -> float:
        return self.bottom - self.top


@dataclass(frozen=True)
class Fault:
    """A fault found on a page (pages count from 1)."""

    page: int
    kind: str
    text: str


def read_pages(pdf: Path) -> list[list[list[Line]]]:
    """Per page, per text block, its lines (the footer left out)."""
    raw = subprocess.run(["pdftotext", "-bbox-layout", str(pdf), "-"], check=True,
                         capture_output=True).stdout
    root = ET.fromstring(raw)
    pages = []
    for page in root.iter(f"{NS}page"):
        floor = float(page.get("height", 842)) - FOOTER_ZONE
        blocks = []
        for block in page.iter(f"{NS}block"):
            lines = []
            for line in block.iter(f"{NS}line"):
                words = [w.text or "" for w in line.iter(f"{NS}word")]
                if float(line.get("yMin", 0)) > floor:
                    continue
                lines.append(Line(" ".join(words), float(line.get("yMin", 0)),
                                  float(line.get("yMax", 0)), float(line.get("xMin", 0))))
            if lines:
                blocks.append(lines)
        pages.append(blocks)
    return pages


def headings_of(document: t.Document) -> list[str]:
    """The printed text of every heading of a composed document, except a chapter opener
    (a heading the tree itself follows with a page break)."""
    found = []
    for section in document.sections:
        blocks = section.blocks
        for block, after in zip(blocks, [*blocks[1:], None], strict=True):
            if isinstance(block, t.Heading) and not isinstance(after, t.PageBreak):
                found.append(block.display)
    return found


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\u00a0", " ")).strip()


def _heading_bottoms(lines: list[Line], headings: set[str]) -> list[tuple[str, float]]:
    """Where a heading's (last) line ends, for each heading printed on the page."""
    found = []
    for index in range(len(lines)):
        for size in (1, 2, 3):
            run = lines[index:index + size]
            text = _squash(" ".join(line.text for line in run))
            if len(run) == size and text in headings:
                found.append((text, max(line.bottom for line in run)))
    return found


def scan(pdf: Path, headings: list[str]) -> list[Fault]:
    """Every fault of every page of `pdf`."""
    wanted = {_squash(h) for h in headings}
    faults: list[Fault] = []
    for number, blocks in enumerate(read_pages(pdf), start=1):
        lines = [line for block in blocks for line in block]
        if not any(ln.top > HEADER_ZONE and ln.height >= CONTENT_HEIGHT for ln in lines):
            faults.append(Fault(number, "empty page", ""))
        for text, bottom in _heading_bottoms(lines, wanted):
            below = [ln for ln in lines if ln.top > bottom and ln.height >= CONTENT_HEIGHT]
            if not below:
                faults.append(Fault(number, "heading last on page", text))
        for block in blocks:
            for line, after in zip(block, [*block[1:], None], strict=True):
                if line.text.rstrip().endswith("€"):
                    faults.append(Fault(number, "line ends in €", line.text))
                if after is not None and any(end.search(line.text) and start.match(after.text)
                                             for end, start in _BROKEN):
                    faults.append(Fault(number, "number broken", f"{line.text} | {after.text}"))
    return faults


def convert_docx(documents: list[Path], out: Path) -> dict[Path, Path]:
    """LibreOffice's PDF of each DOCX (one soffice call, private profile)."""
    import shutil
    import tempfile

    profile = Path(tempfile.mkdtemp(prefix="lo-profile-"))
    try:
        subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{profile}",
                        "--convert-to", "pdf", "--outdir", str(out), *map(str, documents)],
                       capture_output=True, timeout=600, check=False)
    finally:
        shutil.rmtree(profile, ignore_errors=True)
    return {d: out / f"{d.stem}.pdf" for d in documents}


_WORDS = ("Opleidings- en ontwikkelingsmogelijkheden", "Gereedstellingsprogramma",
          "Instandhoudingsketen", "Personeelsvoorziening", "Vastgoedinstandhouding")


def _long_table(key: str, rows: int) -> str:
    lines = [f"- text: 'De cijfers van {key} staan hieronder in € 1.000:'",
             "- table:", f"    id: {key}", f"    title: Uitgaven {key}",
             "    columns: [Omschrijving, 2024, 2025]", "    rows:"]
    for index in range(rows):
        label = f"{_WORDS[index % len(_WORDS)]} onderdeel {index + 1}"
        text = f"{{text: 'Scholingsmogelijkheden {index}'}}"
        lines.append(f"      - {{id: r{index}, label: '{label}', values: [{text}, "
                     f"{1_234_567 + 97 * index}, {89_012 + 13 * index}]}}")
    return "\n".join(lines)


def long_tables_report(folder: Path) -> Path:
    """A report of long tables after headings and ':' sentences, with amounts in running
    text, so that page ends fall in many places."""
    from tests.reports import write_report

    topics = []
    for index, rows in enumerate((3, 38, 7, 52, 12, 24, 5, 31)):
        prose = " ".join(f"De post {n} kostte € {n},{index} miljoen en bleef {n} van 8 "
                         "mijlpalen voor." for n in range(1, 4 + index * 2))
        blocks = f"- text: '{prose}'\n{_long_table(f'tabel-{index}', rows)}"
        body = "\n".join("              " + line for line in blocks.splitlines())
        topics.append(f"""\
          - id: onderwerp-{index}
            title: Onderwerp {index} met een kop
            blocks:
{body}""")
    wide = ", ".join(str(2020 + i) for i in range(6))
    figures = ", ".join(["123456789.5"] * 6)
    topics.append(f"""\
          - id: brede-bedragen
            title: Brede bedragen
            blocks:
              - table:
                  id: breed
                  title: Bedragen in euro
                  unit: {{kind: euro}}
                  columns: [{wide}]
                  rows:
                    - {{id: a, label: Gereedstellingsprogramma, values: [{figures}]}}""")
    topics_text = "\n".join(topics)
    return write_report(folder, f"""\
chapters:
  - number: 1
    title: Lange tabellen
    sections:
      - number: "1.1"
        title: Sectie
        topics:
{topics_text}
""")
