"""The Word review round trip (issue #23): build the example DOCX, edit it as a reviewer
in Word would (tracked changes, a comment), list the edits by source, apply the prose
edits, rebuild and find them in the PDF; the same after LibreOffice opened and saved the
edited file, and for edits in the vertrouwelijk edition and the bijlage."""

from __future__ import annotations

import csv
import io
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from pypdf import PdfReader

from standgen.cli import main
from tests.acceptance.review_edits import AUTHOR, Reviewer

EXAMPLE = Path(__file__).resolve().parents[2] / "fixtures" / "example"
NEW_SENTENCE = " Dit is een nieuwe zin van de reviewer."
EDITIONS = {"openbaar": "openbare-versie", "vertrouwelijk": "vertrouwelijk",
            "bijlage": "vertrouwelijke-bijlage"}


def _line_of(path: Path, words: str) -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    found = [n for n, line in enumerate(lines, 1) if words in line]
    assert len(found) == 1, (path, words)
    return found[0]


def _key_line(path: Path, words: str) -> int:
    """The line of the field key above the text line holding `words`."""
    lines = path.read_text(encoding="utf-8").splitlines()
    at = _line_of(path, words) - 1
    while ":" not in lines[at]:
        at -= 1
    return at + 1


def _copy(tmp: Path) -> Path:
    source = tmp / "bron"
    shutil.copytree(EXAMPLE, source)
    return source


def _build(source: Path, out: Path, edition: str, fmt: str,
           capsys: pytest.CaptureFixture[str]) -> Path:
    argv = ["build", str(source / "report.yaml"), "--out", str(out), "--format", fmt,
            "--edition", edition, "--jobs", "1"]
    assert main(argv) == 0, capsys.readouterr().err
    capsys.readouterr()
    return out / f"stand-van-voorbeeld-voorjaar-2026-{EDITIONS[edition]}.{fmt}"


