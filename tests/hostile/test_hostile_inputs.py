"""Hostile sources through `standgen build`: a located error, no traceback, nothing written."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.hostile.cases import CASES, Hostile
from tests.hostile.guard import run_cli


def _snapshot(folder: Path) -> set[str]:
    """Every path below `folder` (files and folders), relative to it."""
    return {str(p.relative_to(folder)) for p in folder.rglob("*")}


def _contents(folder: Path) -> dict[str, bytes]:
    """The bytes of every regular file below `folder` (symbolic links and pipes skipped)."""
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*")
            if p.is_file() and not p.is_symlink()}


def _expected_line(case: Hostile, file: Path) -> int | None:
    if case.line is None or isinstance(case.line, int):
        return case.line
    lines = file.read_text(encoding="utf-8", errors="replace").splitlines()
    return next(n for n, text in enumerate(lines, start=1) if case.line in text)


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_hostile_input_is_refused_cleanly(case: Hostile, tmp_path: Path) -> None:
    project = tmp_path / "project"
    project.mkdir()
    main = case.make(project)
    out = tmp_path / "out"
    out.mkdir()
    (out / "earlier.txt").write_text("from before\n", encoding="utf-8")
    before = _snapshot(out)
    sources = _contents(project)

    run = run_cli(["build", str(main), "--out", str(out)])

    run.assert_bounded()
    assert run.code in case.codes, run.output
    assert "Traceback" not in run.output
    named = (project / case.file).resolve()
    line = _expected_line(case, project / case.file)
    place = f"{named}:{line}" if line is not None else str(named)
    problem = [text for text in run.stderr.splitlines() if text.startswith(place)]
    assert problem, f"no message at {place}:\n{run.stderr[:2000]}"
    assert case.message.lower() in run.stderr.lower(), run.stderr[:2000]
    assert _snapshot(out) == before
    assert (out / "earlier.txt").read_text(encoding="utf-8") == "from before\n"
    assert _contents(project) == sources


def test_every_kind_of_hostile_input_is_covered() -> None:
    names = " ".join(c.name for c in CASES)
    for kind in ("BEL", "NUL", "FFFE", "surrogate", "multi-megabyte", "100,000-row",
                 "zip bomb", "../", "absolute", "symbolic link", "circle", "billion laughs",
                 "subclasses", "cycler", "binary", "empty", "directory", "Latin-1",
                 "really a PDF", "image that is text"):
        assert kind in names, kind
