"""A reviewed DOCX is input from outside: a forged provenance record must not make
`standgen review --apply` write anything but the report's own YAML files."""

from __future__ import annotations

import json
import re
import shutil
import zipfile
from pathlib import Path

import pytest

from standgen.cli import main
from standgen.write.docx.origins import pack, unpack
from tests.acceptance.review_edits import Reviewer

EXAMPLE = Path(__file__).resolve().parents[2] / "fixtures" / "example"
DOCX = "stand-van-voorbeeld-voorjaar-2026-{}.docx"


def _built(tmp_path: Path, capsys: pytest.CaptureFixture[str], edition: str = "openbaar",
           name: str = "openbare-versie") -> tuple[Path, Path]:
    source = tmp_path / "bron"
    shutil.copytree(EXAMPLE, source)
    argv = ["build", str(source / "report.yaml"), "--out", str(tmp_path / "uit"), "--format",
            "docx", "--edition", edition, "--jobs", "1"]
    assert main(argv) == 0
    capsys.readouterr()
    return source, tmp_path / "uit" / DOCX.format(name)


def _rewrite_record(path: Path, change: object) -> None:
    """Replace the provenance properties of `path` by `change(record)`."""
    with zipfile.ZipFile(path) as archive:
        members = {n: archive.read(n) for n in archive.namelist()}
    custom = members["docProps/custom.xml"].decode()
    packed = "".join(re.findall(r"<vt:lpwstr>([^<]*)</vt:lpwstr>", custom))
    record = json.loads(unpack(packed, 10**8))
    assert callable(change)
    value = pack(change(record))
    head = custom.split("<property", 1)[0]
    members["docProps/custom.xml"] = (
        f'{head}<property fmtid="{{D5CDD505-2E9C-101B-9397-08002B2CF9AE}}" pid="2" '
        f'name="standgen.provenance.aaa"><vt:lpwstr>{value}</vt:lpwstr></property>'
        "</Properties>").encode()
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)


def test_a_forged_origin_cannot_make_apply_write_outside_the_report(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source, built = _built(tmp_path, capsys)
    victim = tmp_path / "elders.yaml"
    text = (source / "hoofdstuk-1.yaml").read_text(encoding="utf-8")
    victim.write_text(text, encoding="utf-8")
    reviewer = Reviewer(built)
    reviewer.insert_at_end("In 2025 stroomden", " Ingevoegd.")
    edited = tmp_path / "bewerkt.docx"
    reviewer.save(edited)

    def forge(record: dict[str, dict[str, dict[str, object]]]) -> str:
        for origin in record["origins"].values():
            if origin.get("file") == "hoofdstuk-1.yaml":
                origin["file"] = "../elders.yaml"
        return json.dumps(record)

    _rewrite_record(edited, forge)
    code = main(["review", str(edited), "--source", str(source / "report.yaml"), "--apply"])
    out = capsys.readouterr().out
    assert code == 1
    assert "is not a YAML file this report reads; nothing written" in out
    assert victim.read_text(encoding="utf-8") == text


def test_a_damaged_record_is_refused_with_the_file_name(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source, built = _built(tmp_path, capsys)
    _rewrite_record(built, lambda record: "{not json")
    code = main(["review", str(built), "--source", str(source / "report.yaml")])
    assert code == 2
    assert f"{built}: the standgen provenance properties are damaged" in (
        capsys.readouterr().err)


def test_a_figure_from_a_workbook_is_listed_with_sheet_and_cell(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source, built = _built(tmp_path, capsys, "vertrouwelijk", "vertrouwelijk")
    reviewer = Reviewer(built)
    texts = [p.text for p in reviewer._paragraphs()]
    figure = texts[texts.index("Zeestrijdkrachten") + 1]
    reviewer.replace(figure, figure, "999")
    reviewer.save(built)
    workbook = (source / "data" / "personeel.xlsx").read_bytes()
    code = main(["review", str(built), "--source", str(source / "report.yaml"), "--apply"])
    out = capsys.readouterr().out
    assert code == 1
    assert "data/personeel.xlsx:2: replacement" in out
    assert "sheet personeel, cell B2 (row zeestrijdkrachten, column vast-2025" in out
    assert "refused: data/personeel.xlsx:2" in out
    assert (source / "data" / "personeel.xlsx").read_bytes() == workbook


def test_a_source_the_docx_was_not_built_from_is_refused(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, built = _built(tmp_path, capsys)
    other = tmp_path / "ander" / "rapport.yaml"
    other.parent.mkdir()
    other.write_text("title: Ander\n", encoding="utf-8")
    code = main(["review", str(built), "--source", str(other), "--apply"])
    err = capsys.readouterr().err
    assert code == 2
    assert f"none of which is in {other.parent}" in err
    assert other.read_text(encoding="utf-8") == "title: Ander\n"
