"""Periods as a hurried author of another ministry writes them, given to `standgen new`:
each is either read as what it plainly says or refused with the file, line and field, exit
2, no output folder, no leftover staging folder, the input unchanged."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from standgen.load import load_report
from tests.hostile.guard import run_cli

BODY = """\
chapters:
  - number: 1
    title: Hoofdstuk
    sections:
      - number: "1.1"
        title: Sectie
        topics:
          - id: t
            blocks:
              - toelichting: Het aantal steeg.
"""


def _source(folder: Path, period: str | None, report_year: int = 2025,
            settings: str = "") -> Path:
    folder.mkdir(parents=True)
    line = "" if period is None else f"period: {period}\n"
    (folder / "report.yaml").write_text(
        f"title: Monitor\n{line}report_year: {report_year}\nministry: Ministerie\n"
        f"date: 2026-03-12\nrubricering: openbaar\n{settings}{BODY}", encoding="utf-8")
    return folder


def _digest(folder: Path) -> str:
    return hashlib.sha256(b"".join(p.read_bytes() for p in sorted(folder.rglob("*"))
                                   if p.is_file())).hexdigest()


REFUSED = [
    # period as written in report.yaml, --to, settings, the line and field, what it says
    ('"2025-2027"', None, "", ":2: period", "follow each other"),
    ('"voorjaar 99999"', None, "", ":2: period", "four digits"),
    ('"Q4 2025"', "Q5 2026", "", "--to", "kwartaal: 1, 2, 3, 4"),
    (None, None, "", ":1: period", "required key `period` is missing"),
    ('"2025"', None, "", ":2: period", "settings: {cycle: ...}"),
    ("2025", None, "settings: {cycle: jaar}\n", ":2: period", 'in quotes ("2025")'),
    ('"2025"', None, "settings: {cycle: jaarlijks}\n", ":7: settings.cycle", "'jaar'"),
    ('"2025"', None, "settings: {cycle: kwartaal}\n", ":2: period", "cycle 'kwartaal'"),
    ('"schooljaar 2025-2026"', None, "settings: {cycle: jaar}\n", ":2: period",
     "(it reads as a schooljaar)"),
    ('"najaar 2025"', "Q1 2026", "", ":2: period", "not of the same cycle"),
    ('"Q1\u200b 2026"', None, "", ":2: period", "invisible character U+200B"),
    ('"Q1 \uff12\uff10\uff12\uff16"', None, "", ":2: period", "digits 0 to 9"),
    ('"Voortgangsrapportage 2025"', None, "", ":2: period", "not a period standgen knows"),
    ('"Q2 2025"', "Q2 2025", "", "standgen:", "does not come after"),
]


@pytest.mark.parametrize(("period", "to", "settings", "where", "says"), REFUSED)
def test_a_period_that_is_not_plain_is_refused_where_it_stands(
        tmp_path: Path, period: str | None, to: str | None, settings: str, where: str,
        says: str) -> None:
    source = _source(tmp_path / "src", period, settings=settings)
    before = _digest(source)
    argv = ["new", "--from", str(source), "--out", str(tmp_path / "out")]
    run = run_cli(argv + (["--to", to] if to is not None else []))
    run.assert_bounded()
    assert run.code == 2, run.output
    assert "Traceback" not in run.output
    assert where in run.stderr and says in run.stderr, run.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["src"]
    assert _digest(source) == before


def test_a_report_year_its_period_does_not_cover_is_refused(tmp_path: Path) -> None:
    source = _source(tmp_path / "src", '"2025"', 2024, "settings: {cycle: jaar}\n")
    run = run_cli(["new", "--from", str(source), "--out", str(tmp_path / "out")])
    assert run.code == 2 and ":3: report_year" in run.stderr, run.output
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize(("period", "to", "year", "written"), [
    ('"najaar 2026 "', None, 2026, "voorjaar 2027"),
    ('"voorjaar\u00a02026"', "najaar\u00a02026 ", 2025, "najaar 2026"),
    ("NAJAAR 2025", None, 2025, "Voorjaar 2026"),
    ('"Maart 2026"', None, 2026, "April 2026"),
    ('"2025\u201326"', None, 2025, "2026\u201327"),
])
def test_spaces_and_case_are_read_and_the_new_period_is_written_plainly(
        tmp_path: Path, period: str, to: str | None, year: int, written: str) -> None:
    source = _source(tmp_path / "src", period, year)
    argv = ["new", "--from", str(source), "--out", str(tmp_path / "out")]
    run = run_cli(argv + (["--to", to] if to is not None else []))
    assert run.code == 0, run.output
    assert load_report(tmp_path / "out" / "report.yaml").period == written
