"""`standgen new` on the report of another ministry (fixtures/voortgang-woningbouw-2025, a
yearly report with period "2025"): the next edition's sources validate and build, the
period and date move on a year, titles that name 2025 are marked, the input is unchanged."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest

from standgen.cli import main
from standgen.load import load_report

ROOT = Path(__file__).resolve().parents[2]
FIXTURE = ROOT / "fixtures" / "voortgang-woningbouw-2025"


def _digest(folder: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        digest.update(str(path.relative_to(folder)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def test_the_woningbouw_report_rolls_forward_and_builds(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "voortgang-2025"
    shutil.copytree(FIXTURE, source)
    before = _digest(source)
    draft = tmp_path / "voortgang-2026"
    assert main(["new", "--from", str(source), "--out", str(draft)]) == 0
    out = capsys.readouterr().out
    assert "2025 -> 2026" in out and "3 title(s) name the period '2025'" in out
    assert _digest(source) == before
    report = load_report(draft / "report.yaml")
    assert (report.period, report.report_year, report.date.isoformat()) == (
        "2026", 2026, "2027-03-12")
    assert report.settings.cycle == "jaar"
    written = (draft / "report.yaml").read_text(encoding="utf-8")
    assert "de datum van de vorige editie, 12 maanden later" in written
    assert "Verantwoordingsdag" not in written and "Prinsjesdag" not in written
    marked = (draft / "hoofdstuk-2.yaml").read_text(encoding="utf-8").splitlines()
    titles = [marked[i + 1].strip() for i, line in enumerate(marked)
              if line.strip() == "# TE HERZIEN (overgenomen uit 2025)"
              and marked[i + 1].strip().startswith("title:")]
    assert titles[-1] == "title: Woningen door transformatie van kantoren, 2025"
    assert main(["validate", str(draft / "report.yaml")]) == 0
    built = tmp_path / "built"
    assert main(["build", str(draft / "report.yaml"), "--out", str(built)]) == 0
    names = sorted(p.name for p in built.iterdir())
    assert names == ["voortgang-woningbouwimpuls-2026-openbare-versie.docx",
                     "voortgang-woningbouwimpuls-2026-openbare-versie.pdf"]
    assert main(["new", "--from", str(draft), "--out", str(tmp_path / "voortgang-2027")]) == 0
    assert load_report(tmp_path / "voortgang-2027" / "report.yaml").period == "2027"
