"""The fast PDF page-text reader reads what pypdf's extract_text reads."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader

from standgen.api import load
from standgen.compose.document import ComposeOptions, compose_document
from standgen.leaks.candidates import squash
from standgen.leaks.extract import PageTextReader, _share, normalise, pdf_text
from standgen.write.pdf import write_pdf

ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture(scope="module")
def built_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("pdf")
    report = load(ROOT / "fixtures" / "example" / "report.yaml")
    document = compose_document(report, "vertrouwelijk",
                                options=ComposeOptions(chart_dir=out / "charts"))
    path = out / "example.pdf"
    write_pdf(document, path)
    return path


def test_fast_reader_matches_pypdf_on_every_page(built_pdf: Path) -> None:
    reader = PdfReader(str(built_pdf))
    fast = PageTextReader()
    for number, page in enumerate(reader.pages, start=1):
        expected = squash(normalise(page.extract_text()))
        assert squash(normalise(fast.text(page))) == expected, f"page {number}"


def test_fast_reader_decodes_without_falling_back(built_pdf: Path) -> None:
    reader = PdfReader(str(built_pdf))
    fast = PageTextReader()
    for page in reader.pages:
        page.extract_text = None  # a fallback to pypdf would fail here
        assert isinstance(fast.text(page), str)
    assert fast.maps, "no font's ToUnicode map was read"


def test_pdf_text_keeps_metadata_and_outline(built_pdf: Path) -> None:
    text = pdf_text(built_pdf)
    reader = PdfReader(str(built_pdf))
    assert str(reader.metadata.title) in text
    assert reader.outline and str(reader.outline[0].title) in text


@pytest.mark.parametrize("count", [2, 3])
def test_shares_of_the_pages_together_read_the_whole_pdf(built_pdf: Path, count: int) -> None:
    reader = PdfReader(str(built_pdf))
    fast = PageTextReader()
    pages = [fast.text(page) for page in reader.pages]
    shares = [pdf_text(built_pdf, (index, count)) for index in range(count)]
    for number, text in enumerate(pages):
        holders = [i for i, share in enumerate(shares) if text in share]
        assert holders, f"page {number + 1} is in no share"
    sizes = [len(_share(reader.pages, (index, count))) for index in range(count)]
    assert sum(sizes) == len(pages) + count - 1  # each boundary page read twice
    on_pages = "\n".join(pages)
    only_metadata = [str(v) for v in (reader.metadata or {}).values() if str(v) not in on_pages]
    assert only_metadata, "the metadata should hold a value no page shows"
    for value in only_metadata:
        assert value in shares[-1] and all(value not in share for share in shares[:-1])
