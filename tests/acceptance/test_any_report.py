"""A report of another ministry and shape (fixtures/voortgang-woningbouw-2025): built in
every edition and format without a trace of Defence, without nearly-empty pages, with its
annexes in the Inhoud and its wide tables whole in both writers."""

from __future__ import annotations

import os
import re
import subprocess
import zipfile
from collections import Counter
from collections.abc import Callable
from importlib.metadata import entry_points
from pathlib import Path

import docx
import pytest

from standgen.build import BuildRequest, BuildResult, build
from standgen.compose import compose_document, dump_document
from standgen.compose import tree as t
from standgen.compose.table_layout import FONT_FLOOR, SCALE_STEP, TIGHT_PADDING, least
from standgen.compose.widths import measure
from standgen.load import load_report
from standgen.theme.metrics import TEXT_BLOCK_PT, default_metrics
from tests.acceptance.test_docx_sample import convert_to_pdf, pdf_pages
from tests.tablefit import rendered_words, too_wide

PLUGIN = "standgen.snapshot.pytest_plugin"
if not any(ep.value == PLUGIN for ep in entry_points(group="pytest11")):
    pytest_plugins = [PLUGIN]

ROOT = Path(__file__).resolve().parents[2]
SOURCE = ROOT / "fixtures" / "voortgang-woningbouw-2025" / "report.yaml"
GOLDENS = Path(__file__).with_name("snapshots")
STEM = "voortgang-woningbouwimpuls-2025"
WIDE = "Opgeleverde woningen per provincie en maand, 2024-2025"
TWELVE = "Uitgaven WBI 2020-2031 (x € 1 miljoen)"
ANNEXES = ("Bijlage A Verantwoording van de cijfers", "Bijlage B Afkortingen")
MM = 72 / 25.4


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, BuildResult]:
    out = tmp_path_factory.mktemp("woningbouw")
    result = build(BuildRequest(SOURCE, out, editions=("openbaar", "vertrouwelijk", "bijlage"),
                                formats=("docx", "pdf", "md")))
    return out, result


def _artifact_text(path: Path) -> str:
    if path.suffix == ".pdf":
        return subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True,
                              check=True).stdout + path.read_bytes().decode("latin-1")
    if path.suffix == ".docx":
        with zipfile.ZipFile(path) as archive:
            return "\n".join(archive.read(n).decode("utf-8", "replace")
                             for n in archive.namelist() if n.endswith((".xml", ".rels")))
    return path.read_text(encoding="utf-8")


def test_every_edition_and_format_is_built_without_defence(
        built: tuple[Path, BuildResult]) -> None:
    _, result = built
    assert len(result.artifacts) == 9
    for path in result.artifacts:
        assert path.name.startswith(STEM)
        text = _artifact_text(path)
        assert "defensie" not in text.lower(), path.name
        assert "VOORBEELDGEGEVENS" in text, path.name


def test_the_confidential_project_is_only_in_the_confidential_editions(
        built: tuple[Path, BuildResult]) -> None:
    _, result = built
    for path in result.artifacts:
        text = _artifact_text(path)
        assert ("Zandwijk" in text) == ("openbare-versie" not in path.name), path.name


def test_the_wide_table_fallback_is_a_build_warning(built: tuple[Path, BuildResult]) -> None:
    _, result = built
    layout = [p for p in result.problems.warnings if p.code == "table-layout"]
    assert len(layout) == 1 and "woningen-per-maand" in layout[0].message
    assert layout[0].location.file is not None and layout[0].location.line


def _fills(pdf: Path) -> list[tuple[float, float]]:
    """Per page: how far down the text block the body text reaches (0-1), and the width."""
    out = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True,
                         text=True, check=True).stdout
    fills = []
    for page in out.split("<page ")[1:]:
        match = re.match(r'width="([\d.]+)" height="([\d.]+)"', page)
        assert match
        width, height = float(match[1]), float(match[2])
        top, bottom = 27 * MM, height - 25 * MM
        lows = [float(y) for y0, y in re.findall(
            r'yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)"', page) if float(y0) >= top - 2
            and float(y) <= bottom + 2]
        fills.append(((max(lows) - top) / (bottom - top) if lows else 0.0, width))
    return fills


