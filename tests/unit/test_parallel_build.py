"""Parallel builds: the same bytes as one process, leaks caught, workers always stopped."""

from __future__ import annotations

import multiprocessing
import shutil
from pathlib import Path

import pytest

from standgen.build import BuildRequest, build
from standgen.errors import BuildError, SourceError
from tests.reports import leaking_templates

ROOT = Path(__file__).resolve().parents[2]
CANARIES = ROOT / "fixtures" / "canaries" / "report.yaml"
EDITIONS = ("openbaar", "vertrouwelijk", "bijlage")


def _build(out: Path, jobs: int, **options: object) -> list[Path]:
    request = BuildRequest(CANARIES, out, editions=EDITIONS, jobs=jobs, copies=(1, 2),
                           cache_dir=out / "cache", **options)  # type: ignore[arg-type]
    return build(request).artifacts


def test_a_parallel_build_writes_the_same_bytes_in_the_same_order(tmp_path: Path) -> None:
    one = _build(tmp_path / "one", jobs=1)
    two = _build(tmp_path / "two", jobs=2)
    assert [p.name for p in one] == [p.name for p in two]
    assert len(one) == 2 + 2 * 2 * 2 + 1  # public DOCX and PDF, 2 copies × 2 editions, register
    for first, second in zip(one, two, strict=True):
        assert first.read_bytes() == second.read_bytes(), first.name
    charts_one = sorted((tmp_path / "one" / "cache").rglob("*.*"))
    charts_two = sorted((tmp_path / "two" / "cache").rglob("*.*"))
    assert [p.name for p in charts_one] == [p.name for p in charts_two]
    assert charts_one, "the canaries draw charts: the workers drew them on a cold cache"
    assert not multiprocessing.active_children()


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_leak_found_by_a_worker_fails_the_build_and_keeps_the_old_output(
        tmp_path: Path, jobs: int) -> None:
    templates = leaking_templates(tmp_path)
    out = tmp_path / "out"
    out.mkdir()
    older = out / "stand-van-kanarie-najaar-2026-openbare-versie.pdf"
    older.write_bytes(b"older build")
    with pytest.raises(BuildError, match="contains confidential content"):
        _build(out, jobs=jobs, templates=templates)
    assert sorted(p.name for p in out.iterdir() if not p.name.startswith(".")) == [
        "cache", older.name]
    assert older.read_bytes() == b"older build"
    assert not list(out.glob(".standgen-staging-*"))
    assert not multiprocessing.active_children()


def test_a_source_error_stops_the_workers_started_before_loading(tmp_path: Path) -> None:
    source = tmp_path / "bron"
    shutil.copytree(CANARIES.parent, source)
    report = source / "report.yaml"
    report.write_text(report.read_text(encoding="utf-8") + "onbekend: 1\n", encoding="utf-8")
    with pytest.raises(SourceError, match="onbekend"):
        build(BuildRequest(report, tmp_path / "out", jobs=2))
    assert not multiprocessing.active_children()
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize(("change", "strict", "message"), [
    ("[^onbekend]", False, "footnote \\[\\^onbekend\\] is not declared"),  # compose cannot
    ("", True, "footnote 'open' is never referred to"),  # composes; refused while writing
])
def test_a_report_that_does_not_validate_is_refused_while_its_writers_run(
        tmp_path: Path, change: str, strict: bool, message: str) -> None:
    source = tmp_path / "bron"
    shutil.copytree(CANARIES.parent, source)
    report = source / "report.yaml"
    report.write_text(report.read_text(encoding="utf-8").replace("[^open]", change),
                      encoding="utf-8")
    out = tmp_path / "out"
    with pytest.raises(SourceError, match=message):
        build(BuildRequest(report, out, editions=EDITIONS, jobs=2, strict=strict,
                           cache_dir=tmp_path / "cache"))
    assert not out.exists()
    assert not multiprocessing.active_children()
