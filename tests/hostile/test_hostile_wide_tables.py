"""Wide and odd tables as a hurried author of another ministry writes them: 2024-2035 x
realisatie/plan (25 columns), 40 columns of nine-digit counts, one value column beside a
very long label, a column of only qualified values, negative euro amounts over twelve
years, long labels. Every figure comes out whole in the PDF and in the DOCX as
LibreOffice renders it, no figure is wider than its column there, and the build says
which fallback it used."""

from __future__ import annotations

import html
import math
import re
import zipfile
from collections import Counter
from pathlib import Path

import pytest

from standgen.build import BuildRequest, BuildResult, build
from standgen.compose import compose_document
from standgen.compose import tree as t
from standgen.load import load_report
from standgen.theme.metrics import default_metrics
from tests.acceptance.test_docx_sample import convert_to_pdf, pdf_pages
from tests.reports import one_topic, write_report
from tests.tablefit import rendered_words, too_wide

LONG = ("Bijdrage aan de instandhouding van het maatschappelijk vastgoed van decentrale "
        "overheden inclusief alle bijkomende kosten en de uitvoeringskosten van de regeling")
STEM = "stand-van-test-voorjaar-2026-openbare-versie"


def _table(key: str, title: str, unit: str, columns: list[str], rows: list[str]) -> str:
    listed = "\n".join(f"    - {c}" for c in columns)
    body = "\n".join(f"    - {r}" for r in rows)
    return (f"- table:\n    id: {key}\n    title: {title}\n    unit: {unit}\n"
            f"    columns:\n{listed}\n    rows:\n{body}\n")


def _row(key: str, label: str, values: list[object]) -> str:
    return f"{{id: {key}, label: '{label}', values: [{', '.join(map(str, values))}]}}"


def _blocks() -> str:
    plan = [f"{{year: {y}, role: {r}}}" for y in range(2024, 2036)
            for r in ("realisatie", "plan")]
    qualified = [f"{{value: {v}, qualifier: {q}}}" for v, q in
                 ((25, "minder dan"), (1234, "ruim"), (99.5, "circa"), (12345678, "meer dan"))]
    years = [str(y) for y in range(2020, 2032)]
    return "".join((
        _table("vijfentwintig", "Realisatie en plan 2024-2035 (x € 1.000)",
               "{kind: euro, scale: duizend}", plan,
               [_row(f"r{i}", f"Post {i}", [1234567 + 7919 * i * k for k in range(24)])
                for i in range(4)]),
        _table("veertig", "Veertig kolommen", "count", [f"'K{k}'" for k in range(40)],
               [_row(f"r{i}", f"Rij {i}", [123456789 + 1000003 * k for k in range(40)])
                for i in range(3)]),
        _table("een-kolom", "Eén kolom", "{kind: euro}", ["2025"],
               [_row("a", LONG, [-1234567.5]), _row("b", "Kort", [12])]),
        _table("kwalificaties", "Alleen kwalificaties", "count", ["Omvang", "2024", "2025"],
               [_row(f"q{i}", f"Regel {i}", [q] * 3) for i, q in enumerate(qualified)]),
        _table("negatief", "Negatieve bedragen 2020-2031", "{kind: euro}", years,
               [_row(f"n{i}", f"Saldo {i}", [-123456789.5 - 17 * k - i for k in range(12)])
                for i in range(3)]),
        _table("lange-labels", "Lange labels 2020-2031", "count", years,
               [_row(f"l{i}", f"{LONG} {i}", [2794.1 + k for k in range(12)])
                for i in range(3)]),
    ))


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, BuildResult, Path]:
    folder = tmp_path_factory.mktemp("breed")
    (folder / "bron").mkdir()
    source = write_report(folder / "bron", one_topic(_blocks()))
    out = folder / "uit"
    result = build(BuildRequest(source, out, jobs=1, cache_dir=folder / "cache"))
    return source, result, convert_to_pdf(out / f"{STEM}.docx", folder)


def _tables(source: Path) -> list[t.Table]:
    document = compose_document(load_report(source), "openbaar")
    return [b for s in document.sections for b in s.blocks if isinstance(b, t.Table)]


def _figures(tables: list[t.Table]) -> Counter[str]:
    return Counter(word for table in tables for row in table.body_rows
                   for cell in row.cells[1:]
                   for word in "".join(getattr(i, "text", "") for i in cell.inlines).split())


def test_the_build_says_which_fallback_each_wide_table_got(
        hostile: tuple[Path, BuildResult, Path]) -> None:
    _, result, _ = hostile
    said = {p.message.split("'")[1]: p.message for p in result.problems.warnings
            if p.code == "table-layout"}
    assert set(said) == {"vijfentwintig", "veertig", "negatief"}
    assert "split into 2 parts" in said["vijfentwintig"]
    assert "split into 4 parts" in said["veertig"]
    assert "landscape" in said["negatief"]


@pytest.mark.parametrize("writer", ["pdf", "docx"])
def test_every_figure_is_whole_and_fits_its_column(
        hostile: tuple[Path, BuildResult, Path], writer: str) -> None:
    source, result, rendered = hostile
    pdf = next(p for p in result.artifacts if p.suffix == ".pdf") if writer == "pdf" \
        else rendered
    tables = _tables(source)
    found = Counter("\n".join(pdf_pages(pdf)).split())
    missing = {n: c for n, c in _figures(tables).items() if found[n] < c}
    assert not missing, f"figures broken or missing: {missing}"
    for table in tables:
        words = rendered_words(pdf, default_metrics().size * table.layout.font_scale)
        page = [w for page in words for w in page]
        assert too_wide(table, page) == [], table.caption


def test_the_docx_sets_each_table_at_the_font_the_layout_chose(
        hostile: tuple[Path, BuildResult, Path]) -> None:
    """The DOCX writer follows the composed layout: no second, coarser fitting of its own
    makes a placed table smaller than it needs to be."""
    source, result, _ = hostile
    docx_path = next(p for p in result.artifacts if p.suffix == ".docx")
    with zipfile.ZipFile(docx_path) as archive:
        xml = archive.read("word/document.xml").decode("utf-8")
    sizes: dict[str, set[str]] = {}
    for table in re.findall(r"<w:tbl>.*?</w:tbl>", xml, re.S):
        caption = re.search(r'w:tblCaption w:val="([^"]*)"', table)
        if caption:
            found = set(re.findall(r'<w:sz w:val="(\d+)"/>', table))
            sizes[html.unescape(caption[1])] = found
    for table in _tables(source):
        expected = (set() if table.layout.mode == "normal" else
                    {str(math.floor(default_metrics().size * table.layout.font_scale * 2))})
        assert sizes[table.caption] == expected, table.caption