def test_the_public_pdf_has_no_nearly_empty_pages(built: tuple[Path, BuildResult]) -> None:
    out, _ = built
    fills = _fills(out / f"{STEM}-openbare-versie.pdf")
    body = fills[2:-1]  # cover and Inhoud aside; the last page may end early
    assert body and all(fill >= 0.35 for fill, _ in body), fills
    assert fills[-1][0] >= 0.15


def _squash(text: str) -> str:
    return " ".join(text.split())


def test_annexes_are_in_the_inhoud_of_both_writers(built: tuple[Path, BuildResult]) -> None:
    out, _ = built
    toc_page = _squash(pdf_pages(out / f"{STEM}-openbare-versie.pdf")[1])
    assert toc_page.startswith("Inhoud") or "Inhoud" in toc_page
    for annex in ANNEXES:
        assert annex in toc_page
    document = docx.Document(str(out / f"{STEM}-openbare-versie.docx"))
    toc = [p.text for p in document.paragraphs if p.style is not None
           and p.style.name.lower().startswith("toc")]
    for annex in ANNEXES:
        assert any(line.startswith(annex) for line in toc), toc


def _table(caption: str) -> t.Table:
    document = compose_document(load_report(SOURCE), "openbaar")
    return next(b for s in document.sections for b in s.blocks
                if isinstance(b, t.Table) and b.caption.replace("\u00a0", " ") == caption)


def _figures(table: t.Table) -> Counter[str]:
    return Counter("".join(getattr(i, "text", "") for i in cell.inlines)
                   for row in table.body_rows for cell in row.cells[1:])


def _page_with(pages: list[str], words: list[str]) -> str:
    return max(pages, key=lambda page: sum(w in page for w in words))


def _intact(expected: Counter[str], page: str) -> None:
    found = Counter(page.split())
    missing = {n: c for n, c in expected.items() if found[n] < c}
    assert not missing, f"figures broken or missing: {missing}"


def test_a_25_column_table_has_every_figure_intact_in_the_pdf(
        built: tuple[Path, BuildResult]) -> None:
    out, _ = built
    table = _table(WIDE)
    assert len(table.column_widths) == 26 and table.layout.mode == "landscape"
    pages = pdf_pages(out / f"{STEM}-openbare-versie.pdf")
    _intact(_figures(table), _page_with(pages, ["Groningen", "Limburg", "Totaal"]))


def test_a_twelve_column_table_fits_portrait_without_breaking_a_figure(
        built: tuple[Path, BuildResult]) -> None:
    out, _ = built
    table = _table(TWELVE)
    assert table.layout.mode == "fit"
    pdf = out / f"{STEM}-openbare-versie.pdf"
    pages = pdf_pages(pdf)
    index = pages.index(_page_with(pages, ["Subsidie gemeenten", "Uitvoeringskosten"]))
    _intact(_figures(table), pages[index])
    _, width = _fills(pdf)[index]
    assert width < 600  # portrait


def test_the_twelve_column_table_prints_at_the_largest_font_that_fits(
        built: tuple[Path, BuildResult]) -> None:
    """Measured on the page: every figure is printed as wide as the table font's metrics
    say, and narrower than its column; one font step larger would not fit."""
    out, _ = built
    table = _table(TWELVE)
    assert table.layout.font_scale > FONT_FLOOR
    metrics = default_metrics()
    needs = measure(table.header_rows, table.body_rows, metrics)
    larger = round(table.layout.font_scale + SCALE_STEP, 2)
    assert larger > 1.0 or least(needs, TIGHT_PADDING, metrics, larger) > TEXT_BLOCK_PT
    pages = rendered_words(out / f"{STEM}-openbare-versie.pdf",
                           metrics.size * table.layout.font_scale)
    words = max(pages, key=lambda page: sum(w == "Uitvoeringskosten" for w, _ in page))
    assert too_wide(table, words) == []
    printed = dict(words)
    bold = {text for row in table.body_rows if row.role == "total"
            for text in _figures(t.Table("", (), (row,), ()))}
    for text in _figures(table):
        expected = metrics.width(text, text in bold, table.layout.font_scale)
        assert abs(printed[text] - expected) < 0.5, (text, printed[text], expected)


