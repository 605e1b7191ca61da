"""The running header of every page, in the PDF and in the DOCX as LibreOffice lays it out,
for each of the 16 page policies (chapter, section, front and back matter each on a new
page or not): a page shows the header of the part it starts in, or none where a part opens
at its top. A small report, so that the 32 documents build in seconds."""

from __future__ import annotations

import itertools
import re
import subprocess
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml
from docx import Document

from standgen.compose import ComposeOptions, compose_document
from standgen.compose import tree as t
from standgen.load import load_report
from standgen.model.settings import PagePolicy
from standgen.write.docx import write_docx
from standgen.write.pdf import write_pdf
from tests.pagescan import FOOTER_ZONE, HEADER_ZONE, NS

POLICIES = [PagePolicy(chapter=c, section=s, front_matter=f, back_matter=b)
            for c, s, f, b in itertools.product((True, False), repeat=4)]
_SENTENCE = ("De uitvoering van het programma ligt op schema en de regio's melden dat de "
             "capaciteit in het tweede halfjaar verder is gegroeid. ")


def _text(words: int) -> str:
    return (_SENTENCE * (words // len(_SENTENCE.split()) + 1)).strip()


def _report(folder: Path) -> Path:
    section = lambda n, title: {"number": n, "title": title,  # noqa: E731
                                "blocks": [{"text": _text(120)} for _ in range(2)]}
    data = {
        "title": "Monitor Uitvoering", "period": "2025", "report_year": 2025,
        "ministry": "Ministerie van Proefzaken", "date": "2026-02-01",
        "rubricering": "openbaar",
        "front_matter": {"voorwoord": {"blocks": [{"text": _text(60)}]},
                         "leeswijzer": {"blocks": [{"text": _text(40)}]}},
        "chapters": [
            {"number": 1, "title": "Voortgang", "running_header": "Voortgang kort",
             "blocks": [{"text": _text(40)}],
             "sections": [section("1.1", "Eerste paragraaf"),
                          section("1.2", "Tweede paragraaf")]},
            {"number": 2, "title": "Financien", "blocks": [{"text": _text(40)}],
             "sections": [section("2.1", "Derde paragraaf")]}],
        "back_matter": {"bijlagen": [{"title": "Verantwoording",
                                      "blocks": [{"text": _text(80)}]}],
                        "colofon": {"blocks": [{"text": "Uitgave van het ministerie."}]}},
    }
    path = folder / "report.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False),
                    encoding="utf-8")
    return path


@dataclass(frozen=True)
class Page:
    header: str
    lines: tuple[str, ...]


def _pages(pdf: Path) -> list[Page]:
    raw = subprocess.run(["pdftotext", "-bbox-layout", str(pdf), "-"], check=True,
                         capture_output=True).stdout
    pages = []
    for page in ET.fromstring(raw).iter(f"{NS}page"):
        floor = float(page.get("height", 842)) - FOOTER_ZONE
        header, lines = [], []
        for line in page.iter(f"{NS}line"):
            text = " ".join(w.text or "" for w in line.iter(f"{NS}word"))
            top = float(line.get("yMin", 0))
            if float(line.get("yMax", 0)) < HEADER_ZONE:
                header.append(text)
            elif top < floor:
                lines.append(_squash(text))
        pages.append(Page(_squash(" ".join(header)), tuple(lines)))
    return pages


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\u00a0", " ")).strip()


def _faults(pages: list[Page], document: t.Document, libreoffice: bool = False
            ) -> list[str]:
    """Pages whose header is not that of the part they start in (none where a part opens
    at the top of the page). Page 1 is the cover, page 2 the Inhoud.

    LibreOffice (7.4) lays out a DOCX section that follows on (a continuous section break)
    without its own header: its pages keep the header of the last part that started on a
    new page. Word shows the continuous section's header (checked in the DOCX itself by
    the test below); with `libreoffice`, that header is accepted too, never the Inhoud's."""
    parts, paged = {}, {}
    for index, section in enumerate(document.sections):
        first = next(b for b in section.blocks if isinstance(b, t.Heading))
        parts[_squash(first.display)] = section.running_header
        paged[_squash(first.display)] = section.new_page or index == 0
    faults = []
    assert pages[1].lines[0] == "Inhoud" and pages[1].header in ("", "Inhoud")
    current, page_style = "Inhoud", "Inhoud"
    for number, page in enumerate(pages[2:], start=3):
        first = page.lines[0] if page.lines else ""
        allowed = {"", parts[first]} if first in parts else {current}
        if libreoffice and not (first in parts and paged[first]) and page_style != "Inhoud":
            allowed.add(page_style)
        if page.header not in allowed:
            faults.append(f"page {number}: header {page.header!r}, expected one of "
                          f"{sorted(allowed)} (first line {page.lines[:1]})")
        for line in page.lines:
            current = parts.get(line, current)
            if line in parts and paged[line]:
                page_style = parts[line]
    return faults


Built = list[tuple[PagePolicy, t.Document, Path, Path]]


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Built]:
    """The 16 documents as PDF and DOCX; LibreOffice lays out the DOCX files (in
    `rendered/`) while the PDFs are written."""
    folder = tmp_path_factory.mktemp("headers")
    report = load_report(_report(folder))
    out = []
    for index, policy in enumerate(POLICIES):
        document = compose_document(report, options=ComposeOptions(page_policy=policy))
        pdf, docx = folder / f"policy-{index:02d}.pdf", folder / f"policy-{index:02d}.docx"
        write_docx(document, docx)
        out.append((policy, document, pdf, docx))
    profile = folder / "lo-profile"
    office = subprocess.Popen(
        ["soffice", "--headless", f"-env:UserInstallation=file://{profile}", "--convert-to",
         "pdf", "--outdir", str(folder / "rendered"), *(str(d) for *_, d in out)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        for _, document, pdf, _ in out:
            write_pdf(document, pdf)
    finally:
        office.wait(timeout=600)
    yield out


def test_every_pdf_page_has_the_header_of_its_part(built: Built) -> None:
    found = {str(p): _faults(_pages(pdf), doc) for p, doc, pdf, _ in built}
    assert {k: v for k, v in found.items() if v} == {}


def test_every_docx_page_has_the_header_of_its_part_in_libreoffice(built: Built) -> None:
    found = {str(p): _faults(_pages(docx.parent / "rendered" / f"{docx.stem}.pdf"), doc,
                             libreoffice=True)
             for p, doc, _, docx in built}
    assert {k: v for k, v in found.items() if v} == {}


def test_every_docx_section_carries_the_header_of_its_part(built: Built) -> None:
    """What Word shows on a page is the default header of the section at its top: each
    part's section, continuous or not, carries that part's running header."""
    for policy, document, _, path in built:
        word = Document(str(path))
        headers = [" ".join(p.text for p in s.header.paragraphs).strip()
                   for s in word.sections]
        assert headers[2:] == [s.running_header for s in document.sections], policy