def _review(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(["review", *argv])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def _edit_openbaar(built: Path, edited: Path) -> None:
    reviewer = Reviewer(built)
    reviewer.insert_at_end("In 2025 stroomden", NEW_SENTENCE)
    reviewer.delete("Elk hoofdstuk begint", "korte ")
    reviewer.replace("4.500", "4.500", "4.600")
    reviewer.comment("Dit hoofdstuk toont een jaarreeks", "Is deze zin nog actueel?")
    reviewer.save(edited)


def _through_libreoffice(edited: Path, folder: Path) -> Path:
    folder.mkdir()
    profile = folder / "profiel"
    subprocess.run(["soffice", f"-env:UserInstallation=file://{profile}", "--headless",
                    "--convert-to", "docx", "--outdir", str(folder), str(edited)],
                   check=True, capture_output=True, timeout=120)
    saved = folder / edited.name
    assert saved.is_file()
    return saved


def _pdf_text(path: Path) -> str:
    return " ".join(" ".join(page.extract_text().split()) for page in PdfReader(path).pages)


def _assert_listing(out: str, source: Path) -> None:
    chapter = source / "hoofdstuk-1.yaml"
    insertion = _line_of(chapter, "In 2025 stroomden")
    assert f"hoofdstuk-1.yaml:{insertion}: insertion by {AUTHOR}" in out
    deletion = _line_of(source / "report.yaml", "Elk hoofdstuk begint")
    assert f"report.yaml:{deletion}: deletion by {AUTHOR}" in out
    assert "data/instroom.csv:2: replacement" in out
    figure = out.split("data/instroom.csv:2: replacement", 1)[1].splitlines()[1]
    assert "figure from data file, column F" in figure and "row realisatie" in figure
    comment = _key_line(chapter, "Dit hoofdstuk toont een jaarreeks")
    assert f"hoofdstuk-1.yaml:{comment}: comment by {AUTHOR}" in out
    assert "Is deze zin nog actueel?" in out
    files = [line for line in out.splitlines() if line and not line.startswith(" ")]
    assert files == sorted(files) and len(files) == len(set(files))


@pytest.mark.parametrize("libreoffice", [False, True], ids=["word", "libreoffice"])
def test_review_lists_and_applies_the_edits(tmp_path: Path, libreoffice: bool,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    source = _copy(tmp_path)
    built = _build(source, tmp_path / "uit", "openbaar", "docx", capsys)
    edited = tmp_path / "bewerkt.docx"
    _edit_openbaar(built, edited)
    if libreoffice:
        edited = _through_libreoffice(edited, tmp_path / "lo")
    data = (source / "data" / "instroom.csv").read_bytes()
    workbook = (source / "data" / "personeel.xlsx").read_bytes()
    code, out, err = _review(capsys, str(edited), "--source", str(source / "report.yaml"),
                             "--comments", str(tmp_path / "opmerkingen.csv"))
    assert code == 1, err
    _assert_listing(out, source)
    rows = list(csv.DictReader(io.StringIO((tmp_path / "opmerkingen.csv").read_text())))
    assert [r["opmerking"] for r in rows] == ["Is deze zin nog actueel?"]
    assert rows[0]["bestand"] == "hoofdstuk-1.yaml"
    assert rows[0]["regel"] == str(_key_line(source / "hoofdstuk-1.yaml",
                                             "Dit hoofdstuk toont een jaarreeks"))
    code, out, err = _review(capsys, str(edited), "--source", str(source / "report.yaml"),
                             "--apply")
    assert code == 1, err
    assert "refused: data/instroom.csv:2: replacement" in out
    assert "never writes a data file" in out
    assert out.count("applied: ") == 2, out
    assert (source / "data" / "instroom.csv").read_bytes() == data
    assert (source / "data" / "personeel.xlsx").read_bytes() == workbook
    chapter = (source / "hoofdstuk-1.yaml").read_text(encoding="utf-8")
    assert f"[^bron-instroom]{NEW_SENTENCE}\n" in chapter
    assert "begint met een inleiding." in (source / "report.yaml").read_text(encoding="utf-8")
    pdf = _build(source, tmp_path / "opnieuw", "openbaar", "pdf", capsys)
    assert NEW_SENTENCE.strip() in _pdf_text(pdf)


def test_nothing_is_applied_when_a_source_changed_since_the_build(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = _copy(tmp_path)
    built = _build(source, tmp_path / "uit", "openbaar", "docx", capsys)
    edited = tmp_path / "bewerkt.docx"
    _edit_openbaar(built, edited)
    report = source / "report.yaml"
    report.write_text(report.read_text(encoding="utf-8").replace(
        "Dit rapport laat", "Dit voorbeeldrapport laat"), encoding="utf-8")
    before = {p: p.read_bytes() for p in source.rglob("*") if p.is_file()}
    listing = tmp_path / "opmerkingen.md"
    code, out, err = _review(capsys, str(edited), "--source", str(report), "--apply",
                             "--comments", str(listing))
    assert code == 1
    line = _key_line(source / "hoofdstuk-1.yaml", "Dit hoofdstuk toont een jaarreeks")
    assert listing.read_text(encoding="utf-8").startswith(
        f"# Opmerkingen uit de review\n\n- **hoofdstuk-1.yaml:{line}**")
    assert "report.yaml: changed since the DOCX was built" in err
    assert "nothing applied" in err
    assert {p: p.read_bytes() for p in source.rglob("*") if p.is_file()} == before
    code, out, err = _review(capsys, str(edited), "--source", str(report), "--apply",
                             "--force")
    assert out.count("applied: ") == 2, out
    assert NEW_SENTENCE in (source / "hoofdstuk-1.yaml").read_text(encoding="utf-8")


@pytest.mark.parametrize("edition", ["vertrouwelijk", "bijlage"])
def test_confidential_editions_map_back_the_same_way(tmp_path: Path, edition: str,
                                                     capsys: pytest.CaptureFixture[str]
                                                     ) -> None:
    source = _copy(tmp_path)
    built = _build(source, tmp_path / "uit", edition, "docx", capsys)
    reviewer = Reviewer(built)
    words = "Deze toelichting is alleen voor de vertrouwelijke bijlage bedoeld"
    reviewer.replace(words, "alleen", "uitsluitend")
    edited = tmp_path / "bewerkt.docx"
    reviewer.save(edited)
    chapter = source / "hoofdstuk-2.yaml"
    line = _line_of(chapter, words)
    code, out, err = _review(capsys, str(edited), "--source", str(source / "report.yaml"),
                             "--apply")
    assert code == 1, err
    assert f"hoofdstuk-2.yaml:{line}: replacement" in out
    assert out.count("applied: ") == 1, out
    text = chapter.read_text(encoding="utf-8")
    assert "Deze toelichting is uitsluitend voor de vertrouwelijke" in text
    assert "rubricering: dep-vertrouwelijk" in text


def test_an_unedited_docx_has_nothing_to_review(tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    source = _copy(tmp_path)
    built = _build(source, tmp_path / "uit", "openbaar", "docx", capsys)
    code, out, err = _review(capsys, str(built), "--source", str(source / "report.yaml"))
    assert (code, out) == (0, ""), err


def test_a_docx_without_provenance_is_refused_with_its_name(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = _copy(tmp_path)
    plain = tmp_path / "ander.docx"
    Reviewer(_build(source, tmp_path / "uit", "openbaar", "docx", capsys)).save(plain)
    stripped = tmp_path / "zonder.docx"
    with zipfile.ZipFile(plain) as src, zipfile.ZipFile(stripped, "w") as dst:
        for name in src.namelist():
            if name != "docProps/custom.xml":
                dst.writestr(name, src.read(name))
    code, _out, err = _review(capsys, str(stripped), "--source", str(source / "report.yaml"))
    assert code == 2
    assert f"{stripped}: holds no standgen provenance" in err
    code, _out, err = _review(capsys, str(source / "report.yaml"), "--source",
                             str(source / "report.yaml"))
    assert code == 2 and "not a readable DOCX" in err
