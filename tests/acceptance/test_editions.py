"""Editions as built artifacts: canaries, markings on every page, copies, a caught leak."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest
from pypdf import PdfReader

from standgen.build import BuildRequest, BuildResult, build
from standgen.cli import main
from standgen.leaks.extract import artifact_text
from tests.conftest import ROOT
from tests.reports import leaking_templates

CANARIES = ROOT / "fixtures" / "canaries" / "report.yaml"
IN_TEXT = {"CANARY-BLOCK", "CANARY-ROW", "CANARY-NOTE", "CANARY-FOOTNOTE",
           "CANARY-CHART-TITLE", "CANARY-TOPIC-TITLE", "CANARY-TOPIC-TEXT",
           "CANARY-TABLE-TITLE"}
CHART_VALUES = ("12.345,6", "23.456,7")
MARK = "STG. CONFIDENTIEEL"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> BuildResult:
    out = tmp_path_factory.mktemp("canaries")
    return build(BuildRequest(CANARIES, out, editions=("openbaar", "vertrouwelijk", "bijlage"),
                              copies=(1, 2)))


def _one(result: BuildResult, pattern: str) -> Path:
    (found,) = [p for p in result.artifacts if re.search(pattern, p.name)]
    return found


def _canaries(path: Path) -> set[str]:
    return set(re.findall(r"CANARY-[A-Z]+(?:-[A-Z]+)*", artifact_text(path)))


@pytest.mark.parametrize("suffix", ["docx", "pdf"])
def test_public_artifacts_hold_no_canary(built: BuildResult, suffix: str) -> None:
    path = _one(built, rf"openbare-versie\.{suffix}$")
    assert _canaries(path) == set()
    for number in ("47,3", "52,8", "88,1", "98.765", *CHART_VALUES):
        assert number not in artifact_text(path)


@pytest.mark.parametrize("pattern", [r"vertrouwelijk-exemplaar-01\.docx$",
                                     r"bijlage-exemplaar-02\.docx$"])
def test_classified_docx_holds_every_canary_alt_text_included(built: BuildResult,
                                                              pattern: str) -> None:
    assert _canaries(_one(built, pattern)) == IN_TEXT | {"CANARY-ALT"}


@pytest.mark.parametrize("pattern", [r"vertrouwelijk-exemplaar-01\.pdf$",
                                     r"bijlage-exemplaar-02\.pdf$"])
def test_classified_pdf_holds_every_canary_and_the_chart_values(built: BuildResult,
                                                                pattern: str) -> None:
    """The alt text is read from the tagged structure, as a screen reader reads it."""
    path = _one(built, pattern)
    assert _canaries(path) == IN_TEXT | {"CANARY-ALT"}
    assert all(value in artifact_text(path) for value in CHART_VALUES)


@pytest.mark.parametrize("edition", ["vertrouwelijk", "vertrouwelijke-bijlage"])
def test_every_pdf_page_is_marked_at_top_and_bottom_with_page_x_of_y(
        built: BuildResult, edition: str) -> None:
    reader = PdfReader(_one(built, rf"-{edition}-exemplaar-01\.pdf$"))
    total = len(reader.pages)
    for number, page in enumerate(reader.pages, start=1):
        positions: list[float] = []

        def visit(text: str, cm: object, tm: list[float], *_: object) -> None:
            if MARK in text:
                positions.append(tm[5])  # noqa: B023

        text = page.extract_text(visitor_text=visit)
        height = float(page.mediabox.height)
        assert positions, f"page {number} has no marking"
        assert max(positions) > height * 0.9, f"page {number}: no marking at the top"
        assert min(positions) < height * 0.1, f"page {number}: no marking at the bottom"
        assert f"pagina {number} van {total}" in text
        assert "Exemplaar" in text and "1" in text


def test_every_docx_header_and_footer_carries_the_marking(built: BuildResult) -> None:
    with zipfile.ZipFile(_one(built, r"bijlage-exemplaar-02\.docx$")) as archive:
        parts = [n for n in archive.namelist()
                 if re.fullmatch(r"word/(header|footer)\d+\.xml", n)]
        assert parts
        for name in parts:
            xml = archive.read(name).decode("utf-8")
            assert MARK in xml, name
        headers = [archive.read(n).decode() for n in parts if "header" in n]
        assert all("Exemplaar 2" in xml for xml in headers)


def test_copies_differ_only_in_their_number_and_are_registered(built: BuildResult) -> None:
    first = artifact_text(_one(built, r"vertrouwelijk-exemplaar-01\.pdf$"))
    second = artifact_text(_one(built, r"vertrouwelijk-exemplaar-02\.pdf$"))
    assert first != second
    assert first.replace("Exemplaar nr. 1", "") == second.replace("Exemplaar nr. 2", "")
    register = _one(built, r"register\.csv$").read_text(encoding="utf-8").splitlines()
    assert register[0] == "exemplaar;bestand;sha256;ontvanger"
    assert len(register) == 1 + 2 * 2 * 2


def test_a_leaking_template_is_caught_and_leaves_no_public_artifact(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    templates = leaking_templates(tmp_path)
    out = tmp_path / "out"
    out.mkdir()
    (out / "stand-van-kanarie-najaar-2026-openbare-versie.pdf").write_bytes(b"older build")
    status = main(["build", str(CANARIES), "--out", str(out), "--templates",
                   str(templates)])
    assert status == 1
    assert "contains confidential content" in capsys.readouterr().err
    assert sorted(p.name for p in out.iterdir() if not p.name.startswith(".")) == [
        "stand-van-kanarie-najaar-2026-openbare-versie.pdf"]
    assert (out / "stand-van-kanarie-najaar-2026-openbare-versie.pdf").read_bytes() == (
        b"older build")


def test_check_leaks_command_reports_a_leak_in_a_foreign_file(tmp_path: Path) -> None:
    leaked = tmp_path / "leaked.md"
    leaked.write_text("Tekst met Systeem CANARY-ROW erin.", encoding="utf-8")
    assert main(["check-leaks", str(leaked), "--source", str(CANARIES)]) == 1
    clean = tmp_path / "clean.md"
    clean.write_text("Dit onderwerp is openbaar en staat in elke editie.", encoding="utf-8")
    assert main(["check-leaks", str(clean), "--source", str(CANARIES)]) == 0


def test_a_confidential_chart_embedded_as_an_image_is_found(built: BuildResult,
                                                            tmp_path: Path) -> None:
    from standgen.edition.levels import load_levels
    from standgen.leaks import check_artifact
    from standgen.leaks.images import confidential_chart_hashes
    from standgen.load import load_report

    report = load_report(CANARIES)
    hashes = confidential_chart_hashes(report, load_levels(), tmp_path / "charts")
    assert len(hashes) == 1
    leaks = check_artifact(_one(built, r"vertrouwelijk-exemplaar-01\.docx$"), report,
                           chart_hashes=hashes)
    assert [leak.origin for leak in leaks if leak.text.startswith("chart image")] == [
        "figure gereedheid-figuur"]
