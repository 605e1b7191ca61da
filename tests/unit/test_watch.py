"""standgen watch: rebuilds after each change, with the same bytes as a fresh build."""

from __future__ import annotations

import multiprocessing
import shutil
import signal
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from standgen.build import BuildRequest, build
from standgen.errors import SourceError
from standgen.watch import Rebuild, changed_files, watch, watched_files

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "fixtures" / "example"


def _copy(tmp_path: Path) -> Path:
    source = tmp_path / "bron"
    shutil.copytree(EXAMPLE, source)
    return source / "report.yaml"


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _run(request: BuildRequest, steps: list[Callable[[], None]]) -> list[Rebuild]:
    """Watch; after build k, do steps[k]; stop after the build that follows the last."""
    seen: list[Rebuild] = []

    def on_build(rebuild: Rebuild) -> bool:
        seen.append(rebuild)
        if len(seen) > len(steps):
            return False
        steps[len(seen) - 1]()
        return True

    watch(request, on_build, poll=0.05)
    return seen


def test_watched_files_leave_out_the_output_folder_and_hidden_files(tmp_path: Path) -> None:
    report = _copy(tmp_path)
    out = report.parent / "out"
    out.mkdir()
    (out / "oud.pdf").write_bytes(b"x")
    (report.parent / ".report.yaml.swp").write_bytes(b"x")
    files = watched_files(BuildRequest(report, out))
    assert report in files
    assert not [p for p in files if p.name in ("oud.pdf", ".report.yaml.swp")]
    before = dict(files)
    _edit(report, "title:", "title:  ")
    assert changed_files(before, watched_files(BuildRequest(report, out))) == (report,)


def test_each_change_is_rebuilt_to_the_bytes_of_a_fresh_build(tmp_path: Path) -> None:
    report = _copy(tmp_path)
    chapter = report.parent / "hoofdstuk-1.yaml"
    request = BuildRequest(report, tmp_path / "out", formats=("docx", "pdf"), jobs=2)
    seen = _run(request, [lambda: _edit(chapter, "title: Personeel", "title: Personeel herzien")])
    assert [r.error for r in seen] == [None, None]
    assert seen[1].changed == (chapter,)
    assert seen[1].result is not None
    fresh = build(BuildRequest(report, tmp_path / "fresh", formats=("docx", "pdf")))
    for watched, built in zip(seen[1].result.artifacts, fresh.artifacts, strict=True):
        assert watched.name == built.name
        assert watched.read_bytes() == built.read_bytes()
    assert "Personeel herzien" in chapter.read_text(encoding="utf-8")
    assert not multiprocessing.active_children()


def test_a_source_error_is_reported_and_the_watch_goes_on(tmp_path: Path) -> None:
    report = _copy(tmp_path)
    out = tmp_path / "out"
    request = BuildRequest(report, out, formats=("pdf",), jobs=2)
    good = report.read_text(encoding="utf-8")
    seen = _run(request, [lambda: report.write_text(good + "kapot: [\n", encoding="utf-8"),
                          lambda: report.write_text(good, encoding="utf-8")])
    first, broken, fixed = seen
    assert first.result is not None and fixed.result is not None
    assert isinstance(broken.error, SourceError)
    assert broken.error.problems[0].location.file == report.resolve()
    assert broken.result is None
    assert [p.read_bytes() for p in fixed.result.artifacts] == [
        p.read_bytes() for p in first.result.artifacts]


def test_the_watch_command_stops_cleanly_on_sigterm(tmp_path: Path) -> None:
    report = _copy(tmp_path)
    out = tmp_path / "out"
    process = subprocess.Popen([sys.executable, "-m", "standgen", "watch", str(report),
                                "--out", str(out), "--format", "pdf", "--jobs", "2"],
                               stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True)
    assert process.stderr is not None
    try:
        for line in process.stderr:
            if "built 1 artifact(s)" in line:
                break
        process.send_signal(signal.SIGTERM)
        _, rest = process.communicate(timeout=20)
    finally:
        if process.poll() is None:
            process.kill()
    assert process.returncode == 0
    assert "stopped watching" in rest
    assert "Traceback" not in rest
    assert [p.name for p in out.glob("*.pdf")] == [
        "stand-van-voorbeeld-voorjaar-2026-openbare-versie.pdf"]