def test_the_docx_as_libreoffice_renders_it_keeps_every_figure_whole(
        built: tuple[Path, BuildResult], tmp_path: Path) -> None:
    out, _ = built
    rendered = convert_to_pdf(out / f"{STEM}-openbare-versie.docx", tmp_path)
    pages = pdf_pages(rendered)
    for caption, word in ((WIDE, "Groningen"), (TWELVE, "Uitvoeringskosten")):
        table = _table(caption)
        words = rendered_words(rendered, default_metrics().size * table.layout.font_scale)
        page = max(words, key=lambda page: sum(w == word for w, _ in page))
        assert too_wide(table, page) == []
    _intact(_figures(_table(WIDE)), _page_with(pages, ["Groningen", "Limburg", "jan"]))
    _intact(_figures(_table(TWELVE)), _page_with(pages, ["Subsidie gemeenten"]))
    toc = _squash(pages[1])
    assert all(annex in toc for annex in ANNEXES)


@pytest.mark.parametrize("edition", ["openbaar", "vertrouwelijk", "bijlage"])
def test_dump_matches_its_golden_file(edition: str) -> None:
    text = dump_document(compose_document(load_report(SOURCE), edition))  # type: ignore[arg-type]
    golden = ROOT / "tests" / "golden" / f"woningbouw-{edition}.txt"
    if os.environ.get("STANDGEN_UPDATE_GOLDEN") == "1":
        golden.write_text(text, encoding="utf-8")
    assert golden.is_file(), f"{golden} is missing; run with STANDGEN_UPDATE_GOLDEN=1"
    assert text == golden.read_text(encoding="utf-8")


@pytest.mark.parametrize("fmt", ["pdf", "docx"])
def test_layout_matches_golden(built: tuple[Path, BuildResult], fmt: str,
                               standgen_snapshot: Callable[..., None]) -> None:
    out, _ = built
    standgen_snapshot(out / f"{STEM}-openbare-versie.{fmt}",
                      GOLDENS / f"woningbouw-openbaar.{fmt}.txt")


def test_snapshot_names_the_annexes_and_the_split_parts() -> None:
    golden = (GOLDENS / "woningbouw-openbaar.pdf.txt").read_text(encoding="utf-8")
    assert all(annex in golden for annex in ANNEXES)
    assert "Gestarte woningen per provincie, 2021-2025 (2/2)" in golden


def _media(path: Path) -> set[bytes]:
    with zipfile.ZipFile(path) as archive:
        return {archive.read(n) for n in archive.namelist() if n.startswith("word/media/")}


def test_every_markdown_link_resolves_and_public_images_are_public(
        built: tuple[Path, BuildResult]) -> None:
    """Every relative link of every Markdown artifact names a written file; the public
    Markdown's images are the public DOCX's charts, none of a confidential edition's own."""
    out, result = built
    markdown = [p for p in result.artifacts if p.suffix == ".md"]
    linked = 0
    for path in markdown:
        for target in re.findall(r"\]\(([^)#][^)]*)\)", path.read_text(encoding="utf-8")):
            if "://" in target or target.startswith("mailto:"):
                continue
            assert (path.parent / target).is_file(), (path.name, target)
            linked += 1
    assert linked
    docx_of = {p.name.rsplit(".", 1)[0]: p for p in result.artifacts if p.suffix == ".docx"}
    public_md = next(p for p in markdown if "openbare-versie" in p.name)
    images = {f.read_bytes() for f in (out / f"{public_md.stem}-figuren").iterdir()}
    public_media = _media(docx_of[public_md.stem])
    confidential_media = _media(next(p for n, p in docx_of.items() if "vertrouwelijk" in n))
    assert images and images <= public_media
    assert not images & (confidential_media - public_media)


def test_the_leak_check_reads_what_a_screen_reader_speaks(
        built: tuple[Path, BuildResult]) -> None:
    """The tagged structure's alternate texts are part of the public artifact: a figure's
    alt text never shows on the page, so a leak there is found only by reading them."""
    from standgen.leaks.extract import artifact_text

    out, _result = built
    pdf = out / f"{STEM}-openbare-versie.pdf"
    page_text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                               check=True).stdout
    spoken = "Staafdiagram van het uitgegeven bedrag per tranche"
    assert spoken not in page_text
    assert spoken in artifact_text(pdf)
