"""Artifacts get the mode of a normally created file; cached charts and reports, which hold
confidential content too, are readable by their owner only."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from standgen.build import BuildRequest, build
from standgen.load import cache as report_cache

CANARIES = Path(__file__).resolve().parents[2] / "fixtures" / "canaries" / "report.yaml"


@pytest.fixture()
def own_user_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """A user cache folder (and so a signing key) of this test's own."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "user-cache"))
    report_cache._key.cache_clear()
    yield
    report_cache._key.cache_clear()


@pytest.mark.usefixtures("own_user_cache")
@pytest.mark.parametrize("jobs", [1, 2])
def test_artifacts_are_readable_by_others_and_caches_are_private(tmp_path: Path,
                                                                  jobs: int) -> None:
    cache = tmp_path / "cache"
    result = build(BuildRequest(CANARIES, tmp_path / "out", editions=("openbaar", "bijlage"),
                                formats=("docx", "pdf", "md"), jobs=jobs, cache_dir=cache))
    umask = os.umask(0)
    os.umask(umask)
    assert {p.suffix for p in result.artifacts} == {".docx", ".pdf", ".md"}
    assert {p.stat().st_mode & 0o777 for p in result.artifacts} == {0o666 & ~umask}
    cached = [p for p in cache.rglob("*") if p.is_file()]
    assert any(p.suffix == ".pickle" for p in cached) and any(p.suffix == ".png" for p in cached)
    assert {p.stat().st_mode & 0o777 for p in cached} == {0o600}
